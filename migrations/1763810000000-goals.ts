import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables scoped by tenant with row-level security (DOMAIN §3), as in the foundation. */
const tenantTables = ['performance_goal', 'goal_indicator', 'goal_transition'];

const SCOPES = `'PROJECT', 'DEPARTMENT', 'TRANSFER_OVERALL', 'TRANSFER_REGIONAL', 'TRANSFER_PROJECT'`;
const STATUSES = `'DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'ISSUED', 'RETURNED', 'SUPERSEDED', 'FILED_FOR_RECORD'`;
const ACTIONS = `'EDIT', 'SUBMIT', 'APPROVE', 'RETURN', 'ISSUE', 'REQUEST_ADJUSTMENT', 'FILE_FOR_RECORD'`;
const ROLES = `'SUPERVISING_DEPARTMENT', 'LOWER_FINANCE', 'FUND_DEPARTMENT', 'BUDGET_FINANCE'`;

/**
 * Performance goals and indicators (绩效目标, DOMAIN §5) and their review history (DOMAIN §7):
 * - `performance_goal`: one version of a goal — scope, year, subject (project / fund / fund + region /
 *   department), parent goal, decomposition mode, objectives, money NUMERIC(14,2), status, the current
 *   review step and the review chain snapshotted on submission (jsonb array of steps), drafter, content
 *   version (`goal_version`, with `supersedes_goal_id` naming version n of an adjustment), `row_version`
 *   for guarded updates, `region_path` copied by trigger from the subject's region, filing basis.
 * - `goal_indicator`: the indicators of a goal version, replaced as a set while DRAFT/RETURNED.
 * - `goal_transition`: append-only history of every workflow action (who, which organization, when, comment).
 * The database refuses status changes outside the state machine (no skips), content edits of a frozen goal
 * (P8), indicator changes after submission, and any change of the history. Nothing is deleted (DOMAIN §15).
 */
export class Goals1763810000000 implements MigrationInterface {
  name = 'Goals1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "performance_goal" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "scope" character varying(24) NOT NULL, "year" integer NOT NULL, "project_id" uuid, "fund_id" uuid, "region_id" uuid NOT NULL, "department_id" uuid, "parent_goal_id" uuid, "decomposition" character varying(16), "name" character varying(200) NOT NULL, "implementation_period_objective" text, "annual_objective" text, "annual_amount" numeric(14,2), "fiscal_amount" numeric(14,2), "other_amount" numeric(14,2), "status" character varying(24) NOT NULL, "current_step" integer NOT NULL DEFAULT '0', "review_chain" jsonb NOT NULL DEFAULT '[]', "drafter_organization_id" uuid NOT NULL, "goal_version" integer NOT NULL DEFAULT '1', "supersedes_goal_id" uuid, "adjustment_reason" text, "filing_basis" character varying(24), "region_path" text NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_performance_goal_scope" CHECK ("scope" IN (${SCOPES})), CONSTRAINT "ck_performance_goal_status" CHECK ("status" IN (${STATUSES})), CONSTRAINT "ck_performance_goal_decomposition" CHECK ("decomposition" IS NULL OR "decomposition" IN ('TOP_DOWN', 'BOTTOM_UP')), CONSTRAINT "ck_performance_goal_filing_basis" CHECK ("filing_basis" IS NULL OR "filing_basis" IN ('EMERGENCY', 'TRANSFER_DEFERRED')), CONSTRAINT "ck_performance_goal_subject" CHECK (("scope" NOT IN ('PROJECT', 'TRANSFER_PROJECT') OR "project_id" IS NOT NULL) AND ("scope" <> 'DEPARTMENT' OR "department_id" IS NOT NULL) AND ("scope" NOT IN ('TRANSFER_OVERALL', 'TRANSFER_REGIONAL', 'TRANSFER_PROJECT') OR "fund_id" IS NOT NULL)), CONSTRAINT "ck_performance_goal_amounts" CHECK (("annual_amount" IS NULL OR "annual_amount" >= 0) AND ("fiscal_amount" IS NULL OR "fiscal_amount" >= 0) AND ("other_amount" IS NULL OR "other_amount" >= 0)), CONSTRAINT "ck_performance_goal_step" CHECK ("current_step" >= 0 AND (("status" IN ('SUBMITTED', 'IN_REVIEW')) = ("current_step" > 0))), CONSTRAINT "ck_performance_goal_version" CHECK ("goal_version" >= 1 AND (("goal_version" = 1) = ("supersedes_goal_id" IS NULL))), CONSTRAINT "ck_performance_goal_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "uq_performance_goal_supersedes" UNIQUE ("tenant_id", "supersedes_goal_id"), CONSTRAINT "pk_performance_goal" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_performance_goal_region_path" ON "performance_goal" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(`CREATE INDEX "idx_performance_goal_fund" ON "performance_goal" ("tenant_id", "fund_id")`);
    await q.query(
      `CREATE INDEX "idx_performance_goal_project" ON "performance_goal" ("tenant_id", "project_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_performance_goal_parent" ON "performance_goal" ("tenant_id", "parent_goal_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_performance_goal_drafter" ON "performance_goal" ("tenant_id", "drafter_organization_id")`,
    );

