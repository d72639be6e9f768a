/** @module A realistic conversation summary (Birthe's MUS with Anne), shared by the PDF tests and the PDF benchmark. */
import type { ConversationSummaryPdfInput } from '../../src/server/pdf/conversation-summary.ts';

const action = (description: string, colleague: string | null = null) => ({
  kind: colleague ? ('colleague' as const) : ('practice' as const),
  description,
  owner: 'Birthe Hansen',
  dueDate: '2027-01-31',
  status: 'in_progress' as const,
  colleague,
});

/** `goals` goals of `actionsPerGoal` actions each; the first goal's title is the one tests look for. */
export function summarySample(
  locale: 'da' | 'en',
  goals = 3,
  actionsPerGoal = 3,
): ConversationSummaryPdfInput {
  const actions = [
    action('Øve medbetjening ved skranken'),
    action('Følge en kollega en formiddag', 'Mads Pedersen'),
    action('Læse om åbne spørgsmål'),
  ];
  return {
    locale,
    timeZone: 'Europe/Copenhagen',
    municipalityName: 'Tønder Kommune',
    kind: 'mus',
    employee: { name: 'Birthe Hansen', title: 'Borgerservicemedarbejder' },
    leader: { name: 'Anne Kristensen' },
    scheduledAt: '2026-12-10T08:30:00Z',
    heldAt: '2026-12-10T08:35:00Z',
    place: 'Mødelokale 3, Rådhuset',
    scaleMax: 4,
    areas: [
      { name: 'Kommunikation', self: 3.5, leader: 2.5, target: 3 },
      { name: 'Pædagogik og coaching', self: 2, leader: 2, target: 3 },
      { name: 'Organisatorisk indsigt', self: 3, leader: null, target: 3 },
      { name: 'IT-kompetencer', self: 4, leader: 3, target: 3 },
      { name: 'Personlige kompetencer', self: 3, leader: 3, target: 3 },
    ],
    goals: Array.from({ length: goals }, (_, index) => ({
      title:
        index === 0
          ? 'Bruge spørgeteknik til at afdække borgerens behov'
          : `Mål nummer ${index + 1} om ærlig feedback`,
      why: 'Så borgeren får den rigtige hjælp første gang.',
      successCriterion: 'Tre borgere om ugen klarer selv ansøgningen på borger.dk.',
      targetDate: '2027-03-31',
      competences: ['Spørgeteknik', 'Medbetjening'],
      status: 'not_started' as const,
      actions: actions.slice(0, actionsPerGoal),
    })),
    nextFollowUp: '2027-02-15',
    signatures: [
      { role: 'employee', name: 'Birthe Hansen', signedAt: '2026-12-10T09:20:00Z' },
      { role: 'leader', name: 'Anne Kristensen', signedAt: null },
    ],
    addenda: [],
  };
}
