import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables scoped by tenant with row-level security (DOMAIN §3), as in the foundation. */
const tenantTables = [
  'evaluation',
  'evaluation_actual',
  'evaluation_framework_score',
  'evaluation_report_section',
  'evaluation_transition',
];

const KINDS = `'SELF', 'DEPARTMENT', 'FINANCE', 'SPOT_CHECK'`;
const STATUSES = `'DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED'`;
const GRADES = `'EXCELLENT', 'GOOD', 'FAIR', 'POOR'`;
const ACTIONS = `'CREATE', 'COMMISSION', 'SUBMIT', 'APPROVE', 'RETURN'`;
const TIERS = `'ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'`;
const FRAMEWORK_CATEGORIES = `'DECISION', 'PROCESS', 'OUTPUT', 'BENEFIT'`;
const points = (c: string) => `("${c}" IS NULL OR ("${c}" >= 0 AND "${c}" <= 100))`;

/**
 * Evaluations (绩效评价, DOMAIN §10):
 * - `evaluation`: one SELF (单位自评), DEPARTMENT (部门评价), FINANCE (财政评价) or SPOT_CHECK (抽查复核)
 *   evaluation of a goal version — evaluator, reviewer (SELF: the level above), commissioned third party,
 *   money NUMERIC(14,2), category points, total and grade (set on submit), the engine's score lines as
 *   jsonb (every score explains itself), status DRAFT → SUBMITTED → REVIEWED / RETURNED, `row_version`,
 *   `region_path` and `year` copied by trigger from the goal (subtree scoping is one indexed predicate).
 *   At most one SELF evaluation per goal (unique partial index).
 * - `evaluation_actual`: per indicator of the goal, the actual value or qualitative tier and percentage,
 *   explanation, "target set too low" confirmation, and the engine's stored score, rule and flags.
 * - `evaluation_framework_score`: DEPARTMENT / FINANCE framework indicators (附件7) with points and score.
 * - `evaluation_report_section`: the report as structured sections (002 附件8 outline).
 * - `evaluation_transition`: append-only history of every workflow action (DOMAIN §15).
 * The database refuses status skips, any change to a SUBMITTED or REVIEWED evaluation and its child rows
 * except the review transition itself (P8), and any change of the history. Nothing is deleted.
 */
export class Evaluation1763840000000 implements MigrationInterface {
  name = 'Evaluation1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "evaluation" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "goal_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "year" integer NOT NULL, "status" character varying(16) NOT NULL, "evaluator_organization_id" uuid NOT NULL, "reviewer_organization_id" uuid, "commissioned_organization_id" uuid, "commissioned_at" TIMESTAMP WITH TIME ZONE, "spot_check_of_evaluation_id" uuid, "budgeted" numeric(14,2), "in_place" numeric(14,2), "spent" numeric(14,2), "fund_arrival_explanation" text, "budget_execution_explanation" text, "common_points" numeric(5,2), "output_points" numeric(5,2), "benefit_points" numeric(5,2), "satisfaction_points" numeric(5,2), "total" numeric(5,2), "grade" character varying(16), "score_lines" jsonb, "region_path" text NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP WITH TIME ZONE, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_evaluation_kind" CHECK ("kind" IN (${KINDS})), CONSTRAINT "ck_evaluation_status" CHECK ("status" IN (${STATUSES})), CONSTRAINT "ck_evaluation_grade" CHECK ("grade" IS NULL OR "grade" IN (${GRADES})), CONSTRAINT "ck_evaluation_money" CHECK (("budgeted" IS NULL OR "budgeted" >= 0) AND ("in_place" IS NULL OR "in_place" >= 0) AND ("spent" IS NULL OR "spent" >= 0)), CONSTRAINT "ck_evaluation_points" CHECK (${points('common_points')} AND ${points('output_points')} AND ${points('benefit_points')} AND ${points('satisfaction_points')} AND ${points('total')}), CONSTRAINT "ck_evaluation_category_points" CHECK (("common_points" IS NULL AND "output_points" IS NULL AND "benefit_points" IS NULL AND "satisfaction_points" IS NULL) OR ("common_points" + "output_points" + "benefit_points" + "satisfaction_points" = 100)), CONSTRAINT "ck_evaluation_spot_check" CHECK (("kind" = 'SPOT_CHECK') = ("spot_check_of_evaluation_id" IS NOT NULL)), CONSTRAINT "ck_evaluation_commission" CHECK ("commissioned_organization_id" IS NULL OR ("kind" IN ('DEPARTMENT', 'FINANCE') AND "commissioned_at" IS NOT NULL)), CONSTRAINT "ck_evaluation_submitted" CHECK ("status" NOT IN ('SUBMITTED', 'REVIEWED') OR ("submitted_at" IS NOT NULL AND "total" IS NOT NULL AND "grade" IS NOT NULL)), CONSTRAINT "ck_evaluation_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "pk_evaluation" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_evaluation_region_path" ON "evaluation" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(`CREATE INDEX "idx_evaluation_goal" ON "evaluation" ("tenant_id", "goal_id")`);
    await q.query(
      `CREATE INDEX "idx_evaluation_evaluator" ON "evaluation" ("tenant_id", "evaluator_organization_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_evaluation_commissioned" ON "evaluation" ("tenant_id", "commissioned_organization_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_evaluation_year" ON "evaluation" ("tenant_id", "year", "kind", "status")`,
    );
    // P4 谁支出、谁自评: one self-evaluation per goal version (spot checks and others are separate kinds).
    await q.query(
      `CREATE UNIQUE INDEX "uq_evaluation_self_goal" ON "evaluation" ("tenant_id", "goal_id") WHERE "kind" = 'SELF'`,
    );