    await q.query(
      `CREATE TABLE "goal_indicator" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "goal_id" uuid NOT NULL, "position" integer NOT NULL, "category" character varying(16) NOT NULL, "subcategory" character varying(24) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "unit" character varying(32), "comparator" character varying(8), "target" text, "points" numeric(5,2), "parent_indicator_id" uuid, "aggregation" character varying(24), "ratio_numerator" text, "ratio_denominator" text, CONSTRAINT "ck_goal_indicator_pair" CHECK (("category" = 'COMMON' AND "subcategory" = 'BUDGET_MANAGEMENT') OR ("category" = 'OUTPUT' AND "subcategory" IN ('QUANTITY', 'QUALITY', 'TIMELINESS', 'COST')) OR ("category" = 'BENEFIT' AND "subcategory" IN ('ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABILITY')) OR ("category" = 'SATISFACTION' AND "subcategory" IN ('SERVICE_RECIPIENT', 'PUBLIC'))), CONSTRAINT "ck_goal_indicator_kind" CHECK ("kind" IN ('QUANTITATIVE', 'QUALITATIVE')), CONSTRAINT "ck_goal_indicator_comparator" CHECK ("comparator" IS NULL OR "comparator" IN ('GTE', 'LTE', 'EQ')), CONSTRAINT "ck_goal_indicator_aggregation" CHECK ("aggregation" IS NULL OR "aggregation" IN ('SUM', 'FUND_WEIGHTED_AVERAGE', 'RATIO_OF_SUMS', 'AVERAGE', 'MIN', 'MAX')), CONSTRAINT "ck_goal_indicator_points" CHECK ("points" IS NULL OR ("points" >= 0 AND "points" <= 100)), CONSTRAINT "ck_goal_indicator_ratio" CHECK (("ratio_numerator" IS NULL) = ("ratio_denominator" IS NULL)), CONSTRAINT "uq_goal_indicator_position" UNIQUE ("tenant_id", "goal_id", "position"), CONSTRAINT "pk_goal_indicator" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_goal_indicator_parent" ON "goal_indicator" ("tenant_id", "parent_indicator_id")`,
    );

    await q.query(
      `CREATE TABLE "goal_transition" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "goal_id" uuid NOT NULL, "goal_version" integer NOT NULL, "action" character varying(24) NOT NULL, "from_status" character varying(24) NOT NULL, "to_status" character varying(24) NOT NULL, "from_step" integer NOT NULL, "to_step" integer NOT NULL, "step_count" integer NOT NULL, "role" character varying(32), "actor_user_id" uuid NOT NULL, "actor_organization_id" uuid NOT NULL, "comment" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "ck_goal_transition_action" CHECK ("action" IN (${ACTIONS})), CONSTRAINT "ck_goal_transition_status" CHECK ("from_status" IN (${STATUSES}) AND "to_status" IN (${STATUSES})), CONSTRAINT "ck_goal_transition_role" CHECK ("role" IS NULL OR "role" IN (${ROLES})), CONSTRAINT "ck_goal_transition_return_comment" CHECK ("action" <> 'RETURN' OR length(btrim("comment")) > 0), CONSTRAINT "pk_goal_transition" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_goal_transition_goal" ON "goal_transition" ("tenant_id", "goal_id", "at")`,
    );

    const fk = (table: string, name: string, column: string, target: string) =>
      q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("tenant_id", "${column}") REFERENCES "${target}"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    await fk('performance_goal', 'fk_performance_goal_project', 'project_id', 'project');
    await fk('performance_goal', 'fk_performance_goal_fund', 'fund_id', 'fund');
    await fk('performance_goal', 'fk_performance_goal_region', 'region_id', 'region');
    await fk('performance_goal', 'fk_performance_goal_department', 'department_id', 'organization');
    await fk('performance_goal', 'fk_performance_goal_parent', 'parent_goal_id', 'performance_goal');
    await fk('performance_goal', 'fk_performance_goal_supersedes', 'supersedes_goal_id', 'performance_goal');
    await fk('performance_goal', 'fk_performance_goal_drafter', 'drafter_organization_id', 'organization');
    await fk('goal_indicator', 'fk_goal_indicator_goal', 'goal_id', 'performance_goal');
    await fk('goal_indicator', 'fk_goal_indicator_parent', 'parent_indicator_id', 'goal_indicator');
    await fk('goal_transition', 'fk_goal_transition_goal', 'goal_id', 'performance_goal');
    await fk('goal_transition', 'fk_goal_transition_actor_user', 'actor_user_id', 'app_user');
    await fk(
      'goal_transition',
      'fk_goal_transition_actor_organization',
      'actor_organization_id',
      'organization',
    );

