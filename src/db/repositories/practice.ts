/**
 * @module The practice log inside one municipality: an employee's own entries, what they share with their leaders,
 * their talking points, and a unit's monthly tallies counted in the database (never the entries themselves).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { emptyCounts, type HelpLevel, helpLevels, type PracticeMonthTally } from '../../domain/practice.ts';
import type { Database } from '../client.ts';
import { practiceEntries, users } from '../schema.ts';

export type PracticeEntryRow = typeof practiceEntries.$inferSelect;
export interface PracticeEntryWithAuthor extends PracticeEntryRow {
  employeeName: string;
  /** The author's unit now (their leaders now are who a shared entry is shared with). */
  employeeUnitId: string | null;
}

export type PracticeEntryContent = Pick<
  PracticeEntryRow,
  | 'occurredOn'
  | 'channel'
  | 'helpLevel'
  | 'competenceIds'
  | 'whatWorked'
  | 'tryNext'
  | 'goalId'
  | 'themeDayTaskId'
  | 'talkingPoint'
  | 'frameworkVersionId'
> & { shared: boolean };

export interface PracticeFilter {
  /** `YYYY-MM`. */
  month?: string;
  channel?: string;
  helpLevel?: string;
  limit: number;
}

export type PracticeSaved = { outcome: 'saved'; row: PracticeEntryRow } | { outcome: 'conflict' };

const lastDayOf = (month: string) => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
};

