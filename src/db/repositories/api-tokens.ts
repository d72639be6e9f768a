/** @module API tokens inside one municipality: create, list with their creators, revoke. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiTokenScope } from '../../domain/api-tokens.ts';
import type { Database } from '../client.ts';
import { apiTokens, users } from '../schema.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export interface ApiTokenListRow extends ApiTokenRow {
  createdByName: string | null;
}

export function apiTokenRepository(db: Database, municipalityId: string) {
  const inTenant = eq(apiTokens.municipalityId, municipalityId);
  return {
    async create(input: {
      name: string;
      scope: ApiTokenScope;
      tokenHash: string;
      displayPrefix: string;
      createdById: string | null;
      createdAt: Date;
    }): Promise<ApiTokenRow> {
      const [row] = await db
        .insert(apiTokens)
        .values({ ...input, municipalityId })
        .returning();
      return row!;
    },

    /** Newest first, revoked ones too: an administrator should see what existed and when it stopped. */
    async list(): Promise<ApiTokenListRow[]> {
      const rows = await db
        .select({ token: apiTokens, createdByName: users.name })
        .from(apiTokens)
        .leftJoin(users, and(eq(users.id, apiTokens.createdById), eq(users.municipalityId, municipalityId)))
        .where(inTenant)
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
      return rows.map((row) => ({ ...row.token, createdByName: row.createdByName }));
    },

    async find(tokenId: string): Promise<ApiTokenRow | undefined> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(inTenant, eq(apiTokens.id, tokenId)));
      return row;
    },

    /** True when this call revoked it; false when it was revoked already (or is not this municipality's). */
    async revoke(tokenId: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(inTenant, eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },
  };
}

export type ApiTokenRepository = ReturnType<typeof apiTokenRepository>;
