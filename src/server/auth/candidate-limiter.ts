/**
 * @module Slows down anyone trying links: every request to the candidate's public pages counts against the client's
 * address, and once the allowance is used up the address waits.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

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

export function createCandidateLinkLimiter(
  limits: CandidateLinkLimits = defaultCandidateLinkLimits,
): CandidateLinkLimiter {
  const byAddress = new RateLimiterMemory({
    keyPrefix: 'candidate-link',
    points: limits.perAddress,
    duration: limits.windowSeconds,
  });
  return {
    async consume(address) {
      try {
        await byAddress.consume(address);
        return 0;
      } catch (error) {
        // A rejection means the allowance is used up; it says how long until the window frees a point.
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw error;
      }
    },
  };
}
