import { RegionLevel } from '../auth/principal-kinds';
import { AggregateDimension, AggregateMeasure, type AggregateRequest } from './aggregate.model';

/**
 * The one SQL statement of an aggregate (DOMAIN §16, issue 14): the maintained facts
 * (`reporting_goal_fact`, migration ReportingFacts1763891000000) of the caller's reach, grouped by the
 * dimensions, each group summed exactly in NUMERIC. Every division happens afterwards in TypeScript on the
 * exact sums (aggregate.engine.ts), so a rate or a coverage is never an average of rounded values.
 */

/** Where the facts are read: the tenant, the `within` subtree, and for units their own goals only (P6). */
export interface AggregateReach {
  tenantId: string;
  /** Materialized path of the `within` region (`/city/district/…/`): its subtree, by one indexed predicate. */
  withinPath: string;
  /** Set for implementing units and third parties: only goals they drafted or whose project they implement. */
  ownOrganizationId: string | null;
}

export interface AggregateSql {
  sql: string;
  params: unknown[];
}

const CATEGORIES = `(VALUES ('COMMON', f.common_indicators), ('OUTPUT', f.output_indicators),
  ('BENEFIT', f.benefit_indicators), ('SATISFACTION', f.satisfaction_indicators)) c(category, n)`;

/** The region of a fact at a level: its ancestor at that level, or its own region when it sits above. */
function regionKeys(level: RegionLevel): string[] {
  if (level === RegionLevel.CITY) return ['f.city_id'];
  if (level === RegionLevel.DISTRICT) return ['f.city_id', 'f.district_id'];
  return ['f.city_id', 'f.district_id', 'f.township_id'];
}

/** The sufficient statistics of a group (docs/reporting/measures.md); `live` = every live goal's row. */
const STAT_EXPRESSIONS = (indicators: string): Record<Stat, string> => ({
  goal_count: `count(*) FILTER (WHERE f.in_force)::int`,
  indicator_count: `COALESCE(sum(${indicators}) FILTER (WHERE f.in_force), 0)::int`,
  budgeted: `COALESCE(sum(f.budgeted) FILTER (WHERE f.in_force), 0)::text`,
  in_place: `COALESCE(sum(f.in_place) FILTER (WHERE f.in_force), 0)::text`,
  spent: `COALESCE(sum(f.spent) FILTER (WHERE f.in_force), 0)::text`,
  monitored_count: `count(*) FILTER (WHERE f.in_force AND f.monitored)::int`,
  flagged_count: `count(*) FILTER (WHERE f.in_force AND f.flagged)::int`,
  self_evaluated_count: `count(*) FILTER (WHERE f.in_force AND f.self_evaluated)::int`,
  evaluated_count: `count(*) FILTER (WHERE f.in_force AND f.evaluated)::int`,
  scored_count: `count(f.self_total) FILTER (WHERE f.in_force)::int`,
  score_sum: `COALESCE(sum(f.self_total) FILTER (WHERE f.in_force), 0)::text`,
  scored_weight: `COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.self_total IS NOT NULL), 0)::text`,
  weighted_total: `COALESCE(sum(f.weight * f.self_total) FILTER (WHERE f.in_force), 0)::text`,
  live_count: `count(*)::int`,
  live_weight: `COALESCE(sum(f.weight), 0)::text`,
  force_weight: `COALESCE(sum(f.weight) FILTER (WHERE f.in_force), 0)::text`,
  monitored_weight: `COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.monitored), 0)::text`,
  self_evaluated_weight: `COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.self_evaluated), 0)::text`,
  evaluated_weight: `COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.evaluated), 0)::text`,
});

