import { hasSubtreeJurisdiction } from '../auth/principal';
import { RegionLevel } from '../auth/principal-kinds';
import { ErrorCode, msg } from '../common/errors';
import { Decimal, money, roundHalfUp } from '../common/decimal';
import { idOfType, toGlobalId } from '../common/global-id';
import { refusal } from '../common/refusal';
import type { RequestContext } from '../common/request-context';
import {
  AggregateDimension,
  AggregateMeasure,
  columnsOf,
  emptyRow,
  snakeCase,
  MEASURE_COLUMNS,
  MAX_YEAR_SPAN,
  type AggregateRequest,
  type AggregateRowData,
} from './aggregate.model';
import { tableOverCells } from './aggregate-cache';
import { aggregateTableSql } from './aggregate-table.sql';
import { aggregateSql, answeredByCells, type AggregateReach, type AggregateSql } from './aggregate.sql';

/**
 * 汇总分析 — the BI aggregate (DOMAIN §16, issue 14): flat rows over the maintained reporting facts,
 * within the caller's jurisdiction exactly as the rest of the API (P6, DOMAIN §11 "Who sees what").
 * Two statements whatever the size: the `within` region, then the grouped facts.
 */

const NO_ID = '00000000-0000-0000-0000-000000000000';

const RANK: Record<RegionLevel, number> = { CITY: 0, DISTRICT: 1, TOWNSHIP: 2 };

const bad = (reason: string, field: string[], zh: string, en: string) =>
  refusal(ErrorCode.BAD_USER_INPUT, field, msg(zh, en), { reason });

/** Unknown names, a missing level, a year range over the limit: clear errors with stable reasons. */
export function validateAggregate(req: AggregateRequest): AggregateRequest {
  const dims = Object.values(AggregateDimension) as string[];
  const measures = Object.values(AggregateMeasure) as string[];
  const unknownDim = req.dimensions.find((d) => !dims.includes(d));
  if (unknownDim !== undefined)
    throw bad(
      'UNKNOWN_DIMENSION',
      ['dimensions'],
      `未知的维度：${unknownDim}`,
      `Unknown dimension: ${unknownDim}`,
    );
  const unknownMeasure = req.measures.find((m) => !measures.includes(m));
  if (unknownMeasure !== undefined)
    throw bad(
      'UNKNOWN_MEASURE',
      ['measures'],
      `未知的指标量：${unknownMeasure}`,
      `Unknown measure: ${unknownMeasure}`,
    );
  if (req.measures.length === 0)
    throw bad('NO_MEASURE', ['measures'], '请至少选择一个指标量', 'Ask for at least one measure');
  if (req.regionLevel && !(req.regionLevel in RANK))
    throw bad('UNKNOWN_REGION_LEVEL', ['regionLevel'], '未知的区划层级', 'Unknown region level');
  if (req.dimensions.includes(AggregateDimension.REGION) && !req.regionLevel)
    throw bad(
      'REGION_LEVEL_REQUIRED',
      ['regionLevel'],
      '按区划汇总时须给出区划层级（regionLevel）',
      'The REGION dimension needs a regionLevel',
    );
  const { yearFrom, yearTo } = req.filter ?? {};
  if (yearFrom != null && yearTo != null && yearFrom > yearTo)
    throw bad(
      'YEAR_RANGE_REVERSED',
      ['filter', 'yearFrom'],
      '起始年度晚于截止年度',
      'yearFrom is after yearTo',
    );
  const span = yearFrom != null && yearTo != null ? yearTo - yearFrom + 1 : null;
  if (span === null && (yearFrom != null || yearTo != null))
    throw bad(
      'YEAR_RANGE_OPEN',
      ['filter', yearFrom == null ? 'yearFrom' : 'yearTo'],
      `年度范围须同时给出起止年度（最多 ${MAX_YEAR_SPAN} 年）`,
      `Give both yearFrom and yearTo (at most ${MAX_YEAR_SPAN} years)`,
    );
  if (span !== null && span > MAX_YEAR_SPAN)
    throw bad(
      'YEAR_RANGE_TOO_LONG',
      ['filter', 'yearTo'],
      `年度范围最多 ${MAX_YEAR_SPAN} 年`,
      `The year range spans at most ${MAX_YEAR_SPAN} years`,
    );
  return {
    ...req,
    dimensions: [...new Set(req.dimensions)],
    measures: [...new Set(req.measures)],
  };
}

