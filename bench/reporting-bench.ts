import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Pool } from 'pg';
import pino from 'pino';
import { DEMO_PASSWORD } from '../seeds';
import { LoginThrottle } from '../src/auth/login-throttle';
import { TokenService } from '../src/auth/token.service';
import { parseConfig } from '../src/config/config';
import { assertSafeAppRole, enableAppRole, migrate } from '../src/db/bootstrap';
import { createDataSource } from '../src/db/data-source';
import type { AppServices } from '../src/common/request-context';
import { startServer } from '../src/app/server';
import type { Cleanup } from './cleanup';
import { GraphQLClient } from './client';
import { benchDatabase } from './database';
import { LOGIN, type LoginData } from './queries';
import { generateReportingData, type ReportingSize } from './reporting-data';
import { csvDownload, loop, rawQuery, type MemoryPeak } from './reporting-measure';
import {
  AGGREGATE,
  csvPath,
  RAW_AGGREGATE_SQL,
  REGION_REPORT,
  type AggregateData,
  type RegionReportData,
} from './reporting-queries';
import { fmt, formatTable, ratio, summarize, type Sample, type Summary } from './stats';

/**
 * Issue 14 (`BENCH_SCENARIOS=reporting`, bench/README.md): the BI aggregate (GraphQL and CSV) and the
 * district report with year-over-year, on five years of the synthetic city or of the province, against
 * the same aggregate by one hand-written statement over the base tables. Targets (issue 14): aggregate
 * p95 ≤ 100 ms at province size; CSV memory flat in the number of rows; SQL statements per request
 * independent of the number of rows.
 */
export interface ReportingOptions {
  iterations: number;
  warmup: number;
  scenarioSeconds: number;
}

const FIRST_YEAR = 2022;
const LAST_YEAR = 2026;

function gcFunction(): (() => void) | null {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : null;
}

function sizeFromEnv(): { size: ReportingSize; cities: number } {
  const size = process.env.BENCH_SIZE ?? 'city';
  if (size !== 'city' && size !== 'province')
    throw new Error(`BENCH_SIZE must be city or province, got ${size}`);
  const cities = Number(process.env.BENCH_CITIES ?? '16');
  if (!Number.isInteger(cities) || cities < 1 || cities > 99) throw new Error('BENCH_CITIES must be 1–99');
  return { size, cities };
}

