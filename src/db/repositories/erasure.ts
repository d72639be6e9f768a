/**
 * @module Erasing a departed person's data, one kind at a time, and anonymising who they were (decision 029). Each
 * method deletes in the caller's transaction and answers how many rows of each kind went, never what they held.
 */
import { and, asc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PersonalDataType } from '../../domain/retention.ts';
import { type Database, rowsOf } from '../client.ts';
import { municipalities, users } from '../schema.ts';
import { recruitmentRepository } from './recruitment.ts';

/** How many rows of each kind went. */
export type ErasureCounts = Record<string, number>;

/** The label an anonymised person's name becomes; the web shows its translation. */
export const anonymisedName = 'Tidligere medarbejder';

/** A unique address that can never receive mail (RFC 2606 reserves `.invalid`). */
export const anonymisedEmail = (userId: string) => `${userId}@anonymiseret.invalid`;

/** When each kind of a person's data was erased; null while it is kept. */
export const erasedAtOf = (
  person: Pick<typeof users.$inferSelect, 'conversationsErasedAt' | 'ratingsErasedAt' | 'practiceErasedAt'>,
): Record<PersonalDataType, Date | null> => ({
  conversations: person.conversationsErasedAt,
  ratings: person.ratingsErasedAt,
  practice: person.practiceErasedAt,
});

export type DepartedRow = Pick<
  typeof users.$inferSelect,
  | 'id'
  | 'name'
  | 'email'
  | 'unitId'
  | 'deactivatedAt'
  | 'anonymisedAt'
  | 'conversationsErasedAt'
  | 'ratingsErasedAt'
  | 'practiceErasedAt'
>;

