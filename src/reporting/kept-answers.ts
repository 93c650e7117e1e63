import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { setTenantSql } from '../db/request-db';

/**
 * Issue 18 (W3): table-form aggregates kept in the database (`reporting_kept_answer`, migration
 * ReportingKeptAnswer1763898000000), so that an answer outlives the process that computed it: after a
 * restart or an upgrade, and in every process of a cluster deployment, the first request for a question
 * already answered reads it instead of computing it again — while the tenant's cells and regions are
 * unchanged, and only then (DOMAIN §11 "always current").
 *
 * - Read: one prepared statement (KEPT_LOOKUP_SQL) reads the tenant's version and, when the process
 *   does not hold the current answer, the kept answer computed at that version; only when there is
 *   none is the answer computed (aggregate-cache.ts).
 * - Written after the request, on a connection of its own (keepInDatabase): the request answers without
 *   waiting, the query's transaction writes nothing, and one failure costs only the reuse.
 * - Bounded: answers of at most MAX_CHARACTERS, at most PER_TENANT per tenant (the newest), stale ones
 *   removed with each new one.
 * - Read at start: a process reads the current ones into its memory (aggregate-cache.ts loadKeptAnswers).
 */

/** The largest answer kept in the database, in characters of its JSON. */
export const MAX_CHARACTERS = 1024 * 1024;
/** The answers kept per tenant: the newest ones. */
export const PER_TENANT = 100;
/** Answers waiting to be written, per process; past it an answer is kept in the process only. */
export const MAX_PENDING = 16;

/** The key of an answer, in the process and in the database: SHA-256 of the statement and its parameters. */
export function answerKey(statementAndParams: string): string {
  return createHash('sha256').update(statementAndParams).digest('hex');
}

/**
 * The tenant's cell version (`$1` the tenant), and the answer kept under `$2` when it was computed at that
 * version and `$3` (the version of the answer the process knows, or null) is not that version: a process
 * that holds the current answer reads the version only. A prepared statement, planned once per connection.
 */
export const KEPT_LOOKUP_SQL = `SELECT cur.version::text AS version, k.row_count, k.table_json
  FROM (SELECT COALESCE(sum(v.version), 0) AS version FROM reporting_cell_version v WHERE v.tenant_id = $1) cur
  LEFT JOIN reporting_kept_answer k
    ON k.tenant_id = $1 AND k.answer_key = $2 AND k.version = cur.version
   AND cur.version IS DISTINCT FROM $3::numeric`;

/** What the lookup reads: the version, and the kept answer (nulls when there is none to read). */
export interface KeptLookup {
  version: string;
  row_count: number | null;
  table_json: string | null;
}

/** Tenants whose kept answers are read at start, the most recently kept first (aggregate-cache.ts). */
export const KEPT_TENANTS_LIMIT = 1000;

/** A tenant's kept answers computed at its current version, the newest first (`$1` the tenant). */
export const KEPT_CURRENT_SQL = `SELECT k.answer_key, k.version::text AS version, k.row_count, k.table_json
  FROM reporting_kept_answer k
 WHERE k.tenant_id = $1
   AND k.version = (SELECT COALESCE(sum(v.version), 0) FROM reporting_cell_version v WHERE v.tenant_id = $1)
 ORDER BY k.kept_at DESC, k.answer_key`;

/** One kept answer as KEPT_CURRENT_SQL reads it. */
export interface KeptRow {
  answer_key: string;
  version: string;
  row_count: number;
  table_json: string;
}

const UPSERT = `INSERT INTO reporting_kept_answer AS k (tenant_id, answer_key, version, row_count, table_json)
  VALUES ($1, $2, $3::numeric, $4, $5)
  ON CONFLICT (tenant_id, answer_key) DO UPDATE
    SET version = EXCLUDED.version, row_count = EXCLUDED.row_count, table_json = EXCLUDED.table_json,
        kept_at = EXCLUDED.kept_at
  WHERE k.version < EXCLUDED.version`;

/** Stale answers (computed at an earlier version: versions only grow), and all but the newest PER_TENANT. */
const PURGE = `DELETE FROM reporting_kept_answer k WHERE k.tenant_id = $1 AND (k.version < $2::numeric
  OR k.answer_key IN (SELECT o.answer_key FROM reporting_kept_answer o WHERE o.tenant_id = $1
                       ORDER BY o.kept_at DESC, o.answer_key OFFSET $3))`;

/** The writes of one database's kept answers: one at a time, in order. */
interface Writer {
  pending: number;
  last: Promise<void>;
}

const writers = new WeakMap<DataSource, Writer>();

/** An answer to keep in the database. */
export interface AnswerToKeep {
  tenantId: string;
  key: string;
  version: string;
  rowCount: number;
  json: string;
}

/**
 * Keeps `answer` in the database after the request, on a connection of its own taken from the pool and
 * given back on every path. Failures are logged (warn) and cost only the reuse. An answer that is too
 * large, or arrives while MAX_PENDING are waiting, is not written.
 */
export function keepInDatabase(dataSource: DataSource, logger: Logger, answer: AnswerToKeep): void {
  if (answer.json.length > MAX_CHARACTERS) return;
  let writer = writers.get(dataSource);
  if (!writer) {
    writer = { pending: 0, last: Promise.resolve() };
    writers.set(dataSource, writer);
  }
  if (writer.pending >= MAX_PENDING) return;
  const w = writer;
  w.pending += 1;
  w.last = w.last
    .then(() => write(dataSource, answer))
    .catch((error: unknown) =>
      logger.warn(
        { err: error },
        'a BI answer was not kept in the database; it is computed again when asked',
      ),
    )
    .finally(() => {
      w.pending -= 1;
    });
}

async function write(dataSource: DataSource, answer: AnswerToKeep): Promise<void> {
  if (!dataSource.isInitialized) return;
  await dataSource.transaction(async (em) => {
    await em.query(setTenantSql(answer.tenantId));
    // A cache write never waits long on another one (two processes keeping answers of one tenant).
    await em.query(`SET LOCAL lock_timeout = '2s'`);
    await em.query(UPSERT, [answer.tenantId, answer.key, answer.version, answer.rowCount, answer.json]);
    await em.query(PURGE, [answer.tenantId, answer.version, PER_TENANT]);
  });
}

/** Waits for the answers still being written (shutdown: before the pool closes). */
export async function settleKeptAnswers(dataSource: DataSource): Promise<void> {
  await writers.get(dataSource)?.last;
}
