/**
 * @module `npm run bench:export`: issue 7's "export of one person's data". Birthe Hansen of Demo Kommune gets a long
 * history (four more rounds, six conversations with plans and notes, 200 practice entries) on PGlite in memory; then
 * `GET /api/me/data` and `GET /api/me/data.pdf` are timed through the real app in-process, one request at a time, and
 * printed as median and p95 against the targets (JSON under 500 ms, PDF under 1 s).
 */

import { openPglite } from '../src/db/client.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { conversationNotes, conversationPreparations } from '../src/db/schema.ts';
import { demoEmail, demoPassword, seedDemo } from '../src/db/seed/demo.ts';
import { competencesOf } from '../src/domain/framework.ts';
import { createApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { personalDataSchema } from '../src/server/contracts/personal-data.ts';
import { createLogger } from '../src/server/logger.ts';
import { setting } from './load.ts';
import { percentile, table } from './report.ts';

const runs = setting('BENCH_EXPORT_RUNS', 30, 1000);
const warmup = 3;
const extraRounds = 4;
const conversationCount = 6;
const practiceEntryCount = setting('BENCH_EXPORT_ENTRIES', 200, 5000);
const targetMs = { json: 500, pdf: 1000 } as const;

const handle = await openPglite();
const repositories = createRepositories(handle.db);
await handle.migrate();
await seedDemo(repositories, await hashPassword(demoPassword));
const login = async (name: string) => (await repositories.system.findLoginByEmail(demoEmail(name)))!;
const birthe = await login('Birthe Hansen');
const anne = await login('Anne Kristensen');
const tenant = repositories.forTenant(birthe.municipalityId);
const version = (await tenant.frameworks.newestPublished())!;
const competenceIds = competencesOf(version.document).map((competence) => competence.id);
const profile = (await tenant.frameworks.listRoleProfilesOf(version.id)).find(
  (candidate) => candidate.key === 'borgerservicemedarbejder',
)!;

const seedStarted = performance.now();
for (let index = 0; index < extraRounds; index += 1) {
  const round = await tenant.rounds.create({
    name: `Benchmarkrunde ${index + 1}`,
    frameworkVersionId: version.id,
    deadline: `20${30 + index}-06-30`,
    hideLeaderUntilBoth: true,
    createdById: anne.userId,
    participants: [{ userId: birthe.userId, roleProfileId: profile.id }],
  });
  const now = new Date();
  for (const [raterRole, raterId] of [
    ['self', birthe.userId],
    ['leader', anne.userId],
  ] as const) {
    const ratings = Object.fromEntries(
      competenceIds.map((id, position) => [
        id,
        { level: 1 + ((position + index) % 4), comment: 'Viste det ved skranken i en travl periode.' },
      ]),
    );
    const base = { roundId: round.id, subjectId: birthe.userId, raterRole, raterId, now };
    await tenant.rounds.saveDraft({ ...base, expectedVersion: 0, ratings });
    await tenant.rounds.submit({ ...base, expectedVersion: 1 });
  }
}
for (let index = 0; index < conversationCount; index += 1) {
  const conversation = await tenant.conversations.create({
    kind: 'mus',
    employeeId: birthe.userId,
    leaderId: anne.userId,
    roundId: null,
    followUpOf: null,
    scheduledAt: new Date(Date.UTC(2027 + index, 2, 1, 9)),
    durationMinutes: 60,
    place: 'Mødelokale 2',
    agenda: [],
  });
  await tenant.conversations.start(conversation.id, new Date());
  for (const [authorId, text] of [
    [birthe.userId, 'Jeg vil gerne blive bedre til at lade borgeren selv taste.'],
    [anne.userId, 'Birthe tager ansvar for de nye kolleger.'],
  ] as const) {
    await handle.db.insert(conversationPreparations).values({
      municipalityId: birthe.municipalityId,
      conversationId: conversation.id,
      authorId,
      answers: { q1: text, q2: text },
      chosenCompetenceIds: competenceIds.slice(0, 2),
      sharedAt: new Date(),
    });
    await handle.db.insert(conversationNotes).values({
      municipalityId: birthe.municipalityId,
      conversationId: conversation.id,
      authorId,
      items: { a: text, b: text },
    });
  }
  for (let goalIndex = 0; goalIndex < 3; goalIndex += 1) {
    const goal = await tenant.conversations.createGoal({
      conversationId: conversation.id,
      employeeId: birthe.userId,
      title: `Mål ${index + 1}.${goalIndex + 1}: stille åbne spørgsmål ved skranken`,
      why: 'Så borgeren selv finder vej næste gang.',
      successCriterion: 'Tre borgere om ugen klarer selv ansøgningen.',
      targetDate: '2099-06-30',
      competenceIds: competenceIds.slice(goalIndex, goalIndex + 2),
    });
    if (goal.outcome !== 'saved') throw new Error('could not create a goal');
    for (let actionIndex = 0; actionIndex < 2; actionIndex += 1) {
      await tenant.conversations.createAction(goal.row, {
        kind: 'practice',
        description: 'Prøv tre åbne spørgsmål hver formiddag, og skriv i praksisloggen hvad der virkede.',
        ownerId: birthe.userId,
        colleagueId: null,
        dueDate: '2099-04-30',
      });
    }
  }
}
const birtheRow = (await tenant.people.findUser(birthe.userId))!;
for (let index = 0; index < practiceEntryCount; index += 1) {
  const day = new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  await tenant.practice.create({
    occurredOn: day,
    channel: (['counter', 'phone', 'digital', 'video'] as const)[index % 4]!,
    helpLevel: (['self_service', 'co_service', 'full_service'] as const)[index % 3]!,
    competenceIds: [competenceIds[index % competenceIds.length]!],
    whatWorked:
      'Borgeren søgte selv om sundhedskort, mens jeg pegede på skærmen og spurgte ind til næste trin.',
    tryNext: 'Give en seddel med de tre trin med hjem.',
    goalId: null,
    themeDayTaskId: null,
    talkingPoint: index % 10 === 0,
    shared: index % 2 === 0,
    frameworkVersionId: version.id,
    employeeId: birthe.userId,
    unitId: birtheRow.unitId,
    now: new Date(),
  });
}
const seedSeconds = (performance.now() - seedStarted) / 1000;

const app = createApp({
  db: handle.db,
  databaseKind: handle.kind,
  repositories,
  sessionSecret: 'benchmark-session-secret-not-used-anywhere-else',
  logger: createLogger('silent'),
});
const loggedIn = await app.request('http://localhost/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: demoEmail('Birthe Hansen'), password: demoPassword }),
});
if (loggedIn.status !== 200) throw new Error(`login failed: ${loggedIn.status}`);
const cookie = loggedIn.headers.get('set-cookie')!.split(';')[0]!;