export function erasureRepository(db: Database, municipalityId: string) {
  const rows = async <T>(query: SQL): Promise<T[]> => rowsOf<T>(await db.execute(query));
  /** Counts with one query, so the numbers describe the same moment the deletion starts from. */
  const counts = async (query: SQL): Promise<ErasureCounts> => {
    const [row] = await rows<Record<string, number | string>>(query);
    return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
  };
  const m = sql`${municipalityId}::uuid`;
  /** Signed records and addenda refuse deletion unless the transaction declares an erasure (migration 0014). */
  const declareErasure = (on: boolean) =>
    db.execute(sql`select set_config('vejviser.erasure', ${on ? 'on' : 'off'}, true)`);

  const erasers: Record<PersonalDataType, (personId: string) => Promise<ErasureCounts>> = {
    /**
     * Conversations where the person is the employee, with everything under them (preparations, notes, goals,
     * actions, status changes, signatures, addenda), and their part in group conversations.
     */
    async conversations(personId) {
      const p = sql`${personId}::uuid`;
      const theirs = sql`(select id from conversations where municipality_id = ${m} and employee_id = ${p})`;
      const goalsOf = sql`(select id from goals where conversation_id in ${theirs})`;
      const found = await counts(sql`select
        (select count(*) from conversations where id in ${theirs}) as conversations,
        (select count(*) from conversation_preparations where conversation_id in ${theirs}
           or (municipality_id = ${m} and author_id = ${p} and conversation_id in
             (select id from conversations where municipality_id = ${m} and kind = 'group'))) as preparations,
        (select count(*) from conversation_notes where conversation_id in ${theirs}
           or (municipality_id = ${m} and author_id = ${p} and conversation_id in
             (select id from conversations where municipality_id = ${m} and kind = 'group'))) as notes,
        (select count(*) from goals where id in ${goalsOf}) as goals,
        (select count(*) from goal_actions where goal_id in ${goalsOf}) as actions,
        (select count(*) from plan_status_changes where goal_id in ${goalsOf}) as "statusChanges",
        (select count(*) from conversation_signatures where conversation_id in ${theirs}) as signatures,
        (select count(*) from conversation_addenda where conversation_id in ${theirs}) as addenda,
        (select count(*) from conversation_participants where municipality_id = ${m} and user_id = ${p})
          as "groupParticipations"`);
      await declareErasure(true);
      await db.execute(sql`delete from conversation_addenda where conversation_id in ${theirs}`);
      // Follow-ups point at earlier conversations of the same person: one statement removes the whole chain.
      await db.execute(sql`delete from conversations where id in ${theirs}`);
      await db.execute(sql`delete from conversation_preparations where municipality_id = ${m} and author_id = ${p}
        and conversation_id in (select id from conversations where municipality_id = ${m} and kind = 'group')`);
      await db.execute(sql`delete from conversation_notes where municipality_id = ${m} and author_id = ${p}
        and conversation_id in (select id from conversations where municipality_id = ${m} and kind = 'group')`);
      await db.execute(
        sql`delete from conversation_participants where municipality_id = ${m} and user_id = ${p}`,
      );
      await declareErasure(false);
      return found;
    },

    /**
     * Round participations with both assessments of the person (self and the leader's), their rating rows and
     * reopenings; the interview baseline and the candidate record they were hired from. The unit sums stay: they are
     * anonymous, and withheld below the minimum group size anyway.
     */
    async ratings(personId) {
      const p = sql`${personId}::uuid`;
      const assessed = sql`(select id from assessments where municipality_id = ${m} and subject_id = ${p})`;
      const hired = sql`(select id from candidates where municipality_id = ${m} and hired_user_id = ${p})`;
      const found = await counts(sql`select
        (select count(*) from round_participants where municipality_id = ${m} and user_id = ${p}) as participations,
        (select count(*) from assessments where id in ${assessed}) as assessments,
        (select count(*) from competence_ratings where municipality_id = ${m} and subject_id = ${p}) as "ratingRows",
        (select count(*) from assessment_reopenings where assessment_id in ${assessed}) as reopenings,
        (select count(*) from interview_baselines where municipality_id = ${m} and user_id = ${p}) as baselines,
        (select count(*) from candidates where id in ${hired}) as "candidateRecords"`);
      // Assessments, rating rows and reopenings go with the participation (foreign keys with cascade).
      await db.execute(sql`delete from round_participants where municipality_id = ${m} and user_id = ${p}`);
      await db.execute(sql`delete from interview_baselines where municipality_id = ${m} and user_id = ${p}`);
      await deleteHiredCandidate(personId);
      return found;
    },

    /** Practice entries, the colleague pairings they are part of (either side), theme-day tasks and participation. */
    async practice(personId) {
      const p = sql`${personId}::uuid`;
      const found = await counts(sql`select
        (select count(*) from practice_entries where municipality_id = ${m} and employee_id = ${p}) as entries,
        (select count(*) from colleague_pairings where municipality_id = ${m}
           and (learner_id = ${p} or helper_id = ${p})) as pairings,
        (select count(*) from theme_day_tasks where municipality_id = ${m} and user_id = ${p}) as "themeDayTasks",
        (select count(*) from theme_day_participants where municipality_id = ${m} and user_id = ${p})
          as "themeDayParticipations"`);
      await db.execute(sql`delete from practice_entries where municipality_id = ${m} and employee_id = ${p}`);
      await db.execute(
        sql`delete from colleague_pairings where municipality_id = ${m} and (learner_id = ${p} or helper_id = ${p})`,
      );
      await db.execute(sql`delete from theme_day_tasks where municipality_id = ${m} and user_id = ${p}`);
      await db.execute(
        sql`delete from theme_day_participants where municipality_id = ${m} and user_id = ${p}`,
      );
      return found;
    },
  };

  /** The candidate record a person was hired from holds their name, e-mail and interview scores. */
  const deleteHiredCandidate = (personId: string) =>
    recruitmentRepository(db, municipalityId).deleteHiredCandidate(personId);

  const erasedColumn = {
    conversations: 'conversations_erased_at',
    ratings: 'ratings_erased_at',
    practice: 'practice_erased_at',
  } as const satisfies Record<PersonalDataType, string>;

  return {
    /** The municipality's periods, in months after a person leaves (the database refuses 1–120 outside). */
    async setPeriods(periods: Partial<Record<PersonalDataType, number>>): Promise<void> {
      const set = {
        ...(periods.conversations !== undefined
          ? { conversationRetentionMonths: periods.conversations }
          : {}),
        ...(periods.ratings !== undefined ? { ratingRetentionMonths: periods.ratings } : {}),
        ...(periods.practice !== undefined ? { practiceRetentionMonths: periods.practice } : {}),
      };
      if (Object.keys(set).length === 0) return;
      await db.update(municipalities).set(set).where(eq(municipalities.id, municipalityId));
    },

    /** People who left, oldest departure first. */
    async departed(): Promise<DepartedRow[]> {
      return db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          unitId: users.unitId,
          deactivatedAt: users.deactivatedAt,
          anonymisedAt: users.anonymisedAt,
          conversationsErasedAt: users.conversationsErasedAt,
          ratingsErasedAt: users.ratingsErasedAt,
          practiceErasedAt: users.practiceErasedAt,
        })
        .from(users)
        .where(
          and(
            eq(users.municipalityId, municipalityId),
            eq(users.active, false),
            isNotNull(users.deactivatedAt),
          ),
        )
        .orderBy(asc(users.deactivatedAt), asc(users.id));
    },

    /** Erases one kind of a person's data and marks it erased at `now`. */
    async erase(type: PersonalDataType, personId: string, now: Date): Promise<ErasureCounts> {
      const found = await erasers[type](personId);
      await db.execute(
        sql`update users set ${sql.raw(erasedColumn[type])} = ${now.toISOString()}::timestamptz
            where municipality_id = ${m} and id = ${personId}::uuid and not active`,
      );
      return found;
    },

    /**
     * Replaces who the person was by a neutral label and a non-address, and removes what let them log in or act:
     * sessions, leadership, password, external id (the single sign-on key), and the e-mails sent to them. The row
     * stays, because others' records point at it (a leader, an author, a signer, a panel member).
     */
    async anonymise(personId: string, now: Date): Promise<ErasureCounts> {
      const p = sql`${personId}::uuid`;
      const [person] = await rows<{ email: string }>(
        sql`select email from users where municipality_id = ${m} and id = ${p}`,
      );
      if (!person) return {};
      const found = await counts(sql`select
        (select count(*) from sessions where municipality_id = ${m} and user_id = ${p}) as sessions,
        (select count(*) from unit_leaders where municipality_id = ${m} and user_id = ${p}) as leaderships,
        (select count(*) from outbox where municipality_id = ${m} and lower(to_email) = lower(${person.email}))
          as emails`);
      await db.execute(sql`delete from sessions where municipality_id = ${m} and user_id = ${p}`);
      await db.execute(sql`delete from unit_leaders where municipality_id = ${m} and user_id = ${p}`);
      await db.execute(
        sql`delete from outbox where municipality_id = ${m} and lower(to_email) = lower(${person.email})`,
      );
      const candidateRecords = await deleteHiredCandidate(personId);
      await db.execute(sql`update users set name = ${anonymisedName}, email = ${anonymisedEmail(personId)},
          title = null, external_id = null, password_hash = null, password_expires_at = null,
          role_profile_key = null, active = false, anonymised_at = ${now.toISOString()}::timestamptz,
          version = version + 1, updated_at = ${now.toISOString()}::timestamptz
        where municipality_id = ${m} and id = ${p}`);
      return { ...found, candidateRecords };
    },
  };
}

export type ErasureRepository = ReturnType<typeof erasureRepository>;