    // DOMAIN §7: the state machine of src/goals/rules/workflow.ts, repeated so a skip is refused even by
    // a buggy caller. Same-status updates only while editable or in review (step k → k+1); a frozen goal
    // (APPROVED, ISSUED, FILED_FOR_RECORD, SUPERSEDED) changes only by its next transition (P8).
    // The subject and the drafter never change; the path is the subject region's.
    await q.query(`CREATE FUNCTION performance_goal_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.scope <> OLD.scope OR NEW.project_id IS DISTINCT FROM OLD.project_id
             OR NEW.fund_id IS DISTINCT FROM OLD.fund_id OR NEW.region_id <> OLD.region_id
             OR NEW.department_id IS DISTINCT FROM OLD.department_id
             OR NEW.drafter_organization_id <> OLD.drafter_organization_id
             OR NEW.goal_version <> OLD.goal_version
             OR NEW.supersedes_goal_id IS DISTINCT FROM OLD.supersedes_goal_id THEN
            RAISE EXCEPTION 'a goal cannot change its subject, drafter or version' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_performance_goal_fixed';
          END IF;
          IF NOT (
               (OLD.status IN ('DRAFT', 'RETURNED') AND NEW.status IN (OLD.status, 'SUBMITTED', 'FILED_FOR_RECORD'))
            OR (OLD.status IN ('SUBMITTED', 'IN_REVIEW') AND NEW.status IN ('IN_REVIEW', 'APPROVED', 'RETURNED') AND NOT (OLD.status = 'SUBMITTED' AND NEW.status = 'SUBMITTED'))
            OR (OLD.status = 'APPROVED' AND NEW.status = 'ISSUED')
            OR (OLD.status = 'ISSUED' AND NEW.status = 'SUPERSEDED')
            OR (OLD.status = 'FILED_FOR_RECORD' AND NEW.status IN ('RETURNED', 'SUPERSEDED'))) THEN
            RAISE EXCEPTION 'goal status % cannot become %', OLD.status, NEW.status USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_performance_goal_transition';
          END IF;
          IF OLD.status = 'IN_REVIEW' AND NEW.status = 'IN_REVIEW' AND NEW.current_step <> OLD.current_step + 1 THEN
            RAISE EXCEPTION 'a review advances one step at a time' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_performance_goal_transition';
          END IF;
          IF OLD.status = 'SUBMITTED' AND NEW.status = 'IN_REVIEW' AND NEW.current_step <> 2 THEN
            RAISE EXCEPTION 'a review advances one step at a time' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_performance_goal_transition';
          END IF;
        ELSIF NEW.status <> 'DRAFT' THEN
          RAISE EXCEPTION 'a goal starts as a draft' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_performance_goal_transition';
        END IF;
        SELECT path INTO NEW.region_path FROM region WHERE tenant_id = NEW.tenant_id AND id = NEW.region_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_performance_goal_before_write BEFORE INSERT OR UPDATE ON performance_goal FOR EACH ROW EXECUTE FUNCTION performance_goal_before_write()`,
    );

    // Indicators change only while the goal is with its drafter (DRAFT or RETURNED) — P8.
    await q.query(`CREATE FUNCTION goal_indicator_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
        row_goal uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.goal_id ELSE NEW.goal_id END;
        parent_status text;
      BEGIN
        SELECT status INTO parent_status FROM performance_goal WHERE tenant_id = row_tenant AND id = row_goal;
        IF parent_status IS NOT NULL AND parent_status NOT IN ('DRAFT', 'RETURNED') THEN
          RAISE EXCEPTION 'the indicators of a submitted goal are frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_goal_indicator_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_goal_indicator_before_write BEFORE INSERT OR UPDATE OR DELETE ON goal_indicator FOR EACH ROW EXECUTE FUNCTION goal_indicator_before_write()`,
    );

    // The review history is append-only, even for the table owner (DOMAIN §15).
    await q.query(`CREATE FUNCTION goal_transition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'goal_transition is append-only' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_goal_transition_append_only';
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_goal_transition_append_only BEFORE UPDATE OR DELETE ON goal_transition FOR EACH ROW EXECUTE FUNCTION goal_transition_append_only()`,
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
    // Goals are never deleted (DOMAIN §15); a draft's indicators are replaced as a whole; history only grows.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON performance_goal TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON goal_indicator TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT ON goal_transition TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE goal_transition, goal_indicator, performance_goal`);
    await q.query(
      `DROP FUNCTION goal_transition_append_only(), goal_indicator_before_write(), performance_goal_before_write()`,
    );
  }
}
