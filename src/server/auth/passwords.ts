/** @module Password hashing with argon2id (OWASP's recommended parameters) and the password rules. */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum in the typings; isolatedModules forbids using it, so name its value.
const argon2id = 2;
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minimumPasswordLength = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a crash.
    return false;
  }
}

/** Verifying against this when no account matches keeps a missing account as slow as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that never matches');
  return decoyHash;
}
