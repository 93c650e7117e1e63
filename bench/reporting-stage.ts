import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { RegionLevel } from '../src/auth/principal-kinds';
import { AggregateDimension, AggregateMeasure } from '../src/reporting/aggregate.model';
import { aggregateSql } from '../src/reporting/aggregate.sql';
import type { GraphQLClient } from './client';
import { ME } from './queries';
import type { ReportingData } from './reporting-data';
import {
  checkRawEqualsApi,
  csvDownload,
  loop,
  rawQuery,
  rawRows,
  type MemoryPeak,
} from './reporting-measure';
import {
  AGGREGATE,
  AGGREGATE_TABLE,
  tableRows,
  type AggregateTableData,
  csvPath,
  csvPathLong,
  RAW_AGGREGATE_SQL,
  REGION_REPORT,
  type AggregateData,
  type RegionReportData,
} from './reporting-queries';
import { fmt, formatTable, ratio, summarize, type Sample, type Summary } from './stats';
import { profiled, summarizeProfile } from './profile';

/**
 * One measured stage of the issue-14 benchmark (bench/reporting-bench.ts): the aggregate at two region
 * levels through the API and by hand-written SQL over the base tables (checked equal row for row first),
 * its CSV with the stream's memory peak, the district report with year-over-year, and the plan of the
 * API's statement (EXPLAIN ANALYZE). Writes bench/results/reporting-<stage>.json and prints a table.
 */
export interface StageContext {
  stage: string;
  data: ReportingData;
  api: GraphQLClient;
  base: string;
  token: string;
  rawPool: Pool;
  gc: (() => void) | null;
  options: { iterations: number; warmup: number; scenarioSeconds: number };
  database: { mode: string; serverVersion: string; name: string };
  log: (line: string) => void;
}

const FIRST_YEAR = 2022;
const LAST_YEAR = 2026;
const LEVELS = ['DISTRICT', 'TOWNSHIP'] as const;
/** Timed rounds of the raw statement (seconds each on the shared machine); BENCH_RAW_ROUNDS overrides. */
const RAW_ROUNDS = Number(process.env.BENCH_RAW_ROUNDS ?? '5');

type Report = Summary & { label: string; truncated: boolean };

