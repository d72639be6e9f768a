/**
 * @module The interview guide of a position as PDF (pdfkit), for the panel to take into the interview: per focus
 * competence the questions with their probes and room for notes, then what an answer sounds like at each level and
 * boxes to tick, in Danish or English.
 */
import { guideSections } from '../../domain/interview-guide.ts';
import { createPdf, grid, ink, muted } from './document.ts';

export interface InterviewGuidePdfInput {
  locale: 'da' | 'en';
  municipalityName: string;
  positionTitle: string;
  unitName: string;
  scaleMax: number;
  competences: {
    id: string;
    name: string;
    description: string;
    target: number | null;
    anchors: { level: number; name: string; text: string }[];
  }[];
  items: { id: string; competenceId: string | null; text: string; probes: string[] }[];
}

const labels = {
  da: {
    title: 'Samtaleguide',
    unit: 'Enhed',
    candidate: 'Kandidat',
    interviewer: 'Interviewer',
    date: 'Dato',
    howTo:
      'Stil de samme spørgsmål til alle kandidater i samme rækkefølge. Brug de uddybende spørgsmål til at få situationen, kandidatens egen handling og resultatet frem. Skriv noter undervejs, og vælg først niveauet efter samtalen – hver for sig, før panelet taler sammen.',
    target: 'Mål',
    probes: 'Uddybende spørgsmål',
    notes: 'Noter',
    anchors: 'Sådan lyder et svar på hvert niveau',
    level: 'Niveau',
    general: 'Øvrige spørgsmål',
  },
  en: {
    title: 'Interview guide',
    unit: 'Unit',
    candidate: 'Candidate',
    interviewer: 'Interviewer',
    date: 'Date',
    howTo:
      'Ask every candidate the same questions in the same order. Use the probes to bring out the situation, what the candidate did themselves, and the result. Take notes as you go, and choose the level only after the interview – each on your own, before the panel talks.',
    target: 'Target',
    probes: 'Probes',
    notes: 'Notes',
    anchors: 'What an answer sounds like at each level',
    level: 'Level',
    general: 'Other questions',
  },
} as const;

export async function interviewGuidePdf(input: InterviewGuidePdfInput): Promise<Buffer> {
  const text = labels[input.locale];
  const { doc, finished, left, width, keepRoom, heading, line } = createPdf({
    locale: input.locale,
    title: `${text.title}: ${input.positionTitle}`,
    author: input.municipalityName,
  });
  const competences = new Map(input.competences.map((competence) => [competence.id, competence]));

  // Header, with lines to fill in by hand.
  doc.font('regular').fontSize(9).fillColor(muted).text(input.municipalityName, left, doc.y, { width });
  doc.font('bold').fontSize(16).fillColor(ink).text(`${text.title}: ${input.positionTitle}`, { width });
  doc.moveDown(0.3);
  line(text.unit, input.unitName);
  for (const label of [text.candidate, text.interviewer, text.date]) {
    line(label, '_'.repeat(label === text.date ? 20 : 48));
  }
  doc.moveDown(0.4);
  doc.font('regular').fontSize(8.5).fillColor(muted).text(text.howTo, left, doc.y, { width });

  const sections = guideSections(input.items);
  const lastSectionOf = new Map<string, number>();
  sections.forEach((section, index) => {
    if (section.competenceId) lastSectionOf.set(section.competenceId, index);
  });
  let number = 0;
  sections.forEach((section, sectionIndex) => {
    const competence = section.competenceId ? competences.get(section.competenceId) : undefined;
    const target = competence?.target
      ? ` (${text.target}: ${competence.target} – ${competence.anchors.find((anchor) => anchor.level === competence.target)?.name ?? ''})`
      : '';
    heading(competence ? `${competence.name}${target}` : text.general, 12, 90);
    if (competence) {
      doc.font('regular').fontSize(8.5).fillColor(muted).text(competence.description, left, doc.y, { width });
    }
    for (const item of section.items) {
      number += 1;
      keepRoom(110);
      doc
        .moveDown(0.4)
        .font('bold')
        .fontSize(9.5)
        .fillColor(ink)
        .text(`${number}. ${item.text}`, left, doc.y, { width });
      if (item.probes.length > 0) {
        doc
          .moveDown(0.15)
          .font('regular')
          .fontSize(8.5)
          .fillColor(muted)
          .text(`${text.probes}:`, left + 12);
        for (const probe of item.probes) {
          doc.fillColor(ink).text(`– ${probe}`, left + 18, doc.y, { width: width - 18 });
        }
      }
      notesBox(doc, left + 12, width - 12, text.notes);
    }
    if (competence && lastSectionOf.get(competence.id) === sectionIndex) {
      anchorsTable(doc, { left, width, keepRoom }, competence.anchors, text);
    }
  });
  doc.end();
  return finished;
}

type Labels = (typeof labels)[keyof typeof labels];

/** A framed, empty box for handwritten notes below a question. */
function notesBox(doc: PDFKit.PDFDocument, x: number, width: number, label: string) {
  const height = 54;
  doc.moveDown(0.3);
  const top = doc.y;
  doc.save().lineWidth(0.5).strokeColor(grid).rect(x, top, width, height).stroke().restore();
  doc
    .font('regular')
    .fontSize(7)
    .fillColor(muted)
    .text(label, x + 4, top + 3, { lineBreak: false });
  doc.x = x;
  doc.y = top + height + 2;
}

/** The answer anchors, level by level, each with a box to tick. */
function anchorsTable(
  doc: PDFKit.PDFDocument,
  page: { left: number; width: number; keepRoom: (height: number) => void },
  anchors: InterviewGuidePdfInput['competences'][number]['anchors'],
  text: Labels,
) {
  page.keepRoom(40 + anchors.length * 28);
  doc.moveDown(0.5).font('bold').fontSize(9).fillColor(ink).text(text.anchors, page.left, doc.y, {
    width: page.width,
  });
  const textLeft = page.left + 24;
  for (const anchor of anchors) {
    doc.moveDown(0.2);
    page.keepRoom(30);
    const top = doc.y;
    doc
      .save()
      .lineWidth(0.8)
      .strokeColor(ink)
      .rect(page.left + 4, top + 1, 8, 8)
      .stroke()
      .restore();
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(ink)
      .text(`${text.level} ${anchor.level} – ${anchor.name}: `, textLeft, top, {
        width: page.width - 24,
        continued: true,
      })
      .font('regular')
      .text(anchor.text);
  }
  doc.x = page.left;
}
