/**
 * @module The one-page summary of a conversation as PDF (pdfkit): who and when, the profile radar with its numbers,
 * the agreed goals and actions, the next follow-up and both signatures, in Danish or English.
 */
import { createPdf, grid, ink, muted } from './document.ts';

export type PlanItemStatus = 'not_started' | 'in_progress' | 'done' | 'dropped';

export interface ConversationSummaryPdfInput {
  locale: 'da' | 'en';
  timeZone: string;
  municipalityName: string;
  kind: 'profiling' | 'mus' | 'follow_up';
  employee: { name: string; title: string | null };
  leader: { name: string };
  scheduledAt: string;
  heldAt: string | null;
  place: string;
  scaleMax: number;
  /** Radar axes; null means not rated, or not visible to the reader. */
  areas: { name: string; self: number | null; leader: number | null; target: number | null }[];
  goals: {
    title: string;
    why: string;
    successCriterion: string;
    targetDate: string;
    competences: string[];
    status: PlanItemStatus;
    actions: {
      kind: 'theory' | 'practice' | 'colleague' | 'other';
      description: string;
      owner: string;
      dueDate: string;
      status: PlanItemStatus;
      colleague: string | null;
    }[];
  }[];
  nextFollowUp: string | null;
  signatures: { role: 'employee' | 'leader'; name: string; signedAt: string | null }[];
  addenda: { author: string; at: string; text: string }[];
}

const labels = {
  da: {
    title: {
      profiling: 'Profileringssamtale – opsummering',
      mus: 'MUS – opsummering',
      follow_up: 'Opfølgningssamtale – opsummering',
    },
    employee: 'Medarbejder',
    leader: 'Leder',
    when: 'Tidspunkt',
    place: 'Sted',
    profile: 'Kompetenceprofil',
    area: 'Område',
    self: 'Selv',
    leaderRating: 'Leder',
    target: 'Mål',
    plan: 'Udviklingsplan',
    noGoals: 'Der er ikke aftalt mål.',
    why: 'Hvorfor',
    success: 'Succeskriterium',
    targetDate: 'Måldato',
    competences: 'Kompetencer',
    actions: 'Handlinger',
    owner: 'Ansvarlig',
    due: 'Frist',
    learnFrom: 'Lær af',
    nextFollowUp: 'Næste opfølgning',
    notSet: 'Ikke aftalt',
    signatures: 'Underskrifter',
    signed: 'Underskrevet',
    notSigned: 'Ikke underskrevet',
    addenda: 'Tillæg',
    notRated: 'Ikke vurderet',
    kinds: {
      theory: 'Kursus eller materiale',
      practice: 'Praksisopgave',
      colleague: 'Lær af en kollega',
      other: 'Andet',
    },
    statuses: { not_started: 'Ikke startet', in_progress: 'I gang', done: 'Gennemført', dropped: 'Opgivet' },
  },
  en: {
    title: {
      profiling: 'Profiling conversation – summary',
      mus: 'Development review – summary',
      follow_up: 'Follow-up conversation – summary',
    },
    employee: 'Employee',
    leader: 'Leader',
    when: 'Time',
    place: 'Place',
    profile: 'Competence profile',
    area: 'Area',
    self: 'Self',
    leaderRating: 'Leader',
    target: 'Target',
    plan: 'Development plan',
    noGoals: 'No goals were agreed.',
    why: 'Why',
    success: 'Success criterion',
    targetDate: 'Target date',
    competences: 'Competences',
    actions: 'Actions',
    owner: 'Owner',
    due: 'Due',
    learnFrom: 'Learn from',
    nextFollowUp: 'Next follow-up',
    notSet: 'Not agreed',
    signatures: 'Signatures',
    signed: 'Signed',
    notSigned: 'Not signed',
    addenda: 'Addenda',
    notRated: 'Not rated',
    kinds: {
      theory: 'Course or material',
      practice: 'Practice task',
      colleague: 'Learn from a colleague',
      other: 'Other',
    },
    statuses: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
  },
} as const;

/** The three layers differ by line style and marker shape, so the chart reads in black and white. */
const series = [
  { key: 'self', dash: undefined as number[] | undefined, marker: 'circle' },
  { key: 'leader', dash: [4, 2], marker: 'square' },
  { key: 'target', dash: [1, 2], marker: 'triangle' },
] as const;

