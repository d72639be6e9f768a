/** @module API tokens for integrations: the scopes, what each lets a token do, and whom it acts as. */
import type { Principal } from './access.ts';

/**
 * - `organisation`: read the organisation (units, people and who leads whom), e.g. for a sync to another system.
 * - `aggregates`: read figures about groups (team overviews, practice-log summaries), never one person's data.
 * - `admin`: what an administrator may do through the API, except managing tokens and single sign-on.
 */
export const apiTokenScopes = ['organisation', 'aggregates', 'admin'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** Every token starts like this, so a leaked one is recognisable (by secret scanners, too). */
export const apiTokenPrefix = 'vvt_';

/** The shape of a token: the prefix and 43 base64url characters (32 random bytes, 256 bits). */
export const looksLikeApiToken = (value: string): boolean => /^vvt_[A-Za-z0-9_-]{43}$/.test(value);

export interface ApiTokenIdentity {
  id: string;
  municipalityId: string;
  scope: ApiTokenScope;
}

/**
 * Whom a token acts as inside the routes its scope opens (only those; see `authenticatedOrToken`). It is nobody:
 * its `userId` is the token's own id, so "own" data is always empty and no person's view is reached.
 * - `admin` acts as an administrator who leads no unit: like a person with that role, it does not reach ratings.
 * - `organisation` reads as an administrator who leads every unit would: the whole organisation chart and team.
 * - `aggregates` leads every unit without any role: group figures for the whole municipality, nothing else.
 */
export function tokenPrincipal(token: ApiTokenIdentity, rootUnitIds: readonly string[]): Principal {
  const base = { userId: token.id, tokenId: token.id, municipalityId: token.municipalityId };
  switch (token.scope) {
    case 'admin':
      return { ...base, roles: ['admin'], ledUnitIds: [] };
    case 'organisation':
      return { ...base, roles: ['admin'], ledUnitIds: [...rootUnitIds] };
    case 'aggregates':
      return { ...base, roles: [], ledUnitIds: [...rootUnitIds] };
  }
}

/** A token's last use is written at most this often: a busy integration must not turn every read into a write. */
export const lastUseResolutionMs = 60_000;

export const lastUseIsStale = (lastUsedAt: Date | null, now: Date): boolean =>
  lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= lastUseResolutionMs;
