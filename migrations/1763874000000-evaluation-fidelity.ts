import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_STATUSES = `'DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED'`;
const STATUSES = `${OLD_STATUSES}, 'RESPONDED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED'`;
const OLD_ACTIONS = `'CREATE', 'COMMISSION', 'SUBMIT', 'APPROVE', 'RETURN'`;
const ACTIONS = `${OLD_ACTIONS}, 'RESPOND', 'FINALIZE', 'REPORT', 'ACKNOWLEDGE'`;

/** The status rule of Evaluation1763840000000, extended by `transitions` and the columns each may touch. */
const beforeWrite = (transitions: string, frozenColumns: string) => `
  CREATE OR REPLACE FUNCTION evaluation_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    step_columns text[];
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      IF NEW.goal_id <> OLD.goal_id OR NEW.kind <> OLD.kind
         OR NEW.evaluator_organization_id <> OLD.evaluator_organization_id
         OR NEW.reviewer_organization_id IS DISTINCT FROM OLD.reviewer_organization_id
         OR NEW.spot_check_of_evaluation_id IS DISTINCT FROM OLD.spot_check_of_evaluation_id THEN
        RAISE EXCEPTION 'an evaluation cannot change its goal, kind or evaluator' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_fixed';
      END IF;
      IF OLD.status NOT IN ('DRAFT', 'RETURNED') AND NEW.status = OLD.status THEN
        RAISE EXCEPTION 'a submitted evaluation is frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_frozen';
      END IF;
      IF NOT (
           (OLD.status IN ('DRAFT', 'RETURNED') AND NEW.status IN (OLD.status, 'SUBMITTED'))
        ${transitions}) THEN
        RAISE EXCEPTION 'evaluation status % cannot become %', OLD.status, NEW.status USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_evaluation_transition';
      END IF;
      step_columns := ${frozenColumns};
      IF OLD.status NOT IN ('DRAFT', 'RETURNED') AND (to_jsonb(NEW) - step_columns) <> (to_jsonb(OLD) - step_columns) THEN
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
  END $$`;

const OLD_TRANSITIONS = `OR (OLD.status = 'SUBMITTED' AND NEW.status IN ('REVIEWED', 'RETURNED'))`;
const OLD_COLUMNS = `ARRAY['status', 'reviewed_at', 'row_version', 'updated_at']`;

// 002 第二十六条(二) 6–8 and 第二十八条(二): a department or finance evaluation's preliminary result
// (SUBMITTED) gets the evaluated body's response (交换意见, RESPONDED); the evaluator then finalizes it
// (FINALIZED), weighing the response; a department reports the final result to finance
// (REPORTED), which acknowledges it (ACKNOWLEDGED). Each step touches only its own columns.
const TRANSITIONS = `
        OR (OLD.status = 'SUBMITTED' AND NEW.status IN ('REVIEWED', 'RETURNED') AND OLD.kind IN ('SELF', 'SPOT_CHECK'))
        OR (OLD.status = 'SUBMITTED' AND NEW.status = 'RESPONDED' AND OLD.kind IN ('DEPARTMENT', 'FINANCE'))
        OR (OLD.status = 'RESPONDED' AND NEW.status = 'FINALIZED')
        OR (OLD.status = 'FINALIZED' AND NEW.status = 'REPORTED' AND OLD.kind = 'DEPARTMENT')
        OR (OLD.status = 'REPORTED' AND NEW.status = 'ACKNOWLEDGED')`;
const COLUMNS = `ARRAY['status', 'row_version', 'updated_at'] || CASE
        WHEN NEW.status = 'RESPONDED' THEN ARRAY['response_decision', 'response_text', 'responded_at', 'responded_by_organization_id']
        WHEN NEW.status = 'FINALIZED' THEN ARRAY['finalized_at']
        WHEN NEW.status = 'REPORTED' THEN ARRAY['reported_at']
        WHEN NEW.status = 'ACKNOWLEDGED' THEN ARRAY['acknowledged_at']
        ELSE ARRAY['reviewed_at'] END`;

/**
 * Issue 9 items 17–18 — fidelity to 002 附件6 and 附件7 (DOMAIN §10.8, "Department and finance evaluation"):
 * - self-evaluation: 年初预算数 (`initial_budget`; `budgeted` is the 全年预算数 the rates use), the 年度总体目标
 *   (`annual_objective`, existing rows get the goal's) and 实际完成情况 (`achievement`) as text, and the
 *   整改措施 (`rectification_measures`, 002 第二十八条(一));
 * - framework evaluation: the entered figures the rates are computed from (planned / actual / standard
 *   output, planned / actual cost; money reuses budgeted / in_place / spent), the justification of an
 *   OUTPUT + BENEFIT weight under 60 (原则上, 002 第二十一条(二)), the evaluated body's response (交换意见)
 *   and the report to finance (statuses RESPONDED, FINALIZED, REPORTED, ACKNOWLEDGED).
 */
