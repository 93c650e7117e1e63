/**
 * Asking the BI aggregate (DOMAIN §16, issue 14) the same question three ways — GraphQL `aggregate`, the
 * CSV route and the `reporting` views — for the reporting tests.
 */
import type { TestApp } from '../harness/app';

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

export const AGGREGATE = `query($d: [AggregateDimension!]!, $m: [AggregateMeasure!]!, $l: RegionLevel, $f: AggregateFilterInput) {
  aggregate(dimensions: $d, measures: $m, regionLevel: $l, filter: $f) {
    rowCount columns { name labelZh labelEn kind }
    rows { cityCode cityName districtCode districtName townshipCode townshipName regionCode regionName regionLevel
      year fundId fundName departmentId departmentName sector budgetBook goalScope indicatorCategory grade
      goalCount indicatorCount budgeted inPlace spent inPlaceRate executionRate monitoredCount flaggedCount
      selfEvaluatedCount evaluatedCount meanScore fundWeightedScore coverageGoal coverageMonitoring
      coverageSelfEvaluation coverageEvaluation }
    table
  } }`;

/** The table form alone (no `rows`): the statement encodes the cells (aggregate-table.sql.ts). */
const TABLE_ALONE = `query($d: [AggregateDimension!]!, $m: [AggregateMeasure!]!, $l: RegionLevel, $f: AggregateFilterInput) {
  aggregate(dimensions: $d, measures: $m, regionLevel: $l, filter: $f) { rowCount table } }`;

export interface AggregateArgs {
  d: string[];
  m: string[];
  l?: string;
  f?: Record<string, unknown>;
}

export type Row = Record<string, string | number | null>;

/** Every measure of `aggregate` (DOMAIN §16), in the schema's order. */
export const ALL_MEASURES = [
  'GOAL_COUNT',
  'INDICATOR_COUNT',
  'BUDGETED',
  'IN_PLACE',
  'SPENT',
  'IN_PLACE_RATE',
  'EXECUTION_RATE',
  'MONITORED_COUNT',
  'FLAGGED_COUNT',
  'SELF_EVALUATED_COUNT',
  'EVALUATED_COUNT',
  'MEAN_SCORE',
  'FUND_WEIGHTED_SCORE',
  'COVERAGE_GOAL',
  'COVERAGE_MONITORING',
  'COVERAGE_SELF_EVALUATION',
  'COVERAGE_EVALUATION',
];

/**
 * The measures a goal's GraphQL roll-up answers too (DOMAIN §11: counts, money, fund-weighted mean,
 * coverage): what the equality tests compare.
 */
export const ROLL_UP_MEASURES = [
  'GOAL_COUNT',
  'SELF_EVALUATED_COUNT',
  'BUDGETED',
  'IN_PLACE',
  'SPENT',
  'FUND_WEIGHTED_SCORE',
  'COVERAGE_SELF_EVALUATION',
];

export interface AggregateAnswer {
  rows: Row[] | null;
  /** The table form, cells in the order of `columns` (column names). */
  table?: unknown[][] | null;
  columns?: string[] | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function aggregate(
  app: TestApp,
  as: string | null,
  args: AggregateArgs,
): Promise<AggregateAnswer> {
  const res = await app.gql<{
    aggregate: { rows: Row[]; rowCount: number; columns: { name: string }[]; table: unknown[][] } | null;
  }>(AGGREGATE, args as unknown as Record<string, unknown>, as ? { as } : {});
  const answer = res.data?.aggregate;
  // The table form asked alone is encoded by PostgreSQL (issue 18, src/reporting/aggregate-table.sql.ts).
  const alone = await app.gql<{ aggregate: { rowCount: number; table: unknown[][] } | null }>(
    TABLE_ALONE,
    args as unknown as Record<string, unknown>,
    as ? { as } : {},
  );
  if (answer) {
    expect(answer.rowCount).toBe(answer.rows.length);
    // The table form (issue 14) is the typed rows cell for cell, in the order of `columns`.
    expect(answer.table).toEqual(answer.rows.map((r) => answer.columns.map((c) => r[c.name])));
    // … and so is the one PostgreSQL encodes, cell for cell (strings stay strings, numbers numbers).
    expect(alone.data?.aggregate).toEqual({ rowCount: answer.rowCount, table: answer.table });
  } else {
    // Refused alike: the same error codes and fields.
    expect(alone.data?.aggregate ?? null).toBeNull();
    const shape = (e: { extensions?: Record<string, unknown>; path?: unknown }) => [
      e.extensions?.code,
      e.extensions?.field ?? null,
    ];
    expect((alone.errors ?? []).map(shape)).toEqual((res.errors ?? []).map(shape));
  }
  return {
    rows: answer?.rows ?? null,
    table: answer?.table ?? null,
    columns: answer?.columns.map((c) => c.name) ?? null,
    errors: res.errors,
  };
}

/** The CSV route's URL for the same arguments (comma lists, docs/reporting/csv.md). */
export function csvUrl(app: TestApp, args: AggregateArgs): string {
  const url = new URL(app.server.url.replace(/\/graphql$/, '/reports/aggregate.csv'));
  url.searchParams.set('dimensions', args.d.join(','));
  url.searchParams.set('measures', args.m.join(','));
  if (args.l) url.searchParams.set('regionLevel', args.l);
  for (const [k, v] of Object.entries(args.f ?? {}))
    url.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return url.toString();
}

/** Fetches the CSV with the login's bearer token: status, content type, raw body bytes. */
export async function fetchCsv(app: TestApp, as: string | null, args: AggregateArgs) {
  const res = await fetch(csvUrl(app, args), {
    headers: as ? { authorization: `Bearer ${await app.tokenFor(as)}` } : {},
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes };
}

/** A CSV body (RFC 4180, as csv-stringify writes it) into records keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) {
      cell += ch;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n') {
      endCell();
      records.push(row);
      row = [];
    }
  }
  if (cell.length > 0 || row.length > 0) {
    endCell();
    records.push(row);
  }
  const [header, ...body] = records;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** `fundWeightedScore` → `fund_weighted_score`. */
export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
