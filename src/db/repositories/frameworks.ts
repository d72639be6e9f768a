/** @module Framework versions and role profiles inside one municipality. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FrameworkDocument } from '../../domain/framework.ts';
import type { RoleProfileDocument } from '../../domain/role-profile.ts';
import type { Database } from '../client.ts';
import { frameworks, frameworkVersions, roleProfiles } from '../schema.ts';

export type FrameworkVersionRow = typeof frameworkVersions.$inferSelect;
export type RoleProfileRow = typeof roleProfiles.$inferSelect;

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

export function frameworkRepository(
  db: Database,
  municipalityId: string,
  cache = new PublishedVersionCache(),
) {
  return {
    /** Adds a new draft version of the framework with this document's key, creating the framework if needed. */
    async createDraft(document: FrameworkDocument): Promise<FrameworkVersionRow> {
      return db.transaction(async (tx) => {
        await tx.insert(frameworks).values({ municipalityId, key: document.key }).onConflictDoNothing();
        const [framework] = await tx
          .select()
          .from(frameworks)
          .where(and(eq(frameworks.municipalityId, municipalityId), eq(frameworks.key, document.key)));
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
          })
          .returning();
        return row!;
      });
    },

    /** Publishing freezes the version: the database refuses any later change to it. */
    async publish(versionId: string, now = new Date()): Promise<FrameworkVersionRow | undefined> {
      const [row] = await db
        .update(frameworkVersions)
        .set({ status: 'published', publishedAt: now })
        .where(
          and(
            eq(frameworkVersions.municipalityId, municipalityId),
            eq(frameworkVersions.id, versionId),
            eq(frameworkVersions.status, 'draft'),
          ),
        )
        .returning();
      return row;
    },

    async updateDraft(
      versionId: string,
      document: FrameworkDocument,
    ): Promise<FrameworkVersionRow | undefined> {
      const [row] = await db
        .update(frameworkVersions)
        .set({ document })
        .where(and(eq(frameworkVersions.municipalityId, municipalityId), eq(frameworkVersions.id, versionId)))
        .returning();
      return row;
    },

    async listVersions(): Promise<FrameworkVersionRow[]> {
      return db
        .select()
        .from(frameworkVersions)
        .where(eq(frameworkVersions.municipalityId, municipalityId))
        .orderBy(asc(frameworkVersions.frameworkId), desc(frameworkVersions.version));
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
        .where(
          and(eq(frameworkVersions.municipalityId, municipalityId), eq(frameworkVersions.id, versionId)),
        );
      if (row) cache.remember(row);
      return row;
    },

    async createRoleProfile(
      frameworkVersionId: string,
      profile: RoleProfileDocument,
    ): Promise<RoleProfileRow> {
      const [row] = await db
        .insert(roleProfiles)
        .values({
          municipalityId,
          frameworkVersionId,
          key: profile.key,
          name: profile.name,
          description: profile.description,
          targets: profile.targets,
        })
        .returning();
      return row!;
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