/** A region named by code inside the caller's subtree (P6), or undefined. */
async function regionWithin(
  ctx: RequestContext,
  code: string,
): Promise<{ path: string; level: RegionLevel } | undefined> {
  const caller = ctx.scope.caller;
  const em = await ctx.scope.manager();
  const rows = await em.query<{ path: string; level: RegionLevel }[]>(
    `SELECT path, level FROM region WHERE tenant_id = $1 AND code = $2 AND path LIKE $3`,
    [caller.tenantId, code, `${caller.regionPath}%`],
  );
  return rows[0];
}

/**
 * The caller's reach (P6): `within` must lie in the caller's subtree — otherwise it reads exactly like a
 * region that does not exist (NOT_FOUND); a level above the caller's own is refused (a township's figures
 * presented as a district's total, or a sibling's by subtraction, DOMAIN §11 "Who sees what").
 */
export async function aggregateReach(ctx: RequestContext, req: AggregateRequest): Promise<AggregateReach> {
  const caller = ctx.scope.caller;
  const code = req.filter?.within ?? null;
  // Without `within`, the caller's own region, as the principal loaded for this request has it (issue 18:
  // one statement fewer per BI request).
  const within =
    code === null ? { path: caller.regionPath, level: caller.regionLevel } : await regionWithin(ctx, code);
  if (!within) throw refusal.notFound(msg('找不到该区划', 'No such region'), ['filter', 'within']);
  if (req.regionLevel && RANK[req.regionLevel] < RANK[within.level]) {
    if (RANK[req.regionLevel] < RANK[caller.regionLevel])
      throw refusal(
        ErrorCode.FORBIDDEN,
        ['regionLevel'],
        msg(
          '不能按高于本辖区的区划层级汇总（只能看到本辖区的数据）',
          'You cannot aggregate at a level above your own region (you see your jurisdiction only)',
        ),
        { reason: 'LEVEL_ABOVE_JURISDICTION', principle: 'P6' },
      );
    throw bad(
      'LEVEL_ABOVE_WITHIN',
      ['regionLevel'],
      '区划层级不能高于所选区划（within）的层级',
      'The region level cannot be above the level of the region given in within',
    );
  }
  return {
    tenantId: caller.tenantId,
    withinPath: within.path,
    ownOrganizationId: hasSubtreeJurisdiction(caller) ? null : caller.organizationId,
  };
}

/** Validates, resolves the reach and builds the statement (shared by GraphQL and the CSV stream). */
export async function prepareAggregate(
  ctx: RequestContext,
  request: AggregateRequest,
): Promise<{ req: AggregateRequest; statement: AggregateSql }> {
  const req = validateAggregate(request);
  return { req, statement: aggregateSql(...(await reachOf(ctx, req))) };
}

/** The request with the filter's global ids as uuids, and the caller's reach (both statements' input). */
async function reachOf(
  ctx: RequestContext,
  req: AggregateRequest,
): Promise<[AggregateRequest, AggregateReach]> {
  const reach = await aggregateReach(ctx, req);
  // Ids are the API's global ids (node(id)); one that names no fund or department matches nothing.
  const uuids = (ids: readonly string[] | null | undefined, type: string) =>
    ids ? ids.map((id) => idOfType(id, type) ?? NO_ID) : ids;
  const filter = req.filter
    ? {
        ...req.filter,
        fundIds: uuids(req.filter.fundIds, 'Fund'),
        departmentIds: uuids(req.filter.departmentIds, 'Organization'),
      }
    : req.filter;
  return [{ ...req, filter }, reach];
}

/** The grouped statistics of an aggregate as the statement answers them, one object per group. */
export interface AggregateResultRows {
  req: AggregateRequest;
  raw: Record<string, unknown>[];
}

/**
 * The grouped statistics of an aggregate. `maxRows` (GraphQL) refuses a larger answer rather than
 * truncating it silently: the CSV route streams any number of rows.
 */
export async function queryAggregate(
  ctx: RequestContext,
  request: AggregateRequest,
  options: { maxRows?: number } = {},
): Promise<AggregateResultRows> {
  const { req, statement } = await prepareAggregate(ctx, request);
  const em = await ctx.scope.manager();
  const limit = options.maxRows ? ` LIMIT ${Math.floor(options.maxRows) + 1}` : '';
  const raw = await em.query<Record<string, unknown>[]>(statement.sql + limit, statement.params);
  if (options.maxRows && raw.length > options.maxRows) throw tooManyRows(options.maxRows);
  return { req, raw };
}

const tooManyRows = (maxRows: number) =>
  bad(
    'TOO_MANY_ROWS',
    ['dimensions'],
    `结果超过 ${maxRows} 行：请缩小范围或使用 CSV 导出（/reports/aggregate.csv）`,
    `More than ${maxRows} rows: narrow the request or use the CSV export (/reports/aggregate.csv)`,
  );

