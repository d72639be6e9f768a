/** @module Session tokens: random in the cookie, a keyed hash in the database. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const sessionCookieName = 'vejviser_session';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const sessionIdFor = (secret: string, token: string): string =>
  createHmac('sha256', secret).update(token).digest('base64url');

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A password for `create-admin`: readable groups, about 100 bits. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return characters.match(/.{5}/g)!.join('-');
}

/**
 * What is kept of a candidate's link token: its SHA-256. The token carries 256 random bits, so unlike a password it
 * needs no salt or slow hash to be safe from guessing; a copy of the database gives no working link.
 */
export const candidateTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
