import { columnsOf, type AggregateRequest, type AggregateRowData } from './aggregate.model';
import { aggregateParts, orderClause, type AggregateReach, type AggregateSql } from './aggregate.sql';

/**
 * The table form of an aggregate encoded by PostgreSQL (issue 18, W3): the same groups as aggregateSql,
 * each row a JSON array of its cells in the order of `columnsOf(req)`, the whole table one JSON text that
 * the response embeds as it is (src/common/raw-json.ts). Each cell is the value aggregate.engine.ts
 * `cellReaders` computes from the row form — text as a JSON string, counts and years as numbers, money,
 * rates and scores as exact decimal text (docs/reporting/measures.md) — so the two forms answer the same
 * cells (test/reporting/aggregate-fixtures.ts compares them on every aggregate the tests ask). What it
 * saves is the per-cell work in Node.js: decoding ~17 columns per group, a value per cell, and
 * serialising them again.
 *
 * Rounding: NUMERIC's round() rounds half away from zero, as decimal.js ROUND_HALF_UP does
 * (src/common/decimal.ts); each quotient is taken to 40 decimal places first (the numerator cast to
 * scale 40), as the TypeScript side divides with 40 significant digits, both far closer than the nearest
 * tie of sums of cents.
 */

/** numerator ÷ denominator to 40 decimal places (rounded afterwards to 2 or 4). */
const quotient = (num: string, den: string) => `((${num})::numeric(1000,40) / (${den})::numeric)`;
/** A rate: 4 places half-up; null when there is nothing to divide by (aggregate.engine.ts `ratio`). */
const rate = (num: string, den: string) =>
  `CASE WHEN (${den})::numeric = 0 THEN NULL ELSE round(${quotient(num, den)}, 4)::text END`;
/** A score: 2 places half-up; null when nothing is scored. */
const score = (num: string, den: string) =>
  `CASE WHEN (${den})::numeric = 0 THEN NULL ELSE round(${quotient(num, den)}, 2)::text END`;
/** Exact two-decimal money (aggregate.engine.ts `moneyOf`). */
const money = (expr: string) => `round((${expr})::numeric, 2)::text`;
/**
 * A coverage (DOMAIN §16 全覆盖, aggregate.engine.ts `coverage`): covered money ÷ the population's money;
 * with no money at all 1 when every goal is covered and 0 otherwise; null with no goal.
 */
const coverage = (weight: string, total: string, covered: string, population: string) =>
  `CASE WHEN s.${population} = 0 THEN NULL
    WHEN s.${total}::numeric = 0 THEN CASE WHEN s.${covered} = s.${population} THEN '1.0000' ELSE '0.0000' END
    ELSE round(${quotient(`s.${weight}`, `s.${total}`)}, 4)::text END`;
/** The API's global id (src/common/global-id.ts: base64url of `Type:uuid`, no padding). */
const globalId = (type: string, expr: string) =>
  `translate(encode(convert_to('${type}:' || (${expr})::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/**
 * Each column's cell over the grouped statistics `s` and the joins of aggregateParts: text and integers
 * as they are, decimals as text (json_build_array writes a string, a number or null).
 */
const CELLS: Record<keyof AggregateRowData, string> = {
  cityCode: 'rc.code',
  cityName: 'rc.name',
  districtCode: 'rd.code',
  districtName: 'rd.name',
  townshipCode: 'rt.code',
  townshipName: 'rt.name',
  regionCode: 'rr.code',
  regionName: 'rr.name',
  regionLevel: 'rr.level',
  year: 's.year',
  fundId: globalId('Fund', 's.fund_id'),
  fundName: 'fu.name',
  departmentId: globalId('Organization', 's.department_id'),
  departmentName: 'dp.name',
  sector: 's.sector',
  budgetBook: 's.budget_book',
  goalScope: 's.goal_scope',
  indicatorCategory: 's.indicator_category',
  grade: 's.grade',
  goalCount: 's.goal_count',
  indicatorCount: 's.indicator_count',
  budgeted: money('s.budgeted'),
  inPlace: money('s.in_place'),
  spent: money('s.spent'),
  inPlaceRate: rate('s.in_place', 's.budgeted'),
  executionRate: rate('s.spent', 's.in_place'),
  monitoredCount: 's.monitored_count',
  flaggedCount: 's.flagged_count',
  selfEvaluatedCount: 's.self_evaluated_count',
  evaluatedCount: 's.evaluated_count',
  meanScore: score('s.score_sum', 's.scored_count'),
  fundWeightedScore: score('s.weighted_total', 's.scored_weight'),
  coverageGoal: coverage('force_weight', 'live_weight', 'goal_count', 'live_count'),
  coverageMonitoring: coverage('monitored_weight', 'force_weight', 'monitored_count', 'goal_count'),
  coverageSelfEvaluation: coverage(
    'self_evaluated_weight',
    'force_weight',
    'self_evaluated_count',
    'goal_count',
  ),
  coverageEvaluation: coverage('evaluated_weight', 'force_weight', 'evaluated_count', 'goal_count'),
};

/**
 * One statement answering `row_count` (the groups) and `table_json` (`[[…, …],[…]]`: json_build_array's
 * text per group, the groups in the order of aggregateSql).
 */
export function aggregateTableSql(req: AggregateRequest, reach: AggregateReach): AggregateSql {
  const { params, inner, joins, order } = aggregateParts(req, reach);
  const cells = columnsOf(req).map((c) => CELLS[c.name]);
  const row = `json_build_array(${cells.join(', ')})::text`;
  const sql = `SELECT count(*)::int AS row_count,
       COALESCE('[' || string_agg(${row}, ',' ${orderClause(order)}) || ']', '[]') AS table_json
  FROM (${inner}) s ${joins.join(' ')}`;
  return { sql, params };
}
