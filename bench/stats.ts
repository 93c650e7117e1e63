/** One timed request: wall-clock latency seen by the client, SQL statements run, response bytes. */
export interface Sample {
  ms: number;
  statements: number | null;
  bytes: number;
}

export interface Summary {
  /** Timed requests. */
  n: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /**
   * Requests per second. Sequential runs: 1000 / mean latency (back-to-back requests; the client's own
   * JSON parsing between requests is left out). Concurrent runs: completed requests / wall-clock time.
   */
  requestsPerSecond: number;
  /** Mean SQL statements per request (null when the response carries no count). */
  sqlStatements: number | null;
  /** Smallest and largest statement counts seen, to show whether they vary. */
  sqlStatementsMin: number | null;
  sqlStatementsMax: number | null;
  /** Mean response size in bytes. */
  responseBytes: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export function summarize(samples: Sample[], wallMs?: number): Summary {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const busyMs = wallMs ?? times.reduce((a, b) => a + b, 0);
  const counts = samples.map((s) => s.statements).filter((c): c is number => c !== null);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    n: samples.length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    meanMs: round(mean(times)),
    minMs: round(times[0] ?? Number.NaN),
    maxMs: round(times[times.length - 1] ?? Number.NaN),
    requestsPerSecond: round(samples.length / (busyMs / 1000), 1),
    sqlStatements: counts.length ? round(mean(counts), 1) : null,
    sqlStatementsMin: counts.length ? Math.min(...counts) : null,
    sqlStatementsMax: counts.length ? Math.max(...counts) : null,
    responseBytes: Math.round(mean(samples.map((s) => s.bytes))),
  };
}

export function ratio(numerator: number, denominator: number): number {
  return round(numerator / denominator, 2);
}

/** A plain-text table with right-aligned numeric columns. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text;

export function fmt(value: number | null, digits = 1): string {
  if (value === null || Number.isNaN(value)) return '–';
  return value.toFixed(digits);
}

export function kib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function mib(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}
