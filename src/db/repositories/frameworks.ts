/** @module Framework versions and role profiles inside one municipality. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FrameworkDocument } from '../../domain/framework.ts';
import type { PublishReport, RoleProfileSource } from '../../domain/framework-publishing.ts';
import type { LocalizedText } from '../../domain/text.ts';
import type { Database } from '../client.ts';
import { frameworks, frameworkVersions, roleProfiles } from '../schema.ts';

export type FrameworkVersionRow = typeof frameworkVersions.$inferSelect;
export type RoleProfileRow = typeof roleProfiles.$inferSelect;

/** What a caller needs to write inside the publishing transaction (its audit entry). */
export type Transaction = Pick<Database, 'insert' | 'execute'>;

/**
 * Published versions never change (a trigger refuses it), so once read they can be kept in memory, keyed by
 * municipality and id. Shared by every request of the process; bounded so a long-running server cannot grow.
 */
export class PublishedVersionCache {
  readonly #entries = new Map<string, FrameworkVersionRow>();
  constructor(readonly capacity = 200) {}

  get(municipalityId: string, versionId: string): FrameworkVersionRow | undefined {
    return this.#entries.get(`${municipalityId}/${versionId}`);
  }

  remember(row: FrameworkVersionRow): void {
    if (row.status !== 'published') return;
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(`${row.municipalityId}/${row.id}`, row);
  }
}

