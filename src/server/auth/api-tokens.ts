/** @module API tokens: 256 random bits behind a recognisable prefix; only a SHA-256 of the token is stored. */
import { createHash, randomBytes } from 'node:crypto';
import { apiTokenPrefix } from '../../domain/api-tokens.ts';

export interface NewApiToken {
  /** Shown to the administrator once, never again. */
  token: string;
  tokenHash: string;
  /** Enough of the token to tell tokens apart in a list (36 of its 256 bits). */
  displayPrefix: string;
}

/**
 * An unkeyed hash suffices: 256 random bits cannot be guessed from it, and unlike the session's keyed hash it keeps
 * integrations working when the session secret is changed.
 */
export const hashApiToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newApiToken(): NewApiToken {
  const token = `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token), displayPrefix: token.slice(0, apiTokenPrefix.length + 6) };
}
