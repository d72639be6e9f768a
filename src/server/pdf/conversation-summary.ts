/**
 * @module The one-page summary of a conversation as PDF (pdfkit): who and when, the profile radar with its numbers,
 * the agreed goals and actions, the next follow-up and both signatures, in Danish or English.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { woffToSfnt } from './woff.ts';

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

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** IBM Plex Sans, the UI's typeface, from the installed package: read once per process. */
const loadFonts = () => {
  const font = (weight: number) =>
    woffToSfnt(
      readFileSync(
        require.resolve(`@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-${weight}-normal.woff`),
      ),
    );
  fonts ??= { regular: font(400), bold: font(600) };
  return fonts;
};

const ink = '#1a1a1a';
const muted = '#545454';
const grid = '#b0b0b0';

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

  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 36,
    lang: input.locale,
    info: {
      Title: `${text.title[input.kind]}: ${input.employee.name}`,
      Author: input.municipalityName,
      Creator: 'Vejviser',
    },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const heading = (value: string, size = 11) => {
    doc.moveDown(0.5).font('bold').fontSize(size).fillColor(ink).text(value, left, doc.y, { width });
    doc.moveDown(0.2);
  };
  const line = (label: string, value: string, indent = 0) => {
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(ink)
      .text(`${label}: `, left + indent, doc.y, { continued: true, width: width - indent })
      .font('regular')
      .text(value);
  };

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

  // Profile: radar on the left, the numbers beside it.
  heading(text.profile);
  const top = doc.y;
  const size = 130;
  drawRadar(doc, input, left + size / 2 + 60, top + size / 2 + 12, size / 2, text);
  const tableLeft = left + size + 140;
  const columns = [tableLeft, tableLeft + 130, tableLeft + 170, tableLeft + 210];
  doc.font('bold').fontSize(8.5).fillColor(ink);
  [text.area, text.self, text.leaderRating, text.target].forEach((label, index) => {
    doc.text(label, columns[index]!, top, { width: index === 0 ? 125 : 40, lineBreak: false });
  });
  let rowY = top + 14;
  doc.font('regular');
  for (const area of input.areas) {
    doc.text(area.name, columns[0]!, rowY, { width: 125 });
    const nameBottom = doc.y;
    [area.self, area.leader, area.target].forEach((value, index) => {
      doc.text(number(value), columns[index + 1]!, rowY, { width: 40, lineBreak: false });
    });
    rowY = Math.max(nameBottom, rowY + 12) + 2;
  }
  drawLegend(doc, tableLeft, rowY + 8, text);
  doc.x = left;
  doc.y = Math.max(top + size + 24, rowY + 40);

  // The plan.
  heading(text.plan);
  if (input.goals.length === 0)
    doc.font('regular').fontSize(9).fillColor(ink).text(text.noGoals, left, doc.y);
  input.goals.forEach((goal, index) => {
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
  heading(text.signatures);
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

function drawRadar(
  doc: PDFKit.PDFDocument,
  input: ConversationSummaryPdfInput,
  cx: number,
  cy: number,
  radius: number,
  text: Labels,
) {
  const axes = input.areas.length;
  if (axes < 3) return;
  const angle = (index: number) => -Math.PI / 2 + (index * 2 * Math.PI) / axes;
  const point = (index: number, value: number) => {
    const r = (radius * value) / input.scaleMax;
    return [cx + r * Math.cos(angle(index)), cy + r * Math.sin(angle(index))] as [number, number];
  };
  doc.save().lineWidth(0.5).strokeColor(grid);
  for (let level = 1; level <= input.scaleMax; level += 1) {
    doc.polygon(...input.areas.map((_, index) => point(index, level))).stroke();
  }
  input.areas.forEach((area, index) => {
    doc
      .moveTo(cx, cy)
      .lineTo(...point(index, input.scaleMax))
      .stroke();
    const [x, y] = point(index, input.scaleMax + 0.3);
    // Labels sit outside the chart: to the right of axes on the right, to the left of those on the left.
    const side = Math.cos(angle(index));
    const align = Math.abs(side) < 0.2 ? 'center' : side > 0 ? 'left' : 'right';
    const labelWidth = 90;
    const labelX = align === 'center' ? x - labelWidth / 2 : align === 'left' ? x + 2 : x - labelWidth - 2;
    const labelY = Math.sin(angle(index)) < -0.9 ? y - 9 : y - 4;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(muted)
      .text(area.name, labelX, labelY, { width: labelWidth, align });
  });
  doc.restore();
  for (const layer of series) {
    const points = input.areas.flatMap((area, index) => {
      const value = area[layer.key];
      return value === null ? [] : [point(index, value)];
    });
    if (points.length === 0) continue;
    doc.save().lineWidth(1.2).strokeColor(ink);
    if (layer.dash) doc.dash(layer.dash[0]!, { space: layer.dash[1]! });
    if (points.length === axes) doc.polygon(...points).stroke();
    else {
      doc.moveTo(...points[0]!);
      for (const next of points.slice(1)) doc.lineTo(...next);
      doc.stroke();
    }
    doc.undash().restore();
    for (const [x, y] of points) marker(doc, layer.marker, x, y);
  }
  void text;
}

function drawLegend(doc: PDFKit.PDFDocument, x: number, y: number, text: Labels) {
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
}
