/**
 * @module Rate limiters whose counts every server instance shares: rate-limiter-flexible on our own
 * `rate_limit_counters` table (one atomic upsert per hit), or in memory where nothing is shared.
 */
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/client.ts';
import { rateLimitCounters } from '../db/schema.ts';

export interface RateLimit {
  /** Names the limit, so that different limits on the same key (an e-mail, an address) count apart. */
  keyPrefix: string;
  /** Hits allowed in the window. */
  points: number;
  windowSeconds: number;
}

/** Where the counts live: the database for a real server (several instances see one count), memory for a test. */
export type RateLimitStore = { db: Database } | 'memory';

/** A counter per key: how long to wait, count one more, forget. */
export interface RateLimiter {
  /** Seconds until the key may try again; 0 while it has points left. */
  retryAfterSeconds(key: string): Promise<number>;
  /** Counts one hit; answers the seconds to wait when this hit used the last point (0 otherwise). */
  hit(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export function createRateLimiter(limit: RateLimit, store: RateLimitStore): RateLimiter {
  const options = { keyPrefix: limit.keyPrefix, points: limit.points, duration: limit.windowSeconds };
  const limiter =
    store === 'memory'
      ? new RateLimiterMemory(options)
      : // Expired rows are cleared by the store itself every five minutes; nothing else needs to sweep the table.
        new RateLimiterDrizzle({ ...options, storeClient: store.db, schema: rateLimitCounters });
  const waitOf = (state: RateLimiterRes | null) =>
    state && state.consumedPoints >= limit.points ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
  return {
    async retryAfterSeconds(key) {
      return waitOf(await limiter.get(key));
    },
    async hit(key) {
      try {
        return waitOf(await limiter.consume(key));
      } catch (error) {
        // A rejection only means the limit is used up; the caller decides what to refuse.
        if (error instanceof RateLimiterRes) return waitOf(error);
        throw error;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
