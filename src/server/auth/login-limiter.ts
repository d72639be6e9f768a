/** @module Slows down password guessing: failed logins are counted per account and per client address. */
import { createRateLimiter, type RateLimitStore } from '../rate-limit.ts';

export interface LoginLimits {
  /** Failed attempts allowed per account in the window. */
  perAccount: number;
  /** Failed attempts allowed per client address in the window (an office shares one address). */
  perAddress: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perAccount: 5, perAddress: 50, windowSeconds: 15 * 60 };

export interface LoginLimiter {
  /** Seconds to wait when either limit is used up; 0 when the attempt may go ahead. */
  retryAfterSeconds(account: string, address: string): Promise<number>;
  recordFailure(account: string, address: string): Promise<void>;
  recordSuccess(account: string): Promise<void>;
}

/**
 * Counts in the database by default, so that several server instances behind a load balancer share one count
 * (decision 023); `'memory'` is for tests that want their own limits without touching the database.
 */
export function createLoginLimiter(
  limits: LoginLimits = defaultLoginLimits,
  store: RateLimitStore = 'memory',
): LoginLimiter {
  const window = limits.windowSeconds;
  const byAccount = createRateLimiter(
    { keyPrefix: 'login-account', points: limits.perAccount, windowSeconds: window },
    store,
  );
  const byAddress = createRateLimiter(
    { keyPrefix: 'login-address', points: limits.perAddress, windowSeconds: window },
    store,
  );
  const accountKey = (account: string) => account.trim().toLowerCase();

  return {
    async retryAfterSeconds(account, address) {
      const [accountWait, addressWait] = await Promise.all([
        byAccount.retryAfterSeconds(accountKey(account)),
        byAddress.retryAfterSeconds(address),
      ]);
      return Math.max(accountWait, addressWait);
    },
    async recordFailure(account, address) {
      await Promise.all([byAccount.hit(accountKey(account)), byAddress.hit(address)]);
    },
    async recordSuccess(account) {
      await byAccount.reset(accountKey(account));
    },
  };
}
