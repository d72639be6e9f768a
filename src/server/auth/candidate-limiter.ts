/**
 * @module Slows down anyone trying links: every request to the candidate's public pages counts against the client's
 * address, and once the allowance is used up the address waits. The counts are shared by every server instance.
 */
import { createRateLimiter, type RateLimitStore } from '../rate-limit.ts';

export interface CandidateLinkLimits {
  /** Requests allowed per client address in the window: a candidate opens the form, maybe reloads, and submits. */
  perAddress: number;
  windowSeconds: number;
}

export const defaultCandidateLinkLimits: CandidateLinkLimits = { perAddress: 30, windowSeconds: 15 * 60 };

export interface CandidateLinkLimiter {
  /** Counts one request; returns the seconds to wait when the allowance is used up, 0 when it may go ahead. */
  consume(address: string): Promise<number>;
}

/** Counts in the database for a real server, so several instances share one allowance; in memory for a test. */
export function createCandidateLinkLimiter(
  limits: CandidateLinkLimits = defaultCandidateLinkLimits,
  store: RateLimitStore = 'memory',
): CandidateLinkLimiter {
  const byAddress = createRateLimiter(
    { keyPrefix: 'candidate-link', points: limits.perAddress, windowSeconds: limits.windowSeconds },
    store,
  );
  return {
    async consume(address) {
      const wait = await byAddress.retryAfterSeconds(address);
      if (wait > 0) return wait;
      await byAddress.hit(address);
      return 0;
    },
  };
}