    await q.query(
      `CREATE TABLE "evaluation_actual" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "evaluation_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "actual" numeric, "tier" character varying(16), "percentage" numeric(5,2), "explanation" text, "target_set_too_low" boolean NOT NULL DEFAULT false, "score" numeric(5,2), "rule" character varying(32), "flags" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "ck_evaluation_actual_tier" CHECK ("tier" IS NULL OR "tier" IN (${TIERS})), CONSTRAINT "ck_evaluation_actual_percentage" CHECK ("percentage" IS NULL OR ("percentage" >= 0 AND "percentage" <= 100)), CONSTRAINT "ck_evaluation_actual_score" CHECK ("score" IS NULL OR ("score" >= 0 AND "score" <= 100)), CONSTRAINT "uq_evaluation_actual_indicator" UNIQUE ("tenant_id", "evaluation_id", "indicator_id"), CONSTRAINT "pk_evaluation_actual" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE TABLE "evaluation_framework_score" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "evaluation_id" uuid NOT NULL, "position" integer NOT NULL, "category" character varying(16) NOT NULL, "code" character varying(48) NOT NULL, "name" character varying(200) NOT NULL, "points" numeric(5,2) NOT NULL, "score" numeric(5,2), "comment" text, CONSTRAINT "ck_evaluation_framework_score_category" CHECK ("category" IN (${FRAMEWORK_CATEGORIES})), CONSTRAINT "ck_evaluation_framework_score_points" CHECK ("points" >= 0 AND "points" <= 100 AND ("score" IS NULL OR ("score" >= 0 AND "score" <= "points"))), CONSTRAINT "uq_evaluation_framework_score_code" UNIQUE ("tenant_id", "evaluation_id", "code"), CONSTRAINT "pk_evaluation_framework_score" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE TABLE "evaluation_report_section" ("tenant_id" uuid NOT NULL, "evaluation_id" uuid NOT NULL, "section_key" character varying(32) NOT NULL, "body" text NOT NULL, CONSTRAINT "pk_evaluation_report_section" PRIMARY KEY ("tenant_id", "evaluation_id", "section_key"))`,
    );
    await q.query(
      `CREATE TABLE "evaluation_transition" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "evaluation_id" uuid NOT NULL, "action" character varying(16) NOT NULL, "from_status" character varying(16) NOT NULL, "to_status" character varying(16) NOT NULL, "actor_user_id" uuid NOT NULL, "actor_organization_id" uuid NOT NULL, "comment" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "ck_evaluation_transition_action" CHECK ("action" IN (${ACTIONS})), CONSTRAINT "ck_evaluation_transition_status" CHECK ("from_status" IN (${STATUSES}) AND "to_status" IN (${STATUSES})), CONSTRAINT "ck_evaluation_transition_return_comment" CHECK ("action" <> 'RETURN' OR length(btrim("comment")) > 0), CONSTRAINT "pk_evaluation_transition" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_evaluation_transition_evaluation" ON "evaluation_transition" ("tenant_id", "evaluation_id", "at")`,
    );

    const fk = (table: string, name: string, column: string, target: string) =>
      q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("tenant_id", "${column}") REFERENCES "${target}"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    await fk('evaluation', 'fk_evaluation_goal', 'goal_id', 'performance_goal');
    await fk('evaluation', 'fk_evaluation_evaluator', 'evaluator_organization_id', 'organization');
    await fk('evaluation', 'fk_evaluation_reviewer', 'reviewer_organization_id', 'organization');
    await fk('evaluation', 'fk_evaluation_commissioned', 'commissioned_organization_id', 'organization');
    await fk('evaluation', 'fk_evaluation_spot_check_of', 'spot_check_of_evaluation_id', 'evaluation');
    await fk('evaluation_actual', 'fk_evaluation_actual_evaluation', 'evaluation_id', 'evaluation');
    await fk('evaluation_actual', 'fk_evaluation_actual_indicator', 'indicator_id', 'goal_indicator');
    await fk(
      'evaluation_framework_score',
      'fk_evaluation_framework_score_evaluation',
      'evaluation_id',
      'evaluation',
    );
    await fk(
      'evaluation_report_section',
      'fk_evaluation_report_section_evaluation',
      'evaluation_id',
      'evaluation',
    );
    await fk('evaluation_transition', 'fk_evaluation_transition_evaluation', 'evaluation_id', 'evaluation');
    await fk('evaluation_transition', 'fk_evaluation_transition_actor_user', 'actor_user_id', 'app_user');
    await fk(
      'evaluation_transition',
      'fk_evaluation_transition_actor_organization',
      'actor_organization_id',
      'organization',
    );

