import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/** The additive statistics of a cell (docs/reporting/measures.md), in the order of CELL_STATS_FROM_FACTS. */
const STAT_COLUMNS = [
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
];

/** The same sums as the aggregate over facts (src/reporting/aggregate.sql.ts STATS), for `c.n` indicators. */
const CELL_STATS_FROM_FACTS = `
  count(*) FILTER (WHERE f.in_force), COALESCE(sum(c.n) FILTER (WHERE f.in_force), 0),
  COALESCE(sum(f.budgeted) FILTER (WHERE f.in_force), 0), COALESCE(sum(f.in_place) FILTER (WHERE f.in_force), 0),
  COALESCE(sum(f.spent) FILTER (WHERE f.in_force), 0),
  count(*) FILTER (WHERE f.in_force AND f.monitored), count(*) FILTER (WHERE f.in_force AND f.flagged),
  count(*) FILTER (WHERE f.in_force AND f.self_evaluated), count(*) FILTER (WHERE f.in_force AND f.evaluated),
  count(f.self_total) FILTER (WHERE f.in_force), COALESCE(sum(f.self_total) FILTER (WHERE f.in_force), 0),
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.self_total IS NOT NULL), 0),
  COALESCE(sum(f.weight * f.self_total) FILTER (WHERE f.in_force), 0),
  count(*), COALESCE(sum(f.weight), 0), COALESCE(sum(f.weight) FILTER (WHERE f.in_force), 0),
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.monitored), 0),
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.self_evaluated), 0),
  COALESCE(sum(f.weight) FILTER (WHERE f.in_force AND f.evaluated), 0)`;

/** The touched cells' keys (no temporary table: a definer function must not resolve names in pg_temp). */
const KEYS = `(SELECT DISTINCT u.tenant_id, u.region_id, u.year
                 FROM unnest(p_tenants, p_regions, p_years) u(tenant_id, region_id, year))`;

/** The cells of the keys in `k` (tenant_id, region_id, year) from the facts: one row per category incl. ALL. */
const CELLS_OF_KEYS = (k: string) => `
  INSERT INTO reporting_region_cell (tenant_id, region_id, year, category, grade, region_path, city_id, district_id,
                                     township_id, ${STAT_COLUMNS.join(', ')})
  SELECT f.tenant_id, f.region_id, f.year, c.category, COALESCE(f.grade, ''), f.region_path, f.city_id,
         f.district_id, f.township_id, ${CELL_STATS_FROM_FACTS}
    FROM reporting_goal_fact f
    JOIN ${k} k ON k.tenant_id = f.tenant_id AND k.region_id = f.region_id AND k.year = f.year
   CROSS JOIN LATERAL (VALUES ('ALL', f.common_indicators + f.output_indicators + f.benefit_indicators
                                      + f.satisfaction_indicators),
                              ('COMMON', f.common_indicators), ('OUTPUT', f.output_indicators),
                              ('BENEFIT', f.benefit_indicators), ('SATISFACTION', f.satisfaction_indicators)) c(category, n)
   WHERE c.category = 'ALL' OR c.n > 0
   GROUP BY f.tenant_id, f.region_id, f.year, c.category, COALESCE(f.grade, ''), f.region_path, f.city_id,
            f.district_id, f.township_id`;

/**
 * 区划汇总单元 (issue 14, benchmark: aggregate p95 ≤ 100 ms at province size): `reporting_region_cell`,
 * the reporting facts summed per region (the goal's own), year, indicator category (and ALL) and grade —
 * every statistic of the BI aggregate is a sum, so any REGION/YEAR/INDICATOR_CATEGORY/GRADE question (and
 * year or grade filters) sums a few thousand cells instead of every goal's fact (src/reporting/aggregate.sql.ts
 * chooses). Kept current in the transaction of every fact change by a statement trigger on
 * `reporting_goal_fact` that recomputes the touched cells from the facts (DOMAIN §11 "always current"):
 * concurrent changes of one cell serialize on a transaction advisory lock per cell taken in key order,
 * so the second recomputation (READ COMMITTED: a fresh snapshot per statement) sees the first's facts.
 * Tenant table with row-level security; the API role only reads it.
 */