/** The table form encoded by PostgreSQL (aggregate-table.sql.ts): the groups' count and the JSON text. */
export interface AggregateTableJson {
  req: AggregateRequest;
  rowCount: number;
  json: string;
}

/**
 * The table form only (issue 18, W3): the same validation, reach and groups as queryAggregate, with the
 * cells encoded as JSON by the statement. Refuses more than `maxRows` groups as queryAggregate does.
 */
export async function queryAggregateTable(
  ctx: RequestContext,
  request: AggregateRequest,
  options: { maxRows: number },
): Promise<AggregateTableJson> {
  const req = validateAggregate(request);
  const [asked, reach] = await reachOf(ctx, req);
  const statement = aggregateTableSql(asked, reach);
  // Over the region cells: reused while no cell or region changed (aggregate-cache.ts, issue 18).
  if (answeredByCells(asked, reach)) {
    const table = await tableOverCells(ctx, statement);
    if (table.rowCount > options.maxRows) throw tooManyRows(options.maxRows);
    return { req, rowCount: table.rowCount, json: table.json };
  }
  const em = await ctx.scope.manager();
  const [answer] = await em.query<{ row_count: number; table_json: string }[]>(
    statement.sql,
    statement.params,
  );
  if (answer.row_count > options.maxRows) throw tooManyRows(options.maxRows);
  return { req, rowCount: answer.row_count, json: answer.table_json };
}

/** The rows of an aggregate (see queryAggregate). */
export async function runAggregate(
  ctx: RequestContext,
  request: AggregateRequest,
  options: { maxRows?: number } = {},
): Promise<AggregateRowData[]> {
  return rowsOf(await queryAggregate(ctx, request, options));
}

/** The answer as flat rows (AggregateRow), one per group. */
export function rowsOf({ req, raw }: AggregateResultRows): AggregateRowData[] {
  return raw.map(rowReader(req));
}

const d = (v: unknown): Decimal => new Decimal(String(v ?? '0'));
const rate = (q: Decimal): string => roundHalfUp(q, 4).toFixed(4);

/** num ÷ den as a 4-decimal fraction; null when there is nothing to divide by. */
function ratio(num: Decimal, den: Decimal): string | null {
  return den.isZero() ? null : rate(num.div(den));
}

/**
 * A coverage (DOMAIN §16 全覆盖; as the roll-up's money share, DOMAIN §11): covered money ÷ money of the
 * population; with no money at all, 1 when every goal is covered and 0 otherwise; null with no goal.
 */
function coverage(weight: Decimal, total: Decimal, covered: number, population: number): string | null {
  if (population === 0) return null;
  if (total.isZero()) return rate(new Decimal(covered === population ? 1 : 0));
  return rate(weight.div(total));
}

/** Exact two-decimal text of a money sum ("12" → "12.00", "12.5" → "12.50"): money() without a Decimal. */
const MONEY_TEXT = /^-?\d+(\.\d{1,2})?$/;
function moneyOf(v: unknown): string {
  const s = String(v ?? '0');
  if (!MONEY_TEXT.test(s)) return money(d(s));
  const dot = s.indexOf('.');
  return dot < 0 ? `${s}.00` : s.length - dot === 2 ? `${s}0` : s;
}

/**
 * The row with every column null (a copy of one template: no per-row column lists). The template is itself
 * a copy of `emptyRow()`: that one is built key by key and V8 keeps such an object as a dictionary, which
 * made every row's copy ~10× slower (issue 18: 4 ms of a 483-row aggregate); a spread copy has fast
 * properties and is cloned by V8's fast path.
 */
let template: AggregateRowData | null = null;
const blankRow = (): AggregateRowData => ({ ...(template ??= { ...emptyRow() }) });

