import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, results application (结果应用, DOMAIN §13; 001 三(四); 002 第二十八条(二); 003 第二十六条, 转移支付
 * 第三十–三十三条; 004 二(五)): findings with their feedback and rectification, and next year's budget
 * recommendations. Scoped by tenant with row-level security like every tenant table.
 */
export class ResultsApplication1763880000000 implements MigrationInterface {
  name = 'ResultsApplication1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "result_finding" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "source_kind" character varying(24) NOT NULL, "source_id" uuid NOT NULL, "goal_id" uuid NOT NULL, "year" integer NOT NULL, "grade" character varying(16), "region_id" uuid NOT NULL, "region_path" text NOT NULL, "department_id" uuid, "feedback_organization_id" uuid NOT NULL, "responsible_organization_id" uuid NOT NULL, "verifier_organization_id" uuid NOT NULL, "description" text NOT NULL, "completed_on" date NOT NULL, "own_deadline" date, "feedback_due_on" date NOT NULL, "rectification_due_on" date NOT NULL, "state" character varying(16) NOT NULL, "feedback" text, "feedback_given_on" date, "response" text, "responded_on" date, "verification_comment" text, "verified_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_version" integer NOT NULL DEFAULT 1, CONSTRAINT "uq_result_finding_source" UNIQUE ("tenant_id", "source_kind", "source_id"), CONSTRAINT "pk_result_finding" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_result_finding_region_path" ON "result_finding" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(
      `CREATE TABLE "result_recommendation" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "budget_year" integer NOT NULL, "subject_kind" character varying(16) NOT NULL, "goal_id" uuid NOT NULL, "fund_id" uuid, "project_id" uuid, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "department_id" uuid, "basis_id" uuid NOT NULL, "basis_kind" character varying(24) NOT NULL, "grade" character varying(16), "action" character varying(24) NOT NULL, "rule" text NOT NULL, "current_amount" numeric(14,2) NOT NULL, "recommended_change" numeric(14,2) NOT NULL, "minimum_cut" numeric(14,2), "status" character varying(16) NOT NULL, "decided_change" numeric(14,2), "decision_reason" text, "decided_by_organization_id" uuid, "proposed_by_organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_version" integer NOT NULL DEFAULT 1, CONSTRAINT "uq_result_recommendation_basis" UNIQUE ("tenant_id", "budget_year", "basis_id"), CONSTRAINT "ck_result_recommendation_cut" CHECK ("minimum_cut" IS NULL OR "recommended_change" <= -"minimum_cut"), CONSTRAINT "pk_result_recommendation" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_result_recommendation_region_path" ON "result_recommendation" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    for (const table of ['result_finding', 'result_recommendation']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
      );
      await q.query(
        `CREATE POLICY owner_maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO jixiao_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE result_recommendation`);
    await q.query(`DROP TABLE result_finding`);
  }
}
