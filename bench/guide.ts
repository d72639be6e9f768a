/**
 * @module Guide benchmark: how long building a conversation guide takes for a full profile (every competence of
 * the shipped framework rated, with blind spots, gaps, chosen competences and open goals), in the domain function
 * the API calls. Run with `npm run bench:guide`.
 */
import { defaultCoachingBank, defaultFramework } from '../content/index.ts';
import { conversationGuide } from '../src/domain/conversations.ts';
import { competencesOf } from '../src/domain/framework.ts';
import { competenceProfiles } from '../src/domain/profile.ts';
import { percentile, table } from './report.ts';

const warmup = 1_000;
const runs = 20_000;
const ids = competencesOf(defaultFramework).map((competence) => competence.id);
// A varied but fixed profile: levels 1–4 for self and leader, with several divergences and gaps.
const profiles = competenceProfiles({
  framework: defaultFramework,
  targets: Object.fromEntries(ids.map((id) => [id, 3])),
  self: Object.fromEntries(ids.map((id, index) => [id, ((index * 3) % 4) + 1])),
  leader: Object.fromEntries(ids.map((id, index) => [id, ((index * 5) % 4) + 1])),
});
const input = {
  kind: 'mus' as const,
  profiles,
  chosenCompetenceIds: ids.slice(0, 5),
  openGoals: [0, 1, 2].map((index) => ({ id: `goal-${index}`, competenceIds: [ids[index]!] })),
  bank: defaultCoachingBank,
};

for (let index = 0; index < warmup; index += 1) conversationGuide(input);
const samples = new Float64Array(runs);
for (let index = 0; index < runs; index += 1) {
  const started = performance.now();
  conversationGuide(input);
  samples[index] = performance.now() - started;
}
samples.sort();
const items = conversationGuide(input).length;
const us = (ms: number) => (ms * 1000).toFixed(1);
console.log(
  `Conversation guide for ${ids.length} competences (${items} agenda items), ${runs} runs after ${warmup} warm-up:`,
);
console.log(
  table(
    ['measure', 'median µs', 'p95 µs', 'p99 µs'],
    [
      [
        'conversationGuide',
        us(percentile(samples, 0.5)),
        us(percentile(samples, 0.95)),
        us(percentile(samples, 0.99)),
      ],
    ],
  ),
);
