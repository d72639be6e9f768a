/** @module Positions and candidates made directly through the repositories, for tests that need one in a given state. */
import { eq, sql } from 'drizzle-orm';
import { defaultInterviewBank } from '../../content/interview.ts';
import { positions } from '../../src/db/schema.ts';
import { competencesOf } from '../../src/domain/framework.ts';
import { interviewGuide } from '../../src/domain/interview-guide.ts';
import type { PositionStatus } from '../../src/domain/recruitment.ts';
import { candidateTokenHash, newToken } from '../../src/server/auth/tokens.ts';
import type { TestApp } from './app.ts';
import { type Person, people } from './world.ts';

/** The focus competences every test position uses. */
export const testFocus = [
  'spoergeteknik',
  'medbetjening',
  'digital-vejledning-og-motivation',
  'kulturel-aabenhed',
];

async function demo(testApp: TestApp) {
  const municipality = (await testApp.repositories.system.findMunicipalityBySlug('demo-kommune'))!;
  const tenant = testApp.repositories.forTenant(municipality.id);
  const idOf = async (person: Person) =>
    (await testApp.repositories.system.findLoginByEmail(people[person]))!.userId;
  return { municipality, tenant, idOf };
}

/**
 * A position for Team Skranke, created by HR (Camilla) from the "Specialist i borgerbetjening" profile with the test
 * focus, its panel, and the status asked for.
 */
export async function testPosition(
  testApp: TestApp,
  options: { panel: Person[]; status?: PositionStatus; title?: string },
): Promise<string> {
  const { tenant, idOf } = await demo(testApp);
  const [version] = await tenant.frameworks.listVersions();
  const profile = (await tenant.frameworks.listRoleProfilesOf(version!.id)).find(
    (entry) => entry.key === 'specialist-i-borgerbetjening',
  )!;
  const skranke = (await tenant.people.listUnits()).find((unit) => unit.name === 'Team Skranke')!;
  const position = await tenant.recruitment.createPosition({
    title: options.title ?? 'Specialist i borgerbetjening',
    unitId: skranke.id,
    roleProfileId: profile.id,
    frameworkVersionId: version!.id,
    targets: profile.targets,
    focusCompetenceIds: testFocus,
    guide: interviewGuide({
      focusCompetenceIds: testFocus,
      competenceOrder: competencesOf(version!.document).map((competence) => competence.id),
      bank: defaultInterviewBank,
    }),
    panelIds: await Promise.all(options.panel.map(idOf)),
    createdById: await idOf('hr'),
  });
  if (options.status && options.status !== 'draft')
    await setPositionStatus(testApp, position.id, options.status);
  return position.id;
}

export async function setPositionStatus(testApp: TestApp, positionId: string, status: PositionStatus) {
  await testApp.handle.db
    .update(positions)
    .set({ status, closedAt: status === 'closed' ? new Date() : null })
    .where(eq(positions.id, positionId));
}

export async function positionRow(testApp: TestApp, positionId: string) {
  const [row] = await testApp.handle.db.select().from(positions).where(eq(positions.id, positionId));
  return row!;
}

export async function testCandidate(
  testApp: TestApp,
  positionId: string,
  name = `Kandidat ${Math.random().toString(36).slice(2, 8)}`,
): Promise<string> {
  const { tenant, idOf } = await demo(testApp);
  const candidate = await tenant.recruitment.createCandidate({
    positionId,
    name,
    email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@privat.example`,
    locale: 'da',
    externalUrl: null,
    createdById: await idOf('hr'),
  });
  return candidate.id;
}

/** A panel member's score of every test focus competence at `level`, submitted unless asked not to. */
export async function scoreAs(
  testApp: TestApp,
  candidateId: string,
  person: Person,
  level: number | Record<string, number>,
  options: { submit?: boolean; justification?: string } = {},
) {
  const { tenant, idOf } = await demo(testApp);
  const panelMemberId = await idOf(person);
  const levelOf = (id: string) => (typeof level === 'number' ? level : (level[id] ?? 2));
  const saved = await tenant.recruitment.saveScoreDraft({
    candidateId,
    panelMemberId,
    expectedVersion: 0,
    ratings: Object.fromEntries(
      testFocus.map((id) => [
        id,
        { level: levelOf(id), justification: options.justification ?? `Eksempel om ${id}` },
      ]),
    ),
    now: new Date(),
  });
  if (saved.outcome !== 'saved') throw new Error('score not saved');
  if (options.submit !== false) {
    await tenant.recruitment.submitScore({
      candidateId,
      panelMemberId,
      expectedVersion: saved.row.version,
      now: new Date(),
    });
  }
}

export async function consolidate(testApp: TestApp, candidateId: string, level: number, by: Person = 'hr') {
  const { tenant, idOf } = await demo(testApp);
  await tenant.recruitment.saveConsolidation({
    candidateId,
    expectedVersion: 0,
    scores: Object.fromEntries(testFocus.map((id) => [id, { level, note: '' }])),
    updatedById: await idOf(by),
    now: new Date(),
  });
}

/** A decided position: Anne has scored and the panel consolidated one candidate, who is chosen. */
export async function decidedPosition(
  testApp: TestApp,
): Promise<{ positionId: string; candidateId: string }> {
  const { tenant, idOf } = await demo(testApp);
  const positionId = await testPosition(testApp, { panel: ['leaderSkranke'], status: 'interviewing' });
  const candidateId = await testCandidate(testApp, positionId);
  await scoreAs(testApp, candidateId, 'leaderSkranke', 3);
  await consolidate(testApp, candidateId, 3);
  const result = await tenant.recruitment.decide({
    positionId,
    expectedVersion: (await positionRow(testApp, positionId)).version,
    candidateId,
    reason: 'Stærkest på medbetjening.',
    decidedById: await idOf('hr'),
    now: new Date(),
  });
  if (result.outcome !== 'saved') throw new Error('not decided');
  return { positionId, candidateId };
}

/** A fresh link for the candidate, valid `days` days from `from`; returns the token, as the e-mail would carry it. */
export async function linkToken(testApp: TestApp, candidateId: string, days = 14, from = new Date()) {
  const { tenant, idOf } = await demo(testApp);
  const token = newToken();
  await tenant.recruitment.createLink({
    candidateId,
    tokenHash: candidateTokenHash(token),
    expiresAt: new Date(from.getTime() + days * 86_400_000),
    createdById: await idOf('hr'),
    email: null,
  });
  return token;
}

/** Every table of the public schema with a row whose text holds one of `needles`, as "table: needle". */
export async function tablesContaining(testApp: TestApp, needles: string[]): Promise<string[]> {
  const tables = (await testApp.handle.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows: { table_name: string }[] };
  const found: string[] = [];
  for (const { table_name: table } of tables.rows) {
    const rows = (await testApp.handle.db.execute(
      sql.raw(`select t::text as row from "${table}" t`),
    )) as unknown as {
      rows: { row: string }[];
    };
    for (const needle of needles) {
      if (rows.rows.some((row) => row.row.toLowerCase().includes(needle.toLowerCase())))
        found.push(`${table}: ${needle}`);
    }
  }
  return found;
}
