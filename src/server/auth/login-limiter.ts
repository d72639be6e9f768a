/** @module Slows down password guessing: failed logins are counted per account and per client address. */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

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

export function createLoginLimiter(limits: LoginLimits = defaultLoginLimits): LoginLimiter {
  const byAccount = new RateLimiterMemory({
    keyPrefix: 'account',
    points: limits.perAccount,
    duration: limits.windowSeconds,
  });
  const byAddress = new RateLimiterMemory({
    keyPrefix: 'address',
    points: limits.perAddress,
    duration: limits.windowSeconds,
  });
  const accountKey = (account: string) => account.trim().toLowerCase();

  const waitFor = async (limiter: RateLimiterMemory, key: string, points: number) => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= points ? Math.ceil(state.msBeforeNext / 1000) : 0;
  };
  const consume = async (limiter: RateLimiterMemory, key: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      // A rejection only means the limit is now used up; the next attempt is refused.
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  };

  return {
    async retryAfterSeconds(account, address) {
      return Math.max(
        await waitFor(byAccount, accountKey(account), limits.perAccount),
        await waitFor(byAddress, address, limits.perAddress),
      );
    },
    async recordFailure(account, address) {
      await consume(byAccount, accountKey(account));
      await consume(byAddress, address);
    },
    async recordSuccess(account) {
      await byAccount.delete(accountKey(account));
    },
  };
}
