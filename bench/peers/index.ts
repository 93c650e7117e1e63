import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { Client, Pool } from 'pg';
import { DEMO_PASSWORD } from '../../seeds';
import { TokenService } from '../../src/auth/token.service';
import { assertSafeAppRole, enableAppRole, migrate } from '../../src/db/bootstrap';
import { burst, type BurstResult } from '../burst';
import { Cleanup } from '../cleanup';
import { GraphQLClient } from '../client';
import { percentile } from '../stats';
import { benchDatabase } from '../database';
import { LOGIN, type LoginData } from '../queries';
import { W2_QUERY, w2Variables } from '../workloads/w2';
import { warmClient } from './client-warmup';
import { firstRequestStarts, firstRequestsOfFreshStarts } from './first-requests';
import { existingPeersData, generatePeersData, vacuumAnalyze, type PeersData, type PeersSize } from './data';
import { httpLoad, rawLoad, RAW_STATEMENTS, type LoadResult, type Span } from './load';
import { cityPath, installPeerFunctions } from './peer-sql';
import { memoryOf, startProcess, type ServerProcess } from './processes';
import { QUIET_SECONDS, writeResults, type PeersResults, type Side } from './report';
import { summarizeByLibrary } from './profile-summary';
import { rawAnswer, workloads, type Context, type Workload } from './workloads';

/**
 * Issue 18 — `npm run bench` (default scenarios): Jixiao side by side with PostGraphile v5 and the raw-SQL
 * limit on the synthetic city, each server in its own process, driven by autocannon. See bench/README.md
 * "Peers" and the report this writes, bench/RESULTS.md.
 */
export interface PeersOptions {
  size: PeersSize;
  years: number;
  cities: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  connections: number[];
  only: string[] | null;
  burst: number;
  profileSeconds: number;
  poolSize: number;
}

const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
};

export function readPeersOptions(): PeersOptions {
  const size = (process.env.BENCH_SIZE ?? 'city') as PeersSize;
  if (size !== 'city' && size !== 'province') throw new Error('BENCH_SIZE is city or province');
  return {
    size,
    years: size === 'province' ? 5 : int('BENCH_YEARS', 1),
    cities: int('BENCH_CITIES', 16),
    seconds: int('BENCH_SECONDS', 5),
    warmupSeconds: int('BENCH_WARMUP_SECONDS', 2),
    rounds: int('BENCH_ROUNDS', 3),
    connections: (process.env.BENCH_CONNECTIONS ?? '1,4').split(',').map(Number),
    only: process.env.BENCH_WORKLOADS ? process.env.BENCH_WORKLOADS.split(',') : null,
    burst: int('BENCH_BURST', 500),
    profileSeconds: int('BENCH_PROFILE_SECONDS', 8),
    poolSize: int('BENCH_POOL_SIZE', 10),
  };
}

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const resultsDir = () => join(process.cwd(), 'bench', 'results');

