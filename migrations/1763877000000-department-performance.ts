import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, department and unit overall performance (部门/单位整体绩效, DOMAIN §5; 003 第十二条(二), 第二十–
 * 二十三条; 004 二(二)3, 二(三)1, 二(四)): the 共性指标 sets finance keeps per region and year, their
 * indicators (filed under 004's dimensions), and finance's review of a department self-evaluation (the
 * grade confirmed or changed, with a reason). Scoped by tenant with row-level security like every tenant table.
 */
export class DepartmentPerformance1763877000000 implements MigrationInterface {
  name = 'DepartmentPerformance1763877000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "department_common_indicator_set" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "year" integer NOT NULL, "organization_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_version" integer NOT NULL DEFAULT 1, CONSTRAINT "uq_department_common_indicator_set_year" UNIQUE ("tenant_id", "region_id", "year"), CONSTRAINT "pk_department_common_indicator_set" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE TABLE "department_common_indicator" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "set_id" uuid NOT NULL, "position" integer NOT NULL, "dimension" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "unit" character varying(32), "comparator" character varying(8), "target" text NOT NULL, "points" numeric(5,2) NOT NULL, "source" character varying(32) NOT NULL DEFAULT 'ENTERED', CONSTRAINT "pk_department_common_indicator" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_department_common_indicator_set" ON "department_common_indicator" ("tenant_id", "set_id", "position")`,
    );
    await q.query(
      `ALTER TABLE "department_common_indicator" ADD CONSTRAINT "fk_department_common_indicator_set" FOREIGN KEY ("tenant_id", "set_id") REFERENCES "department_common_indicator_set"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "department_self_evaluation_review" ("tenant_id" uuid NOT NULL, "evaluation_id" uuid NOT NULL, "self_grade" character varying(16) NOT NULL, "confirmed_grade" character varying(16) NOT NULL, "reason" text, "reviewer_organization_id" uuid NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_department_self_evaluation_review" PRIMARY KEY ("tenant_id", "evaluation_id"))`,
    );
    for (const table of [
      'department_common_indicator_set',
      'department_common_indicator',
      'department_self_evaluation_review',
    ]) {
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
    await q.query(`DROP TABLE department_self_evaluation_review`);
    await q.query(`DROP TABLE department_common_indicator`);
    await q.query(`DROP TABLE department_common_indicator_set`);
  }
}
