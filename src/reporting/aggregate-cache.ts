import { LRUCache } from 'lru-cache';
import { aggregateCacheStats } from '../common/cache-stats';
import type { RequestContext } from '../common/request-context';
import type { AggregateSql } from './aggregate.sql';

/**
 * Issue 18 (W3): table-form aggregates over the region cells kept in this process and reused while
 * nothing they were computed from has changed — the way the roll-up reuses its results by statistics
 * version (src/rollup/rollup.loaders.ts). BI tools and dashboards ask the same questions over and over;
 * the answer changes only when a cell or a region does.
 *
 * - What an answer depends on: the statement and its parameters (the tenant, the caller's reach as a
 *   path prefix, the filters), and the tenant's cells and regions. The key is the statement and its
 *   parameters: a caller reuses only the answer its own statement would give, so jurisdiction (P6,
 *   DOMAIN §11 "Who sees what") is exactly as without the cache.
 * - Always current (DOMAIN §11): the tenant's version of cells and regions
 *   (`reporting_cell_version`, migration ReportingCellVersion1763897000000) is read with the figures in
 *   one statement (one snapshot), and before every reuse in the request's own transaction; an answer is
 *   reused only when the two are equal, i.e. no change to a cell or region committed in between.
 * - An answer computed by a transaction that has written anything is never kept: its version may
 *   count changes that are rolled back.
 * Statements per request are unchanged: a reuse runs the version read instead of the aggregate.
 */

/** The kept answers' total size, in characters of their JSON (≈ 2 bytes each at most). */
const MAX_CHARACTERS = 16 * 1024 * 1024;

interface KeptTable {
  version: string;
  rowCount: number;
  json: string;
}

/** Per database (a process normally has one; tests may have several with the same tenants). */
const keptByDatabase = new WeakMap<object, LRUCache<string, KeptTable>>();

function keptOf(ctx: RequestContext): LRUCache<string, KeptTable> {
  let kept = keptByDatabase.get(ctx.services.dataSource);
  if (!kept) {
    kept = new LRUCache<string, KeptTable>({
      maxSize: MAX_CHARACTERS,
      sizeCalculation: (table, key) => table.json.length + key.length + 64,
    });
    keptByDatabase.set(ctx.services.dataSource, kept);
  }
  return kept;
}

/**
 * Requests that compute every answer (the start-up warm-up: a reused answer would exercise nothing), by
 * their database (Apollo's executeOperation runs resolvers with a copy of the context it is given).
 */
const computing = new WeakSet<object>();

/** This request computes its aggregates instead of reusing kept ones (it still keeps what it computes). */
export function computeAggregates(ctx: RequestContext): void {
  computing.add(ctx.db);
}

const VERSION_SQL = `SELECT COALESCE(sum(v.version), 0)::text AS version
  FROM reporting_cell_version v WHERE v.tenant_id = $1`;

/** The statement's answer (`row_count`, `table_json`), reused while the tenant's cells are unchanged. */
export async function tableOverCells(
  ctx: RequestContext,
  statement: AggregateSql,
): Promise<{ rowCount: number; json: string }> {
  // The statement's $1 is the tenant whose cells it reads (aggregate.sql.ts aggregateParts).
  const tenantId = statement.params[0];
  const kept = keptOf(ctx);
  const key = `${statement.sql}\u0000${JSON.stringify(statement.params)}`;
  const known = computing.has(ctx.db) ? undefined : kept.get(key);
  if (known) {
    const [{ version }] = await ctx.db.prepared<{ version: string }>(VERSION_SQL, [tenantId]);
    if (version === known.version) {
      aggregateCacheStats.hits += 1;
      return known;
    }
  }
  aggregateCacheStats.misses += 1;
  const em = await ctx.scope.manager();
  const [answer] = await em.query<
    { version: string; clean: boolean; row_count: number; table_json: string }[]
  >(
    `SELECT (SELECT COALESCE(sum(v.version), 0)::text FROM reporting_cell_version v
              WHERE v.tenant_id = $1) AS version,
            txid_current_if_assigned() IS NULL AS clean, t.row_count, t.table_json
       FROM (${statement.sql}) t`,
    statement.params,
  );
  const table = { version: answer.version, rowCount: answer.row_count, json: answer.table_json };
  if (answer.clean) kept.set(key, table);
  return table;
}
