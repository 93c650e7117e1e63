import type { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLISHED = `d.classified = false AND d.published_on IS NOT NULL AND d.withdrawn_on IS NULL`;

/**
 * Issue 13, disclosure (信息公开, DOMAIN §14, P5; 002 第二十九条; 003 第二十七条, 转移支付 第三十五条;
 * 004 四(四)): one `disclosure` row per goal or evaluation — classified (涉密, with a reason), published
 * and withdrawn, each with a date. Tenant table with row-level security. Anonymous readers get published,
 * unclassified rows only, through two SECURITY DEFINER functions that return disclosure fields alone
 * (no comments, no person names) for a region code and year, a page (at most 100) at a time; they are on APP_DEFINER_FUNCTIONS.
 */
export class Disclosure1763879000000 implements MigrationInterface {
  name = 'Disclosure1763879000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "disclosure" ("tenant_id" uuid NOT NULL, "subject_type" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "region_path" text NOT NULL, "responsible_organization_id" uuid NOT NULL, "classified" boolean NOT NULL DEFAULT false, "classified_reason" text, "published_on" date, "withdrawn_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_disclosure_subject" CHECK ("subject_type" IN ('GOAL', 'EVALUATION')), CONSTRAINT "ck_disclosure_classified" CHECK (NOT "classified" OR ("classified_reason" IS NOT NULL AND "published_on" IS NULL)), CONSTRAINT "ck_disclosure_withdrawn" CHECK ("withdrawn_on" IS NULL OR ("published_on" IS NOT NULL AND "withdrawn_on" >= "published_on")), CONSTRAINT "pk_disclosure" PRIMARY KEY ("tenant_id", "subject_type", "subject_id"))`,
    );
    await q.query(`ALTER TABLE disclosure ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE disclosure FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON disclosure TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON disclosure TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON disclosure TO jixiao_app`);
    // DOMAIN §14: published goals of the region (by its code) and year, disclosure fields only.
    await q.query(`CREATE FUNCTION disclosure_public_goals(p_region_code text, p_year integer, p_limit integer, p_offset integer)
      RETURNS TABLE (subject_id uuid, name text, year integer, region_code text, region_name text,
                     organization_name text, annual_objective text, annual_amount numeric,
                     fiscal_amount numeric, other_amount numeric, published_on date, indicators jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        SELECT g.id, g.name::text, g.year, r.code::text, r.name::text, o.name::text, g.annual_objective,
               g.annual_amount, g.fiscal_amount, g.other_amount, d.published_on,
               coalesce((SELECT jsonb_agg(jsonb_build_object('category', i.category, 'subcategory',
                  i.subcategory, 'name', i.name, 'unit', i.unit, 'comparator', i.comparator, 'target', i.target)
                  ORDER BY i.position) FROM goal_indicator i WHERE i.tenant_id = g.tenant_id AND i.goal_id = g.id), '[]')
          FROM region r
          JOIN performance_goal g ON g.tenant_id = r.tenant_id AND g.region_id = r.id
          JOIN disclosure d ON d.tenant_id = g.tenant_id AND d.subject_type = 'GOAL' AND d.subject_id = g.id
          JOIN organization o ON o.tenant_id = d.tenant_id AND o.id = d.responsible_organization_id
         WHERE r.code = p_region_code AND g.year = p_year AND g.status = 'ISSUED' AND ${PUBLISHED}
         ORDER BY g.name, g.id LIMIT least(greatest(p_limit, 0), 100) OFFSET greatest(p_offset, 0) $$`);
    // DOMAIN §14: published evaluation results (score, grade) of the region's goals, no comments.
    await q.query(`CREATE FUNCTION disclosure_public_evaluations(p_region_code text, p_year integer, p_limit integer, p_offset integer)
      RETURNS TABLE (subject_id uuid, goal_name text, kind text, year integer, region_code text,
                     region_name text, organization_name text, total numeric, grade text, published_on date)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        SELECT e.id, g.name::text, e.kind::text, e.year, r.code::text, r.name::text, o.name::text, e.total,
               e.grade::text, d.published_on
          FROM region r
          JOIN performance_goal g ON g.tenant_id = r.tenant_id AND g.region_id = r.id
          JOIN evaluation e ON e.tenant_id = g.tenant_id AND e.goal_id = g.id
          JOIN disclosure d ON d.tenant_id = e.tenant_id AND d.subject_type = 'EVALUATION' AND d.subject_id = e.id
          JOIN organization o ON o.tenant_id = d.tenant_id AND o.id = d.responsible_organization_id
         WHERE r.code = p_region_code AND e.year = p_year
           AND e.status IN ('REVIEWED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED') AND ${PUBLISHED}
           AND NOT EXISTS (SELECT 1 FROM disclosure c WHERE c.tenant_id = g.tenant_id AND c.subject_type = 'GOAL'
                            AND c.subject_id = g.id AND c.classified)
         ORDER BY g.name, e.id LIMIT least(greatest(p_limit, 0), 100) OFFSET greatest(p_offset, 0) $$`);
    for (const f of [
      'disclosure_public_goals(text, integer, integer, integer)',
      'disclosure_public_evaluations(text, integer, integer, integer)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${f} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${f} TO jixiao_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION disclosure_public_evaluations(text, integer, integer, integer)`);
    await q.query(`DROP FUNCTION disclosure_public_goals(text, integer, integer, integer)`);
    await q.query(`DROP TABLE disclosure`);
  }
}
