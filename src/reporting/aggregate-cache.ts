import { LRUCache } from 'lru-cache';
import { aggregateCacheStats } from '../common/cache-stats';
import type { AppServices, RequestContext } from '../common/request-context';
import { RequestDb } from '../db/request-db';
import type { AggregateSql } from './aggregate.sql';
import {
  answerKey,
  keepInDatabase,
  KEPT_CURRENT_SQL,
  KEPT_LOOKUP_SQL,
  KEPT_TENANTS_LIMIT,
  type KeptLookup,
  type KeptRow,
} from './kept-answers';

/**
 * Issue 18 (W3): table-form aggregates over the region cells kept in this process and reused while
 * nothing they were computed from has changed — the way the roll-up reuses its results by statistics
 * version (src/rollup/rollup.loaders.ts). BI tools and dashboards ask the same questions over and over;
 * the answer changes only when a cell or a region does.
 *
 * - What an answer depends on: the statement and its parameters (the tenant, the caller's reach as a
 *   path prefix, the filters), and the tenant's cells and regions. The key is the statement and its
 *   parameters (their SHA-256, kept-answers.ts answerKey): a caller reuses only the answer its own
 *   statement would give, so jurisdiction (P6, DOMAIN §11 "Who sees what") is exactly as without the cache.
 * - Always current (DOMAIN §11): the tenant's version of cells and regions
 *   (`reporting_cell_version`, migration ReportingCellVersion1763897000000) is read with the figures in
 *   one statement (one snapshot), and before every reuse in the request's own transaction; an answer is
 *   reused only when the two are equal, i.e. no change to a cell or region committed in between.
 * - An answer computed by a transaction that has written anything is never kept: its version may
 *   count changes that are rolled back.
 * - Not in this process (or no longer current in it): the answer kept in the database (kept-answers.ts)
 *   by an earlier process — a restart, another process of a cluster — read with the version, in the
 *   same one statement; and at start, the current ones are read into the process (loadKeptAnswers).
 * A reuse runs that one statement instead of the aggregate; an answer computed runs both.
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

function keptOf(dataSource: object): LRUCache<string, KeptTable> {
  let kept = keptByDatabase.get(dataSource);
  if (!kept) {
    kept = new LRUCache<string, KeptTable>({
      maxSize: MAX_CHARACTERS,
      sizeCalculation: (table, key) => table.json.length + key.length + 64,
    });
    keptByDatabase.set(dataSource, kept);
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

/** The statement's answer (`row_count`, `table_json`), reused while the tenant's cells are unchanged. */
export async function tableOverCells(
  ctx: RequestContext,
  statement: AggregateSql,
): Promise<{ rowCount: number; json: string }> {
  // The statement's $1 is the tenant whose cells it reads (aggregate.sql.ts aggregateParts).
  const tenantId = statement.params[0] as string;
  const kept = keptOf(ctx.services.dataSource);
  // The statement and its parameters, hashed: the same key here and in the database (kept-answers.ts).
  const key = answerKey(`${statement.sql}\u0000${JSON.stringify(statement.params)}`);
  const warmUp = computing.has(ctx.db);
  const known = warmUp ? undefined : kept.get(key);
  // The tenant's version, and the answer kept in the database when it is current and not the one known
  // here (kept-answers.ts): one prepared statement.
  const [current] = await ctx.db.prepared<KeptLookup>(KEPT_LOOKUP_SQL, [
    tenantId,
    key,
    known?.version ?? null,
  ]);
  if (known && current.version === known.version) {
    aggregateCacheStats.hits += 1;
    return known;
  }
  if (current.table_json !== null && !warmUp) {
    aggregateCacheStats.kept += 1;
    const table = { version: current.version, rowCount: current.row_count!, json: current.table_json };
    kept.set(key, table);
    return table;
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
  if (answer.clean) {
    kept.set(key, table);
    // The start-up warm-up changes nothing in the database (request-warmup.ts): kept in the process only.
    if (!warmUp) keepInDatabase(ctx.services.dataSource, ctx.services.logger, { tenantId, key, ...table });
  }
  return table;
}

/**
 * At start (server.ts), the answers kept in the database that are current — the newest first, tenant by
 * tenant, up to `maxCharacters` of JSON — are read into this process, so that the first request for a
 * question answered before the restart is served as a warm one is: the version read, no answer read or
 * computed. Each tenant in a READ ONLY transaction of its own under row-level security
 * (`reporting_kept_tenants` answers tenant ids only), released on every path.
 */
export async function loadKeptAnswers(
  services: AppServices,
  maxCharacters: number,
): Promise<{ tenants: number; answers: number; characters: number; ms: number }> {
  const started = performance.now();
  const kept = keptOf(services.dataSource);
  const budget = Math.min(maxCharacters, MAX_CHARACTERS / 2);
  let answers = 0;
  let characters = 0;
  if (budget <= 0) return { tenants: 0, answers, characters, ms: 0 };
  const tenants = (await services.dataSource.query('SELECT tenant_id FROM reporting_kept_tenants($1)', [
    KEPT_TENANTS_LIMIT,
  ])) as { tenant_id: string }[];
  for (const { tenant_id: tenantId } of tenants) {
    if (characters >= budget) break;
    const db = new RequestDb(services.dataSource, { readOnly: true });
    try {
      await db.setTenant(tenantId);
      const rows = await db.query<KeptRow>(KEPT_CURRENT_SQL, [tenantId]);
      for (const row of rows) {
        if (characters + row.table_json.length > budget) continue;
        kept.set(row.answer_key, { version: row.version, rowCount: row.row_count, json: row.table_json });
        characters += row.table_json.length;
        answers += 1;
      }
    } finally {
      await db.finish(false);
    }
  }
  return { tenants: tenants.length, answers, characters, ms: Math.round(performance.now() - started) };
}
