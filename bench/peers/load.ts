import autocannon from 'autocannon';
import type { Pool } from 'pg';
import { percentile } from '../stats';

/**
 * Issue 18: the load of the peers benchmark. HTTP servers (Jixiao, PostGraphile) are driven by autocannon
 * (programmatic API) at a fixed number of connections, each sending its next request when the previous
 * answer is complete (no pipelining); the raw-SQL limit by the same number of workers on a `pg` pool of
 * that size, each running the hand-written statement as the API role in a transaction with the tenant
 * set (BEGIN, set_config, the statement, COMMIT) and shaping the rows into the JSON a client gets.
 * Latencies are recorded per request, so p50/p95/p99 are exact (autocannon's own histogram has no p95).
 */
export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Non-2xx answers and transport errors (both must be 0 for a valid run). */
  failures: number;
}

function summarize(latencies: number[], seconds: number, failures: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: sorted.length,
    seconds: r2(seconds),
    requestsPerSecond: Math.round((sorted.length / seconds) * 10) / 10,
    p50Ms: r2(percentile(sorted, 50)),
    p95Ms: r2(percentile(sorted, 95)),
    p99Ms: r2(percentile(sorted, 99)),
    meanMs: r2(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    failures,
  };
}

export interface HttpTarget {
  /** Several URLs: autocannon spreads the connections over them (several server processes). */
  url: string | string[];
  token: string;
  body: string;
}

/**
 * How long a run lasts: `seconds` (warm-ups), or `amount` completed requests (timed rounds: sized from
 * the warm-up's throughput, so that slow requests are never cut off at the end and every round has
 * samples; the rate is completed requests ÷ wall time).
 */
export type Span = { seconds: number } | { amount: number };

/** autocannon against one GraphQL endpoint with `connections` connections. */
export function httpLoad(target: HttpTarget, connections: number, span: Span): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let failures = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
        body: target.body,
        connections,
        pipelining: 1,
        ...('amount' in span ? { amount: span.amount } : { duration: span.seconds }),
        timeout: 120,
      },
      (error, result) => {
        if (error) return reject(error);
        failures += result.errors + result.timeouts;
        resolve(summarize(latencies, (performance.now() - started) / 1000, failures));
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failures += 1;
    });
  });
}

/** One raw request: the statement(s) as the API role with the tenant set, and the shaping of the answer. */
export type RawRequest = (pool: Pool) => Promise<void>;

/** `workers` workers on `pool` for the span. */
export async function rawLoad(
  pool: Pool,
  workers: number,
  span: Span,
  request: RawRequest,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let claimed = 0;
  const started = performance.now();
  const deadline = 'seconds' in span ? started + span.seconds * 1000 : Infinity;
  const amount = 'amount' in span ? span.amount : Infinity;
  const worker = async () => {
    while (performance.now() < deadline && claimed < amount) {
      claimed += 1;
      const t = performance.now();
      try {
        await request(pool);
        latencies.push(performance.now() - t);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return summarize(latencies, (performance.now() - started) / 1000, failures);
}

/** The hand-written statement in the API's transaction shape; returns its rows. */
export async function inTenantTransaction<T>(
  pool: Pool,
  tenantId: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query(sql, params);
    await client.query('COMMIT');
    return rows as T[];
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}

/** Statements of one raw request: BEGIN, set_config, the statement, COMMIT. */
export const RAW_STATEMENTS = 4;