/** The Node.js that runs PostGraphile: this one if ≥ 22, else the `node` package in bench/peers/node22. */
function postgraphileNode(log: (l: string) => void): string {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const dir = join(process.cwd(), 'bench', 'peers', 'node22');
  const bin = join(dir, 'node_modules', '.bin', 'node');
  if (!existsSync(bin)) {
    log(`installing Node.js 22 for PostGraphile (npm ci in ${dir})`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  return bin;
}

async function reusedDatabase(name: string) {
  const url = new URL(process.env.DATABASE_URL ?? '');
  if (!url.host) throw new Error('BENCH_REUSE_DATABASE needs DATABASE_URL (the server it is on)');
  url.pathname = `/${name}`;
  const c = new Client({ connectionString: url.toString() });
  await c.connect();
  const { rows } = await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  await c.end();
  return { name, ownerUrl: url.toString(), mode: 'external' as const, serverVersion: rows[0].v };
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** Warm requests timed one at a time after the load, for the first request's yardstick. */
const WARM_SAMPLES = 21;

/** One timed request (checks and first-request times). */
async function once(client: GraphQLClient, query: string, variables: Record<string, unknown>) {
  const res = await client.request<unknown>(query, variables);
  return { ms: res.sample.ms, data: res.body.data, statements: res.sample.statements };
}

async function pgStatements(url: string): Promise<number> {
  const res = await fetch(url.replace(/\/graphql$/, '/__stats'));
  return ((await res.json()) as { statements: number }).statements;
}

export async function peersBenchmark(cleanup: Cleanup, log: (line: string) => void): Promise<void> {
  const options = readPeersOptions();
  const runStarted = performance.now();
  const loadBefore = load();
  mkdirSync(resultsDir(), { recursive: true });

  // 1. Database, schema, API role, data.
  const reuse = process.env.BENCH_REUSE_DATABASE;
  const keep = !reuse && process.env.BENCH_KEEP_DATABASE === '1';
  if (keep && !process.env.DATABASE_URL) throw new Error('BENCH_KEEP_DATABASE=1 needs DATABASE_URL');
  // Kept: its drop step goes to a clean-up list that never runs.
  const db = reuse ? await reusedDatabase(reuse) : await benchDatabase(keep ? new Cleanup() : cleanup, log);
  if (keep)
    log(`BENCH_KEEP_DATABASE=1: ${db.name} is kept; measure it again with BENCH_REUSE_DATABASE=${db.name}`);
  log(`database ${db.name} (${db.mode}, PostgreSQL ${db.serverVersion})`);
  await migrate(db.ownerUrl);
  const appUrl = await enableAppRole(db.ownerUrl, randomBytes(24).toString('base64url'));
  await assertSafeAppRole(appUrl);
  const data: PeersData = reuse
    ? await existingPeersData(db.ownerUrl)
    : await generatePeersData(db.ownerUrl, options, log);
  await installPeerFunctions(db.ownerUrl);
  log(`VACUUM (ANALYZE) in ${(await vacuumAnalyze(db.ownerUrl)).toFixed(1)} s`);
  if (process.env.BENCH_GENERATE_ONLY === '1') {
    log(`generated in ${data.generationSeconds} s; BENCH_GENERATE_ONLY=1: stopping here`);
    return;
  }
  const ctx: Context = {
    tenantId: data.city.tenantId,
    cityCode: data.city.cityCode,
    cityPath: await cityPath(db.ownerUrl, data.city.tenantId, data.city.cityCode),
    overallId: data.overallId,
    year: Math.max(...data.years),
    firstYear: Math.min(...data.years),
    regionCount: data.city.regionCount,
    organizationCount: data.city.organizationCount,
  };

  // 2. The servers, each its own process.
  const secret = randomBytes(36).toString('base64url');
  const jixiaoScript = join(__dirname, 'jixiao-server.js');
  const jixiaoEnv = (layers: string) => ({
    BENCH_APP_URL: appUrl,
    BENCH_TOKEN_SECRET: secret,
    DB_POOL_SIZE: String(options.poolSize),
    BENCH_LAYERS: layers,
    BENCH_PROFILE_FILE: join(resultsDir(), 'peers-w2.cpuprofile'),
  });
  const startJixiao = (name: string) =>
    startProcess({
      name,
      node: process.execPath,
      script: jixiaoScript,
      // Node.js flags of the measured Jixiao process (e.g. a heap limit or --cpu-prof), none by default.
      args: (process.env.BENCH_JIXIAO_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
      env: jixiaoEnv('all'),
      cleanup,
      log,
    });
  const jixiao = await startJixiao('jixiao');
  const pgNode = postgraphileNode(log);
  const pgNodeVersion = execFileSync(pgNode, ['--version'], { encoding: 'utf8' }).trim();
  const postgraphile = await startProcess({
    name: 'postgraphile',
    node: pgNode,
    script: join(__dirname, 'postgraphile-server.js'),
    env: {
      BENCH_PG_URL: appUrl,
      BENCH_TOKEN_SECRET: secret,
      BENCH_POOL_SIZE: String(options.poolSize),
      GRAPHILE_ENV: 'production',
      NODE_ENV: 'production',
    },
    cleanup,
    log,
  });

  // Tokens: Jixiao's by its own sign-in (the city finance bureau); PostGraphile's a JWT with the tenant.
  const anonymous = new GraphQLClient(jixiao.url);
  const login = await anonymous.request<LoginData>(LOGIN, {
    input: { tenant: ctx.tenantId, login: data.city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
  });
  const jixiaoToken = login.body.data?.login.token;
  if (!jixiaoToken) throw new Error(`login failed: ${login.text}`);
  const pgToken = await new SignJWT({ tenant_id: ctx.tenantId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(new TextEncoder().encode(secret));
  const api = anonymous.withToken(jixiaoToken);
  const pgApi = new GraphQLClient(postgraphile.url, pgToken);
  const maxConnections = Math.max(...options.connections);
  const rawPool = new Pool({
    connectionString: appUrl,
    max: maxConnections,
    application_name: 'jixiao-bench-raw',
  });
  rawPool.on('error', (error) => log(`raw pool: ${error.message}`));
  cleanup.add('close the raw SQL pool', () => rawPool.end());

  // 3. First requests after start (cold) and the checks: every side answers the same. The bench's own
  // client is warmed first, against a stand-in of its own (client-warmup.ts): the time is the server's.
  const clientWarmup = await warmClient();
  log(`client warmed: ${clientWarmup.requests} requests to its own stand-in in ${clientWarmup.ms} ms`);
  const all = workloads(ctx).filter((w) => !options.only || options.only.includes(w.key));
  const checks: Record<string, string> = {};
  const first: PeersResults['first'] = {};
  const statements: PeersResults['statements'] = {};
  for (const w of all) {
    const a = await once(api, w.jixiao.query, w.jixiao.variables);
    let pgMs: number | null = null;
    let pgData: unknown = null;
    let pgCount: number | null = null;
    if (w.postgraphile) {
      const before = await pgStatements(postgraphile.url);
      const b = await once(pgApi, w.postgraphile.query, w.postgraphile.variables);
      pgCount = (await pgStatements(postgraphile.url)) - before;
      pgMs = b.ms;
      pgData = b.data;
    }
    first[w.key] = {
      jixiaoMs: Math.round(a.ms * 10) / 10,
      postgraphileMs: pgMs === null ? null : Math.round(pgMs * 10) / 10,
    };
    // Statements of a warm request (the first one may read what later ones find cached).
    const warm = await once(api, w.jixiao.query, w.jixiao.variables);
    statements[w.key] = {
      jixiao: warm.statements,
      jixiaoFirst: a.statements,
      postgraphile: pgCount,
      raw: RAW_STATEMENTS,
    };
    checks[w.key] = w.check({
      jixiao: a.data,
      postgraphile: pgData,
      raw: await rawAnswer(w.key, rawPool, ctx),
      rawAlt: w.rawAlt ? await rawAnswer(w.key, rawPool, ctx, true) : undefined,
    });
    log(
      `${w.key}: first request Jixiao ${first[w.key].jixiaoMs} ms, PostGraphile ${first[w.key].postgraphileMs} ms; ${checks[w.key]}`,
    );
  }
  // The same first requests after more fresh starts (first-requests.ts): the median over the starts is the
  // figure compared with the warm yardstick, one sample being too noisy on a shared machine.
  const more = await firstRequestsOfFreshStarts({
    starts: firstRequestStarts() - 1,
    start: (index) => startJixiao(`jixiao-start-${index + 2}`),
    login: { tenant: ctx.tenantId, login: data.city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
    workloads: all,
    log,
  });
  for (const w of all) {
    const samples = [first[w.key].jixiaoMs, ...more[w.key]];
    first[w.key].jixiaoStartsMs = samples;
    first[w.key].jixiaoMs = round1(
      percentile(
        [...samples].sort((a, b) => a - b),
        50,
      ),
    );
  }
  // Statements per request against page sizes (issue 18: independent of them).
  const pageSizes: { sizes: string; statements: number | null }[] = [];
  if (all.some((w) => w.key === 'w2')) {
    for (const [townships, units, goals] of [
      [20, 10, 10],
      [5, 3, 2],
      [40, 20, 20],
    ]) {
      const r = await once(api, W2_QUERY, {
        ...w2Variables(ctx.cityCode, { year: ctx.year, townships, units, goals }),
      });
      pageSizes.push({ sizes: `${townships}×${units}×${goals}`, statements: r.statements });
    }
  }

  // 4. Interleaved runs: per workload and connections, warm-up of every side, then `rounds` rounds in
  // rotating order (Jixiao, PostGraphile, raw[, raw alt]) so that changing load weighs on all alike.
  const runs: PeersResults['runs'] = [];
  for (const w of all) {
    const sides = sidesOf(w, api, jixiaoToken, pgApi, pgToken, rawPool);
    for (const c of options.connections) {
      // The warm-up's rate sizes the timed rounds (amount ≈ rate × BENCH_SECONDS, at least 3 per connection).
      const amounts = new Map<Side, number>();
      for (const s of sides) {
        const warm = await s.run(c, { seconds: options.warmupSeconds });
        amounts.set(s.side, Math.max(3 * c, Math.round(warm.requestsPerSecond * options.seconds)));
      }
      for (let round = 0; round < options.rounds; round++) {
        for (let k = 0; k < sides.length; k++) {
          const s = sides[(round + k) % sides.length];
          const result = await s.run(c, { amount: amounts.get(s.side)! });
          runs.push({ workload: w.key, side: s.side, connections: c, round, load: load(), ...result });
          log(
            `${w.key} c=${c} round ${round + 1} ${s.side}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, ` +
              `p95 ${result.p95Ms} ms (load ${load()[0]})${result.failures ? `, ${result.failures} FAILED` : ''}`,
          );
        }
      }
    }
  }

  // The warm request timed as the first one was (this client, fetch, one at a time): the other side of
  // "the first request within 3× of a warm one", measured alike (autocannon's p50 is reported as well).
  for (const w of all) {
    const times: number[] = [];
    for (let k = 0; k < WARM_SAMPLES; k += 1)
      times.push((await once(api, w.jixiao.query, w.jixiao.variables)).ms);
    times.sort((a, b) => a - b);
    first[w.key].jixiaoWarmMs = Math.round(percentile(times, 50) * 100) / 100;
  }
  // W1 after a quiet period (no request to either server for QUIET_SECONDS): what a caller meets after a lull.
  const w1 = all.find((w) => w.key === 'w1');
  if (w1) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_SECONDS * 1000));
    first.w1.jixiaoAfterQuietMs = round1((await once(api, w1.jixiao.query, w1.jixiao.variables)).ms);
    if (w1.postgraphile)
      first.w1.postgraphileAfterQuietMs = round1(
        (await once(pgApi, w1.postgraphile.query, w1.postgraphile.variables)).ms,
      );
    log(
      `w1 after ${QUIET_SECONDS} s of quiet: Jixiao ${first.w1.jixiaoAfterQuietMs} ms, PostGraphile ${first.w1.postgraphileAfterQuietMs} ms`,
    );
  }
  // W3's warm requests reuse the kept answer (src/reporting/aggregate-cache.ts); the first one computes it.
  // The same question computed warm: each sample widens the year range by years without goals (the same
  // rows, the same cells read; at most 10 years), a range of its own, so no answer is reused.
  const w3 = all.find((w) => w.key === 'w3');
  if (w3) {
    const times: number[] = [];
    const { from, to } = w3.jixiao.variables as { from: number; to: number };
    const ranges: [number, number][] = [];
    for (let wider = 1; ranges.length < WARM_SAMPLES && to - from + 1 + wider <= 10; wider += 1)
      for (let before = 0; before <= wider; before += 1) ranges.push([from - before, to + wider - before]);
    for (const [yearFrom, yearTo] of ranges.slice(0, WARM_SAMPLES)) {
      const res = await api.request<unknown>(w3.jixiao.query, {
        ...w3.jixiao.variables,
        from: yearFrom,
        to: yearTo,
      });
      if (res.body.errors) throw new Error(`W3 ${yearFrom}–${yearTo}: ${res.text.slice(0, 300)}`);
      times.push(res.sample.ms);
    }
    times.sort((a, b) => a - b);
    first.w3.jixiaoWarmComputedMs = Math.round(percentile(times, 50) * 100) / 100;
  }

  const memoryW1W3 = { jixiao: memoryOf(jixiao.pid), postgraphile: memoryOf(postgraphile.pid) };

  // 5. W4: the burst of submissions against the Jixiao process (its tokens signed with its secret).
  let burstResult: BurstResult | null = null;
  if ((!options.only || options.only.includes('w4')) && options.burst > 0) {
    burstResult = await burst({
      size: options.burst,
      ownerUrl: db.ownerUrl,
      city: data.city,
      overallId: data.overallId,
      api,
      tokens: new TokenService(secret, '8h'),
      log,
    });
    log(`W4 burst: ${burstResult.succeeded}/${burstResult.requested} in ${burstResult.wallMs} ms`);
  }
  const memoryW1W4 = { jixiao: memoryOf(jixiao.pid), postgraphile: memoryOf(postgraphile.pid) };

  // 6. W5: W2 with the permission layer (and the input hygiene wrapper) left out, each its own process,
  // interleaved; then a CPU profile of W2 in the full process, summarised by library.
  const w5: PeersResults['w5'] = { runs: [], profile: null, memory: {} };
  if (!options.only || options.only.includes('w5')) {
    const variants: { layers: string; proc: ServerProcess; token: string }[] = [
      { layers: 'all', proc: jixiao, token: jixiaoToken },
    ];
    for (const layers of ['no-permissions', 'bare']) {
      const proc = await startProcess({
        name: `jixiao-${layers}`,
        node: process.execPath,
        script: jixiaoScript,
        env: jixiaoEnv(layers),
        cleanup,
        log,
      });
      const l = await new GraphQLClient(proc.url).request<LoginData>(LOGIN, {
        input: { tenant: ctx.tenantId, login: data.city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
      });
      variants.push({ layers, proc, token: l.body.data!.login.token! });
    }
    const body = JSON.stringify({
      query: W2_QUERY,
      variables: w2Variables(ctx.cityCode, { year: ctx.year }),
    });
    const amounts = new Map<string, number>();
    for (const v of variants) {
      const warm = await httpLoad({ url: v.proc.url, token: v.token, body }, 1, {
        seconds: options.warmupSeconds,
      });
      amounts.set(v.layers, Math.max(3, Math.round(warm.requestsPerSecond * options.seconds)));
    }
    for (let round = 0; round < options.rounds; round++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(round + k) % variants.length];
        const result = await httpLoad({ url: v.proc.url, token: v.token, body }, 1, {
          amount: amounts.get(v.layers)!,
        });
        w5.runs.push({ layers: v.layers, round, load: load(), ...result });
        log(`w5 ${v.layers} round ${round + 1}: p50 ${result.p50Ms} ms, ${result.requestsPerSecond} req/s`);
      }
    }
    for (const v of variants.slice(1)) {
      w5.memory[v.layers] = memoryOf(v.proc.pid);
      await v.proc.stop();
    }
    if (options.profileSeconds > 0) {
      const started = jixiao.nextLine('profiling');
      jixiao.child.kill('SIGUSR2');
      await started;
      await httpLoad({ url: jixiao.url, token: jixiaoToken, body }, 1, { seconds: options.profileSeconds });
      const written = jixiao.nextLine('profileWritten');
      jixiao.child.kill('SIGUSR2');
      await written;
      w5.profile = summarizeByLibrary(
        JSON.parse(readFileSync(join(resultsDir(), 'peers-w2.cpuprofile'), 'utf8')),
      );
    }
  }

  // 7. More cores: one Node thread serves one process, so a deployment runs several processes (or Node's
  // cluster) behind a balancer. W2 at the largest connection count against one process and against two,
  // the connections spread over both (what the balancer does), interleaved.
  const scale: PeersResults['scale'] = [];
  if (!options.only || options.only.includes('scale')) {
    const second = await startProcess({
      name: 'jixiao-2',
      node: process.execPath,
      script: jixiaoScript,
      env: jixiaoEnv('all'),
      cleanup,
      log,
    });
    const body = JSON.stringify({
      query: W2_QUERY,
      variables: w2Variables(ctx.cityCode, { year: ctx.year }),
    });
    const c = Math.max(2, maxConnections);
    const targets = [
      { processes: 1, url: [jixiao.url] },
      { processes: 2, url: [jixiao.url, second.url] },
    ];
    const amounts = new Map<number, number>();
    for (const t of targets) {
      const warm = await httpLoad({ url: t.url, token: jixiaoToken, body }, c, {
        seconds: options.warmupSeconds,
      });
      amounts.set(t.processes, Math.max(3 * c, Math.round(warm.requestsPerSecond * options.seconds)));
    }
    for (let round = 0; round < options.rounds; round++) {
      for (let k = 0; k < targets.length; k++) {
        const t = targets[(round + k) % targets.length];
        const result = await httpLoad({ url: t.url, token: jixiaoToken, body }, c, {
          amount: amounts.get(t.processes)!,
        });
        scale.push({ processes: t.processes, connections: c, round, load: load(), ...result });
        log(
          `scale W2 c=${c} ${t.processes} process(es) round ${round + 1}: ${result.requestsPerSecond} req/s`,
        );
      }
    }
    await second.stop();
  }

  const results: PeersResults = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      totalMemoryMiB: Math.round(totalmem() / 1048576),
      loadBefore,
      loadAfter: load(),
    },
    versions: {
      jixiaoNode: process.version,
      postgraphileNode: pgNodeVersion,
      postgres: db.serverVersion,
      postgraphile: packageVersion('postgraphile'),
      autocannon: packageVersion('autocannon'),
    },
    options,
    dataset: {
      size: data.size,
      years: data.years,
      cities: data.cities,
      organizations: data.city.organizationCount,
      regions: data.city.regionCount,
      goals: data.city.workload?.goals.total ?? null,
      evaluations: data.evaluations,
      generationSeconds: data.generationSeconds,
      database: db.name,
    },
    servers: {
      jixiao: { startMs: Math.round(jixiao.startMs) },
      postgraphile: { startMs: Math.round(postgraphile.startMs) },
    },
    checks,
    first,
    statements,
    pageSizes,
    runs,
    burst: burstResult,
    memory: {
      afterW1W3: memoryW1W3,
      afterW1W4: memoryW1W4,
      atEnd: { jixiao: memoryOf(jixiao.pid), postgraphile: memoryOf(postgraphile.pid) },
    },
    w5,
    scale,
    durationSeconds: Math.round((performance.now() - runStarted) / 1000),
  };
  // Only a run of every workload replaces bench/RESULTS.md; a partial one (BENCH_WORKLOADS) goes beside peers.json.
  const md = options.only
    ? join(resultsDir(), 'RESULTS-partial.md')
    : join(process.cwd(), 'bench', 'RESULTS.md');
  const written = await writeResults(results, resultsDir(), md);
  log(`results: ${written.join(', ')} (${results.durationSeconds} s)`);
}

interface SideRunner {
  side: Side;
  run: (connections: number, span: Span) => Promise<LoadResult>;
}

function sidesOf(
  w: Workload,
  api: GraphQLClient,
  jixiaoToken: string,
  pgApi: GraphQLClient,
  pgToken: string,
  pool: Pool,
): SideRunner[] {
  const sides: SideRunner[] = [
    {
      side: 'jixiao',
      run: (c, s) => httpLoad({ url: api.url, token: jixiaoToken, body: JSON.stringify(w.jixiao) }, c, s),
    },
  ];
  if (w.postgraphile) {
    const body = JSON.stringify(w.postgraphile);
    sides.push({
      side: 'postgraphile',
      run: (c, s) => httpLoad({ url: pgApi.url, token: pgToken, body }, c, s),
    });
  }
  if (w.raw) {
    const request = w.raw.request;
    sides.push({ side: 'raw', run: (c, s) => rawLoad(pool, c, s, request) });
  }
  if (w.rawAlt) {
    const request = w.rawAlt.request;
    sides.push({ side: 'rawAlt', run: (c, s) => rawLoad(pool, c, s, request) });
  }
  return sides;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function packageVersion(name: string): string | null {
  try {
    const file = join(process.cwd(), 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