    // DOMAIN §10, P8: DRAFT/RETURNED are edited; they are submitted; a SUBMITTED evaluation is reviewed
    // (REVIEWED) or returned (RETURNED) — no skips. A SUBMITTED or REVIEWED evaluation changes only by
    // its review transition, which touches nothing but the status and the review time. The goal, kind
    // and evaluator never change; the year and path are the goal's. Commissioning happens while DRAFT.
    await q.query(`CREATE FUNCTION evaluation_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        review_columns text[] := ARRAY['status', 'reviewed_at', 'row_version', 'updated_at'];
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.goal_id <> OLD.goal_id OR NEW.kind <> OLD.kind
             OR NEW.evaluator_organization_id <> OLD.evaluator_organization_id
             OR NEW.reviewer_organization_id IS DISTINCT FROM OLD.reviewer_organization_id
             OR NEW.spot_check_of_evaluation_id IS DISTINCT FROM OLD.spot_check_of_evaluation_id THEN
            RAISE EXCEPTION 'an evaluation cannot change its goal, kind or evaluator' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_fixed';
          END IF;
          IF OLD.status IN ('SUBMITTED', 'REVIEWED') AND NEW.status = OLD.status THEN
            RAISE EXCEPTION 'a submitted evaluation is frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_frozen';
          END IF;
          IF NOT (
               (OLD.status IN ('DRAFT', 'RETURNED') AND NEW.status IN (OLD.status, 'SUBMITTED'))
            OR (OLD.status = 'SUBMITTED' AND NEW.status IN ('REVIEWED', 'RETURNED'))) THEN
            RAISE EXCEPTION 'evaluation status % cannot become %', OLD.status, NEW.status USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_transition';
          END IF;
          IF OLD.status = 'SUBMITTED' AND (to_jsonb(NEW) - review_columns) <> (to_jsonb(OLD) - review_columns) THEN
            RAISE EXCEPTION 'a submitted evaluation is frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_frozen';
          END IF;
          IF NEW.commissioned_organization_id IS DISTINCT FROM OLD.commissioned_organization_id
             AND (OLD.status <> 'DRAFT' OR OLD.commissioned_organization_id IS NOT NULL) THEN
            RAISE EXCEPTION 'an evaluation is commissioned once, while a draft' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_commission_once';
          END IF;
        ELSIF NEW.status <> 'DRAFT' THEN
          RAISE EXCEPTION 'an evaluation starts as a draft' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_transition';
        END IF;
        SELECT region_path, year INTO NEW.region_path, NEW.year FROM performance_goal WHERE tenant_id = NEW.tenant_id AND id = NEW.goal_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_evaluation_before_write BEFORE INSERT OR UPDATE ON evaluation FOR EACH ROW EXECUTE FUNCTION evaluation_before_write()`,
    );

    // The content of an evaluation (actuals, framework scores, report) changes only while it is with its
    // evaluator (DRAFT or RETURNED) — P8.
    await q.query(`CREATE FUNCTION evaluation_child_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
        row_evaluation uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.evaluation_id ELSE NEW.evaluation_id END;
        parent_status text;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.evaluation_id <> OLD.evaluation_id THEN
          RAISE EXCEPTION 'a row of an evaluation stays with it' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_content_frozen';
        END IF;
        SELECT status INTO parent_status FROM evaluation WHERE tenant_id = row_tenant AND id = row_evaluation;
        IF parent_status IS NOT NULL AND parent_status NOT IN ('DRAFT', 'RETURNED') THEN
          RAISE EXCEPTION 'the content of a submitted evaluation is frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_content_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['evaluation_actual', 'evaluation_framework_score', 'evaluation_report_section']) {
      await q.query(
        `CREATE TRIGGER trg_${table}_before_write BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION evaluation_child_before_write()`,
      );
    }

    // The history is append-only, even for the table owner (DOMAIN §15).
    await q.query(`CREATE FUNCTION evaluation_transition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'evaluation_transition is append-only' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_transition_append_only';
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_evaluation_transition_append_only BEFORE UPDATE OR DELETE ON evaluation_transition FOR EACH ROW EXECUTE FUNCTION evaluation_transition_append_only()`,
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
    // Evaluations are never deleted (DOMAIN §15); their content is replaced as a whole while editable;
    // the history only grows.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON evaluation TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON evaluation_actual TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON evaluation_framework_score TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON evaluation_report_section TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT ON evaluation_transition TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE evaluation_transition, evaluation_report_section, evaluation_framework_score, evaluation_actual, evaluation`,
    );
    await q.query(
      `DROP FUNCTION evaluation_transition_append_only(), evaluation_child_before_write(), evaluation_before_write()`,
    );
  }
}