/** The statistics a region cell holds (migration ReportingRegionCells1763894100000), in column order. */
const STATS = [
  'goal_count',
  'indicator_count',
  'budgeted',
  'in_place',
  'spent',
  'monitored_count',
  'flagged_count',
  'self_evaluated_count',
  'evaluated_count',
  'scored_count',
  'score_sum',
  'scored_weight',
  'weighted_total',
  'live_count',
  'live_weight',
  'force_weight',
  'monitored_weight',
  'self_evaluated_weight',
  'evaluated_weight',
] as const;
type Stat = (typeof STATS)[number];

/** Summed over region cells: every statistic is a sum. */
const CELL_EXPRESSION = (c: Stat) => `COALESCE(sum(f.${c}), 0)::${c.endsWith('_count') ? 'int' : 'text'}`;

/**
 * The statistics each measure is computed from (aggregate.engine.ts `rowReader`). Only these are summed: a
 * group's state stays small (issue 14 bench: 19 NUMERIC sums per group made the TOWNSHIP aggregate's
 * hash table spill to disk; bench/RESULTS-reporting.md).
 */
const MEASURE_STATS: Record<AggregateMeasure, readonly Stat[]> = {
  GOAL_COUNT: ['goal_count'],
  INDICATOR_COUNT: ['indicator_count'],
  BUDGETED: ['budgeted'],
  IN_PLACE: ['in_place'],
  SPENT: ['spent'],
  IN_PLACE_RATE: ['in_place', 'budgeted'],
  EXECUTION_RATE: ['spent', 'in_place'],
  MONITORED_COUNT: ['monitored_count'],
  FLAGGED_COUNT: ['flagged_count'],
  SELF_EVALUATED_COUNT: ['self_evaluated_count'],
  EVALUATED_COUNT: ['evaluated_count'],
  MEAN_SCORE: ['scored_count', 'score_sum'],
  FUND_WEIGHTED_SCORE: ['scored_weight', 'weighted_total'],
  COVERAGE_GOAL: ['goal_count', 'live_count', 'live_weight', 'force_weight'],
  COVERAGE_MONITORING: ['goal_count', 'monitored_count', 'force_weight', 'monitored_weight'],
  COVERAGE_SELF_EVALUATION: ['goal_count', 'self_evaluated_count', 'force_weight', 'self_evaluated_weight'],
  COVERAGE_EVALUATION: ['goal_count', 'evaluated_count', 'force_weight', 'evaluated_weight'],
};

/** The statistics the requested measures need, in column order. */
export function statsFor(measures: readonly AggregateMeasure[]): Stat[] {
  const needed = new Set(measures.flatMap((m) => MEASURE_STATS[m] ?? []));
  return STATS.filter((c) => needed.has(c));
}

/** Dimensions and filters the region cells can answer: every statistic is a sum over cells. */
const CELL_DIMENSIONS = new Set<AggregateDimension>([
  AggregateDimension.REGION,
  AggregateDimension.YEAR,
  AggregateDimension.INDICATOR_CATEGORY,
  AggregateDimension.GRADE,
]);

/**
 * Whether the request can be summed from `reporting_region_cell` (the facts pre-summed per region, year,
 * category and grade, kept current by trigger) instead of every goal's fact: the same numbers, a few
 * thousand rows read instead of one per goal (bench/RESULTS-reporting.md).
 */
export function answeredByCells(req: AggregateRequest, reach: AggregateReach): boolean {
  const f = req.filter ?? {};
  const none = (v: readonly string[] | null | undefined) => !v || v.length === 0;
  return (
    reach.ownOrganizationId === null &&
    req.dimensions.every((d) => CELL_DIMENSIONS.has(d)) &&
    none(f.fundIds) &&
    none(f.departmentIds) &&
    none(f.budgetBooks) &&
    none(f.goalScopes)
  );
}

/**
 * The pieces of an aggregate's statement: the grouped statistics `s` (`inner`), the joins that name its
 * groups, the named output columns and the row order. aggregateSql lists them as rows; the table form
 * (aggregate-table.sql.ts) encodes the same groups as JSON text.
 */
export interface AggregateParts {
  params: unknown[];
  inner: string;
  joins: string[];
  outer: string[];
  order: string[];
}

