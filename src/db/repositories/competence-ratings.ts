/**
 * @module The flattened ratings (decision 012): written with a submit, removed with a reopening, and read by the team
 * overview, the figures across units and the theme days' before and after.
 */
import { and, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { RatedLevel } from '../../domain/profile.ts';
import type { CompetenceTotals } from '../../domain/team.ts';
import { type Database, rowsOf } from '../client.ts';
import { competenceRatings, unitCompetenceTotals } from '../schema.ts';

/** A transaction or the database: whatever can run a statement. */
type Executor = Pick<Database, 'execute'>;

/**
 * Flattens the submitted assessments that `where` picks (over `assessments a`) into rating rows, with the person's
 * unit now and the target of the role profile they were rated against. The migration's backfill is the same SQL.
 */
export async function flattenSubmitted(executor: Executor, where: SQL): Promise<void> {
  await executor.execute(sql`
    insert into competence_ratings (municipality_id, round_id, subject_id, rater_role, competence_id, unit_id, level,
      target_level, submitted_at)
    select a.municipality_id, a.round_id, a.subject_id, a.rater_role, rating.key, u.unit_id,
      (rating.value ->> 'level')::smallint, (rp.targets ->> rating.key)::smallint, coalesce(a.submitted_at, a.updated_at)
    from assessments a
    join users u on u.id = a.subject_id
    join round_participants p on p.round_id = a.round_id and p.user_id = a.subject_id
    join role_profiles rp on rp.id = p.role_profile_id
    cross join lateral jsonb_each(a.ratings) as rating(key, value)
    where a.status = 'submitted' and ${where}
    on conflict do nothing`);
}

/** The sums of the leader rating rows that `where` picks (over `competence_ratings`), per round, unit and competence. */
const sumsOf = (where: SQL) => sql`
  select municipality_id, round_id, unit_id, competence_id,
    count(*) as assessed,
    count(*) filter (where level is not null and target_level is not null) as rated,
    coalesce(sum(level) filter (where target_level is not null), 0) as level_sum,
    coalesce(sum(target_level) filter (where level is not null), 0) as target_sum,
    count(*) filter (where level < target_level) as below
  from competence_ratings
  where rater_role = 'leader' and unit_id is not null and ${where}
  group by municipality_id, round_id, unit_id, competence_id
  order by municipality_id, round_id, unit_id, competence_id`;

/**
 * Adds the leader rating rows that `where` picks to the sums per round, unit and competence. Rows are taken in one
 * order, so two submits in the same unit wait for each other instead of deadlocking.
 */
export async function addToTotals(executor: Executor, where: SQL): Promise<void> {
  await executor.execute(sql`
    insert into unit_competence_totals as totals (municipality_id, round_id, unit_id, competence_id, assessed_count,
      rated_count, level_sum, target_sum, below_count)
    select * from (${sumsOf(where)}) as sums
    on conflict (municipality_id, round_id, unit_id, competence_id) do update set
      assessed_count = totals.assessed_count + excluded.assessed_count,
      rated_count = totals.rated_count + excluded.rated_count,
      level_sum = totals.level_sum + excluded.level_sum,
      target_sum = totals.target_sum + excluded.target_sum,
      below_count = totals.below_count + excluded.below_count`);
}

/** Takes the rows that `where` picks out of the sums again, before they are removed; locks in the same order. */
export async function subtractFromTotals(executor: Executor, where: SQL): Promise<void> {
  await executor.execute(sql`
    select 1 from unit_competence_totals totals
    join (${sumsOf(where)}) as sums using (municipality_id, round_id, unit_id, competence_id)
    order by totals.municipality_id, totals.round_id, totals.unit_id, totals.competence_id
    for update of totals`);
  await executor.execute(sql`
    update unit_competence_totals as totals set
      assessed_count = totals.assessed_count - sums.assessed,
      rated_count = totals.rated_count - sums.rated,
      level_sum = totals.level_sum - sums.level_sum,
      target_sum = totals.target_sum - sums.target_sum,
      below_count = totals.below_count - sums.below
    from (${sumsOf(where)}) as sums
    where totals.municipality_id = sums.municipality_id and totals.round_id = sums.round_id
      and totals.unit_id = sums.unit_id and totals.competence_id = sums.competence_id`);
}

/** The rows of one assessment, over `competence_ratings`. */
export const ratingsOf = (key: { roundId: string; subjectId: string; raterRole: string }) =>
  sql`round_id = ${key.roundId} and subject_id = ${key.subjectId} and rater_role = ${key.raterRole}`;

export async function removeFlattened(
  executor: Pick<Database, 'delete'>,
  municipalityId: string,
  key: { roundId: string; subjectId: string; raterRole: string },
): Promise<void> {
  await executor
    .delete(competenceRatings)
    .where(
      and(
        eq(competenceRatings.municipalityId, municipalityId),
        eq(competenceRatings.roundId, key.roundId),
        eq(competenceRatings.subjectId, key.subjectId),
        eq(competenceRatings.raterRole, key.raterRole),
      ),
    );
}

export interface LatestRatings {
  subjectId: string;
  roundId: string;
  /** Competence → level; null for "cannot assess". */
  leader: Record<string, RatedLevel>;
  self: Record<string, RatedLevel> | undefined;
  targets: Record<string, number>;
}

export interface UnitTotals extends CompetenceTotals {
  unitId: string;
  /** Leader assessments of the unit in the round (every assessment has a row per competence). */
  assessedCount: number;
}

const uuidList = (ids: readonly string[]) =>
  sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

export function competenceRatingRepository(db: Database, municipalityId: string) {
  return {
    /**
     * For each person, their latest round with a submitted leader assessment (the round's deadline decides, then the
     * time of submission), with the leader's levels, the targets, and their own levels in that round when asked.
     */
    async latestLeaderRated(subjectIds: readonly string[], withSelf: boolean): Promise<LatestRatings[]> {
      if (subjectIds.length === 0) return [];
      const rows = rowsOf<{
        subject_id: string;
        round_id: string;
        rater_role: 'self' | 'leader';
        competence_id: string;
        level: number | null;
        target_level: number | null;
      }>(
        await db.execute(sql`
          with latest as (
            select distinct on (a.subject_id) a.subject_id, a.round_id
            from assessments a
            join rounds r on r.id = a.round_id
            where a.municipality_id = ${municipalityId} and a.rater_role = 'leader' and a.status = 'submitted'
              and a.subject_id in ${uuidList(subjectIds)}
            order by a.subject_id, r.deadline desc, a.submitted_at desc
          )
          select cr.subject_id, cr.round_id, cr.rater_role, cr.competence_id, cr.level, cr.target_level
          from latest
          join competence_ratings cr on cr.round_id = latest.round_id and cr.subject_id = latest.subject_id
          where cr.municipality_id = ${municipalityId}
            and cr.rater_role in ${withSelf ? sql`('leader', 'self')` : sql`('leader')`}`),
      );
      const bySubject = new Map<string, LatestRatings>();
      for (const row of rows) {
        let entry = bySubject.get(row.subject_id);
        if (!entry) {
          entry = {
            subjectId: row.subject_id,
            roundId: row.round_id,
            leader: {},
            self: undefined,
            targets: {},
          };
          bySubject.set(row.subject_id, entry);
        }
        if (row.rater_role === 'leader') {
          entry.leader[row.competence_id] = row.level;
          if (row.target_level !== null) entry.targets[row.competence_id] = row.target_level;
        } else {
          entry.self ??= {};
          entry.self[row.competence_id] = row.level;
        }
      }
      return [...bySubject.values()];
    },

    /**
     * Sums per unit and competence of the leader ratings in one round, for the units given (all when null). Only the
     * sums leave the database: the caller decides what may be shown.
     */
    /**
     * Sums per unit and competence of the leader ratings in one round, for the units given (all when null), from the
     * totals kept with every submit. Only the sums leave the database: the caller decides what may be shown.
     */
    async unitTotals(roundId: string, unitIds: readonly string[] | null): Promise<UnitTotals[]> {
      const rows = await db
        .select()
        .from(unitCompetenceTotals)
        .where(
          and(
            eq(unitCompetenceTotals.municipalityId, municipalityId),
            eq(unitCompetenceTotals.roundId, roundId),
            gt(unitCompetenceTotals.assessedCount, 0),
            unitIds === null ? undefined : inArray(unitCompetenceTotals.unitId, [...unitIds]),
          ),
        );
      return rows.map((row) => ({
        unitId: row.unitId,
        competenceId: row.competenceId,
        assessedCount: row.assessedCount,
        ratedCount: row.ratedCount,
        levelSum: row.levelSum,
        targetSum: row.targetSum,
        belowCount: row.belowCount,
      }));
    },

    /**
     * Which of these rounds have at least one submitted leader assessment in the given units (all when null): one
     * probe of the sums' key per round, however large the rounds are.
     */
    async roundsWithLeaderRatings(roundIds: readonly string[], unitIds: readonly string[] | null) {
      if (roundIds.length === 0 || unitIds?.length === 0) return new Set<string>();
      const rows = rowsOf<{ id: string }>(
        await db.execute(sql`
          select r.id from (select value::uuid as id from jsonb_array_elements_text(${JSON.stringify(roundIds)}::jsonb)) r
          where exists (
            select 1 from unit_competence_totals totals
            where totals.municipality_id = ${municipalityId} and totals.round_id = r.id and totals.assessed_count > 0
              ${unitIds === null ? sql`` : sql`and totals.unit_id in ${uuidList(unitIds)}`}
          )`),
      );
      return new Set(rows.map((row) => row.id));
    },

    /**
     * Each person's leader levels in the given competences from the latest leader assessment submitted before
     * `before`, and from the first one submitted from `after` on: the before and after of a theme day.
     */
    async levelsAround(
      subjectIds: readonly string[],
      competenceIds: readonly string[],
      before: Date,
      after: Date,
    ): Promise<{ subjectId: string; side: 'before' | 'after'; competenceId: string; level: RatedLevel }[]> {
      if (subjectIds.length === 0 || competenceIds.length === 0) return [];
      const rows = rowsOf<{
        subject_id: string;
        side: 'before' | 'after';
        competence_id: string;
        level: number | null;
      }>(
        await db.execute(sql`
          with picked as (
            (select distinct on (a.subject_id) a.subject_id, a.round_id, 'before' as side
              from assessments a
              where a.municipality_id = ${municipalityId} and a.rater_role = 'leader' and a.status = 'submitted'
                and a.subject_id in ${uuidList(subjectIds)} and a.submitted_at < ${before.toISOString()}::timestamptz
              order by a.subject_id, a.submitted_at desc)
            union all
            (select distinct on (a.subject_id) a.subject_id, a.round_id, 'after' as side
              from assessments a
              where a.municipality_id = ${municipalityId} and a.rater_role = 'leader' and a.status = 'submitted'
                and a.subject_id in ${uuidList(subjectIds)} and a.submitted_at >= ${after.toISOString()}::timestamptz
              order by a.subject_id, a.submitted_at asc)
          )
          select picked.subject_id, picked.side, cr.competence_id, cr.level
          from picked
          join competence_ratings cr on cr.round_id = picked.round_id and cr.subject_id = picked.subject_id
            and cr.rater_role = 'leader'
          where cr.municipality_id = ${municipalityId}
            and cr.competence_id in (select value from jsonb_array_elements_text(${JSON.stringify(competenceIds)}::jsonb))`),
      );
      return rows.map((row) => ({
        subjectId: row.subject_id,
        side: row.side,
        competenceId: row.competence_id,
        level: row.level,
      }));
    },
  };
}

export type CompetenceRatingRepository = ReturnType<typeof competenceRatingRepository>;
