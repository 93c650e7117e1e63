import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables scoped by tenant with row-level security (DOMAIN §3), as in the foundation. */
const tenantTables = ['ex_ante_assessment', 'ex_ante_assessment_dimension'];

/**
 * Ex-ante assessment (事前绩效评估, DOMAIN §6): one assessment of a fund or a project (exactly one, with
 * tenant-qualified foreign keys), its five dimension conclusions as child rows (one per dimension), the
 * assessor (the subject's competent department, or a third party with the commissioning finance bureau),
 * score NUMERIC(5,2) and grade, status, and finance's review. `region_path` is copied by trigger from the
 * subject. Nothing is deleted (no DELETE grant on assessments; DOMAIN §15); the database refuses status
 * skips, changes of subject or assessor, and edits of the conclusions once submitted.
 */
export class Assessment1763800000000 implements MigrationInterface {
  name = 'Assessment1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ex_ante_assessment" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "subject_kind" character varying(16) NOT NULL, "fund_id" uuid, "project_id" uuid, "region_path" text NOT NULL, "assessor_id" uuid NOT NULL, "commissioned_by_id" uuid, "score" numeric(5,2), "grade" character varying(16), "status" character varying(16) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "reviewer_id" uuid, "review_outcome" character varying(16), "review_comment" text, "reviewed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_ex_ante_assessment_subject_kind" CHECK ("subject_kind" IN ('FUND', 'PROJECT')), CONSTRAINT "ck_ex_ante_assessment_subject" CHECK (("subject_kind" = 'FUND' AND "fund_id" IS NOT NULL AND "project_id" IS NULL) OR ("subject_kind" = 'PROJECT' AND "project_id" IS NOT NULL AND "fund_id" IS NULL)), CONSTRAINT "ck_ex_ante_assessment_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')), CONSTRAINT "ck_ex_ante_assessment_grade" CHECK ("grade" IS NULL OR "grade" IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')), CONSTRAINT "ck_ex_ante_assessment_score" CHECK ("score" IS NULL OR ("score" >= 0 AND "score" <= 100)), CONSTRAINT "ck_ex_ante_assessment_review" CHECK (("review_outcome" IS NULL OR "review_outcome" IN ('ACCEPTED', 'RETURNED')) AND ("status" <> 'ACCEPTED' OR ("review_outcome" = 'ACCEPTED' AND "reviewer_id" IS NOT NULL AND "reviewed_at" IS NOT NULL AND "grade" IS NOT NULL)) AND ("status" <> 'RETURNED' OR ("review_outcome" = 'RETURNED' AND "reviewer_id" IS NOT NULL AND "reviewed_at" IS NOT NULL AND length(btrim("review_comment")) > 0))), CONSTRAINT "pk_ex_ante_assessment" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_ex_ante_assessment_fund" ON "ex_ante_assessment" ("tenant_id", "fund_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_ex_ante_assessment_project" ON "ex_ante_assessment" ("tenant_id", "project_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_ex_ante_assessment_assessor" ON "ex_ante_assessment" ("tenant_id", "assessor_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_ex_ante_assessment_region_path" ON "ex_ante_assessment" ("tenant_id", "region_path" text_pattern_ops)`,
    );

    await q.query(
      `CREATE TABLE "ex_ante_assessment_dimension" ("tenant_id" uuid NOT NULL, "assessment_id" uuid NOT NULL, "dimension" character varying(32) NOT NULL, "conclusion" text NOT NULL, CONSTRAINT "ck_ex_ante_assessment_dimension_dimension" CHECK ("dimension" IN ('NECESSITY', 'ECONOMY', 'GOAL_REASONABLENESS', 'FEASIBILITY', 'FINANCING_COMPLIANCE')), CONSTRAINT "ck_ex_ante_assessment_dimension_conclusion" CHECK (length(btrim("conclusion")) > 0), CONSTRAINT "pk_ex_ante_assessment_dimension" PRIMARY KEY ("tenant_id", "assessment_id", "dimension"))`,
    );

    const fk = (table: string, name: string, column: string, target: string) =>
      q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("tenant_id", "${column}") REFERENCES "${target}"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    await fk('ex_ante_assessment', 'fk_ex_ante_assessment_fund', 'fund_id', 'fund');
    await fk('ex_ante_assessment', 'fk_ex_ante_assessment_project', 'project_id', 'project');
    await fk('ex_ante_assessment', 'fk_ex_ante_assessment_assessor', 'assessor_id', 'organization');
    await fk(
      'ex_ante_assessment',
      'fk_ex_ante_assessment_commissioned_by',
      'commissioned_by_id',
      'organization',
    );
    await fk('ex_ante_assessment', 'fk_ex_ante_assessment_reviewer', 'reviewer_id', 'organization');
    await fk(
      'ex_ante_assessment_dimension',
      'fk_ex_ante_assessment_dimension_assessment',
      'assessment_id',
      'ex_ante_assessment',
    );

    // DOMAIN §6/§15: the path is the subject's; subject and assessor never change; only the transitions
    // DRAFT→SUBMITTED, RETURNED→SUBMITTED, SUBMITTED→ACCEPTED|RETURNED (and edits within DRAFT/RETURNED);
    // an accepted assessment is frozen.
    await q.query(`CREATE FUNCTION ex_ante_assessment_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.fund_id IS DISTINCT FROM OLD.fund_id OR NEW.project_id IS DISTINCT FROM OLD.project_id
             OR NEW.subject_kind <> OLD.subject_kind OR NEW.assessor_id <> OLD.assessor_id
             OR NEW.commissioned_by_id IS DISTINCT FROM OLD.commissioned_by_id THEN
            RAISE EXCEPTION 'an assessment cannot change its subject or assessor' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ex_ante_assessment_fixed';
          END IF;
          IF NOT ((OLD.status IN ('DRAFT', 'RETURNED') AND NEW.status IN (OLD.status, 'SUBMITTED'))
                  OR (OLD.status = 'SUBMITTED' AND NEW.status IN ('ACCEPTED', 'RETURNED'))) THEN
            RAISE EXCEPTION 'assessment status % cannot become %', OLD.status, NEW.status USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ex_ante_assessment_transition';
          END IF;
        ELSIF NEW.status <> 'DRAFT' THEN
          RAISE EXCEPTION 'an assessment starts as a draft' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ex_ante_assessment_transition';
        END IF;
        IF NEW.fund_id IS NOT NULL THEN
          SELECT region_path INTO NEW.region_path FROM fund WHERE tenant_id = NEW.tenant_id AND id = NEW.fund_id;
        ELSE
          SELECT region_path INTO NEW.region_path FROM project WHERE tenant_id = NEW.tenant_id AND id = NEW.project_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_ex_ante_assessment_before_write BEFORE INSERT OR UPDATE ON ex_ante_assessment FOR EACH ROW EXECUTE FUNCTION ex_ante_assessment_before_write()`,
    );

    // Conclusions change only while the assessment is with the assessor (DRAFT or RETURNED).
    await q.query(`CREATE FUNCTION ex_ante_assessment_dimension_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
        row_assessment uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.assessment_id ELSE NEW.assessment_id END;
        parent_status text;
      BEGIN
        SELECT status INTO parent_status FROM ex_ante_assessment WHERE tenant_id = row_tenant AND id = row_assessment;
        IF parent_status IS NOT NULL AND parent_status NOT IN ('DRAFT', 'RETURNED') THEN
          RAISE EXCEPTION 'the conclusions of a submitted assessment are frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ex_ante_assessment_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_ex_ante_assessment_dimension_before_write BEFORE INSERT OR UPDATE OR DELETE ON ex_ante_assessment_dimension FOR EACH ROW EXECUTE FUNCTION ex_ante_assessment_dimension_before_write()`,
    );

    for (const table of tenantTables) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
      );
      await q.query(
        `CREATE POLICY owner_maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
    }
    // Assessments are never deleted (DOMAIN §15); a draft's conclusions are replaced as a whole.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ex_ante_assessment TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON ex_ante_assessment_dimension TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ex_ante_assessment_dimension, ex_ante_assessment`);
    await q.query(
      `DROP FUNCTION ex_ante_assessment_dimension_before_write(), ex_ante_assessment_before_write()`,
    );
  }
}