/** The statement for a validated request (aggregate.engine.ts validates; nothing here trusts input as SQL). */
export function aggregateSql(req: AggregateRequest, reach: AggregateReach): AggregateSql {
  const { params, inner, joins, outer, order } = aggregateParts(req, reach);
  const orderBy = orderClause(order);
  const sql = `SELECT ${outer.join(', ')} FROM (${inner}) s ${joins.join(' ')} ${orderBy}`;
  return { sql, params };
}

/** `ORDER BY …` of the groups (empty without dimensions: one row). */
export const orderClause = (order: readonly string[]): string =>
  order.length > 0 ? `ORDER BY ${order.map((o) => `${o} NULLS LAST`).join(', ')}` : '';

/** The parts of the statement (aggregateSql). */
export function aggregateParts(req: AggregateRequest, reach: AggregateReach): AggregateParts {
  const cells = answeredByCells(req, reach);
  const params: unknown[] = [reach.tenantId, `${reach.withinPath}%`];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['f.tenant_id = $1', 'f.region_path LIKE $2'];
  if (reach.ownOrganizationId) {
    const org = p(reach.ownOrganizationId);
    where.push(`(f.drafter_organization_id = ${org} OR f.implementing_unit_id = ${org})`);
  }
  const filter = req.filter ?? {};
  if (filter.yearFrom != null) where.push(`f.year >= ${p(filter.yearFrom)}`);
  if (filter.yearTo != null) where.push(`f.year <= ${p(filter.yearTo)}`);
  const list = (column: string, values: readonly string[] | null | undefined, cast: string) => {
    if (values && values.length > 0) where.push(`${column} = ANY(${p(values)}::${cast})`);
  };
  list('f.fund_id', filter.fundIds, 'uuid[]');
  list('f.department_id', filter.departmentIds, 'uuid[]');
  list('f.budget_book', filter.budgetBooks, 'text[]');
  list('f.scope', filter.goalScopes, 'text[]');
  list(cells ? `NULLIF(f.grade, '')` : 'f.grade', filter.grades, 'text[]');

  const dims = new Set(req.dimensions);
  const byCategory = dims.has(AggregateDimension.INDICATOR_CATEGORY);
  const keys: { expr: string; as: string }[] = [];
  if (dims.has(AggregateDimension.REGION) && req.regionLevel) {
    const names = ['city_id', 'district_id', 'township_id'];
    regionKeys(req.regionLevel).forEach((expr, i) => keys.push({ expr, as: names[i] }));
  }
  const simple: [AggregateDimension, string, string][] = [
    [AggregateDimension.YEAR, 'f.year', 'year'],
    [AggregateDimension.FUND, 'f.fund_id', 'fund_id'],
    [AggregateDimension.DEPARTMENT, 'f.department_id', 'department_id'],
    [AggregateDimension.SECTOR, 'f.sector', 'sector'],
    [AggregateDimension.BUDGET_BOOK, 'f.budget_book', 'budget_book'],
    [AggregateDimension.GOAL_SCOPE, 'f.scope', 'goal_scope'],
    [AggregateDimension.INDICATOR_CATEGORY, cells ? 'f.category' : 'c.category', 'indicator_category'],
    [AggregateDimension.GRADE, cells ? `NULLIF(f.grade, '')` : 'f.grade', 'grade'],
  ];
  for (const [d, expr, as] of simple) if (dims.has(d)) keys.push({ expr, as });
  if (cells) where.push(byCategory ? `f.category <> 'ALL'` : `f.category = 'ALL'`);
  else if (byCategory) where.push('c.n > 0');

  const select = keys.map((k) => `${k.expr} AS ${k.as}`);
  const groupBy = keys.length > 0 ? `GROUP BY ${keys.map((k) => k.expr).join(', ')}` : '';
  const factExpressions = STAT_EXPRESSIONS(
    byCategory
      ? 'c.n'
      : 'f.common_indicators + f.output_indicators + f.benefit_indicators + f.satisfaction_indicators',
  );
  const stats = statsFor(req.measures)
    .map((c) => `${cells ? CELL_EXPRESSION(c) : factExpressions[c]} AS ${c}`)
    .join(',\n  ');
  const from = cells
    ? 'reporting_region_cell f'
    : `reporting_goal_fact f${byCategory ? ` CROSS JOIN LATERAL ${CATEGORIES}` : ''}`;
  const inner = `SELECT ${[...select, stats].join(', ')}
    FROM ${from}
   WHERE ${where.join(' AND ')} ${groupBy}`;

  // Names after grouping (current names; one join per named dimension). Only the columns a row is read
  // from (aggregate.engine.ts): the region ids serve the joins and the mean score's sums the rounding
  // below (issue 18: every column read is decoded by node-postgres, row by row).
  const meanInSql = req.measures.includes(AggregateMeasure.MEAN_SCORE);
  const consumed = new Set(['city_id', 'district_id', 'township_id']);
  if (meanInSql) {
    const others: string[] = statsFor(req.measures.filter((m) => m !== AggregateMeasure.MEAN_SCORE));
    for (const c of ['score_sum', 'scored_count']) if (!others.includes(c)) consumed.add(c);
  }
  const outer = [...keys.map((k) => k.as), ...statsFor(req.measures)]
    .filter((c) => !consumed.has(c))
    .map((c) => `s.${c}`);
  // The mean self-evaluation score in its final shape, half-up to 2 places (DOMAIN §10.6): round() of
  // NUMERIC rounds half away from zero like decimal.js ROUND_HALF_UP, and the quotient of an exact sum by
  // a count is computed to ≥ 16 significant digits, far closer than the nearest tie (≥ 1/(200·count)),
  // so this equals the TypeScript rounding of the exact quotient (aggregate.engine.ts) — without a
  // Decimal per row.
  if (meanInSql)
    outer.push(
      'CASE WHEN s.scored_count = 0 THEN NULL ELSE round(s.score_sum::numeric / s.scored_count, 2)::text END AS mean_score',
    );
  const joins: string[] = [];
  const order: string[] = [];
  const has = (as: string) => keys.some((k) => k.as === as);
  if (has('city_id')) {
    const region = `COALESCE(${['township_id', 'district_id', 'city_id']
      .filter(has)
      .map((k) => `s.${k}`)
      .join(', ')})`;
    for (const [alias, key] of [
      ['rc', 'city_id'],
      ['rd', 'district_id'],
      ['rt', 'township_id'],
    ]) {
      if (!has(key)) continue;
      joins.push(`LEFT JOIN region ${alias} ON ${alias}.tenant_id = $1 AND ${alias}.id = s.${key}`);
      outer.push(
        `${alias}.code AS ${key.replace('_id', '_code')}, ${alias}.name AS ${key.replace('_id', '_name')}`,
      );
    }
    joins.push(`LEFT JOIN region rr ON rr.tenant_id = $1 AND rr.id = ${region}`);
    outer.push('rr.code AS region_code, rr.name AS region_name, rr.level AS region_level');
    order.push('rr.code');
  }
  if (has('year')) order.push('s.year');
  if (has('fund_id')) {
    joins.push('LEFT JOIN fund fu ON fu.tenant_id = $1 AND fu.id = s.fund_id');
    outer.push('fu.name AS fund_name');
    order.push('fu.name', 's.fund_id');
  }
  if (has('department_id')) {
    joins.push('LEFT JOIN organization dp ON dp.tenant_id = $1 AND dp.id = s.department_id');
    outer.push('dp.name AS department_name');
    order.push('dp.name', 's.department_id');
  }
  for (const as of ['sector', 'budget_book', 'goal_scope', 'indicator_category', 'grade'])
    if (has(as)) order.push(`s.${as}`);
  return { params, inner, joins, outer, order };
}