export async function reportingBenchmark(
  options: ReportingOptions,
  cleanup: Cleanup,
  ownSignals: () => void,
  log: (line: string) => void,
): Promise<void> {
  const runStarted = performance.now();
  const { size, cities } = sizeFromEnv();
  const db = await benchDatabase(cleanup, log);
  log(`database ${db.name} (${db.mode}, PostgreSQL ${db.serverVersion}); data set: ${size}`);
  await migrate(db.ownerUrl);
  const appUrl = await enableAppRole(db.ownerUrl, randomBytes(24).toString('base64url'));
  await assertSafeAppRole(appUrl);
  const data = await generateReportingData(db.ownerUrl, size, cities, log);
  const { city } = data;
  log(
    `generated ${data.cities} cities × years ${data.years.years.join(', ')} in ${data.seconds.toFixed(1)} s`,
  );

  const config = parseConfig({ NODE_ENV: 'development', EXPOSE_SQL_COUNT: 'true', LOG_LEVEL: 'silent' });
  const dataSource = createDataSource(appUrl, 10);
  await dataSource.initialize();
  cleanup.add('close the API connection pool', () => dataSource.destroy());
  const services: AppServices = {
    config,
    dataSource,
    logger: pino({ level: 'silent' }),
    tokens: new TokenService(randomBytes(36).toString('base64url'), config.TOKEN_TTL),
    loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
  };
  const server = await startServer(services, '127.0.0.1', 0);
  cleanup.add('stop the API server', () => server.stop());
  ownSignals();
  const base = server.url.replace(/\/graphql\/?$/, '');
  const anonymous = new GraphQLClient(server.url);
  const login = await anonymous.request<LoginData>(LOGIN, {
    input: { tenant: city.tenantId, login: city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
  });
  const token = login.body.data?.login.token;
  if (!token) throw new Error(`login failed: ${login.text}`);
  const api = anonymous.withToken(token);
  const rawPool = new Pool({ connectionString: appUrl, max: 2, application_name: 'jixiao-bench' });
  rawPool.on('error', (error) => log(`raw SQL pool: ${error.message}`));
  cleanup.add('close the raw SQL pool', () => rawPool.end());

  const reports: Record<string, Summary & { label: string; truncated: boolean }> = {};
  const rowCounts: Record<string, number> = {};
  const record = (key: string, label: string, samples: Sample[], truncated: boolean) => {
    reports[key] = { label, ...summarize(samples), truncated };
    log(`${label}: p50 ${reports[key].p50Ms} ms, p95 ${reports[key].p95Ms} ms over ${samples.length}`);
  };
  const district = `${city.cityCode.slice(0, 4)}01`;
  const vars = (level: string) => ({ level, from: FIRST_YEAR, to: LAST_YEAR });

  // (a) The aggregate at two region levels (DISTRICT, TOWNSHIP: ~15× the rows) through the API and by
  // hand-written SQL, interleaved round by round in rotating order.
  for (const level of ['DISTRICT', 'TOWNSHIP'] as const) {
    const first = await api.request<AggregateData>(AGGREGATE, vars(level));
    rowCounts[`aggregate${level}`] = first.body.data!.aggregate.rowCount;
    const apiSamples: Sample[] = [];
    const rawSamples: Sample[] = [];
    const params = [city.tenantId, level, FIRST_YEAR, LAST_YEAR];
    const variants = [
      async (timed: boolean) => {
        const res = await api.request<AggregateData>(AGGREGATE, vars(level));
        if (timed) apiSamples.push(res.sample);
      },
      async (timed: boolean) => {
        const sample = await rawQuery(rawPool, city.tenantId, RAW_AGGREGATE_SQL, params);
        if (timed) rawSamples.push(sample);
      },
    ];
    let round = 0;
    const l = await loop(options.warmup, options.iterations, options.scenarioSeconds, async (timed) => {
      for (let k = 0; k < variants.length; k++) await variants[(round + k) % variants.length](timed);
      round += 1;
    });
    record(`aggregate${level}`, `aggregate ${level} × year × category — API`, apiSamples, l.truncated);
    record(`raw${level}`, `aggregate ${level} × year × category — raw SQL`, rawSamples, l.truncated);
  }

  // (b) The CSV of the same: latency, and the memory peak of one download at each level.
  const gc = gcFunction();
  const csv: Record<string, MemoryPeak> = {};
  for (const level of ['DISTRICT', 'TOWNSHIP'] as const) {
    const url = `${base}${csvPath(level, FIRST_YEAR, LAST_YEAR)}`;
    const samples: Sample[] = [];
    const l = await loop(options.warmup, options.iterations, options.scenarioSeconds, async (timed) => {
      const peak = await csvDownload(url, token, null);
      if (timed) samples.push({ ms: peak.ms, statements: null, bytes: peak.bytes });
    });
    record(`csv${level}`, `aggregate.csv ${level} × year × category`, samples, l.truncated);
    csv[level] = await csvDownload(url, token, gc);
  }

  // (c) A district's report with four previous years, its children and their ranking.
  {
    const first = await api.request<RegionReportData>(REGION_REPORT, { code: district, year: LAST_YEAR });
    rowCounts.regionReportChildren = first.body.data?.regionReport?.children.length ?? 0;
    const samples: Sample[] = [];
    const l = await loop(options.warmup, options.iterations, options.scenarioSeconds, async (timed) => {
      const res = await api.request<RegionReportData>(REGION_REPORT, { code: district, year: LAST_YEAR });
      if (timed) samples.push(res.sample);
    });
    record('regionReport', `regionReport ${district} ${LAST_YEAR} + 4 previous years`, samples, l.truncated);
  }

  const aggD = reports.aggregateDISTRICT;
  const aggT = reports.aggregateTOWNSHIP;
  const csvGrowth = csv.TOWNSHIP.heapPeakGrowthMiB - csv.DISTRICT.heapPeakGrowthMiB;
  const comparisons = {
    aggregateDistrictP50ApiOverRaw: ratio(aggD.p50Ms, reports.rawDISTRICT.p50Ms),
    aggregateTownshipP50ApiOverRaw: ratio(aggT.p50Ms, reports.rawTOWNSHIP.p50Ms),
    aggregateDistrictP95ApiOverRaw: ratio(aggD.p95Ms, reports.rawDISTRICT.p95Ms),
    aggregateTownshipP95ApiOverRaw: ratio(aggT.p95Ms, reports.rawTOWNSHIP.p95Ms),
  };
  const targets = {
    aggregateP95Within100Ms: Math.max(aggD.p95Ms, aggT.p95Ms) <= 100,
    /** Flat: the 15× larger CSV's heap peak within 8 MiB of the smaller's. */
    csvMemoryFlat: csvGrowth <= 8,
    statementsIndependentOfRows:
      aggD.sqlStatementsMin === aggD.sqlStatementsMax &&
      aggT.sqlStatementsMin === aggT.sqlStatementsMax &&
      aggD.sqlStatementsMax === aggT.sqlStatementsMax &&
      reports.regionReport.sqlStatementsMin === reports.regionReport.sqlStatementsMax,
  };
  const results = {
    benchmark: 'jixiao-reporting',
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpus().length, loadAverageAfter: loadavg() },
    database: { mode: db.mode, serverVersion: db.serverVersion },
    options,
    dataset: {
      size,
      cities: data.cities,
      caller: city.sampleLogins.cityFinance,
      years: data.years,
      generationSeconds: Math.round(data.seconds),
    },
    rowCounts,
    scenarios: reports,
    csvMemory: csv,
    comparisons,
    targets,
    durationSeconds: Math.round((performance.now() - runStarted) / 1000),
  };
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `reporting-${size}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rows = Object.values(reports).map((r) => [
    r.label + (r.truncated ? ' (time limit)' : ''),
    String(r.n),
    fmt(r.p50Ms),
    fmt(r.p95Ms),
    fmt(r.sqlStatements),
    r.sqlStatementsMin === r.sqlStatementsMax
      ? fmt(r.sqlStatementsMin, 0)
      : `${r.sqlStatementsMin}–${r.sqlStatementsMax}`,
  ]);
  const memLine = (l: string) =>
    `${l}: ${csv[l].rows} rows, ${csv[l].bytes} bytes; peak growth heap ${csv[l].heapPeakGrowthMiB} MiB, RSS ${csv[l].rssPeakGrowthMiB} MiB`;
  process.stdout.write(
    [
      '',
      `Jixiao reporting benchmark (issue 14) — ${results.date}, ${size} (${data.cities} cities, years ${FIRST_YEAR}–${LAST_YEAR}), caller ${city.sampleLogins.cityFinance}`,
      `rows: aggregate DISTRICT ${rowCounts.aggregateDISTRICT}, TOWNSHIP ${rowCounts.aggregateTOWNSHIP}; report children ${rowCounts.regionReportChildren}`,
      '',
      formatTable(['scenario', 'n', 'p50 ms', 'p95 ms', 'SQL/req', 'SQL min–max'], rows),
      '',
      `aggregate p50 API ÷ raw SQL: ${comparisons.aggregateDistrictP50ApiOverRaw}× (DISTRICT), ${comparisons.aggregateTownshipP50ApiOverRaw}× (TOWNSHIP)`,
      `CSV memory ${memLine('DISTRICT')}; ${memLine('TOWNSHIP')}`,
      `targets: aggregate p95 ≤ 100 ms ${mark(targets.aggregateP95Within100Ms)}${size === 'province' ? '' : ' (the target is at province size)'}; ` +
        `CSV memory flat ${mark(targets.csvMemoryFlat)}; statements independent of rows ${mark(targets.statementsIndependentOfRows)}`,
      `results: ${file}   total ${results.durationSeconds} s`,
      '',
    ].join('\n'),
  );
}
