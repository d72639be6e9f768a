/**
 * @module The flattened rating rows (decision 012) on both engines: they match the submitted assessments exactly,
 * follow a submit and a reopening in the same transaction, and the migration's backfill builds the same rows.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrationsFolder } from '../../src/db/client.ts';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.ts';
import { engineMissing, engines, openTestDatabase } from '../support/database.ts';
import { people, worldRound } from '../support/world.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

describe.each(engines)('competence ratings on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let handle: DatabaseHandle;
    let repositories: Repositories;
    let demoId: string;

    /** Every rating row, in a fixed order, as plain values. */
    const snapshot = async () =>
      rowsOf<Record<string, unknown>>(
        await handle.db.execute(sql`
          select round_id, subject_id, rater_role, competence_id, unit_id, level, target_level, submitted_at
          from competence_ratings order by round_id, subject_id, rater_role, competence_id`),
      ).map((row) => ({ ...row, submitted_at: new Date(row.submitted_at as string).toISOString() }));

    /** The kept sums, and the same sums added up afresh from the rating rows: they must agree. */
    const totals = async () =>
      rowsOf<Record<string, unknown>>(
        await handle.db.execute(sql`
          select round_id, unit_id, competence_id, assessed_count, rated_count, level_sum, target_sum, below_count
          from unit_competence_totals where assessed_count > 0 order by round_id, unit_id, competence_id`),
      );
    const totalsFromRows = async () =>
      rowsOf<Record<string, unknown>>(
        await handle.db.execute(sql`
          select round_id, unit_id, competence_id, count(*)::int as assessed_count,
            (count(*) filter (where level is not null and target_level is not null))::int as rated_count,
            coalesce(sum(level) filter (where target_level is not null), 0)::int as level_sum,
            coalesce(sum(target_level) filter (where level is not null), 0)::int as target_sum,
            (count(*) filter (where level < target_level))::int as below_count
          from competence_ratings where rater_role = 'leader' and unit_id is not null
          group by round_id, unit_id, competence_id order by round_id, unit_id, competence_id`),
      );

    beforeAll(async () => {
      handle = await openTestDatabase(kind);
      repositories = createRepositories(handle.db);
      demoId = (await repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
    });
    afterAll(() => handle?.close());

    it('holds one row per competence of every submitted assessment, and none of drafts', async () => {
      const [expected] = rowsOf<{ n: string | number }>(
        await handle.db.execute(sql`
          select count(*) as n from assessments, jsonb_each(ratings) where status = 'submitted'`),
      );
      const [actual] = rowsOf<{ n: string | number }>(
        await handle.db.execute(sql`select count(*) as n from competence_ratings`),
      );
      expect(Number(actual!.n)).toBe(Number(expected!.n));
      expect(Number(actual!.n)).toBeGreaterThan(0);
      const [orphans] = rowsOf<{ n: string | number }>(
        await handle.db.execute(sql`
          select count(*) as n from competence_ratings cr
          join assessments a on a.round_id = cr.round_id and a.subject_id = cr.subject_id and a.rater_role = cr.rater_role
          where a.status <> 'submitted' or (a.ratings -> cr.competence_id ->> 'level')::smallint is distinct from cr.level`),
      );
      expect(Number(orphans!.n)).toBe(0);
    });

    it('stores the unit and the role profile’s target with each row', async () => {
      const tenant = repositories.forTenant(demoId);
      const birthe = (await repositories.system.findLoginByEmail(people.employee))!;
      const round = (await tenant.rounds.list()).find((entry) => entry.name === worldRound.name)!;
      const participation = (await tenant.rounds.participationsOf([birthe.userId])).find(
        (entry) => entry.roundId === round.id,
      )!;
      const profile = (await tenant.frameworks.listRoleProfiles()).find(
        (entry) => entry.id === participation.roleProfileId,
      )!;
      const rows = rowsOf<{ competence_id: string; unit_id: string; level: number; target_level: number }>(
        await handle.db.execute(sql`
          select competence_id, unit_id, level, target_level from competence_ratings
          where round_id = ${round.id} and subject_id = ${birthe.userId} and rater_role = 'leader'`),
      );
      const user = await tenant.people.findUser(birthe.userId);
      expect(rows.length).toBe(Object.keys(profile.targets).length);
      for (const row of rows) {
        expect(row.unit_id).toBe(user!.unitId);
        expect(row.target_level).toBe(profile.targets[row.competence_id]);
      }
      expect(rows.find((row) => row.competence_id === worldRound.blindSpot)?.level).toBe(2);
    });

    it('removes the rows with a reopening and writes them again with the next submit', async () => {
      const tenant = repositories.forTenant(demoId);
      const birthe = (await repositories.system.findLoginByEmail(people.employee))!;
      const anne = (await repositories.system.findLoginByEmail(people.leaderSkranke))!;
      const round = (await tenant.rounds.list()).find((entry) => entry.name === worldRound.name)!;
      const count = async () =>
        Number(
          rowsOf<{ n: string | number }>(
            await handle.db.execute(sql`
              select count(*) as n from competence_ratings
              where round_id = ${round.id} and subject_id = ${birthe.userId} and rater_role = 'leader'`),
          )[0]!.n,
        );
      const before = await count();
      const submitted = (await tenant.rounds.findAssessment(round.id, birthe.userId, 'leader'))!;
      const reopened = await tenant.rounds.reopen(submitted, 'Et eksempel mangler', anne.userId, new Date());
      expect(await count()).toBe(0);
      const result = await tenant.rounds.submit({
        roundId: round.id,
        subjectId: birthe.userId,
        raterRole: 'leader',
        raterId: anne.userId,
        expectedVersion: reopened.version,
        now: new Date('2026-05-02T10:00:00Z'),
      });
      expect(result.outcome).toBe('saved');
      expect(await count()).toBe(before);
      // A stale submit changes nothing, and leaves no second set of rows.
      const stale = await tenant.rounds.submit({
        roundId: round.id,
        subjectId: birthe.userId,
        raterRole: 'leader',
        raterId: anne.userId,
        expectedVersion: reopened.version,
        now: new Date(),
      });
      expect(stale.outcome).toBe('not_editable');
      expect(await count()).toBe(before);
      expect(await totals()).toEqual(await totalsFromRows());
    });

    it('keeps the sums per unit equal to the rating rows through submits and reopenings', async () => {
      const tenant = repositories.forTenant(demoId);
      const anne = (await repositories.system.findLoginByEmail(people.leaderSkranke))!;
      const mads = (await repositories.system.findLoginByEmail(people.colleague))!;
      const round = (await tenant.rounds.list()).find((entry) => entry.name === worldRound.name)!;
      expect(await totals()).toEqual(await totalsFromRows());
      const assessedInRound = async () =>
        rowsOf<{ n: number }>(
          await handle.db.execute(sql`
            select coalesce(max(assessed_count), 0)::int as n from unit_competence_totals where round_id = ${round.id}`),
        )[0]!.n;
      expect(await assessedInRound()).toBe(1);
      const base = {
        roundId: round.id,
        subjectId: mads.userId,
        raterRole: 'leader' as const,
        raterId: anne.userId,
      };
      const ratings = Object.fromEntries(
        (await tenant.frameworks.newestPublished())!.document.areas
          .flatMap((area) => area.competences)
          .map((competence, index) => [competence.id, { level: index % 5 === 0 ? null : 1 + (index % 4) }]),
      );
      await tenant.rounds.saveDraft({ ...base, expectedVersion: 0, ratings, now: new Date() });
      await tenant.rounds.submit({ ...base, expectedVersion: 1, now: new Date() });
      expect(await assessedInRound()).toBe(2);
      expect(await totals()).toEqual(await totalsFromRows());
      const submitted = (await tenant.rounds.findAssessment(round.id, mads.userId, 'leader'))!;
      await tenant.rounds.reopen(submitted, 'Forkert person', anne.userId, new Date());
      expect(await assessedInRound()).toBe(1);
      expect(await totals()).toEqual(await totalsFromRows());
    });

    it('is rebuilt to the same rows and sums by the migration’s backfill', async () => {
      const [rowsBefore, totalsBefore] = [await snapshot(), await totals()];
      const migration = readFileSync(`${migrationsFolder}/0011_team_overview_and_theme_days.sql`, 'utf8');
      const backfill = migration
        .slice(migration.lastIndexOf('INSERT INTO "competence_ratings"'))
        .split('--> statement-breakpoint');
      expect(backfill).toHaveLength(2);
      await handle.db.execute(sql`delete from unit_competence_totals`);
      await handle.db.execute(sql`delete from competence_ratings`);
      expect(await snapshot()).toEqual([]);
      for (const statement of backfill) await handle.db.execute(sql.raw(statement));
      expect(await snapshot()).toEqual(rowsBefore);
      expect(await totals()).toEqual(totalsBefore);
    });
  });
});
