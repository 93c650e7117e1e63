import type { Pool } from 'pg';
import type { Sample } from './stats';

/** The process's memory while a CSV streams: peaks above the start (see csvDownload). */
export interface MemoryPeak {
  rows: number;
  bytes: number;
  ms: number;
  rssStartMiB: number;
  rssPeakGrowthMiB: number;
  heapStartMiB: number;
  /** Peak of heapUsed above the start: live (after a forced full GC) when `liveHeap`, else raw samples. */
  heapPeakGrowthMiB: number;
  /** Whether every heap sample was taken right after a forced full collection (`--expose-gc`). */
  liveHeap: boolean;
  /** Live-heap samples during the stream: rows received so far and heap growth (MiB), ≤ 12 of them. */
  samples: { rows: number; heapGrowthMiB: number }[];
}

const mib = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

/**
 * Downloads the CSV chunk by chunk (nothing kept but a line count). With `gc` (the memory check), every
 * 10 ms a forced full collection, then heapUsed: the live heap — what the stream keeps alive, not the
 * young-generation garbage V8 leaves between scavenges — with the rows received so far, so a heap that
 * grows with the rows shows as a rising series. Without `gc` (the timed loop), RSS and raw heap every 2 ms.
 * Server and client share this process, so the growth is the stream's cost (DOMAIN §16: streamed).
 */
export async function csvDownload(url: string, token: string, gc: (() => void) | null): Promise<MemoryPeak> {
  gc?.();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  let lines = 0;
  const series: { rows: number; heapGrowthMiB: number }[] = [];
  const timer = setInterval(
    () => {
      gc?.();
      const m = process.memoryUsage();
      rss = Math.max(rss, m.rss);
      heap = Math.max(heap, m.heapUsed);
      if (gc) series.push({ rows: Math.max(0, lines - 1), heapGrowthMiB: mib(m.heapUsed - start.heapUsed) });
    },
    gc ? 10 : 2,
  );
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`CSV: HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines += 1;
    }
    const step = Math.max(1, Math.ceil(series.length / 12));
    return {
      rows: Math.max(0, lines - 1),
      bytes,
      ms: performance.now() - started,
      rssStartMiB: mib(start.rss),
      rssPeakGrowthMiB: mib(rss - start.rss),
      heapStartMiB: mib(start.heapUsed),
      heapPeakGrowthMiB: mib(heap - start.heapUsed),
      liveHeap: gc !== null,
      samples: series.filter((_, i) => i % step === 0 || i === series.length - 1),
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