export async function measureStage(ctx: StageContext): Promise<string> {
  const { data, api, rawPool, options, log } = ctx;
  const { city } = data;
  const reports: Record<string, Report> = {};
  const rowCounts: Record<string, number> = {};
  const record = (key: string, label: string, samples: Sample[], truncated: boolean) => {
    reports[key] = { label, ...summarize(samples), truncated };
    log(
      `[${ctx.stage}] ${label}: p50 ${reports[key].p50Ms} ms, p95 ${reports[key].p95Ms} ms over ${samples.length}`,
    );
  };
  const vars = (level: string) => ({ level, from: FIRST_YEAR, to: LAST_YEAR });
  const district = `${city.cityCode.slice(0, 4)}01`;

  // (a) API and raw SQL: equal row for row (or the run fails), then timed.
  for (const level of LEVELS) {
    const params = [city.tenantId, level, FIRST_YEAR, LAST_YEAR];
    const first = await api.request<AggregateData>(AGGREGATE, vars(level));
    const apiRows = first.body.data?.aggregate.rows;
    if (!apiRows) throw new Error(`aggregate ${level} failed: ${first.text.slice(0, 500)}`);
    rowCounts[`aggregate${level}`] = checkRawEqualsApi(
      `aggregate ${level}`,
      await rawRows(rawPool, city.tenantId, RAW_AGGREGATE_SQL, params),
      apiRows,
    );
    log(`[${ctx.stage}] aggregate ${level}: raw SQL = API, ${apiRows.length} rows`);
    // The table form (timed below) is the same rows, cell for cell.
    const tabled = await api.request<AggregateTableData>(AGGREGATE_TABLE, vars(level));
    if (!tabled.body.data) throw new Error(`aggregate table ${level} failed: ${tabled.text.slice(0, 500)}`);
    const asRows = tableRows(tabled.body.data);
    const picked = asRows.map((r) => Object.fromEntries(Object.keys(apiRows[0] ?? {}).map((k) => [k, r[k]])));
    if (JSON.stringify(picked) !== JSON.stringify(apiRows))
      throw new Error(`aggregate ${level}: the table form differs from the typed rows`);
    // The API alone (its own loop: the raw statement is ~30× slower and would leave it few samples),
    // then the raw statement (a few rounds).
    const apiSamples: Sample[] = [];
    const rawSamples: Sample[] = [];
    const l = await loop(options.warmup, options.iterations, options.scenarioSeconds, async (timed) => {
      const res = await api.request<AggregateTableData>(AGGREGATE_TABLE, vars(level));
      if (timed) apiSamples.push(res.sample);
    });
    await loop(RAW_ROUNDS > 1 ? 1 : 0, RAW_ROUNDS, options.scenarioSeconds, async (timed) => {
      const sample = await rawQuery(rawPool, city.tenantId, RAW_AGGREGATE_SQL, params);
      if (timed) rawSamples.push(sample);
    });
    record(`aggregate${level}`, `aggregate ${level} × year × category — API`, apiSamples, l.truncated);
    if (process.env.BENCH_PROFILE === '1') {
      // Where the API's time goes (bench/profile.ts): 20 requests under the CPU profiler, self time by package.
      const file = join(process.cwd(), 'bench', 'results', `reporting-${ctx.stage}-${level}.cpuprofile`);
      mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
      const { profile } = await profiled(file, async () => {
        for (let i = 0; i < 20; i++) await api.request<AggregateTableData>(AGGREGATE_TABLE, vars(level));
      });
      log(`[${ctx.stage}] profile ${level}: ${JSON.stringify(summarizeProfile(profile, 15))} (${file})`);
    }
    record(`raw${level}`, `aggregate ${level} × year × category — raw SQL`, rawSamples, l.truncated);
  }

  // (b) The CSV of the same: latency, and the memory peak of one download at each level (×1, ×~15 rows).
  const csv: Record<string, MemoryPeak> = {};
  for (const level of LEVELS) {
    const url = `${ctx.base}${csvPath(level, FIRST_YEAR, LAST_YEAR)}`;
    const samples: Sample[] = [];
    const l = await loop(options.warmup, options.iterations, options.scenarioSeconds, async (timed) => {
      const peak = await csvDownload(url, ctx.token, null);
      if (timed) samples.push({ ms: peak.ms, statements: null, bytes: peak.bytes });
    });
    record(`csv${level}`, `aggregate.csv ${level} × year × category`, samples, l.truncated);
    csv[level] = await csvDownload(url, ctx.token, ctx.gc);
    if (csv[level].rows !== rowCounts[`aggregate${level}`])
      throw new Error(`CSV ${level}: ${csv[level].rows} rows, the API ${rowCounts[`aggregate${level}`]}`);
  }
  csv.LONG = await csvDownload(`${ctx.base}${csvPathLong(FIRST_YEAR, LAST_YEAR)}`, ctx.token, ctx.gc);
  rowCounts.csvLong = csv.LONG.rows;
  csv.XL = await csvDownload(`${ctx.base}${csvPathLong(FIRST_YEAR, LAST_YEAR, true)}`, ctx.token, ctx.gc);
  rowCounts.csvXL = csv.XL.rows;
  // The smallest again: the live heap after the large ones (a leak would show as a higher start).
  csv.DISTRICT_AGAIN = await csvDownload(
    `${ctx.base}${csvPath('DISTRICT', FIRST_YEAR, LAST_YEAR)}`,
    ctx.token,
    ctx.gc,
  );

  // (c) A district's report with four previous years, its children and their ranking.
  {
    const first = await api.request<RegionReportData>(REGION_REPORT, { code: district, year: LAST_YEAR });
    if (!first.body.data?.regionReport) throw new Error(`regionReport failed: ${first.text.slice(0, 500)}`);
    rowCounts.regionReportChildren = first.body.data.regionReport.children.length;
    const samples: Sample[] = [];
    const l = await loop(options.warmup, options.iterations, options.scenarioSeconds, async (timed) => {
      const res = await api.request<RegionReportData>(REGION_REPORT, { code: district, year: LAST_YEAR });
      if (timed) samples.push(res.sample);
    });
    record('regionReport', `regionReport ${district} ${LAST_YEAR} + 4 previous years`, samples, l.truncated);
  }

  // (d) The fixed cost of an authenticated request under the same load (token, principal, transaction).
  {
    const samples: Sample[] = [];
    const l = await loop(options.warmup, options.iterations, options.scenarioSeconds, async (timed) => {
      const res = await api.request(ME, {});
      if (timed) samples.push(res.sample);
    });
    record('me', 'me (fixed cost of a request, for comparison)', samples, l.truncated);
  }

  // (e) The plan of the API's statement at TOWNSHIP level (what the aggregate's time is made of).
  const explain = await explainAggregate(rawPool, city.tenantId, log);

  const aggD = reports.aggregateDISTRICT;
  const aggT = reports.aggregateTOWNSHIP;
  const comparisons = {
    aggregateDistrictP50ApiOverRaw: ratio(aggD.p50Ms, reports.rawDISTRICT.p50Ms),
    aggregateTownshipP50ApiOverRaw: ratio(aggT.p50Ms, reports.rawTOWNSHIP.p50Ms),
    aggregateDistrictP95ApiOverRaw: ratio(aggD.p95Ms, reports.rawDISTRICT.p95Ms),
    aggregateTownshipP95ApiOverRaw: ratio(aggT.p95Ms, reports.rawTOWNSHIP.p95Ms),
  };
  const csvGrowth =
    Math.max(csv.TOWNSHIP.heapPeakGrowthMiB, csv.LONG.heapPeakGrowthMiB, csv.XL.heapPeakGrowthMiB) -
    csv.DISTRICT.heapPeakGrowthMiB;
  const targets = {
    aggregateP95Within100Ms: Math.max(aggD.p95Ms, aggT.p95Ms) <= 100,
    /** Flat: the live-heap peaks of the ×15, ×100 and XL CSVs within 8 MiB of the smallest's. */
    csvMemoryFlat: csvGrowth <= 8,
    statementsIndependentOfRows:
      aggD.sqlStatementsMin === aggD.sqlStatementsMax &&
      aggT.sqlStatementsMin === aggT.sqlStatementsMax &&
      aggD.sqlStatementsMax === aggT.sqlStatementsMax &&
      reports.regionReport.sqlStatementsMin === reports.regionReport.sqlStatementsMax,
    rawSqlEqualsApi: true,
    /** The API's aggregate statement alone (EXPLAIN ANALYZE, TOWNSHIP, one run) within 100 ms. */
    aggregateStatementWithin100Ms: executionMs(explain) <= 100,
  };
  const results = {
    benchmark: 'jixiao-reporting',
    stage: ctx.stage,
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverageAfter: loadavg(),
    },
    database: ctx.database,
    options,
    dataset: {
      cities: data.cities,
      caller: city.sampleLogins.cityFinance,
      years: data.years,
      generationSeconds: Math.round(data.seconds),
      totalGenerationSeconds: Math.round(data.totalSeconds),
      perCity: data.perCity,
    },
    rowCounts,
    scenarios: reports,
    csvMemory: csv,
    comparisons,
    targets,
    explainTownship: explain,
  };
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `reporting-${ctx.stage}.json`);
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
    `${l}: ${csv[l].rows} rows, ${csv[l].bytes} bytes; peak growth ${csv[l].liveHeap ? 'live ' : ''}heap ${csv[l].heapPeakGrowthMiB} MiB, RSS ${csv[l].rssPeakGrowthMiB} MiB` +
    ` [${csv[l].samples.map((x) => `${x.rows}:${x.heapGrowthMiB}`).join(' ')}]`;
  process.stdout.write(
    [
      '',
      `Jixiao reporting benchmark (issue 14) — ${results.date}, stage ${ctx.stage} (${data.cities} cities, years ${FIRST_YEAR}–${LAST_YEAR}), caller ${city.sampleLogins.cityFinance}`,
      `rows: aggregate DISTRICT ${rowCounts.aggregateDISTRICT}, TOWNSHIP ${rowCounts.aggregateTOWNSHIP} (raw SQL = API row for row); report children ${rowCounts.regionReportChildren}`,
      '',
      formatTable(['scenario', 'n', 'p50 ms', 'p95 ms', 'SQL/req', 'SQL min–max'], rows),
      '',
      `aggregate p50 API ÷ raw SQL: ${comparisons.aggregateDistrictP50ApiOverRaw}× (DISTRICT), ${comparisons.aggregateTownshipP50ApiOverRaw}× (TOWNSHIP)`,
      'CSV memory (rows received: live heap growth MiB):',
      ...['DISTRICT', 'TOWNSHIP', 'LONG', 'XL', 'DISTRICT_AGAIN'].map((l) => `  ${memLine(l)}`),
      `aggregate statement alone (EXPLAIN ANALYZE, TOWNSHIP): ${executionMs(explain)} ms`,
      `targets: aggregate p95 ≤ 100 ms ${mark(targets.aggregateP95Within100Ms)}; CSV memory flat ${mark(targets.csvMemoryFlat)}; ` +
        `statements independent of rows ${mark(targets.statementsIndependentOfRows)}`,
      `results: ${file}`,
      '',
    ].join('\n'),
  );
  return file;
}

const executionMs = (plan: string[]) =>
  Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? Number.NaN);

/** EXPLAIN (ANALYZE, BUFFERS) of the API's own aggregate statement at TOWNSHIP level, as the API role. */
async function explainAggregate(pool: Pool, tenantId: string, log: (l: string) => void) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
    const { rows: cities } = await client.query<{ path: string }>(
      `SELECT path FROM region WHERE level = 'CITY'`,
    );
    const path = cities[0].path;
    const { sql, params } = aggregateSql(
      {
        dimensions: [
          AggregateDimension.REGION,
          AggregateDimension.YEAR,
          AggregateDimension.INDICATOR_CATEGORY,
        ],
        measures: [AggregateMeasure.GOAL_COUNT],
        regionLevel: RegionLevel.TOWNSHIP,
        filter: { yearFrom: FIRST_YEAR, yearTo: LAST_YEAR },
      },
      { tenantId, withinPath: path, ownOrganizationId: null },
    );
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      params,
    );
    await client.query('COMMIT');
    return rows.map((r) => r['QUERY PLAN']);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    log(`EXPLAIN failed: ${String(error)}`);
    return [];
  } finally {
    client.release();
  }
}
