/**
 * @module PDF benchmark: how long the server takes to produce a conversation summary for a realistic plan (four
 * goals, eight actions, five areas). Target from the conversations issue: a median under 300 ms.
 * Run with `npm run bench:pdf`.
 */
import { conversationSummaryPdf } from '../src/server/pdf/conversation-summary.ts';
import { summarySample } from '../tests/support/summary-sample.ts';
import { percentile, table } from './report.ts';

const warmup = 20;
const runs = 200;
const targetMs = 300;

// Four goals of two actions each: a full but ordinary plan.
const input = summarySample('da', 4, 2);

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