export async function conversationSummaryPdf(input: ConversationSummaryPdfInput): Promise<Buffer> {
  const text = labels[input.locale];
  const tag = input.locale === 'da' ? 'da-DK' : 'en-GB';
  const day = (value: string) =>
    new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  const moment = (value: string) =>
    new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: input.timeZone }).format(
      new Date(value),
    );
  const number = (value: number | null) =>
    value === null ? '–' : new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);

  const { doc, finished, left, width, heading, line, keepRoom } = createPdf({
    locale: input.locale,
    title: `${text.title[input.kind]}: ${input.employee.name}`,
    author: input.municipalityName,
  });

  // Header.
  doc.font('regular').fontSize(9).fillColor(muted).text(input.municipalityName, left, doc.y, { width });
  doc.font('bold').fontSize(16).fillColor(ink).text(text.title[input.kind], { width });
  doc.moveDown(0.3);
  line(
    text.employee,
    input.employee.title ? `${input.employee.name}, ${input.employee.title}` : input.employee.name,
  );
  line(text.leader, input.leader.name);
  line(text.when, moment(input.heldAt ?? input.scheduledAt));
  line(text.place, input.place);

  // Profile: radar on the left, the numbers right-aligned beside it; the axis labels keep to the space between.
  heading(text.profile);
  const top = doc.y;
  const radius = 60;
  const nameWidth = 115;
  const numberWidth = 35;
  const tableLeft = left + width - nameWidth - 3 * numberWidth;
  const columns = [0, 1, 2, 3].map(
    (index) => tableLeft + (index === 0 ? 0 : nameWidth + (index - 1) * numberWidth),
  );
  const radarBottom = drawRadar(doc, input, { cx: left + 147, top: top + 4, radius }, [left, tableLeft - 8]);
  doc.font('bold').fontSize(8.5).fillColor(ink);
  [text.area, text.self, text.leaderRating, text.target].forEach((label, index) => {
    doc.text(label, columns[index]!, top, {
      width: index === 0 ? nameWidth - 5 : numberWidth,
      lineBreak: false,
    });
  });
  let rowY = top + 14;
  doc.font('regular');
  for (const area of input.areas) {
    doc.text(area.name, columns[0]!, rowY, { width: nameWidth - 5 });
    const nameBottom = doc.y;
    [area.self, area.leader, area.target].forEach((value, index) => {
      doc.text(number(value), columns[index + 1]!, rowY, { width: numberWidth, lineBreak: false });
    });
    rowY = Math.max(nameBottom, rowY + 12) + 2;
  }
  const legendBottom = drawLegend(doc, tableLeft, rowY + 8, text);
  doc.x = left;
  doc.y = Math.max(radarBottom, legendBottom) + 6;

  // The plan.
  heading(text.plan);
  if (input.goals.length === 0)
    doc.font('regular').fontSize(9).fillColor(ink).text(text.noGoals, left, doc.y);
  input.goals.forEach((goal, index) => {
    keepRoom(50);
    doc
      .moveDown(0.25)
      .font('bold')
      .fontSize(9.5)
      .fillColor(ink)
      .text(`${index + 1}. ${goal.title}`, left, doc.y, { width, continued: true })
      .font('regular')
      .fillColor(muted)
      .text(`  (${text.statuses[goal.status]})`);
    if (goal.why) line(text.why, goal.why, 12);
    line(text.success, goal.successCriterion, 12);
    const competences =
      goal.competences.length > 0 ? ` · ${text.competences}: ${goal.competences.join(', ')}` : '';
    line(text.targetDate, `${day(goal.targetDate)}${competences}`, 12);
    for (const action of goal.actions) {
      const colleague = action.colleague ? ` (${text.learnFrom} ${action.colleague})` : '';
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(ink)
        .text(
          `• ${text.kinds[action.kind]}: ${action.description}${colleague}. ${text.owner}: ${action.owner}. ${text.due}: ${day(action.dueDate)}. ${text.statuses[action.status]}.`,
          left + 24,
          doc.y,
          { width: width - 24 },
        );
    }
  });
  doc.moveDown(0.5);
  line(text.nextFollowUp, input.nextFollowUp ? day(input.nextFollowUp) : text.notSet);

  // Signatures.
  heading(text.signatures, 11, input.signatures.length * 12);
  for (const signature of input.signatures) {
    const role = signature.role === 'employee' ? text.employee : text.leader;
    line(
      `${role} – ${signature.name}`,
      signature.signedAt ? `${text.signed} ${moment(signature.signedAt)}` : text.notSigned,
    );
  }

  if (input.addenda.length > 0) {
    heading(text.addenda);
    for (const addendum of input.addenda) {
      line(`${moment(addendum.at)}, ${addendum.author}`, addendum.text);
    }
  }
  doc.end();
  return finished;
}

type Labels = (typeof labels)[keyof typeof labels];

function marker(doc: PDFKit.PDFDocument, shape: string, x: number, y: number) {
  if (shape === 'circle') doc.circle(x, y, 2.5);
  else if (shape === 'square') doc.rect(x - 2.3, y - 2.3, 4.6, 4.6);
  else doc.polygon([x, y - 3], [x + 3, y + 2.4], [x - 3, y + 2.4]);
  doc.fillColor(ink).fill();
}