export class EvaluationFidelity1763874000000 implements MigrationInterface {
  name = 'EvaluationFidelity1763874000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "evaluation" ADD "initial_budget" numeric(14,2), ADD "annual_objective" text, ADD "achievement" text, ADD "rectification_measures" text, ADD "planned_output" numeric, ADD "actual_output" numeric, ADD "standard_output" numeric, ADD "planned_cost" numeric(14,2), ADD "actual_cost" numeric(14,2), ADD "weight_justification" text, ADD "response_decision" character varying(16), ADD "response_text" text, ADD "responded_at" TIMESTAMP WITH TIME ZONE, ADD "responded_by_organization_id" uuid, ADD "finalized_at" TIMESTAMP WITH TIME ZONE, ADD "reported_at" TIMESTAMP WITH TIME ZONE, ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "fk_evaluation_responded_by" FOREIGN KEY ("tenant_id", "responded_by_organization_id") REFERENCES "organization"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "ck_evaluation_figures" CHECK (("initial_budget" IS NULL OR "initial_budget" >= 0) AND ("planned_output" IS NULL OR "planned_output" >= 0) AND ("actual_output" IS NULL OR "actual_output" >= 0) AND ("standard_output" IS NULL OR "standard_output" >= 0) AND ("planned_cost" IS NULL OR "planned_cost" >= 0) AND ("actual_cost" IS NULL OR "actual_cost" >= 0))`,
    );
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "ck_evaluation_response" CHECK ("response_decision" IS NULL OR ("response_decision" IN ('AGREE', 'DISAGREE') AND "responded_at" IS NOT NULL AND "responded_by_organization_id" IS NOT NULL AND ("response_decision" = 'AGREE' OR length(btrim("response_text")) > 0)))`,
    );
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "ck_evaluation_flow" CHECK (("status" NOT IN ('RESPONDED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED') OR ("kind" IN ('DEPARTMENT', 'FINANCE') AND "response_decision" IS NOT NULL)) AND ("status" NOT IN ('FINALIZED', 'REPORTED', 'ACKNOWLEDGED') OR "finalized_at" IS NOT NULL) AND ("status" NOT IN ('REPORTED', 'ACKNOWLEDGED') OR ("kind" = 'DEPARTMENT' AND "reported_at" IS NOT NULL)) AND ("status" <> 'ACKNOWLEDGED' OR "acknowledged_at" IS NOT NULL))`,
    );
    await this.statuses(q, STATUSES, ACTIONS, `"status" NOT IN ('DRAFT', 'RETURNED')`);
    await q.query(beforeWrite(TRANSITIONS, COLUMNS));
    // Existing self-evaluations, submitted ones too: the annual objective of 附件6 is the goal's (年度目标).
    // The freeze trigger is bypassed for this one backfill, which changes nothing else.
    await q.query(`ALTER TABLE "evaluation" DISABLE TRIGGER trg_evaluation_before_write`);
    await q.query(
      `UPDATE "evaluation" e SET "annual_objective" = g."annual_objective" FROM "performance_goal" g WHERE g."tenant_id" = e."tenant_id" AND g."id" = e."goal_id" AND e."kind" = 'SELF' AND e."annual_objective" IS NULL AND g."annual_objective" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "evaluation" ENABLE TRIGGER trg_evaluation_before_write`);
  }

  private async statuses(q: QueryRunner, statuses: string, actions: string, submitted: string) {
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "ck_evaluation_status"`);
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "ck_evaluation_status" CHECK ("status" IN (${statuses}))`,
    );
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "ck_evaluation_submitted"`);
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "ck_evaluation_submitted" CHECK (NOT (${submitted}) OR ("submitted_at" IS NOT NULL AND "total" IS NOT NULL AND "grade" IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE "evaluation_transition" DROP CONSTRAINT "ck_evaluation_transition_action"`);
    await q.query(
      `ALTER TABLE "evaluation_transition" ADD CONSTRAINT "ck_evaluation_transition_action" CHECK ("action" IN (${actions}))`,
    );
    await q.query(`ALTER TABLE "evaluation_transition" DROP CONSTRAINT "ck_evaluation_transition_status"`);
    await q.query(
      `ALTER TABLE "evaluation_transition" ADD CONSTRAINT "ck_evaluation_transition_status" CHECK ("from_status" IN (${statuses}) AND "to_status" IN (${statuses}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(beforeWrite(OLD_TRANSITIONS, OLD_COLUMNS));
    await this.statuses(q, OLD_STATUSES, OLD_ACTIONS, `"status" IN ('SUBMITTED', 'REVIEWED')`);
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "ck_evaluation_flow"`);
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "ck_evaluation_response"`);
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "ck_evaluation_figures"`);
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "fk_evaluation_responded_by"`);
    await q.query(
      `ALTER TABLE "evaluation" DROP COLUMN "initial_budget", DROP COLUMN "annual_objective", DROP COLUMN "achievement", DROP COLUMN "rectification_measures", DROP COLUMN "planned_output", DROP COLUMN "actual_output", DROP COLUMN "standard_output", DROP COLUMN "planned_cost", DROP COLUMN "actual_cost", DROP COLUMN "weight_justification", DROP COLUMN "response_decision", DROP COLUMN "response_text", DROP COLUMN "responded_at", DROP COLUMN "responded_by_organization_id", DROP COLUMN "finalized_at", DROP COLUMN "reported_at", DROP COLUMN "acknowledged_at"`,
    );
  }
}