/** One measure of a grouped row (docs/reporting/measures.md). */
function measureValue(m: AggregateMeasure, r: Record<string, unknown>): unknown {
  const n = (k: string) => Number(r[k] ?? 0);
  switch (m) {
    case AggregateMeasure.GOAL_COUNT:
      return n('goal_count');
    case AggregateMeasure.INDICATOR_COUNT:
      return n('indicator_count');
    case AggregateMeasure.BUDGETED:
      return moneyOf(r.budgeted);
    case AggregateMeasure.IN_PLACE:
      return moneyOf(r.in_place);
    case AggregateMeasure.SPENT:
      return moneyOf(r.spent);
    case AggregateMeasure.IN_PLACE_RATE:
      return ratio(d(r.in_place), d(r.budgeted));
    case AggregateMeasure.EXECUTION_RATE:
      return ratio(d(r.spent), d(r.in_place));
    case AggregateMeasure.MONITORED_COUNT:
      return n('monitored_count');
    case AggregateMeasure.FLAGGED_COUNT:
      return n('flagged_count');
    case AggregateMeasure.SELF_EVALUATED_COUNT:
      return n('self_evaluated_count');
    case AggregateMeasure.EVALUATED_COUNT:
      return n('evaluated_count');
    case AggregateMeasure.MEAN_SCORE:
      // Rounded by the statement (aggregate.sql.ts) when it gives `mean_score`.
      if (r.mean_score !== undefined) return r.mean_score === null ? null : String(r.mean_score);
      return n('scored_count') === 0
        ? null
        : roundHalfUp(d(r.score_sum).div(n('scored_count')), 2).toFixed(2);
    case AggregateMeasure.FUND_WEIGHTED_SCORE:
      return d(r.scored_weight).isZero()
        ? null
        : roundHalfUp(d(r.weighted_total).div(d(r.scored_weight)), 2).toFixed(2);
    case AggregateMeasure.COVERAGE_GOAL:
      return coverage(d(r.force_weight), d(r.live_weight), n('goal_count'), n('live_count'));
    case AggregateMeasure.COVERAGE_MONITORING:
      return coverage(d(r.monitored_weight), d(r.force_weight), n('monitored_count'), n('goal_count'));
    case AggregateMeasure.COVERAGE_SELF_EVALUATION:
      return coverage(
        d(r.self_evaluated_weight),
        d(r.force_weight),
        n('self_evaluated_count'),
        n('goal_count'),
      );
    case AggregateMeasure.COVERAGE_EVALUATION:
      return coverage(d(r.evaluated_weight), d(r.force_weight), n('evaluated_count'), n('goal_count'));
    default:
      return null;
  }
}

/** Reads one cell of a grouped row: a column of `columnsOf(req)`. */
export type CellReader = (r: Record<string, unknown>) => unknown;

const textOf =
  (key: string): CellReader =>
  (r) =>
    r[key] == null ? null : String(r[key]);
const globalOf =
  (type: string, key: string): CellReader =>
  (r) =>
    r[key] == null ? null : toGlobalId(type, String(r[key]));

/** The dimension columns whose cell is not the text of the snake_case column (aggregate.sql.ts). */
const SPECIAL_CELLS: Record<string, CellReader> = {
  year: (r) => (r.year == null ? null : Number(r.year)),
  fundId: globalOf('Fund', 'fund_id'),
  departmentId: globalOf('Organization', 'department_id'),
};

/**
 * How each column of the answer is read from a grouped row, in the order of `columnsOf(req)`: dimensions
 * as grouped, measures as asked (docs/reporting/measures.md). One list per request, so the table form
 * reads its cells straight from the statement's rows (issue 18: no row object per group).
 */
export function cellReaders(req: AggregateRequest): CellReader[] {
  const measures = new Map(req.measures.map((m) => [MEASURE_COLUMNS[m].name, m]));
  return columnsOf(req).map((c) => {
    const m = measures.get(c.name);
    if (m !== undefined) return (r: Record<string, unknown>) => measureValue(m, r);
    return SPECIAL_CELLS[c.name] ?? textOf(snakeCase(c.name));
  });
}

/** The answer as a table: each row's cells in the order of `columnsOf(req)` (AggregateTable). */
export function tableOf({ req, raw }: AggregateResultRows): unknown[][] {
  const readers = cellReaders(req);
  const table = new Array<unknown[]>(raw.length);
  for (let i = 0; i < raw.length; i += 1) {
    const cells = new Array<unknown>(readers.length);
    for (let j = 0; j < readers.length; j += 1) cells[j] = readers[j](raw[i]);
    table[i] = cells;
  }
  return table;
}

/**
 * Reads grouped rows of statistics into flat rows: the columns of the request filled, every other field
 * null. A plain object of strings, numbers and nulls, so GraphQL resolves its fields with the default
 * resolver and the CSV writes it as is (issue 14 bench: per-row Decimals and closures dominated the
 * TOWNSHIP aggregate).
 */
export function rowReader(req: AggregateRequest): (r: Record<string, unknown>) => AggregateRowData {
  const readers = cellReaders(req);
  const names = columnsOf(req).map((c) => c.name);
  return (r) => {
    const row = blankRow() as unknown as Record<string, unknown>;
    for (let j = 0; j < readers.length; j += 1) row[names[j]] = readers[j](r);
    return row as unknown as AggregateRowData;
  };
}