/**
 * Draws the radar below `top` and returns the lowest y it reaches. Axis labels stay within `[minX, maxX]` and wrap
 * there, so a long area name never runs into the table or the margin; the chart moves down to make room for them.
 */
function drawRadar(
  doc: PDFKit.PDFDocument,
  input: ConversationSummaryPdfInput,
  { cx, top, radius }: { cx: number; top: number; radius: number },
  [minX, maxX]: [number, number],
): number {
  const axes = input.areas.length;
  if (axes < 3) return top;
  const angle = (index: number) => -Math.PI / 2 + (index * 2 * Math.PI) / axes;
  const labelDistance = radius * (1 + 0.3 / input.scaleMax) + 2;
  doc.font('regular').fontSize(7);
  // Each label is laid out relative to its axis' end first: above the top axis, below the bottom one, beside the
  // others (to the right of axes on the right, to the left of those on the left), vertically centred on the axis.
  const labels = input.areas.map((area, index) => {
    const dx = labelDistance * Math.cos(angle(index));
    const dy = labelDistance * Math.sin(angle(index));
    const align: 'center' | 'left' | 'right' =
      Math.abs(dx) < 0.2 * labelDistance ? 'center' : dx > 0 ? 'left' : 'right';
    const x = cx + dx;
    const width =
      align === 'center'
        ? Math.min(90, 2 * (x - minX), 2 * (maxX - x))
        : Math.min(90, align === 'left' ? maxX - x : x - minX);
    const height = doc.heightOfString(area.name, { width, align });
    const offsetY = align !== 'center' ? dy - height / 2 : dy < 0 ? dy - height : dy;
    const labelX = align === 'center' ? x - width / 2 : align === 'left' ? x : x - width;
    return { name: area.name, align, width, height, labelX, offsetY };
  });
  const cy = top + Math.max(radius, ...labels.map((label) => -label.offsetY));
  const point = (index: number, value: number) => {
    const r = (radius * value) / input.scaleMax;
    return [cx + r * Math.cos(angle(index)), cy + r * Math.sin(angle(index))] as [number, number];
  };
  let bottom = cy + radius;
  doc.save().lineWidth(0.5).strokeColor(grid);
  for (let level = 1; level <= input.scaleMax; level += 1) {
    doc.polygon(...input.areas.map((_, index) => point(index, level))).stroke();
  }
  input.areas.forEach((_, index) => {
    doc
      .moveTo(cx, cy)
      .lineTo(...point(index, input.scaleMax))
      .stroke();
  });
  doc.fillColor(muted);
  for (const label of labels) {
    doc.text(label.name, label.labelX, cy + label.offsetY, { width: label.width, align: label.align });
    bottom = Math.max(bottom, cy + label.offsetY + label.height);
  }
  doc.restore();
  for (const layer of series) {
    const values = input.areas.map((area) => area[layer.key]);
    const rated = values.flatMap((value, index) => (value === null ? [] : [point(index, value)]));
    if (rated.length === 0) continue;
    doc.save().lineWidth(1.2).strokeColor(ink);
    if (layer.dash) doc.dash(layer.dash[0]!, { space: layer.dash[1]! });
    if (rated.length === axes) doc.polygon(...rated).stroke();
    else {
      // A missing value leaves a gap: only neighbouring rated axes are joined, so no line suggests a level.
      let segments = 0;
      values.forEach((value, index) => {
        const next = values[(index + 1) % axes] ?? null;
        if (value === null || next === null) return;
        doc.moveTo(...point(index, value)).lineTo(...point((index + 1) % axes, next));
        segments += 1;
      });
      if (segments > 0) doc.stroke();
    }
    doc.undash().restore();
    for (const [x, y] of rated) marker(doc, layer.marker, x, y);
  }
  return bottom;
}

/** Draws the legend and returns its lowest y. */
function drawLegend(doc: PDFKit.PDFDocument, x: number, y: number, text: Labels): number {
  const names = { self: text.self, leader: text.leaderRating, target: text.target };
  series.forEach((layer, index) => {
    const rowY = y + index * 12;
    doc.save().lineWidth(1.2).strokeColor(ink);
    if (layer.dash) doc.dash(layer.dash[0]!, { space: layer.dash[1]! });
    doc
      .moveTo(x, rowY + 4)
      .lineTo(x + 22, rowY + 4)
      .stroke();
    doc.undash().restore();
    marker(doc, layer.marker, x + 11, rowY + 4);
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(ink)
      .text(names[layer.key], x + 28, rowY, { lineBreak: false });
  });
  return y + series.length * 12;
}