export class ReportingRegionCells1763894100000 implements MigrationInterface {
  name = 'ReportingRegionCells1763894100000';

  async up(q: QueryRunner): Promise<void> {
    const stats = STAT_COLUMNS.map(
      (c) => `"${c}" ${c.endsWith('_count') ? 'integer' : 'numeric'} NOT NULL`,
    ).join(', ');
    await q.query(
      `CREATE TABLE "reporting_region_cell" ("tenant_id" uuid NOT NULL, "region_id" uuid NOT NULL, "year" integer NOT NULL, "category" character varying(16) NOT NULL, "grade" character varying(16) NOT NULL, "region_path" text NOT NULL, "city_id" uuid NOT NULL, "district_id" uuid, "township_id" uuid, ${stats}, CONSTRAINT "pk_reporting_region_cell" PRIMARY KEY ("tenant_id", "region_id", "year", "category", "grade"))`,
    );
    await q.query(
      `CREATE INDEX "idx_reporting_goal_fact_cell" ON "reporting_goal_fact" ("tenant_id", "region_id", "year")`,
    );
    await q.query(`CREATE FUNCTION reporting_recompute_cells(p_tenants uuid[], p_regions uuid[], p_years int[])
      RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(l.h) FROM (
          SELECT DISTINCT hashtextextended(k.tenant_id::text || k.region_id::text || k.year::text, 14) AS h
            FROM ${KEYS} k ORDER BY 1) l;
        DELETE FROM reporting_region_cell c USING ${KEYS} k
         WHERE c.tenant_id = k.tenant_id AND c.region_id = k.region_id AND c.year = k.year;
        ${CELLS_OF_KEYS(KEYS)};
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION reporting_recompute_cells(uuid[], uuid[], int[]) FROM PUBLIC`);
    for (const [op, rows] of [
      ['insert', ['new_rows']],
      ['update', ['new_rows', 'old_rows']],
      ['delete', ['old_rows']],
    ] as const) {
      const keys = rows.map((r) => `SELECT tenant_id, region_id, year FROM ${r}`).join(' UNION ');
      await q.query(`CREATE FUNCTION reporting_after_fact_${op}() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
        BEGIN
          PERFORM reporting_recompute_cells(array_agg(tenant_id), array_agg(region_id), array_agg(year))
             FROM (${keys}) k HAVING count(*) > 0;
          RETURN NULL;
        END $$`);
      const ref = rows.map((r) => `${r === 'new_rows' ? 'NEW' : 'OLD'} TABLE AS ${r}`).join(' ');
      await q.query(
        `CREATE TRIGGER trg_reporting_goal_fact_cells_${op} AFTER ${op.toUpperCase()} ON reporting_goal_fact REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION reporting_after_fact_${op}()`,
      );
    }
    await q.query(`ALTER TABLE reporting_region_cell ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE reporting_region_cell FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON reporting_region_cell TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON reporting_region_cell TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT ON reporting_region_cell TO jixiao_app`);
    // The facts that exist before this migration, in one statement.
    await q.query(CELLS_OF_KEYS('(SELECT DISTINCT tenant_id, region_id, year FROM reporting_goal_fact)'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER trg_reporting_goal_fact_cells_${op} ON reporting_goal_fact`);
      await q.query(`DROP FUNCTION reporting_after_fact_${op}()`);
    }
    await q.query(`DROP FUNCTION reporting_recompute_cells(uuid[], uuid[], int[])`);
    await q.query(`DROP INDEX "idx_reporting_goal_fact_cell"`);
    await q.query(`DROP TABLE "reporting_region_cell"`);
  }
}
