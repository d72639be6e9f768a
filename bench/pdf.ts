/**
 * @module PDF benchmark: how long the server takes to produce a conversation summary for a realistic plan (four
 * goals, eight actions, five areas). Target from the conversations issue: a median under 300 ms.
 * Run with `npm run bench:pdf`.
 */
import {
  type ConversationSummaryPdfInput,
  conversationSummaryPdf,
} from '../src/server/pdf/conversation-summary.ts';
import { percentile, table } from './report.ts';

const warmup = 20;
const runs = 200;
const targetMs = 300;

const input: ConversationSummaryPdfInput = {
  locale: 'da',
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
    { name: 'Kommunikation', self: 3.2, leader: 2.7, target: 3 },
    { name: 'Pædagogik og coaching', self: 2.5, leader: 2, target: 3 },
    { name: 'Organisatorisk indsigt', self: 3, leader: 3, target: 3 },
    { name: 'IT-kompetencer', self: 3.8, leader: 3.3, target: 3 },
    { name: 'Personlige kompetencer', self: 3, leader: 3.2, target: 3 },
  ],
  goals: Array.from({ length: 4 }, (_, goal) => ({
    title: `Mål ${goal + 1}: bruge spørgeteknik til at afdække borgerens behov`,
    why: 'Så borgeren får den rigtige hjælp første gang og selv kan næste gang.',
    successCriterion: 'Tre borgere om ugen klarer selv ansøgningen på borger.dk med mig ved siden af.',
    targetDate: '2027-03-31',
    competences: ['Spørgeteknik', 'Medbetjening'],
    status: 'in_progress' as const,
    actions: Array.from({ length: 2 }, (_, action) => ({
      kind: action === 0 ? ('practice' as const) : ('colleague' as const),
      description: action === 0 ? 'Øve medbetjening ved skranken hver formiddag' : 'Følge en kollega en dag',
      owner: 'Birthe Hansen',
      dueDate: '2027-01-31',
      status: 'not_started' as const,
      colleague: action === 0 ? null : 'Mads Pedersen',
    })),
  })),
  nextFollowUp: '2027-02-15',
  signatures: [
    { role: 'employee', name: 'Birthe Hansen', signedAt: '2026-12-10T09:20:00Z' },
    { role: 'leader', name: 'Anne Kristensen', signedAt: '2026-12-10T09:22:00Z' },
  ],
  addenda: [],
};

for (let index = 0; index < warmup; index += 1) await conversationSummaryPdf(input);
const samples = new Float64Array(runs);
let bytes = 0;
for (let index = 0; index < runs; index += 1) {
  const started = performance.now();
  bytes = (await conversationSummaryPdf(input)).length;
  samples[index] = performance.now() - started;
}
samples.sort();
const median = percentile(samples, 0.5);
console.log(
  `Conversation summary PDF, ${runs} runs after ${warmup} warm-up, ${Math.round(bytes / 1024)} KiB each:`,
);
console.log(
  table(
    ['measure', 'median ms', 'p95 ms', 'max ms', 'median / target'],
    [
      [
        'conversationSummaryPdf',
        median.toFixed(1),
        percentile(samples, 0.95).toFixed(1),
        samples[runs - 1]!.toFixed(1),
        `${(median / targetMs).toFixed(3)} of ${targetMs} ms`,
      ],
    ],
  ),
);
