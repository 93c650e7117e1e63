/**
 * Issue 14 scenarios (bench/reporting-bench.ts): the BI aggregate by region level × year × indicator
 * category over five years (GraphQL and CSV, DOMAIN §16), a district report with four previous years,
 * and the hand-written aggregate over the base tables that the API's maintained facts are compared with.
 */

export const DIMENSIONS = ['REGION', 'YEAR', 'INDICATOR_CATEGORY'] as const;
export const MEASURES = [
  'GOAL_COUNT',
  'INDICATOR_COUNT',
  'BUDGETED',
  'SPENT',
  'SELF_EVALUATED_COUNT',
  'MEAN_SCORE',
] as const;

export const AGGREGATE = `query Aggregate($level: RegionLevel!, $from: Int!, $to: Int!) {
  aggregate(dimensions: [REGION, YEAR, INDICATOR_CATEGORY],
            measures: [GOAL_COUNT, INDICATOR_COUNT, BUDGETED, SPENT, SELF_EVALUATED_COUNT, MEAN_SCORE],
            regionLevel: $level, filter: { yearFrom: $from, yearTo: $to }) {
    rowCount
    rows { regionCode year indicatorCategory goalCount indicatorCount budgeted spent selfEvaluatedCount meanScore }
  }
}`;

export interface AggregateData {
  aggregate: { rowCount: number; rows: Record<string, string | number | null>[] };
}

const FIGURES = `goals { goalCount indicatorCount }
  money { budgeted inPlace spent inPlaceRate executionRate }
  monitoring { monitoredCount flaggedCount }
  evaluation { selfEvaluatedCount evaluatedCount meanScore fundWeightedScore
               gradeDistribution { excellent good fair poor } }
  coverage { goal monitoring selfEvaluation evaluation }`;

export const REGION_REPORT = `query RegionReport($code: String!, $year: Int!) {
  regionReport(regionCode: $code, year: $year, previousYears: 4) {
    year years
    region { code name level figures { ${FIGURES} } years { year figures { ${FIGURES} } }
             changes { fromYear toYear change { ${FIGURES} } } }
    children { code name path parentCode depth figures { ${FIGURES} }
               changes { fromYear toYear change { money { spent executionRate } } } }
    ranking(by: MEAN_SCORE) { measure rankedCount tieGroups entries { code rank tied tieSize value } }
  }
}`;

export interface RegionReportData {
  regionReport: { years: number[]; children: unknown[] } | null;
}

/** `GET /reports/aggregate.csv` of the same question (DOMAIN §16: same jurisdiction, UTF-8 with BOM). */
export function csvPath(level: string, from: number, to: number): string {
  const q = new URLSearchParams({
    dimensions: DIMENSIONS.join(','),
    measures: MEASURES.join(','),
    regionLevel: level,
    yearFrom: String(from),
    yearTo: String(to),
  });
  return `/reports/aggregate.csv?${q.toString()}`;
}

/**
 * The same question by ONE hand-written statement over the raw base tables (performance_goal,
 * goal_indicator, evaluation; as the API role under row-level security, tenant set), recomputed from
 * every row on each call (a path `/id/…/id/` is under a node when it starts with the node's): regions of `$2` level within the tenant, years `$3`–`$4`, by indicator
 * category. Money and scores per goal are counted once per category the goal has indicators in.
 * It answers the same shape; the API's definitions (coverage, which statuses count) are D's, so the
 * figures are not asserted equal here — test/reporting/ does that.
 */
export const RAW_AGGREGATE_SQL = `
WITH nodes AS (
  SELECT r.code, r.path FROM region r WHERE r.tenant_id = $1 AND r.level = $2
), goal_cat AS (
  SELECT g.id, g.year, g.region_path, g.annual_amount, i.category, count(*) AS indicators
    FROM performance_goal g
    JOIN goal_indicator i ON i.tenant_id = g.tenant_id AND i.goal_id = g.id
   WHERE g.tenant_id = $1 AND g.year BETWEEN $3 AND $4 AND g.status = 'ISSUED'
   GROUP BY g.id, g.year, g.region_path, g.annual_amount, i.category
)
SELECT n.code AS region_code, gc.year, gc.category AS indicator_category,
       count(*)::int AS goal_count, sum(gc.indicators)::int AS indicator_count,
       sum(gc.annual_amount)::text AS budgeted, sum(e.spent)::text AS spent,
       count(e.id)::int AS self_evaluated_count, round(avg(e.total), 2)::text AS mean_score
  FROM goal_cat gc
  JOIN nodes n ON gc.region_path LIKE n.path || '%'
  LEFT JOIN evaluation e ON e.tenant_id = $1 AND e.goal_id = gc.id AND e.kind = 'SELF'
       AND e.status IN ('SUBMITTED', 'REVIEWED')
 GROUP BY n.code, gc.year, gc.category
 ORDER BY n.code, gc.year, gc.category`;