export function practiceRepository(db: Database, municipalityId: string) {
  const inTenant = eq(practiceEntries.municipalityId, municipalityId);
  const entryInTenant = (entryId: string) => and(inTenant, eq(practiceEntries.id, entryId));
  const monthOfEntry = sql<string>`to_char(${practiceEntries.occurredOn}, 'YYYY-MM')`;
  const withAuthor = () =>
    db
      .select({ entry: practiceEntries, employeeName: users.name, employeeUnitId: users.unitId })
      .from(practiceEntries)
      .innerJoin(users, eq(users.id, practiceEntries.employeeId));
  const flatten = (row: {
    entry: PracticeEntryRow;
    employeeName: string;
    employeeUnitId: string | null;
  }): PracticeEntryWithAuthor => ({
    ...row.entry,
    employeeName: row.employeeName,
    employeeUnitId: row.employeeUnitId,
  });
  const values = (content: PracticeEntryContent, now: Date) => {
    const { shared, ...rest } = content;
    return { ...rest, sharedAt: shared ? now : null, updatedAt: now };
  };

  return {
    async create(
      input: PracticeEntryContent & { employeeId: string; unitId: string | null; now: Date },
    ): Promise<PracticeEntryRow> {
      const { employeeId, unitId, now, ...content } = input;
      const [row] = await db
        .insert(practiceEntries)
        .values({ municipalityId, employeeId, unitId, ...values(content, now), createdAt: now })
        .returning();
      return row!;
    },

    async find(entryId: string): Promise<PracticeEntryWithAuthor | undefined> {
      const [row] = await withAuthor().where(entryInTenant(entryId));
      return row ? flatten(row) : undefined;
    },

    /** The employee's own entries, newest first, at most `limit`, and how many match in all. */
    async listOfEmployee(
      employeeId: string,
      filter: PracticeFilter,
    ): Promise<{ rows: PracticeEntryRow[]; total: number }> {
      const conditions: SQL[] = [inTenant, eq(practiceEntries.employeeId, employeeId)];
      if (filter.month) {
        conditions.push(gte(practiceEntries.occurredOn, `${filter.month}-01`));
        conditions.push(lte(practiceEntries.occurredOn, lastDayOf(filter.month)));
      }
      if (filter.channel) conditions.push(eq(practiceEntries.channel, filter.channel));
      if (filter.helpLevel) conditions.push(eq(practiceEntries.helpLevel, filter.helpLevel));
      const where = and(...conditions);
      const [rows, [{ total } = { total: 0 }]] = await Promise.all([
        db
          .select()
          .from(practiceEntries)
          .where(where)
          .orderBy(desc(practiceEntries.occurredOn), desc(practiceEntries.createdAt))
          .limit(filter.limit),
        db.select({ total: sql<number>`count(*)::int` }).from(practiceEntries).where(where),
      ]);
      return { rows, total };
    },

    /** Date and help level of the employee's entries from a day on: all their own chart needs. */
    async helpLevelsOfEmployee(
      employeeId: string,
      from: string,
    ): Promise<{ occurredOn: string; helpLevel: HelpLevel }[]> {
      const rows = await db
        .select({ occurredOn: practiceEntries.occurredOn, helpLevel: practiceEntries.helpLevel })
        .from(practiceEntries)
        .where(
          and(inTenant, eq(practiceEntries.employeeId, employeeId), gte(practiceEntries.occurredOn, from)),
        );
      return rows as { occurredOn: string; helpLevel: HelpLevel }[];
    },

    /** Changes the entry if the caller saw its newest version. */
    async update(
      entryId: string,
      expectedVersion: number,
      content: PracticeEntryContent,
      now: Date,
    ): Promise<PracticeSaved> {
      // Sharing keeps its first date; sharing again after withdrawing starts a new one.
      const sharedAt = content.shared
        ? sql`coalesce(${practiceEntries.sharedAt}, ${now.toISOString()}::timestamptz)`
        : null;
      const [row] = await db
        .update(practiceEntries)
        .set({ ...values(content, now), sharedAt, version: sql`${practiceEntries.version} + 1` })
        .where(and(entryInTenant(entryId), eq(practiceEntries.version, expectedVersion)))
        .returning();
      return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
    },

    /** Removes the entry if the caller saw its newest version; false when it changed meanwhile. */
    async delete(entryId: string, expectedVersion: number): Promise<boolean> {
      const removed = await db
        .delete(practiceEntries)
        .where(and(entryInTenant(entryId), eq(practiceEntries.version, expectedVersion)))
        .returning({ id: practiceEntries.id });
      return removed.length > 0;
    },

    /** Entries shared by the people who are in these units now, newest first. */
    async sharedByPeopleIn(unitIds: string[], limit = 200): Promise<PracticeEntryWithAuthor[]> {
      if (unitIds.length === 0) return [];
      const rows = await withAuthor()
        .where(and(inTenant, isNotNull(practiceEntries.sharedAt), inArray(users.unitId, unitIds)))
        .orderBy(desc(practiceEntries.occurredOn), desc(practiceEntries.createdAt))
        .limit(limit);
      return rows.map(flatten);
    },

    /** The employee's talking points up to a day, oldest first (the order to take them up); shared ones only if asked. */
    async talkingPointsOf(
      employeeId: string,
      options: { sharedOnly: boolean; until: string },
    ): Promise<PracticeEntryRow[]> {
      return db
        .select()
        .from(practiceEntries)
        .where(
          and(
            inTenant,
            eq(practiceEntries.employeeId, employeeId),
            eq(practiceEntries.talkingPoint, true),
            lte(practiceEntries.occurredOn, options.until),
            options.sharedOnly ? isNotNull(practiceEntries.sharedAt) : undefined,
          ),
        )
        .orderBy(asc(practiceEntries.occurredOn), asc(practiceEntries.createdAt));
    },

    /**
     * One unit's months between two days, counted in the database: distinct people, entries per help level, and
     * entries per competence. The entries themselves never leave the database for an aggregate.
     */
    async unitTallies(unitId: string, from: string, to: string): Promise<PracticeMonthTally[]> {
      const where = and(
        inTenant,
        eq(practiceEntries.unitId, unitId),
        gte(practiceEntries.occurredOn, from),
        lte(practiceEntries.occurredOn, to),
      );
      const expanded = db
        .select({
          month: monthOfEntry.as('month'),
          competenceId: sql<string>`unnest(${practiceEntries.competenceIds})`.as('competence_id'),
        })
        .from(practiceEntries)
        .where(where)
        .as('expanded');
      const [people, levels, competences] = await Promise.all([
        db
          .select({
            month: monthOfEntry,
            people: sql<number>`count(distinct ${practiceEntries.employeeId})::int`,
          })
          .from(practiceEntries)
          .where(where)
          .groupBy(monthOfEntry),
        db
          .select({
            month: monthOfEntry,
            helpLevel: practiceEntries.helpLevel,
            entries: sql<number>`count(*)::int`,
          })
          .from(practiceEntries)
          .where(where)
          .groupBy(monthOfEntry, practiceEntries.helpLevel),
        db
          .select({
            month: expanded.month,
            competenceId: expanded.competenceId,
            entries: sql<number>`count(*)::int`,
          })
          .from(expanded)
          .groupBy(expanded.month, expanded.competenceId),
      ]);
      const tallies = new Map<string, PracticeMonthTally & { competences: Record<string, number> }>();
      const tallyOf = (month: string) => {
        let tally = tallies.get(month);
        if (!tally) {
          tally = { month, people: 0, counts: emptyCounts(), competences: {} };
          tallies.set(month, tally);
        }
        return tally;
      };
      for (const row of people) tallyOf(row.month).people = row.people;
      for (const row of levels) {
        if ((helpLevels as readonly string[]).includes(row.helpLevel)) {
          tallyOf(row.month).counts[row.helpLevel as HelpLevel] = row.entries;
        }
      }
      for (const row of competences) tallyOf(row.month).competences[row.competenceId] = row.entries;
      return [...tallies.values()].sort((a, b) => a.month.localeCompare(b.month));
    },
  };
}

export type PracticeRepository = ReturnType<typeof practiceRepository>;
