import { Client } from 'pg';
import { RegionLevel } from '../../src/auth/principal-kinds';
import { AggregateDimension, AggregateMeasure } from '../../src/reporting/aggregate.model';
import { aggregateTableSql } from '../../src/reporting/aggregate-table.sql';
import { RAW_FUND_TREE_SQL } from '../rollup-queries';

/**
 * Issue 18: the hand-written SQL of the peers benchmark. Each statement runs two ways: directly through
 * `pg` as the API role in a transaction with the tenant set (the raw-SQL limit), and inside a function of
 * the schema `bench_peers` exposed through PostGraphile (what a PostGraphile user writes for a roll-up or a
 * BI aggregate). The functions read the tenant from `jixiao.tenant_id`, like row-level security does.
 * Created by the owner in the bench database only.
 */

/**
 * W1 over the maintained statistics Jixiao itself reads (`rollup_population`, `rollup_coverage`,
 * `rollup_indicator_stat`, kept current by triggers; migration RollupStatistics1763860000000): the big
 * fund's overall roll-up and each regional goal's coverage, the same JSON as RAW_FUND_TREE_SQL (which
 * aggregates ~190,000 project actuals live). Each regional indicator value from its statistics by its
 * aggregation, then the overall indicators from the regional values by theirs. $1 tenant, $2 overall goal.
 */
export const STATS_FUND_TREE_SQL = `
WITH reg AS (
  SELECT r.id, COALESCE(r.annual_amount, 0) AS w
    FROM performance_goal r
   WHERE r.tenant_id = $1 AND r.parent_goal_id = $2 AND r.status IN ('ISSUED', 'FILED_FOR_RECORD')),
pop AS (
  SELECT p.parent_goal_id AS reg_id, p.total FROM rollup_population p JOIN reg ON reg.id = p.parent_goal_id
   WHERE p.tenant_id = $1),
cov AS (
  SELECT c.parent_goal_id AS reg_id, sum(c.counted)::int AS counted, sum(c.budgeted) AS budgeted,
         sum(c.in_place) AS in_place, sum(c.spent) AS spent
    FROM rollup_coverage c JOIN reg ON reg.id = c.parent_goal_id
   WHERE c.tenant_id = $1 GROUP BY c.parent_goal_id),
st AS (
  SELECT s.parent_goal_id AS reg_id, s.indicator_id, sum(s.n) AS n, sum(s.sum) AS s, sum(s.weighted_sum) AS ws,
         sum(s.weight) AS wt, min(s.min) AS mn, max(s.max) AS mx
    FROM rollup_indicator_stat s JOIN reg ON reg.id = s.parent_goal_id
   WHERE s.tenant_id = $1 GROUP BY s.parent_goal_id, s.indicator_id),
regional AS (
  SELECT st.reg_id, ri.parent_indicator_id AS top_id,
         CASE ri.aggregation WHEN 'SUM' THEN st.s WHEN 'MAX' THEN st.mx WHEN 'MIN' THEN st.mn
              WHEN 'AVERAGE' THEN st.s / NULLIF(st.n, 0) WHEN 'FUND_WEIGHTED_AVERAGE' THEN st.ws / NULLIF(st.wt, 0) END AS v
    FROM st JOIN goal_indicator ri ON ri.tenant_id = $1 AND ri.id = st.indicator_id),
top AS (
  SELECT ti.position, CASE ti.aggregation
      WHEN 'SUM' THEN sum(x.v) WHEN 'MAX' THEN max(x.v) WHEN 'MIN' THEN min(x.v) WHEN 'AVERAGE' THEN avg(x.v)
      WHEN 'FUND_WEIGHTED_AVERAGE' THEN sum(reg.w * x.v) / NULLIF(sum(reg.w) FILTER (WHERE x.v IS NOT NULL), 0) END AS v
    FROM goal_indicator ti
    LEFT JOIN regional x ON x.top_id = ti.id
    LEFT JOIN reg ON reg.id = x.reg_id
   WHERE ti.tenant_id = $1 AND ti.goal_id = $2
   GROUP BY ti.tenant_id, ti.id)
SELECT json_build_object(
  'actuals', (SELECT json_agg(round(v, 6)::text ORDER BY position) FROM top),
  'money', (SELECT json_build_object('budgeted', COALESCE(sum(budgeted), 0)::text, 'inPlace', COALESCE(sum(in_place), 0)::text,
                   'spent', COALESCE(sum(spent), 0)::text) FROM cov),
  'coverage', (SELECT json_build_object('counted', count(*) FILTER (WHERE cov.counted > 0), 'total', count(*),
                 'countedMoney', COALESCE(sum(reg.w) FILTER (WHERE cov.counted > 0), 0)::text, 'totalMoney', sum(reg.w)::text)
                 FROM reg LEFT JOIN cov ON cov.reg_id = reg.id),
  'children', (SELECT json_agg(json_build_object('id', reg.id, 'counted', COALESCE(cov.counted, 0), 'total', COALESCE(pop.total, 0)) ORDER BY reg.id)
                 FROM reg LEFT JOIN cov ON cov.reg_id = reg.id LEFT JOIN pop ON pop.reg_id = reg.id)) AS tree`;

