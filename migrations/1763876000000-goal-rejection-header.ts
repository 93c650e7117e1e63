import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'ISSUED', 'RETURNED', 'SUPERSEDED', 'FILED_FOR_RECORD', 'WITHDRAWN'`;
const ACTIONS = `'EDIT', 'SUBMIT', 'APPROVE', 'RETURN', 'ISSUE', 'REQUEST_ADJUSTMENT', 'FILE_FOR_RECORD', 'WITHDRAW_ADJUSTMENT'`;
const NEW_STATUSES = `${STATUSES}, 'REJECTED'`;
const NEW_ACTIONS = `${ACTIONS}, 'REJECT'`;

/**
 * The state machine of performance_goal_before_write (DOMAIN §7), copied from AdjustmentWithdrawal1763821000000;
 * `rejection` is the extra rule this migration adds (empty for `down`).
 */
const beforeWrite = (
  rejection: string,
) => `CREATE OR REPLACE FUNCTION performance_goal_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
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
            OR (OLD.status = 'FILED_FOR_RECORD' AND NEW.status IN ('RETURNED', 'SUPERSEDED'))
            OR (OLD.status IN ('DRAFT', 'RETURNED') AND NEW.status = 'WITHDRAWN' AND OLD.supersedes_goal_id IS NOT NULL)${rejection}) THEN
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
      END $$`;

const money = (c: string) => `("${c}" IS NULL OR "${c}" >= 0)`;
const HEADER_MONEY = [
  'period_amount',
  'period_fiscal_amount',
  'period_other_amount',
  'allocating_level_amount',
  'lower_level_amount',
];

/**
 * Issue 9 items 9 and 11 (DOMAIN §5, §7):
 * - 不予受理 (001 三(一) 经审核仍不合格的，可不予受理): a goal under review may become REJECTED — terminal: no
 *   rule leaves it, so it is frozen (P8) and its indicators stay frozen (status not DRAFT/RETURNED); the
 *   REJECT action is recorded in goal_transition with its reason.
 * - the 附件1–3 header: project attribute (新增/延续), category (项目类别), implementation period (years),
 *   the implementation-period amount with its fiscal/other split (附件1), and the transfer money split
 *   (附件2–3 其中：市级预算资金 / 县级及以下资金). All nullable; amounts NUMERIC(16,2) ≥ 0; the years ordered.
 */
export class GoalRejectionHeader1763876000000 implements MigrationInterface {
  name = 'GoalRejectionHeader1763876000000';

  async up(q: QueryRunner): Promise<void> {
    await this.checks(q, NEW_STATUSES, NEW_ACTIONS);
    await q.query(
      beforeWrite(`
            OR (OLD.status IN ('SUBMITTED', 'IN_REVIEW') AND NEW.status = 'REJECTED')`),
    );
    await q.query(`ALTER TABLE "performance_goal" ADD "project_attribute" character varying(16)`);
    await q.query(`ALTER TABLE "performance_goal" ADD "project_category" character varying(100)`);
    await q.query(`ALTER TABLE "performance_goal" ADD "period_start_year" integer`);
    await q.query(`ALTER TABLE "performance_goal" ADD "period_end_year" integer`);
    for (const c of HEADER_MONEY) await q.query(`ALTER TABLE "performance_goal" ADD "${c}" numeric(16,2)`);
    await q.query(
      `ALTER TABLE "performance_goal" ADD CONSTRAINT "ck_performance_goal_project_attribute" CHECK ("project_attribute" IS NULL OR "project_attribute" IN ('NEW', 'CONTINUING'))`,
    );
    await q.query(
      `ALTER TABLE "performance_goal" ADD CONSTRAINT "ck_performance_goal_period" CHECK (("period_start_year" IS NULL OR "period_start_year" BETWEEN 2000 AND 2100) AND ("period_end_year" IS NULL OR "period_end_year" BETWEEN 2000 AND 2100) AND ("period_start_year" IS NULL OR "period_end_year" IS NULL OR "period_end_year" >= "period_start_year"))`,
    );
    await q.query(
      `ALTER TABLE "performance_goal" ADD CONSTRAINT "ck_performance_goal_header_amounts" CHECK (${HEADER_MONEY.map(money).join(' AND ')})`,
    );
  }

  /** Refused by the CHECKs while rejected rows exist: they are never deleted. */
  async down(q: QueryRunner): Promise<void> {
    for (const c of ['header_amounts', 'period', 'project_attribute'])
      await q.query(`ALTER TABLE "performance_goal" DROP CONSTRAINT "ck_performance_goal_${c}"`);
    for (const c of [...HEADER_MONEY, 'period_end_year', 'period_start_year', 'project_category'])
      await q.query(`ALTER TABLE "performance_goal" DROP COLUMN "${c}"`);
    await q.query(`ALTER TABLE "performance_goal" DROP COLUMN "project_attribute"`);
    await q.query(beforeWrite(''));
    await this.checks(q, STATUSES, ACTIONS);
  }

  private async checks(q: QueryRunner, statuses: string, actions: string): Promise<void> {
    await q.query(
      `ALTER TABLE "performance_goal" DROP CONSTRAINT "ck_performance_goal_status", ADD CONSTRAINT "ck_performance_goal_status" CHECK ("status" IN (${statuses}))`,
    );
    await q.query(
      `ALTER TABLE "goal_transition" DROP CONSTRAINT "ck_goal_transition_action", ADD CONSTRAINT "ck_goal_transition_action" CHECK ("action" IN (${actions}))`,
    );
    await q.query(
      `ALTER TABLE "goal_transition" DROP CONSTRAINT "ck_goal_transition_status", ADD CONSTRAINT "ck_goal_transition_status" CHECK ("from_status" IN (${statuses}) AND "to_status" IN (${statuses}))`,
    );
  }
}
