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

/**
 * The same question in the table form (issue 14): `columns` and one `table` leaf instead of ~21,700 typed
 * cells at TOWNSHIP; what the bench times (the first request of each level still checks the typed rows).
 */
export const AGGREGATE_TABLE = `query AggregateTable($level: RegionLevel!, $from: Int!, $to: Int!) {
  aggregate(dimensions: [REGION, YEAR, INDICATOR_CATEGORY],
            measures: [GOAL_COUNT, INDICATOR_COUNT, BUDGETED, SPENT, SELF_EVALUATED_COUNT, MEAN_SCORE],
            regionLevel: $level, filter: { yearFrom: $from, yearTo: $to }) {
    rowCount
    columns { name }
    table
  }
}`;

export interface AggregateTableData {
  aggregate: { rowCount: number; columns: { name: string }[]; table: (string | number | null)[][] };
}

/** The table form's rows as objects keyed by column name (for the row-for-row checks). */
export function tableRows(data: AggregateTableData): Record<string, string | number | null>[] {
  const names = data.aggregate.columns.map((c) => c.name);
  return data.aggregate.table.map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i]])));
}

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
 * Longer CSVs for the memory check: LONG (×~7 the TOWNSHIP rows) by township, year, department, category
 * and grade; XL adds the fund (×~30, read from the goal facts, not the region cells).
 */
export function csvPathLong(from: number, to: number, withFund = false): string {
  const q = new URLSearchParams({
    dimensions: `REGION,YEAR,${withFund ? 'FUND,' : ''}DEPARTMENT,INDICATOR_CATEGORY,GRADE`,
    measures: MEASURES.join(','),
    regionLevel: 'TOWNSHIP',
    yearFrom: String(from),
    yearTo: String(to),
  });
  return `/reports/aggregate.csv?${q.toString()}`;
}

/**
 * The same question by ONE hand-written statement over the raw base tables (performance_goal, region,
 * goal_indicator, evaluation, goal_execution — never `reporting_goal_fact`), as the API role under
 * row-level security with the tenant set, recomputed from every row on each call. Same definitions as
 * the API (docs/reporting/measures.md): live goals (not superseded, withdrawn, rejected) make a row,
 * measures count goals in force (issued or filed); a goal sits at its region's ancestor of level `$2`
 * (or at its own region when that is above); a goal counts once in each category it has indicators in;
 * money from the submitted/reviewed self-evaluation, else the year's executions; mean score half-up to
 * 2 decimals. The bench checks its rows equal the API's row for row (checkRawEqualsApi).
 */
export const RAW_AGGREGATE_SQL = `
WITH live AS (
  SELECT g.id, g.year, g.status IN ('ISSUED', 'FILED_FOR_RECORD') AS in_force,
         (string_to_array(btrim(r.path, '/'), '/'))[least(
            CASE $2::text WHEN 'CITY' THEN 1 WHEN 'DISTRICT' THEN 2 ELSE 3 END,
            cardinality(string_to_array(btrim(r.path, '/'), '/')))]::uuid AS node_id
    FROM performance_goal g
    JOIN region r ON r.tenant_id = g.tenant_id AND r.id = g.region_id
   WHERE g.tenant_id = $1 AND g.year BETWEEN $3 AND $4
     AND g.status NOT IN ('SUPERSEDED', 'WITHDRAWN', 'REJECTED')
), money AS (
  SELECT l.*, se.id IS NOT NULL AS self_evaluated, se.total,
         CASE WHEN se.id IS NOT NULL THEN COALESCE(se.budgeted, 0) ELSE COALESCE(x.budgeted, 0) END AS budgeted,
         CASE WHEN se.id IS NOT NULL THEN COALESCE(se.spent, 0) ELSE COALESCE(x.spent, 0) END AS spent
    FROM live l
    LEFT JOIN evaluation se ON se.tenant_id = $1 AND se.goal_id = l.id AND se.kind = 'SELF'
         AND se.status IN ('SUBMITTED', 'REVIEWED')
    LEFT JOIN (SELECT e.goal_id, e.year, sum(e.budgeted) AS budgeted, sum(e.spent) AS spent
                 FROM goal_execution e WHERE e.tenant_id = $1 AND e.year BETWEEN $3 AND $4
                GROUP BY e.goal_id, e.year) x ON x.goal_id = l.id AND x.year = l.year
), categories AS (
  SELECT i.goal_id, i.category, count(*) AS n
    FROM goal_indicator i JOIN live l ON l.id = i.goal_id
   WHERE i.tenant_id = $1
   GROUP BY i.goal_id, i.category
)
SELECT n.code AS region_code, m.year, c.category AS indicator_category,
       count(*) FILTER (WHERE m.in_force)::int AS goal_count,
       COALESCE(sum(c.n) FILTER (WHERE m.in_force), 0)::int AS indicator_count,
       COALESCE(sum(m.budgeted) FILTER (WHERE m.in_force), 0)::numeric(18,2)::text AS budgeted,
       COALESCE(sum(m.spent) FILTER (WHERE m.in_force), 0)::numeric(18,2)::text AS spent,
       count(*) FILTER (WHERE m.in_force AND m.self_evaluated)::int AS self_evaluated_count,
       round(avg(m.total) FILTER (WHERE m.in_force), 2)::text AS mean_score
  FROM money m
  JOIN categories c ON c.goal_id = m.id
  JOIN region n ON n.tenant_id = $1 AND n.id = m.node_id
 GROUP BY n.code, m.year, c.category
 ORDER BY n.code, m.year, c.category`;
