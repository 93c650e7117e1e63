import type { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLISHED = `d.classified = false AND d.published_on IS NOT NULL AND d.withdrawn_on IS NULL`;

/**
 * Issue 13, closing the loop (DOMAIN §13 "Factor allocation", §14): saved factor-allocation simulations
 * (003 转移支付 第三十二条 — saved, compared, never applied) and the anonymous `publicResults` read: the grade
 * distribution of the published, unclassified evaluation results of a region's subtree for a year
 * (SECURITY DEFINER, on APP_DEFINER_FUNCTIONS; counts and mean scores only — no names, no comments).
 */
export class ResultsClosing1763886000000 implements MigrationInterface {
  name = 'ResultsClosing1763886000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "result_allocation_simulation" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "fund_id" uuid NOT NULL, "result_year" integer NOT NULL, "budget_year" integer NOT NULL, "region_path" text NOT NULL, "amount" numeric(14,2) NOT NULL, "factors" jsonb NOT NULL, "shares" jsonb NOT NULL, "created_by_organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_result_allocation_simulation_amount" CHECK ("amount" > 0), CONSTRAINT "pk_result_allocation_simulation" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_result_allocation_simulation_fund" ON "result_allocation_simulation" ("tenant_id", "fund_id")`,
    );
    await q.query(`ALTER TABLE result_allocation_simulation ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE result_allocation_simulation FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON result_allocation_simulation TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON result_allocation_simulation TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT, INSERT ON result_allocation_simulation TO jixiao_app`);
    // DOMAIN §14: published evaluation results of the region's subtree and year, as counts per kind and grade.
    await q.query(`CREATE FUNCTION disclosure_public_results(p_region_code text, p_year integer)
      RETURNS TABLE (region_name text, kind text, grade text, item_count integer, mean_score numeric)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        SELECT r.name::text, e.kind::text, e.grade::text, count(*)::integer, round(avg(e.total), 2)
          FROM region r
          JOIN performance_goal g ON g.tenant_id = r.tenant_id AND g.region_path LIKE r.path || '%'
          JOIN evaluation e ON e.tenant_id = g.tenant_id AND e.goal_id = g.id
          JOIN disclosure d ON d.tenant_id = e.tenant_id AND d.subject_type = 'EVALUATION' AND d.subject_id = e.id
         WHERE r.code = p_region_code AND e.year = p_year AND e.grade IS NOT NULL
           AND e.status IN ('REVIEWED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED') AND ${PUBLISHED}
           AND NOT EXISTS (SELECT 1 FROM disclosure c WHERE c.tenant_id = g.tenant_id AND c.subject_type = 'GOAL'
                            AND c.subject_id = g.id AND c.classified)
         GROUP BY r.name, e.kind, e.grade ORDER BY e.kind, e.grade LIMIT 100 $$`);
    await q.query(`REVOKE ALL ON FUNCTION disclosure_public_results(text, integer) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION disclosure_public_results(text, integer) TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION disclosure_public_results(text, integer)`);
    await q.query(`DROP TABLE result_allocation_simulation`);
  }
}
