/**
 * @module Bulk data for the profile benchmark: 10,000 employees of Demo Kommune in 100 teams, four profiling rounds
 * with all of them, and a submitted self and leader assessment of every competence per person and round. Written
 * with `INSERT … SELECT` in SQL, one statement per table (assessments: per round and rater), so seeding takes
 * seconds rather than the hours 80,000 API calls would.
 */
import { sql } from 'drizzle-orm';
import { defaultFramework } from '../content/index.ts';
import type { Database } from '../src/db/client.ts';
import { addToTotals, flattenSubmitted } from '../src/db/repositories/competence-ratings.ts';
import type { Repositories } from '../src/db/repositories/index.ts';
import { demoEmail } from '../src/db/seed/demo.ts';
import { competencesOf } from '../src/domain/framework.ts';

export const benchEmployeeCount = 10_000;
export const benchTeamCount = 100;
export const benchRoundCount = 4;
const domain = 'demokommune.example';

/** The e-mail of employee `n` (1-based), e.g. `bench.employee.00042@demokommune.example`. */
export const benchEmployeeEmail = (n: number) => `bench.employee.${String(n).padStart(5, '0')}@${domain}`;

export interface SeedCounts {
  units: number;
  users: number;
  employees: number;
  leaders: number;
  rounds: number;
  participants: number;
  assessments: number;
  /** Competence ratings inside the assessments' `ratings` documents. */
  ratings: number;
  /** Of those, "cannot assess" (level null). */
  cannotAssess: number;
}

export interface SeedSteps {
  /** Milliseconds per step, in order. */
  steps: { name: string; ms: number }[];
  counts: SeedCounts;
}

// Names are put together from these in SQL, so 10,000 people read like a staff list rather than "Employee 42".
const firstNames =
  'Anne Mads Fatima Kirsten Peter Louise Ahmad Susanne Henrik Sofie Nikolaj Maria Jens Emma Mette Lars Camilla Jonas Birthe Ali Hanne Søren Ida Morten Yasmin Rasmus Lene Thomas Sara Karim'.split(
    ' ',
  );
const lastNames =
  'Hansen Pedersen Ali Jensen Nielsen Andersen Rahimi Rasmussen Larsen Christensen Poulsen Olsen Møller Johansen Lund Sørensen Thomsen Mikkelsen Kristensen Madsen Jørgensen Petersen Knudsen Yilmaz Berg'.split(
    ' ',
  );

/** Rows of a `db.execute` result: node-postgres and PGlite both answer with `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: string | number }>(await db.execute(query))[0]!.n);
}

/**
 * Adds the benchmark's people, rounds and assessments to the demo municipality `municipalityId` (already seeded
 * with `seedDemo`). Every benchmark account gets `passwordHash`, the demo password's hash computed once.
 */
