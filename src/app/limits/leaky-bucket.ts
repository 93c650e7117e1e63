import { LRUCache } from 'lru-cache';

/** The state of one caller's bucket after a request, for `extensions.rateLimit`. */
export interface BucketState {
  /** Bucket size (cost points). */
  limit: number;
  /** Points the caller may still spend at once. */
  remaining: number;
  /** Seconds until the bucket is empty again (full budget). */
  resetAfterSeconds: number;
}

export interface SpendResult extends BucketState {
  allowed: boolean;
  /** When refused: seconds until this cost fits. */
  retryAfterSeconds: number;
}

interface Level {
  filled: number;
  at: number;
}

/**
 * A leaky bucket of cost points per caller (issue 8 item 16, as Shopify's GraphQL Admin API): each
 * request pours its estimated cost in, the bucket drains `leakPerSecond` points a second, and a
 * request that would overflow it is refused without pouring. One process keeps the buckets in memory
 * (at most `maxKeys` callers, least recently seen dropped first); several processes would keep them
 * in a shared store (Redis or PostgreSQL) so a caller cannot multiply its budget by the process count.
 */
export class LeakyBucket {
  private levels: LRUCache<string, Level>;

  constructor(
    readonly size: number,
    readonly leakPerSecond: number,
    private now: () => number = Date.now,
    maxKeys = 100_000,
  ) {
    this.levels = new LRUCache({ max: maxKeys });
  }

  private level(key: string): number {
    const seen = this.levels.get(key);
    if (!seen) return 0;
    const drained = ((this.now() - seen.at) / 1000) * this.leakPerSecond;
    return Math.max(0, seen.filled - drained);
  }

  private state(filled: number): BucketState {
    return {
      limit: this.size,
      remaining: Math.floor(this.size - filled),
      resetAfterSeconds: Math.ceil(filled / this.leakPerSecond),
    };
  }

  /** Pours `cost` into the caller's bucket when it fits; otherwise leaves it as it is. */
  spend(key: string, cost: number): SpendResult {
    const filled = this.level(key);
    if (filled + cost > this.size) {
      const retryAfterSeconds = Math.max(1, Math.ceil((filled + cost - this.size) / this.leakPerSecond));
      return { ...this.state(filled), allowed: false, retryAfterSeconds };
    }
    this.levels.set(key, { filled: filled + cost, at: this.now() });
    return { ...this.state(filled + cost), allowed: true, retryAfterSeconds: 0 };
  }

  /** The caller's budget without spending (requests refused before their cost is known). */
  peek(key: string): BucketState {
    return this.state(this.level(key));
  }
}
