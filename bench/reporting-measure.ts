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
 * Downloads the CSV chunk by chunk (nothing kept but a line count), sampling RSS and heap every 2 ms:
 * server and client share this process, so the peak growth is the stream's cost (DOMAIN §16: streamed).
 */
export async function csvDownload(url: string, token: string, gc: (() => void) | null): Promise<MemoryPeak> {
  gc?.();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(() => {
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