/** A unique index refused the row: PostgreSQL's code 23505, as node-postgres and PGlite report it (under drizzle). */
function violates(error: unknown, constraints: readonly string[]): boolean {
  for (let cause = error; typeof cause === 'object' && cause !== null; ) {
    const { code, constraint } = cause as { code?: string; constraint?: string };
    if (code === '23505') return constraint === undefined || constraints.includes(constraint);
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

export type DraftCreation =
  | { outcome: 'created'; draft: FrameworkVersionRow }
  /** The framework already has a draft; only one at a time. */
  | { outcome: 'draft_exists'; draftId: string };

export interface RoleProfileChange {
  name: LocalizedText;
  description: LocalizedText;
  targets: Record<string, number>;
}

export function frameworkRepository(
  db: Database,
  municipalityId: string,
  cache = new PublishedVersionCache(),
) {
  const inTenant = eq(frameworkVersions.municipalityId, municipalityId);
  const draftOf = (frameworkId: string) =>
    db
      .select({ id: frameworkVersions.id })
      .from(frameworkVersions)
      .where(
        and(inTenant, eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, 'draft')),
      );

  const profileRow = (frameworkVersionId: string, profile: RoleProfileSource) => ({
    municipalityId,
    frameworkVersionId,
    key: profile.key,
    name: profile.name,
    description: profile.description,
    targets: profile.targets,
  });

  return {
    /**
     * Adds a draft version of the framework with this document's key, creating the framework if needed. Refused
     * while the framework has a draft already: two drafts would each publish over the other's changes.
     */
    async createDraft(
      document: FrameworkDocument,
      options: { basedOnVersionId?: string } = {},
    ): Promise<FrameworkVersionRow> {
      const result = await this.startDraft(document, options);
      if (result.outcome === 'draft_exists')
        throw new Error(`framework "${document.key}" has a draft already`);
      return result.draft;
    },

    /** Like {@link createDraft}, telling a draft that exists apart; `record` commits with the new draft. */
    async startDraft(
      document: FrameworkDocument,
      options: {
        basedOnVersionId?: string;
        record?: (tx: Transaction, draft: FrameworkVersionRow) => Promise<void>;
      } = {},
    ): Promise<DraftCreation> {
      try {
        return await db.transaction(async (tx) => {
          await tx.insert(frameworks).values({ municipalityId, key: document.key }).onConflictDoNothing();
          // Locking the framework's row makes a second administrator wait, then find the first one's draft.
          const [framework] = await tx
            .select()
            .from(frameworks)
            .where(and(eq(frameworks.municipalityId, municipalityId), eq(frameworks.key, document.key)))
            .for('update');
          const [existing] = await tx
            .select({ id: frameworkVersions.id })
            .from(frameworkVersions)
            .where(
              and(eq(frameworkVersions.frameworkId, framework!.id), eq(frameworkVersions.status, 'draft')),
            );
          if (existing) return { outcome: 'draft_exists' as const, draftId: existing.id };
          const [latest] = await tx
            .select({ version: sql<number>`coalesce(max(${frameworkVersions.version}), 0)` })
            .from(frameworkVersions)
            .where(eq(frameworkVersions.frameworkId, framework!.id));
          const [row] = await tx
            .insert(frameworkVersions)
            .values({
              municipalityId,
              frameworkId: framework!.id,
              version: Number(latest?.version ?? 0) + 1,
              document,
              basedOnVersionId: options.basedOnVersionId ?? null,
            })
            .returning();
          await options.record?.(tx, row!);
          return { outcome: 'created' as const, draft: row! };
        });
      } catch (error) {
        // Two administrators started a draft at the same moment: the indexes let one through.
        if (!violates(error, ['framework_versions_one_draft_uq', 'framework_versions_uq'])) throw error;
        const [framework] = await db
          .select({ id: frameworks.id })
          .from(frameworks)
          .where(and(eq(frameworks.municipalityId, municipalityId), eq(frameworks.key, document.key)));
        const [existing] = framework ? await draftOf(framework.id) : [];
        if (!existing) throw error;
        return { outcome: 'draft_exists', draftId: existing.id };
      }
    },

    /**
     * Saves a draft's document. With `expectedRevision`, only when nobody saved since that revision; undefined when
     * nothing was saved (no such draft, or a newer revision). The database refuses a published version.
     */
    async updateDraft(
      versionId: string,
      document: FrameworkDocument,
      expectedRevision?: number,
    ): Promise<FrameworkVersionRow | undefined> {
      const [row] = await db
        .update(frameworkVersions)
        .set({ document, revision: sql`${frameworkVersions.revision} + 1`, updatedAt: new Date() })
        .where(
          and(
            inTenant,
            eq(frameworkVersions.id, versionId),
            expectedRevision === undefined ? undefined : eq(frameworkVersions.revision, expectedRevision),
          ),
        )
        .returning();
      return row;
    },

    /** Throws a draft away; a published version stays (the database refuses to delete it). */
    async discardDraft(versionId: string): Promise<boolean> {
      const deleted = await db
        .delete(frameworkVersions)
        .where(and(inTenant, eq(frameworkVersions.id, versionId), eq(frameworkVersions.status, 'draft')))
        .returning({ id: frameworkVersions.id });
      return deleted.length > 0;
    },

    /**
     * Publishing freezes the version: the database refuses any later change to it. In the same transaction the new
     * version gets its role profiles, and `record` may write what the caller wants committed with it (the audit entry).
     * Undefined when the version is not a draft at `expectedRevision` (when given).
     */
    async publish(
      versionId: string,
      options: {
        now?: Date;
        expectedRevision?: number;
        report?: PublishReport;
        roleProfiles?: readonly RoleProfileSource[];
        record?: (tx: Transaction) => Promise<void>;
      } = {},
    ): Promise<FrameworkVersionRow | undefined> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(frameworkVersions)
          .set({
            status: 'published',
            publishedAt: options.now ?? new Date(),
            publishReport: options.report ?? null,
            updatedAt: options.now ?? new Date(),
          })
          .where(
            and(
              inTenant,
              eq(frameworkVersions.id, versionId),
              eq(frameworkVersions.status, 'draft'),
              options.expectedRevision === undefined
                ? undefined
                : eq(frameworkVersions.revision, options.expectedRevision),
            ),
          )
          .returning();
        if (!row) return undefined;
        if (options.roleProfiles?.length) {
          await tx
            .insert(roleProfiles)
            .values(options.roleProfiles.map((profile) => profileRow(row.id, profile)));
        }
        await options.record?.(tx);
        return row;
      });
    },

    /** Every version of every framework, newest first within each framework. */
    async listVersions(): Promise<FrameworkVersionRow[]> {
      return db
        .select()
        .from(frameworkVersions)
        .where(inTenant)
        .orderBy(asc(frameworkVersions.frameworkId), desc(frameworkVersions.version));
    },

    /** The versions of one framework, newest first. */
    async versionsOf(frameworkId: string): Promise<FrameworkVersionRow[]> {
      return db
        .select()
        .from(frameworkVersions)
        .where(and(inTenant, eq(frameworkVersions.frameworkId, frameworkId)))
        .orderBy(desc(frameworkVersions.version));
    },

    /** The versions of the framework with this key, newest first; empty when there is no such framework. */
    async versionsOfKey(key: string): Promise<FrameworkVersionRow[]> {
      const [framework] = await db
        .select({ id: frameworks.id })
        .from(frameworks)
        .where(and(eq(frameworks.municipalityId, municipalityId), eq(frameworks.key, key)));
      return framework ? this.versionsOf(framework.id) : [];
    },

    /** The newest published version (by publication), the one new plans name competences from. */
    async newestPublished(): Promise<FrameworkVersionRow | undefined> {
      const [newest] = await db
        .select({ id: frameworkVersions.id })
        .from(frameworkVersions)
        .where(
          and(
            eq(frameworkVersions.municipalityId, municipalityId),
            eq(frameworkVersions.status, 'published'),
          ),
        )
        .orderBy(desc(frameworkVersions.publishedAt), desc(frameworkVersions.version))
        .limit(1);
      if (!newest) return undefined;
      // The document itself is read once per process: published versions never change.
      const cached = cache.get(municipalityId, newest.id);
      if (cached) return cached;
      const [row] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, newest.id));
      if (row) cache.remember(row);
      return row;
    },

    async findVersion(versionId: string): Promise<FrameworkVersionRow | undefined> {
      const cached = cache.get(municipalityId, versionId);
      if (cached) return cached;
      const [row] = await db
        .select()
        .from(frameworkVersions)
        .where(and(inTenant, eq(frameworkVersions.id, versionId)));
      if (row) cache.remember(row);
      return row;
    },

    /** Undefined when the version has a role profile with this key already. */
    async createRoleProfile(
      frameworkVersionId: string,
      profile: RoleProfileSource,
    ): Promise<RoleProfileRow | undefined> {
      const [row] = await db
        .insert(roleProfiles)
        .values(profileRow(frameworkVersionId, profile))
        .onConflictDoNothing()
        .returning();
      return row;
    },

    /** Adds the profiles whose key the version lacks; the keys of those added. Safe to run again, and at once. */
    async addMissingRoleProfiles(
      frameworkVersionId: string,
      profiles: readonly RoleProfileSource[],
    ): Promise<string[]> {
      if (profiles.length === 0) return [];
      const added = await db
        .insert(roleProfiles)
        .values(profiles.map((profile) => profileRow(frameworkVersionId, profile)))
        .onConflictDoNothing()
        .returning({ key: roleProfiles.key });
      return added.map((row) => row.key);
    },

    /** Changes a role profile if nobody changed it since `expectedRevision`; undefined otherwise. */
    async updateRoleProfile(
      roleProfileId: string,
      change: RoleProfileChange,
      expectedRevision: number,
    ): Promise<RoleProfileRow | undefined> {
      const [row] = await db
        .update(roleProfiles)
        .set({ ...change, revision: sql`${roleProfiles.revision} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(roleProfiles.municipalityId, municipalityId),
            eq(roleProfiles.id, roleProfileId),
            eq(roleProfiles.revision, expectedRevision),
          ),
        )
        .returning();
      return row;
    },

    async findRoleProfile(roleProfileId: string): Promise<RoleProfileRow | undefined> {
      const [row] = await db
        .select()
        .from(roleProfiles)
        .where(and(eq(roleProfiles.municipalityId, municipalityId), eq(roleProfiles.id, roleProfileId)));
      return row;
    },

    async listRoleProfilesOf(frameworkVersionId: string): Promise<RoleProfileRow[]> {
      return db
        .select()
        .from(roleProfiles)
        .where(
          and(
            eq(roleProfiles.municipalityId, municipalityId),
            eq(roleProfiles.frameworkVersionId, frameworkVersionId),
          ),
        )
        .orderBy(asc(roleProfiles.key));
    },

    async listRoleProfiles(): Promise<RoleProfileRow[]> {
      return db
        .select()
        .from(roleProfiles)
        .where(eq(roleProfiles.municipalityId, municipalityId))
        .orderBy(asc(roleProfiles.key));
    },
  };
}

export type FrameworkRepository = ReturnType<typeof frameworkRepository>;