/** The question of W3: region level × year × indicator category, the bench/reporting-queries.ts measures. */
export function w3Request(level: RegionLevel, yearFrom: number, yearTo: number) {
  return {
    dimensions: [AggregateDimension.REGION, AggregateDimension.YEAR, AggregateDimension.INDICATOR_CATEGORY],
    measures: [
      AggregateMeasure.GOAL_COUNT,
      AggregateMeasure.INDICATOR_COUNT,
      AggregateMeasure.BUDGETED,
      AggregateMeasure.SPENT,
      AggregateMeasure.SELF_EVALUATED_COUNT,
      AggregateMeasure.MEAN_SCORE,
    ],
    regionLevel: level,
    filter: { yearFrom, yearTo },
  };
}

/**
 * W3 as one statement: the API's own statement for the table form over the maintained region cells
 * (src/reporting/aggregate-table.sql.ts: the groups of aggregate.sql.ts, each row's cells encoded as JSON
 * by PostgreSQL, the mean score rounded half up in SQL), answering `row_count` and `table_json`, every
 * column of the API's answer (the region and its ancestors by code and name). $1 tenant, $2 the city's
 * path prefix, $3/$4 the years.
 */
export function w3Sql(level: RegionLevel): string {
  return aggregateTableSql(w3Request(level, 0, 0), {
    tenantId: '00000000-0000-0000-0000-000000000000',
    withinPath: '/',
    ownOrganizationId: null,
  }).sql;
}

const LEVELS = [RegionLevel.DISTRICT, RegionLevel.TOWNSHIP] as const;

/** `$1` → the tenant setting, `$n` → the function's argument n−1 (the API's statements take the tenant first). */
const asFunctionBody = (sql: string) =>
  sql.replace(/\$(\d+)/g, (_m, n: string) => (n === '1' ? `jixiao_current_tenant()` : `$${Number(n) - 1}`));

/**
 * The functions PostGraphile exposes (Query.fundTreeStats, Query.fundTreeFacts, Query.aggregateDistrict,
 * Query.aggregateTownship), created in `bench_peers` and executable by the API role only.
 */
export async function installPeerFunctions(ownerUrl: string): Promise<void> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query(`DROP SCHEMA IF EXISTS bench_peers CASCADE`);
    await db.query(`CREATE SCHEMA bench_peers`);
    await db.query(
      `COMMENT ON SCHEMA bench_peers IS 'Issue 18 bench: hand-written SQL exposed through PostGraphile'`,
    );
    for (const [name, sql] of [
      ['fund_tree_stats', STATS_FUND_TREE_SQL],
      ['fund_tree_facts', RAW_FUND_TREE_SQL],
    ] as const) {
      await db.query(`CREATE FUNCTION bench_peers.${name}(overall uuid) RETURNS json
        LANGUAGE sql STABLE AS $fn$ ${asFunctionBody(sql)} $fn$`);
    }
    // PL/pgSQL with EXECUTE: planned for the actual arguments on every call. As a LANGUAGE sql function
    // its statement had one generic plan, and with the region names joined (every column of the API's
    // answer) under row-level security that plan took ~45 ms against ~13 ms (measured on the city).
    for (const level of LEVELS) {
      await db.query(`CREATE FUNCTION bench_peers.aggregate_${level.toLowerCase()}(within_path text, year_from int, year_to int)
        RETURNS json LANGUAGE plpgsql STABLE AS $fn$
        DECLARE answer json;
        BEGIN
          EXECUTE $q$ SELECT t.table_json::json FROM (${asFunctionBody(w3Sql(level))}) t $q$
            INTO answer USING within_path, year_from, year_to;
          RETURN answer;
        END $fn$`);
    }
    await db.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA bench_peers FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA bench_peers TO jixiao_app`);
    await db.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bench_peers TO jixiao_app`);
  } finally {
    await db.end();
  }
}

/** The city's materialized path (the `within` of the API's reach for the city finance bureau). */
export async function cityPath(ownerUrl: string, tenantId: string, cityCode: string): Promise<string> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ path: string }>(
      `SELECT path FROM region WHERE tenant_id = $1 AND code = $2`,
      [tenantId, cityCode],
    );
    return rows[0].path;
  } finally {
    await db.end();
  }
}