export async function seedProfileBenchmark(
  db: Database,
  repositories: Repositories,
  municipalityId: string,
  passwordHash: string,
  log: (line: string) => void = () => {},
): Promise<SeedSteps> {
  const tenant = repositories.forTenant(municipalityId);
  const steps: SeedSteps['steps'] = [];
  const step = async (name: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    const ms = performance.now() - started;
    steps.push({ name, ms });
    log(`  ${name}: ${(ms / 1000).toFixed(1)} s`);
  };

  const units = await tenant.people.listUnits();
  const borgerservice = units.find((unit) => unit.name === 'Borgerservice');
  if (!borgerservice) throw new Error('seedDemo made no Borgerservice unit');
  const chief = await repositories.system.findLoginByEmail(demoEmail('Lars Holm Sørensen'));
  if (!chief) throw new Error('seedDemo made no Borgerservice chief');
  const version = (await tenant.frameworks.listVersions()).find((row) => row.status === 'published');
  if (!version) throw new Error('seedDemo published no framework');
  const competenceIds = JSON.stringify(competencesOf(defaultFramework).map((competence) => competence.id));

  await step(`${benchTeamCount} team units under Borgerservice`, () =>
    db.execute(sql`
      insert into units (municipality_id, parent_id, name, external_id)
      select ${municipalityId}, ${borgerservice.id}, 'Team ' || lpad(i::text, 3, '0'), 'bench-team-' || i
      from generate_series(1, ${benchTeamCount}) as i`),
  );

  // One leader per team, placed in Borgerservice like the demo's team leaders, so they rate but are not rated.
  await step(`${benchTeamCount} team leaders`, () =>
    db.execute(sql`
      with leader as (
        insert into users (municipality_id, unit_id, email, name, title, roles, password_hash, role_profile_key, external_id)
        select ${municipalityId}, ${borgerservice.id}, 'bench.leader.' || lpad(i::text, 3, '0') || ${`@${domain}`},
          'Teamleder ' || lpad(i::text, 3, '0'), 'Teamleder', '{employee}', ${passwordHash},
          'borgerservicemedarbejder', 'bench-team-' || i
        from generate_series(1, ${benchTeamCount}) as i
        returning id, municipality_id, external_id
      )
      insert into unit_leaders (municipality_id, unit_id, user_id)
      select leader.municipality_id, units.id, leader.id
      from leader join units on units.municipality_id = leader.municipality_id and units.external_id = leader.external_id`),
  );

  // Employee n works in team 1 + (n - 1) mod 100; every fifth is a specialist.
  await step(`${benchEmployeeCount.toLocaleString('en-US')} employees`, () =>
    db.execute(sql`
      insert into users (municipality_id, unit_id, email, name, title, roles, password_hash, role_profile_key, external_id)
      select ${municipalityId}, units.id, 'bench.employee.' || lpad(i::text, 5, '0') || ${`@${domain}`},
        (${JSON.stringify(firstNames)}::jsonb ->> (i % ${firstNames.length}))
          || ' ' || (${JSON.stringify(lastNames)}::jsonb ->> ((i / ${firstNames.length}) % ${lastNames.length})),
        case when i % 5 = 0 then 'Specialist i borgerbetjening' else 'Borgerservicemedarbejder' end,
        '{employee}', ${passwordHash},
        case when i % 5 = 0 then 'specialist-i-borgerbetjening' else 'borgerservicemedarbejder' end,
        'bench-employee-' || i
      from generate_series(1, ${benchEmployeeCount}) as i
      join units on units.municipality_id = ${municipalityId}
        and units.external_id = 'bench-team-' || (1 + (i - 1) % ${benchTeamCount})`),
  );
  // Statistics before the next steps join these tables; without them the planner guesses, and badly.
  await step('analyze units and users', () => db.execute(sql`analyze units, users, unit_leaders`));

  // Yearly rounds; the three old ones closed, the newest open until a month from now.
  const today = new Date();
  const rounds: { id: string; number: number; deadline: string }[] = [];
  // seedDemo has a round of its own; everything counted below is the benchmark's.
  const roundIds = () =>
    sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(rounds.map((round) => round.id))}::jsonb))`;
  await step(`${benchRoundCount} rounds`, async () => {
    for (let number = 1; number <= benchRoundCount; number++) {
      const deadline = new Date(today);
      deadline.setUTCFullYear(today.getUTCFullYear() - (benchRoundCount - number));
      deadline.setUTCMonth(deadline.getUTCMonth() + 1);
      const isoDeadline = deadline.toISOString().slice(0, 10);
      const open = number === benchRoundCount;
      const result = await db.execute(sql`
        insert into rounds (municipality_id, name, framework_version_id, deadline, hide_leader_until_both, status,
          created_by_id, created_at, closed_at)
        values (${municipalityId}, ${`Profilrunde ${isoDeadline.slice(0, 4)}`}, ${version.id}, ${isoDeadline}, true,
          ${open ? 'open' : 'closed'}, ${chief.userId}, ${isoDeadline}::date - 60,
          ${open ? null : sql`${isoDeadline}::date + 14`})
        returning id`);
      rounds.push({ id: rowsOf<{ id: string }>(result)[0]!.id, number, deadline: isoDeadline });
    }
  });

  await step(`${(benchEmployeeCount * benchRoundCount).toLocaleString('en-US')} round participants`, () =>
    db.execute(sql`
      insert into round_participants (municipality_id, round_id, user_id, role_profile_id, targets, conversation_held_at)
      select users.municipality_id, rounds.id, users.id, role_profiles.id, role_profiles.targets,
        case when rounds.status = 'closed' then rounds.deadline + 7 end
      from users
      join role_profiles on role_profiles.municipality_id = users.municipality_id
        and role_profiles.framework_version_id = ${version.id} and role_profiles.key = users.role_profile_key
      join rounds on rounds.municipality_id = users.municipality_id and rounds.id in ${roundIds()}
      where users.municipality_id = ${municipalityId} and users.external_id like 'bench-employee-%'`),
  );
  await step('analyze participants', () => db.execute(sql`analyze round_participants`));

  // Levels on the 1–4 scale: a base per person and competence, growing over the rounds for some; self and
  // leader differ now and then by one; about one rating in 50 is "cannot assess". Hashed from the employee
  // number (not the random id), so every run rates alike.
  const assessmentCount = benchEmployeeCount * benchRoundCount * 2;
  await step(
    `${assessmentCount.toLocaleString('en-US')} submitted assessments (self and leader)`,
    async () => {
      for (const round of rounds) {
        for (const role of ['self', 'leader'] as const) {
          const submittedAt = `${round.deadline}T${role === 'self' ? '09' : '14'}:00:00Z`;
          await db.execute(sql`
          insert into assessments (municipality_id, round_id, subject_id, rater_role, rater_id, status, ratings,
            version, updated_at, submitted_at)
          select participants.municipality_id, participants.round_id, participants.user_id, ${role},
            ${role === 'self' ? sql`participants.user_id` : sql`unit_leaders.user_id`}, 'submitted',
            (select jsonb_object_agg(competence.id, jsonb_build_object('level',
                case when abs(noise % 50) = 0 then null
                else greatest(1, least(4, 1 + abs(base % 3) + (${round.number - 1} + abs((base / 7) % 3)) / 3
                  + case abs(noise % 7) when 1 then 1 when 2 then -1 else 0 end)) end))
              from jsonb_array_elements_text(${competenceIds}::jsonb) as competence(id),
                lateral (select hashtext(users.external_id || competence.id) as base,
                  hashtext(users.external_id || competence.id || ${`${round.number}${role}`}) as noise) as h),
            2, ${submittedAt}::timestamptz, ${submittedAt}::timestamptz
          from round_participants as participants
          join users on users.id = participants.user_id
          join unit_leaders on unit_leaders.unit_id = users.unit_id
          where participants.round_id = ${round.id}`);
        }
      }
    },
  );

  // The flattened rating rows and the sums per unit a submit writes (decision 012), with the same SQL.
  await step(
    `${(benchEmployeeCount * benchRoundCount * 2 * competencesOf(defaultFramework).length).toLocaleString('en-US')} rating rows`,
    async () => {
      for (const round of rounds) {
        await flattenSubmitted(db, sql`a.round_id = ${round.id}`);
        await addToTotals(db, sql`round_id = ${round.id}`);
      }
    },
  );

  // Fresh bulk-loaded tables have no statistics yet; a running server's autovacuum would have gathered them.
  await step('vacuum analyze', () => db.execute(sql`vacuum analyze`));

  const counts: SeedCounts = {
    units: await count(db, sql`select count(*) as n from units where municipality_id = ${municipalityId}`),
    users: await count(db, sql`select count(*) as n from users where municipality_id = ${municipalityId}`),
    employees: await count(
      db,
      sql`select count(*) as n from users where external_id like 'bench-employee-%'`,
    ),
    leaders: await count(
      db,
      sql`select count(*) as n from unit_leaders where municipality_id = ${municipalityId}`,
    ),
    rounds: await count(db, sql`select count(*) as n from rounds where id in ${roundIds()}`),
    participants: await count(
      db,
      sql`select count(*) as n from round_participants where round_id in ${roundIds()}`,
    ),
    assessments: await count(
      db,
      sql`select count(*) as n from assessments where status = 'submitted' and round_id in ${roundIds()}`,
    ),
    ratings: await count(
      db,
      sql`select count(*) as n from assessments, jsonb_each(ratings) as rating(id, value)
        where round_id in ${roundIds()}`,
    ),
    cannotAssess: await count(
      db,
      sql`select count(*) as n from assessments, jsonb_each(ratings) as rating(id, value)
        where round_id in ${roundIds()} and value->'level' = 'null'::jsonb`,
    ),
  };
  return { steps, counts };
}

/** The unit whose matrix the team benchmark measures. */
export const benchTeamName = 'Team 001';

/**
 * Leaves `members` people of Team 001 active and marks the rest as having left, as a team of that size would be
 * after a reorganisation: their ratings stay (they count in the round's figures per unit), but the team overview
 * lists only the active people.
 */
export async function keepActiveInFirstTeam(
  db: Database,
  municipalityId: string,
  members: number,
  log: (line: string) => void = () => {},
): Promise<void> {
  await db.execute(sql`
    update users set active = false
    where municipality_id = ${municipalityId} and id in (
      select users.id from users join units on units.id = users.unit_id
      where units.municipality_id = ${municipalityId} and units.name = ${benchTeamName}
      order by users.email offset ${members})`);
  log(`  ${benchTeamName}: ${members} people active`);
}
