import type { Pool } from 'pg';
import type { Sample } from './stats';

/** The process's memory, sampled every few milliseconds while `work` runs: peaks above the start. */
export interface MemoryPeak {
  rows: number;
  bytes: number;
  ms: number;
  rssStartMiB: number;
  rssPeakGrowthMiB: number;
  heapStartMiB: number;
  heapPeakGrowthMiB: number;
}

const mib = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

/**
 * Downloads the CSV chunk by chunk (nothing kept but a line count), sampling RSS and heap every 2 ms
 * (with `gc`: after a forced full collection every 20 ms, i.e. the live heap):
 * server and client share this process, so the peak growth is the stream's cost (DOMAIN §16: streamed).
 */
export async function csvDownload(url: string, token: string, gc: (() => void) | null): Promise<MemoryPeak> {
  gc?.();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  let tick = 0;
  const timer = setInterval(() => {
    // With gc: a full collection every 20 ms, so the peak is what the stream keeps alive, not the
    // young-generation garbage V8 lets pile up between scavenges (tens of MiB at any row count).
    if (gc && ++tick % 10 === 0) gc();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 2);
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`CSV: HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
    let lines = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines += 1;
    }
    return {
      rows: Math.max(0, lines - 1),
      bytes,
      ms: performance.now() - started,
      rssStartMiB: mib(start.rss),
      rssPeakGrowthMiB: mib(rss - start.rss),
      heapStartMiB: mib(start.heapUsed),
      heapPeakGrowthMiB: mib(heap - start.heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

export const RAW_STATEMENTS = 4; // BEGIN, set_config, the query, COMMIT

/** One hand-written statement as the API role, tenant set like RequestDb sets it. */
export async function rawQuery(
  pool: Pool,
  tenantId: string,
  sql: string,
  params: unknown[],
): Promise<Sample> {
  const started = performance.now();
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query(sql, params);
    await client.query('COMMIT');
    return {
      ms: performance.now() - started,
      statements: RAW_STATEMENTS,
      bytes: Buffer.byteLength(JSON.stringify(rows)),
    };
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}

/** Warm-up rounds, then timed rounds until `iterations` or `seconds`. */
export async function loop(
  warmup: number,
  iterations: number,
  seconds: number,
  round: (timed: boolean) => Promise<void>,
): Promise<{ iterations: number; truncated: boolean }> {
  for (let i = 0; i < warmup; i++) await round(false);
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  while (done < iterations) {
    await round(true);
    done += 1;
    if (performance.now() > deadline) break;
  }
  return { iterations: done, truncated: done < iterations };
}

/** The raw statement's rows (snake_case) as the API's rows (camelCase), for checkRawEqualsApi. */
const RAW_TO_API: [string, string, 'text' | 'int' | 'decimal'][] = [
  ['region_code', 'regionCode', 'text'],
  ['year', 'year', 'int'],
  ['indicator_category', 'indicatorCategory', 'text'],
  ['goal_count', 'goalCount', 'int'],
  ['indicator_count', 'indicatorCount', 'int'],
  ['budgeted', 'budgeted', 'decimal'],
  ['spent', 'spent', 'decimal'],
  ['self_evaluated_count', 'selfEvaluatedCount', 'int'],
  ['mean_score', 'meanScore', 'decimal'],
];

const canonical = (v: unknown, kind: 'text' | 'int' | 'decimal'): string => {
  if (v === null || v === undefined) return 'null';
  if (kind === 'int') return String(Number(v));
  if (kind === 'decimal') {
    const s = String(v);
    if (!/^-?\d+(\.\d+)?$/.test(s)) return `bad:${s}`;
    const [i, f = ''] = s.split('.');
    return `${i}.${f.padEnd(2, '0')}`;
  }
  return String(v);
};

/**
 * Throws unless the hand-written statement's rows equal the API's row for row (same order, every
 * column): the ratio API ÷ raw SQL compares two answers to the same question only if they are equal.
 */
export function checkRawEqualsApi(
  label: string,
  raw: Record<string, unknown>[],
  api: Record<string, unknown>[],
): number {
  const line = (r: Record<string, unknown>, pick: 0 | 1) =>
    RAW_TO_API.map((c) => canonical(r[c[pick]], c[2])).join(' | ');
  if (raw.length !== api.length)
    throw new Error(`${label}: raw SQL has ${raw.length} rows, the API ${api.length}`);
  for (let i = 0; i < raw.length; i++) {
    const a = line(raw[i], 0);
    const b = line(api[i], 1);
    if (a !== b) throw new Error(`${label}: row ${i} differs\n  raw SQL: ${a}\n  API:     ${b}`);
  }
  return raw.length;
}

/** The raw statement's rows once (same transaction shape as rawQuery). */
export async function rawRows(
  pool: Pool,
  tenantId: string,
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query<Record<string, unknown>>(sql, params);
    await client.query('COMMIT');
    return rows;
  } finally {
    client.release();
  }
}
