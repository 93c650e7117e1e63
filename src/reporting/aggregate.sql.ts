import { RegionLevel } from '../auth/principal-kinds';
import { AggregateDimension, type AggregateRequest } from './aggregate.model';

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
const STATS = (indicators: string) => `
  count(*) FILTER (WHERE f.in_force)::int AS goal_count,
  COALESCE(sum(${indicators}) FILTER (WHERE f.in_force), 0)::int AS indicator_count,
  COALESCE(sum(f.budgeted) FILTER (WHERE f.in_force), 0)::text AS budgeted,
  COALESCE(sum(f.in_place) FILTER (WHERE f.in_force), 0)::text AS in_place,
  COALESCE(sum(f.spent) FILTER (WHERE f.in_force), 0)::text AS spent,
  count(*) FILTER (WHERE f.in_force AND f.monitored)::int AS monitored_count,
  count(*) FILTER (WHERE f.in_force AND f.flagged)::int AS flagged_count,
  count(*) FILTER (WHERE f.in_force AND f.self_evaluated)::int AS self_evaluated_count,
  count(*) FILTER (WHERE f.in_force AND f.evaluated)::int AS evaluated_count,
  count(f.self_total) FILTER (WHERE f.in_force)::int AS scored_count,
  COALESCE(sum(f.self_total) FILTER (WHERE f.in_force), 0)::text AS score_sum,
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.self_total IS NOT NULL), 0)::text AS scored_weight,
  COALESCE(sum(f.weight * f.self_total) FILTER (WHERE f.in_force), 0)::text AS weighted_total,
  count(*)::int AS live_count,
  COALESCE(sum(f.weight), 0)::text AS live_weight,
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force), 0)::text AS force_weight,
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.monitored), 0)::text AS monitored_weight,
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.self_evaluated), 0)::text AS self_evaluated_weight,
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.evaluated), 0)::text AS evaluated_weight`;

/** The same statistics summed over region cells (migration ReportingRegionCells1763894100000). */
const CELL_STATS = [
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
]
  .map((c) => `COALESCE(sum(f.${c}), 0)::${c.endsWith('_count') ? 'int' : 'text'} AS ${c}`)
  .join(',\n  ');

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

/** The statement for a validated request (aggregate.engine.ts validates; nothing here trusts input as SQL). */
export function aggregateSql(req: AggregateRequest, reach: AggregateReach): AggregateSql {
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
  const stats = cells
    ? CELL_STATS
    : STATS(
        byCategory
          ? 'c.n'
          : 'f.common_indicators + f.output_indicators + f.benefit_indicators + f.satisfaction_indicators',
      );
  const from = cells
    ? 'reporting_region_cell f'
    : `reporting_goal_fact f${byCategory ? ` CROSS JOIN LATERAL ${CATEGORIES}` : ''}`;
  const inner = `SELECT ${[...select, stats].join(', ')}
    FROM ${from}
   WHERE ${where.join(' AND ')} ${groupBy}`;

  // Names after grouping (current names; one join per named dimension).
  const outer = ['s.*'];
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
  const orderBy = order.length > 0 ? `ORDER BY ${order.map((o) => `${o} NULLS LAST`).join(', ')}` : '';
  const sql = `SELECT ${outer.join(', ')} FROM (${inner}) s ${joins.join(' ')} ${orderBy}`;
  return { sql, params };
}
