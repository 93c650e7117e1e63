import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { BurstResult } from '../burst';
import type { PeersOptions } from './index';
import type { LoadResult } from './load';

/**
 * Issue 18: bench/RESULTS.md (and bench/results/peers.json) from one run of the peers benchmark — medians
 * over the interleaved rounds, ratios measured in the same run, and the issue's targets met or MISSED.
 */
export type Side = 'jixiao' | 'postgraphile' | 'raw' | 'rawAlt';

type Memory = { peakRssMiB: number; rssMiB: number } | null;

export interface PeersResults {
  date: string;
  commit: string | null;
  machine: {
    cpus: number;
    cpuModel: string | null;
    totalMemoryMiB: number;
    loadBefore: number[];
    loadAfter: number[];
  };
  versions: Record<string, string | null>;
  options: PeersOptions;
  dataset: Record<string, unknown>;
  servers: Record<string, { startMs: number }>;
  checks: Record<string, string>;
  /** First request after start, and (Jixiao) the median of warm ones timed the same way after the load. */
  first: Record<
    string,
    {
      /** The median over the fresh starts (jixiaoStartsMs; first-requests.ts). */
      jixiaoMs: number;
      /** Each fresh start's first request, the main process's first. */
      jixiaoStartsMs?: number[];
      postgraphileMs: number | null;
      jixiaoWarmMs?: number;
      /** W3: a warm request that computes its answer (none reused), timed like jixiaoWarmMs. */
      jixiaoWarmComputedMs?: number;
      /** W1 after QUIET_SECONDS with no request to either server (pooled connections idle that long). */
      jixiaoAfterQuietMs?: number;
      postgraphileAfterQuietMs?: number;
    }
  >;
  statements: Record<
    string,
    { jixiao: number | null; jixiaoFirst: number | null; postgraphile: number | null; raw: number }
  >;
  pageSizes: { sizes: string; statements: number | null }[];
  runs: (LoadResult & { workload: string; side: Side; connections: number; round: number; load: number[] })[];
  burst: BurstResult | null;
  memory: {
    afterW1W3?: Record<string, Memory>;
    afterW1W4: Record<string, Memory>;
    atEnd: Record<string, Memory>;
  };
  w5: {
    runs: (LoadResult & { layers: string; round: number; load: number[] })[];
    profile: { bucket: string; share: number }[] | null;
    memory: Record<string, Memory>;
  };
  scale: (LoadResult & { processes: number; connections: number; round: number; load: number[] })[];
  durationSeconds: number;
}

