/**
 * Process-wide counts of the roll-up leaf cache (src/rollup/rollup.loaders.ts), read by /metrics
 * (issue 16 "Metrics": roll-up cache hits). Plain numbers: the cache does not depend on prom-client.
 */
export const rollUpCacheStats = { hits: 0, misses: 0 };

export function recordRollUpCacheLookups(hits: number, misses: number): void {
  rollUpCacheStats.hits += hits;
  rollUpCacheStats.misses += misses;
}

/**
 * Process-wide counts of the kept table-form aggregates (src/reporting/aggregate-cache.ts), for /metrics:
 * reused from the process (`hits`), from the database (`kept`, src/reporting/kept-answers.ts), or
 * computed (`misses`).
 */
export const aggregateCacheStats = { hits: 0, misses: 0, kept: 0 };