async function measure(path: string) {
  let bytes = 0;
  const call = async () => {
    const response = await app.request(`http://localhost${path}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    bytes = (await response.arrayBuffer()).byteLength;
  };
  for (let index = 0; index < warmup; index += 1) await call();
  const samples = new Float64Array(runs);
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await call();
    samples[index] = performance.now() - started;
  }
  samples.sort();
  return { samples, bytes };
}

// What one download holds, so the numbers say what was exported.
const document = personalDataSchema.parse(
  await (await app.request('http://localhost/api/me/data', { headers: { cookie } })).json(),
);
const json = await measure('/api/me/data?lang=da');
const pdf = await measure('/api/me/data.pdf?lang=da');
await handle.close();

console.log(
  `Export of one person's data on PGlite (in memory), ${runs} runs after ${warmup} warm-up, one at a time; ` +
    `seeded in ${seedSeconds.toFixed(1)} s: ${document.rounds.length} rounds, ` +
    `${document.conversations.length} conversations, ${document.goals.length} goals, ` +
    `${document.practiceEntries.length} practice entries, ${document.competenceRatings.length} rating rows.`,
);
console.log(
  table(
    ['measure', 'size KiB', 'median ms', 'p95 ms', 'max ms', 'median / target'],
    (
      [
        ['GET /api/me/data', json, targetMs.json],
        ['GET /api/me/data.pdf', pdf, targetMs.pdf],
      ] as const
    ).map(([name, result, target]) => {
      const median = percentile(result.samples, 0.5);
      return [
        name,
        (result.bytes / 1024).toFixed(0),
        median.toFixed(1),
        percentile(result.samples, 0.95).toFixed(1),
        result.samples[runs - 1]!.toFixed(1),
        `${(median / target).toFixed(3)} of ${target} ms`,
      ];
    }),
  ),
);
