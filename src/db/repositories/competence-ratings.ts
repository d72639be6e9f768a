/**
 * @module The flattened ratings (decision 012): written with a submit, removed with a reopening, and read by the team
 * overview, the figures across units and the theme days' before and after.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { RatedLevel } from '../../domain/profile.ts';
import type { CompetenceTotals } from '../../domain/team.ts';
import type { Database } from '../client.ts';
import { competenceRatings } from '../schema.ts';

/** A transaction or the database: whatever can run a statement. */
type Executor = Pick<Database, 'execute'>;

/** Rows of a `db.execute` result: node-postgres and PGlite both answer with `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

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
  unitId: string | null;
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
    async unitTotals(roundId: string, unitIds: readonly string[] | null): Promise<UnitTotals[]> {
      const rows = rowsOf<{
        unit_id: string | null;
        competence_id: string;
        assessed: string | number;
        rated: string | number;
        level_sum: string | number | null;
        target_sum: string | number | null;
        below: string | number;
      }>(
        await db.execute(sql`
          select unit_id, competence_id,
            count(*) as assessed,
            count(*) filter (where level is not null and target_level is not null) as rated,
            sum(level) filter (where target_level is not null) as level_sum,
            sum(target_level) filter (where level is not null) as target_sum,
            count(*) filter (where level < target_level) as below
          from competence_ratings
          where municipality_id = ${municipalityId} and round_id = ${roundId} and rater_role = 'leader'
            ${unitIds === null ? sql`` : sql`and unit_id in ${uuidList(unitIds)}`}
          group by unit_id, competence_id`),
      );
      return rows.map((row) => ({
        unitId: row.unit_id,
        competenceId: row.competence_id,
        assessedCount: Number(row.assessed),
        ratedCount: Number(row.rated),
        levelSum: Number(row.level_sum ?? 0),
        targetSum: Number(row.target_sum ?? 0),
        belowCount: Number(row.below),
      }));
    },

    /** Which of these rounds have at least one submitted leader assessment in the given units (all when null). */
    async roundsWithLeaderRatings(roundIds: readonly string[], unitIds: readonly string[] | null) {
      if (roundIds.length === 0) return new Set<string>();
      const rows = rowsOf<{ id: string }>(
        await db.execute(sql`
          select r.id from (select value::uuid as id from jsonb_array_elements_text(${JSON.stringify(roundIds)}::jsonb)) r
          where exists (
            select 1 from competence_ratings cr
            where cr.municipality_id = ${municipalityId} and cr.round_id = r.id and cr.rater_role = 'leader'
              ${unitIds === null ? sql`` : sql`and cr.unit_id in ${uuidList(unitIds)}`}
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