/** Seconds without requests before W1 is timed once more (past pg-pool's default idle timeout of 10 s). */
export const QUIET_SECONDS = 12;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f = (x: number | null | undefined, d = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

interface Cell {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  n: number;
  failures: number;
  load: [number, number];
}

function cell(runs: PeersResults['runs'], workload: string, side: Side, c: number): Cell | null {
  const rs = runs.filter((r) => r.workload === workload && r.side === side && r.connections === c);
  if (rs.length === 0) return null;
  const loads = rs.map((r) => r.load[0]);
  return {
    rps: median(rs.map((r) => r.requestsPerSecond)),
    p50: median(rs.map((r) => r.p50Ms)),
    p95: median(rs.map((r) => r.p95Ms)),
    p99: median(rs.map((r) => r.p99Ms)),
    n: rs.reduce((a, r) => a + r.requests, 0),
    failures: rs.reduce((a, r) => a + r.failures, 0),
    load: [Math.min(...loads), Math.max(...loads)],
  };
}

const LABELS: Record<string, string> = {
  w1: 'W1 fund-tree roll-up (1 → 150 → 5,742 goals)',
  w2: 'W2 nested list 20 → 10 → goals + indicators + self-evaluation',
  w3: 'W3 BI aggregate TOWNSHIP × year × category',
  cityTree: 'city tree (whole city, 6,805 organizations)',
  unitsPage: 'list page (100 units, region, supervisor, totalCount)',
};
const SIDES: Record<Side, string> = {
  jixiao: 'Jixiao',
  postgraphile: 'PostGraphile 5',
  raw: 'raw SQL',
  rawAlt: 'raw SQL (facts)',
};

export async function writeResults(r: PeersResults, resultsDir: string, mdFile: string): Promise<string[]> {
  const json = join(resultsDir, 'peers.json');
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  let text = markdown(r);
  try {
    // Formatted like the committed docs (`npm run lint` runs prettier --check on the repository).
    // Through require (NODE_PATH applies when the bench runs from another build folder).
    const prettier = createRequire(__filename)('prettier') as typeof import('prettier');
    text = await prettier.format(text, { ...(await prettier.resolveConfig(mdFile)), filepath: mdFile });
  } catch {
    // prettier is a dev dependency; without it the table stays unaligned
  }
  writeFileSync(mdFile, text);
  return [relative(process.cwd(), mdFile), relative(process.cwd(), json)];
}

function markdown(r: PeersResults): string {
  const cs = r.options.connections;
  const workloads = [...new Set(r.runs.map((x) => x.workload))];
  const out: string[] = [];
  const loads = r.runs.map((x) => x.load[0]);
  out.push(
    '# Jixiao side by side with PostGraphile 5 and the raw-SQL limit (issue 18)',
    '',
    `Written by \`npm run bench\` (bench/peers/) on ${r.date}, commit ${r.commit ?? '?'}. ` +
      `Machine: ${r.machine.cpus} × ${r.machine.cpuModel ?? '?'}, ${r.machine.totalMemoryMiB} MiB; ` +
      `load average (1 min) ${r.machine.loadBefore[0]} before, ${Math.min(...loads)}–${Math.max(...loads)} during the runs, ` +
      `${r.machine.loadAfter[0]} after. PostgreSQL ${r.versions.postgres}; Jixiao on Node.js ${r.versions.jixiaoNode}; ` +
      `PostGraphile ${r.versions.postgraphile} on Node.js ${r.versions.postgraphileNode}` +
      (r.versions.postgraphileNode !== r.versions.jixiaoNode
        ? ' (PostGraphile 5 needs Node.js ≥ 22: it alone runs on the `node` package installed in bench/peers/node22)'
        : '') +
      `; load by autocannon ${r.versions.autocannon}.`,
    '',
    `Data: synthetic city (seed 42), ${r.dataset.organizations} organizations, ${r.dataset.goals} goals of ${String(r.dataset.years)}, ` +
      `${r.dataset.evaluations} submitted self-evaluations` +
      (r.dataset.generationSeconds ? `, generated in ${r.dataset.generationSeconds} s` : '') +
      `. Each server is its own process on the same database (${r.options.poolSize} connections each), as the API role ` +
      '`jixiao_app` under row-level security with the tenant set per request (PostGraphile through `pgSettings`). ' +
      `Per workload and connection count: ${r.options.warmupSeconds} s warm-up of every side, then ${r.options.rounds} rounds of ` +
      `${r.options.seconds} s per side in rotating order; figures are medians over the rounds. Raw SQL: the same statement ` +
      'through `pg` with as many workers as connections (BEGIN, set_config, statement, COMMIT, then the JSON a client gets).',
    '',
  );

  out.push('## Throughput and latency', '');
  out.push(
    '| workload | side | conns | req/s | p50 ms | p95 ms | p99 ms | requests | load (1 min) | SQL/req |',
  );
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const w of workloads) {
    for (const c of cs) {
      for (const side of ['jixiao', 'postgraphile', 'raw', 'rawAlt'] as Side[]) {
        const x = cell(r.runs, w, side, c);
        if (!x) continue;
        const st = r.statements[w];
        const sql = side === 'jixiao' ? st?.jixiao : side === 'postgraphile' ? st?.postgraphile : st?.raw;
        out.push(
          `| ${LABELS[w] ?? w} | ${SIDES[side]} | ${c} | ${f(x.rps)} | ${f(x.p50, 2)} | ${f(x.p95, 2)} | ${f(x.p99, 2)} | ` +
            `${x.n}${x.failures ? ` (${x.failures} failed)` : ''} | ${x.load[0]}–${x.load[1]} | ${sql ?? '–'} |`,
        );
      }
    }
  }
  out.push('');

  out.push('## Ratios (throughput, same run)', '');
  out.push(
    `| workload | ${cs.map((c) => `Jixiao ÷ PostGraphile (${c})`).join(' | ')} | ${cs.map((c) => `Jixiao ÷ raw (${c})`).join(' | ')} |`,
  );
  out.push(`|---|${cs.map(() => '---:').join('|')}|${cs.map(() => '---:').join('|')}|`);
  const rat = (w: string, side: Side, c: number) => {
    const a = cell(r.runs, w, 'jixiao', c);
    const b = cell(r.runs, w, side, c);
    return a && b ? ratio(a.rps, b.rps) : NaN;
  };
  for (const w of workloads) {
    out.push(
      `| ${LABELS[w] ?? w} | ${cs.map((c) => `${f(rat(w, 'postgraphile', c), 2)}×`).join(' | ')} | ` +
        `${cs.map((c) => `${f(rat(w, 'raw', c), 2)}×`).join(' | ')} |`,
    );
  }
  if (workloads.includes('w1')) {
    out.push(
      '',
      `W1 against the aggregate over the raw facts: ${cs.map((c) => `${f(rat('w1', 'rawAlt', c), 2)}× (${c})`).join(', ')}.`,
    );
  }
  out.push('');

  // Targets.
  const targets: [string, boolean | null, string][] = [];
  const meet = (ok: boolean) => ok;
  for (const w of ['w1', 'w3']) {
    if (!workloads.includes(w)) continue;
    for (const c of cs) {
      const pg = rat(w, 'postgraphile', c);
      const raw = rat(w, 'raw', c);
      targets.push([`${w.toUpperCase()} ≥ 1.2× PostGraphile (${c} conn)`, meet(pg >= 1.2), `${f(pg, 2)}×`]);
      targets.push([
        `${w.toUpperCase()} ≥ 50 % of the raw-SQL limit (${c} conn)`,
        meet(raw >= 0.5),
        `${f(raw * 100, 0)} %`,
      ]);
    }
  }
  if (workloads.includes('w1')) {
    const x = cell(r.runs, 'w1', 'jixiao', 1);
    if (x) targets.push(['W1 p95 ≤ 50 ms (1 conn)', x.p95 <= 50, `${f(x.p95, 1)} ms`]);
  }
  if (workloads.includes('w2')) {
    for (const c of cs) {
      const pg = rat('w2', 'postgraphile', c);
      targets.push([`W2 ≥ 1.0× PostGraphile (${c} conn)`, pg >= 1, `${f(pg, 2)}×`]);
    }
  }
  if (workloads.includes('cityTree')) {
    const x = rat('cityTree', 'raw', 1);
    targets.push([
      'city tree within 2× of raw SQL + JSON (1 conn, throughput)',
      x >= 0.5,
      `raw ÷ Jixiao ${f(1 / x, 2)}×`,
    ]);
  }
  if (r.pageSizes.length > 0) {
    const counts = new Set(r.pageSizes.map((p) => p.statements));
    targets.push([
      'W2 SQL statements per request independent of page sizes',
      counts.size === 1,
      r.pageSizes.map((p) => `${p.sizes}: ${p.statements}`).join(', '),
    ]);
  }
  const w5 = r.w5.runs;
  const w5p50 = (layers: string) => median(w5.filter((x) => x.layers === layers).map((x) => x.p50Ms));
  if (w5.length > 0) {
    const all = w5p50('all');
    const bare = w5p50('bare');
    const share = (all - bare) / all;
    targets.push([
      'permission layer + wrappers ≤ 20 % of W2 latency (p50, 1 conn)',
      share <= 0.2,
      `${f(share * 100, 1)} % (p50 ${f(all, 2)} ms with, ${f(bare, 2)} ms without)`,
    ]);
  }
  for (const [name, m] of Object.entries(r.memory.afterW1W4)) {
    if (m)
      targets.push([
        `${name} peak RSS < 512 MiB under W1–W4`,
        m.peakRssMiB < 512,
        `${f(m.peakRssMiB, 1)} MiB`,
      ]);
  }
  for (const w of workloads) {
    const x = cell(r.runs, w, 'jixiao', 1);
    const firstMs = r.first[w]?.jixiaoMs;
    const warmMs = r.first[w]?.jixiaoWarmMs;
    const computedMs = r.first[w]?.jixiaoWarmComputedMs;
    const starts = r.first[w]?.jixiaoStartsMs ?? [];
    const samples =
      starts.length > 1
        ? ` (median of ${starts.length} starts: ${starts.map((ms) => f(ms, 1)).join(', ')})`
        : '';
    // The yardstick is a warm request timed as the first one was (same client, one at a time); the load
    // generator's p50 is shown beside it (autocannon reads a body faster than fetch does).
    if (x && firstMs !== undefined && warmMs !== undefined) {
      targets.push([
        `${w}: first request after start within 3× of a warm one (Jixiao, same client)`,
        firstMs <= 3 * warmMs,
        `${f(firstMs, 1)} ms${samples} vs warm ${f(warmMs, 2)} ms (${f(firstMs / warmMs, 1)}×); ` +
          `vs autocannon p50 ${f(x.p50, 2)} ms: ${f(firstMs / x.p50, 1)}×` +
          (computedMs === undefined
            ? ''
            : `; vs a warm one that computes its answer (none reused) ${f(computedMs, 2)} ms: ${f(firstMs / computedMs, 1)}×`),
      ]);
    }
  }
  if (r.burst) {
    const b = r.burst;
    const kept =
      b.submittedInDatabase === b.succeeded &&
      b.submitTransitions === b.succeeded &&
      b.countedAfter - b.countedBefore === b.succeeded;
    targets.push([
      `W4: every accepted submission stored once and counted by the roll-up`,
      kept,
      `${b.succeeded} accepted, ${b.submittedInDatabase} SUBMITTED, roll-ups +${b.countedAfter - b.countedBefore}`,
    ]);
    targets.push([
      `W4: all ${b.requested} concurrent submissions accepted`,
      b.succeeded === b.requested,
      `${b.succeeded}/${b.requested} in ${f(b.wallMs, 0)} ms (p50 ${f(b.p50Ms, 0)}, p95 ${f(b.p95Ms, 0)} ms)`,
    ]);
  }
  out.push('## Targets of issue 18', '', '| target | | measured |', '|---|---|---|');
  for (const [name, ok, measured] of targets)
    out.push(`| ${name} | ${ok === null ? '–' : ok ? 'met' : '**MISSED**'} | ${measured} |`);
  out.push('');

  out.push(
    '## Notes on the comparison',
    '',
    '- W1: Jixiao answers the overall roll-up and lists the first 100 regional goals with theirs (100 is its page ' +
      'maximum); the function and the statements answer the same overall figures and all 150 regional coverages. ' +
      'Jixiao also scores the combined actuals with the engine (DOMAIN §10); the SQL stops at the combined actuals.',
    '- W2 on PostGraphile: the townships are `allRegions(condition: {level: "TOWNSHIP"}, orderBy: CODE_ASC)` — the ' +
      "tenant is one city, so these are the city's townships; units in pinyin order (`NAME_PINYIN_ASC`, a user " +
      'plugin), goals by creation, the self-evaluation as `evaluationsBy…(condition: {kind: "SELF"}, first: 1)`.',
    '- W3: PostGraphile and raw SQL run the statement the API itself runs for the table form over the maintained ' +
      'region cells (src/reporting/aggregate-table.sql.ts: PostgreSQL encodes the cells as JSON, which Jixiao embeds ' +
      "in its response as is) and answer every column of the API's table (the region and its ancestors by code and " +
      'name: 17 columns), cell for cell; the raw side takes the JSON text as it is; ' +
      "PostGraphile's function is PL/pgSQL with EXECUTE, planned for its arguments on each call (as LANGUAGE sql " +
      'its one generic plan took ~45 ms against ~13 ms); the aggregate over the base tables is bench/RESULTS-reporting.md. ' +
      'Jixiao keeps the answer and reuses it while the tenant’s cells and regions are unchanged ' +
      '(src/reporting/aggregate-cache.ts: the version `reporting_cell_version` is read first in every request, in its ' +
      'own transaction), so its warm W3 requests run a version read instead of the aggregate — as W1 reuses its ' +
      'roll-ups by statistics version — and its first W3 request, which computes the answer, is measured against ' +
      'warm requests that do not.',
    '- The load generator (autocannon and the raw-SQL workers) runs in the orchestrating process on the same ' +
      'cores as the servers and PostgreSQL; the ratios compare sides measured under the same conditions, round by round.',
    '- Jixiao runs as deployed by default: queries compiled by graphql-jit (`GRAPHQL_EXECUTOR=jit`), ' +
      'production-mode libraries; only its per-user rate limit is raised, since one token drives the load many ' +
      'users would send (PostGraphile has no limiter).',
    '- First requests: before it listens, Jixiao computes the roll-ups of the largest fund trees in force ' +
      '(`ROLLUP_WARMUP_LIMIT`, default 50; src/rollup/rollup-warmup.ts), so the first W1 request reads the ' +
      'result a warm one reads; then it runs its roll-up screen of the largest tree, a BI overview ' +
      '(`aggregate` by region and year) and the first page of its organization directory (50 organizations ' +
      'with region and supervising department) 60 times each in-process, read-only, as a stand-in for the ' +
      'department that set the overall goal (src/app/startup-screens.ts), and parses, validates and compiles ' +
      '(graphql-jit) the three 60 times more as new texts without running them or keeping the result ' +
      '(src/app/compile-warmup.ts); once listening it sends itself 60 pairs of `__typename` requests, anonymous ' +
      'and with a token of no user (refused 401) (`REQUEST_WARMUP_ROUNDS`, src/app/request-warmup.ts). The ' +
      "screens are W1's, W3's and the list page's kinds of request but not their documents: compiling a " +
      "caller's document and its first runs are not warmed. Its start time below includes the warm-ups. " +
      'A first request is timed by ' +
      "the bench's own client (fetch, one request, the whole body read), which first sends 300 requests to a " +
      'stand-in server of its own in the bench process, so that its own first-use costs are not billed to the ' +
      'server (bench/peers/client-warmup.ts; no request reaches Jixiao or PostGraphile). Jixiao is started ' +
      '`BENCH_FIRST_STARTS` times (default 5: the measured process and fresh ones started and stopped one after ' +
      'another, bench/peers/first-requests.ts) and its figure is the median of their first requests, one sample ' +
      "being too noisy on this machine (PostGraphile's is its one process's). The measured process is the first " +
      'to answer W3 on the new database, so its first W3 request computes the answer; the fresh starts after it ' +
      'are restarts over the same unchanged database and read the answer it kept (src/reporting/kept-answers.ts, ' +
      'read into memory at start), as a restart or a second process of a deployment would: each start is shown. ' +
      'The yardstick is the ' +
      "median of 21 warm requests timed the same way after the load. The load generator's p50 (another client, " +
      'under sustained load) is shown beside it.',
    '- Before anything is timed the bench runs VACUUM (ANALYZE) over the database, as autovacuum would on a ' +
      "running server (this machine's PostgreSQL service runs with autovacuum off).",
    '',
  );
  out.push('## Same answers, statements, first requests, memory', '');
  for (const [w, text] of Object.entries(r.checks)) out.push(`- ${LABELS[w] ?? w}: ${text}.`);
  out.push('');
  out.push(
    '| workload | SQL/req Jixiao (first request) | SQL/req PostGraphile | first request Jixiao ms (median of the starts) | first PostGraphile ms | warm Jixiao ms (same client, median of 21) | warm p50 Jixiao ms (autocannon) |',
  );
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const w of workloads) {
    const st = r.statements[w];
    const x = cell(r.runs, w, 'jixiao', 1);
    out.push(
      `| ${LABELS[w] ?? w} | ${st?.jixiao ?? '–'} (${st?.jixiaoFirst ?? '–'}) | ${st?.postgraphile ?? '–'} | ${f(r.first[w]?.jixiaoMs)} | ` +
        `${f(r.first[w]?.postgraphileMs)} | ${f(r.first[w]?.jixiaoWarmMs, 2)} | ${f(x?.p50, 2)} |`,
    );
  }
  const quiet = r.first.w1;
  if (quiet?.jixiaoAfterQuietMs !== undefined)
    out.push(
      '',
      `W1 after ${QUIET_SECONDS} s in which neither server had a request (after the load; their pooled connections ` +
        `idle that long): Jixiao ${f(quiet.jixiaoAfterQuietMs)} ms, PostGraphile ${f(quiet.postgraphileAfterQuietMs)} ms ` +
        `(Jixiao keeps its pooled connections open, DB_POOL_IDLE_TIMEOUT_MS=0; pg-pool's default closes them after 10 s).`,
    );
  out.push(
    '',
    'PostGraphile statements are counted on its pool (including its BEGIN, the `set_config` of `pgSettings` and COMMIT); ' +
      "Jixiao's from `extensions.sqlStatements` (EXPOSE_SQL_COUNT); raw SQL is BEGIN, set_config, the statement, COMMIT.",
    '',
    `Server start (spawn to listening, schema built): Jixiao ${f(r.servers.jixiao.startMs / 1000, 1)} s, ` +
      `PostGraphile ${f(r.servers.postgraphile.startMs / 1000, 1)} s.`,
    '',
    '| process | peak RSS before W4 (MiB) | peak RSS after W1–W4 (MiB) | RSS at the end (MiB) |',
    '|---|---:|---:|---:|',
  );
  for (const [name, m] of Object.entries(r.memory.afterW1W4)) {
    const before = r.memory.afterW1W3?.[name]?.peakRssMiB;
    out.push(`| ${name} | ${f(before)} | ${f(m?.peakRssMiB)} | ${f(r.memory.atEnd[name]?.rssMiB)} |`);
  }
  for (const [name, m] of Object.entries(r.w5.memory))
    out.push(`| jixiao (${name}, W5 only) | – | ${f(m?.peakRssMiB)} | – |`);
  out.push('');

  if (r.burst) {
    const b = r.burst;
    out.push(
      '## W4 burst',
      '',
      `${b.requested} DRAFT self-evaluations submitted at once, each with its own unit's token, against the Jixiao process: ` +
        `${b.succeeded} succeeded, ${b.failed} failed, in ${f(b.wallMs, 0)} ms wall (p50 ${f(b.p50Ms, 0)}, p95 ${f(b.p95Ms, 0)}, ` +
        `max ${f(b.maxMs, 0)} ms); in the database ${b.submittedInDatabase} SUBMITTED with ${b.submitTransitions} SUBMIT ` +
        `transitions; the regional roll-ups counted ${b.countedBefore} → ${b.countedAfter}; the roll-up read right after took ` +
        `${f(b.rollUpAfterMs, 0)} ms: ${b.consistent ? 'nothing lost' : '**not all submitted**'}` +
        (b.failed > 0
          ? ` (failures, first ones: ${[...new Set(b.failures.map((x) => /"code":"([A-Z_]+)"/.exec(x)?.[1] ?? x.slice(0, 80)))].join(', ')}; ` +
            'SERVICE_UNAVAILABLE is the 503 of a request refused a turn: no request finished for ' +
            'DB_POOL_ACQUIRE_TIMEOUT_MS (5 s), it waited REQUEST_QUEUE_TIMEOUT_MS (60 s), or REQUEST_QUEUE_LIMIT (1,000) ' +
            'were waiting; refused whole and retryable, nothing half-written)'
          : '') +
        ". The requests take turns for the pool's connections in arrival order (src/app/admission.ts, " +
        "REQUEST_CONCURRENCY = the pool's 10): the late ones wait, they are not refused while the service makes progress" +
        '. PostGraphile is not run here: ' +
        'submitting a self-evaluation means scoring it (the engine of DOMAIN §10), which a generated CRUD API does not have.',
      '',
    );
  }

  if (w5.length > 0) {
    out.push('## W5: W2 with the layers switched off (1 connection)', '');
    out.push('| layers | req/s | p50 ms | p95 ms | p99 ms |', '|---|---:|---:|---:|---:|');
    for (const layers of ['all', 'no-permissions', 'bare']) {
      const rs = w5.filter((x) => x.layers === layers);
      if (rs.length === 0) continue;
      out.push(
        `| ${layers} | ${f(median(rs.map((x) => x.requestsPerSecond)))} | ${f(w5p50(layers), 2)} | ` +
          `${f(median(rs.map((x) => x.p95Ms)), 2)} | ${f(median(rs.map((x) => x.p99Ms)), 2)} |`,
      );
    }
    out.push(
      '',
      '`all`: as deployed; `no-permissions`: src/app/permissions.ts `withPermissions` (graphql-shield on the root fields, ' +
        'payload refusals, service-account scopes) left out; `bare`: that and the input-hygiene wrapper ' +
        '(src/common/input-hygiene.ts) left out. Each its own process (BENCH_LAYERS of bench/peers/jixiao-server.ts), no ' +
        'source change; type-graphql builds with `validate: false` already.',
      '',
    );
    if (r.w5.profile) {
      out.push(
        `CPU profile of the Jixiao process during ${r.options.profileSeconds} s of W2 at 1 connection: share of the ` +
          'busy (non-idle) self time by library, own code by src/ module (bench/results/peers-w2.cpuprofile opens in ' +
          'Chrome DevTools):',
        '',
        r.w5.profile.map((p) => `${p.bucket} ${p.share} %`).join(', '),
        '',
      );
    }
  }
  if (r.scale.length > 0) {
    const c = r.scale[0].connections;
    const rate = (p: number) =>
      median(r.scale.filter((x) => x.processes === p).map((x) => x.requestsPerSecond));
    const p50 = (p: number) => median(r.scale.filter((x) => x.processes === p).map((x) => x.p50Ms));
    out.push(
      '## More cores: several processes',
      '',
      `One Node.js thread serves a process, so a deployment uses more cores by running several Jixiao processes ` +
        `(or Node's cluster module) behind a load balancer; they share nothing but the database (caches are per ` +
        `process and keyed by the statistics versions they read). W2 at ${c} connections, spread over the processes ` +
        `by autocannon as a balancer would, interleaved rounds: 1 process ${f(rate(1))} req/s (p50 ${f(p50(1), 1)} ms), ` +
        `2 processes ${f(rate(2))} req/s (p50 ${f(p50(2), 1)} ms): ${f(rate(2) / rate(1), 2)}×, on ${r.machine.cpus} cores ` +
        'shared with PostgreSQL and the load generator.',
      '',
    );
  }
  out.push(
    '## Reproduce',
    '',
    '```sh',
    'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench   # city; BENCH_SIZE=province for the province',
    '```',
    '',
    `Run options: ${JSON.stringify(r.options)}; whole run ${r.durationSeconds} s. Every run and its load average: ` +
      '`bench/results/peers.json`.',
    '',
  );
  return out.join('\n');
}
