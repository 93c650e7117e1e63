import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'ISSUED', 'RETURNED', 'SUPERSEDED', 'FILED_FOR_RECORD'`;
const ACTIONS = `'EDIT', 'SUBMIT', 'APPROVE', 'RETURN', 'ISSUE', 'REQUEST_ADJUSTMENT', 'FILE_FOR_RECORD'`;
const NEW_STATUSES = `${STATUSES}, 'WITHDRAWN'`;
const NEW_ACTIONS = `${ACTIONS}, 'WITHDRAW_ADJUSTMENT'`;

/**
 * The state machine of performance_goal_before_write (DOMAIN §7), copied from Goals1763810000000;
 * `withdrawal` is the extra rule this migration adds (empty for `down`).
 */
const beforeWrite = (
  withdrawal: string,
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
            OR (OLD.status = 'FILED_FOR_RECORD' AND NEW.status IN ('RETURNED', 'SUPERSEDED'))${withdrawal}) THEN
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

/**
 * 撤回调整申请 (DOMAIN §7, §15): an adjustment (version n+1, `supersedes_goal_id` set) still in DRAFT or
 * RETURNED may become WITHDRAWN — terminal: no rule leaves it, so it is frozen (P8) and its indicators stay
 * frozen by goal_indicator_before_write (status not DRAFT/RETURNED). Goals are never deleted, so the one
 * adjustment per version becomes one *live* adjustment per version: the unique constraint is replaced by a
 * unique partial index that ignores withdrawn rows, and a new n+1 (same goal_version) may follow.
 */
export class AdjustmentWithdrawal1763821000000 implements MigrationInterface {
  name = 'AdjustmentWithdrawal1763821000000';

  async up(q: QueryRunner): Promise<void> {
    await this.checks(q, NEW_STATUSES, NEW_ACTIONS);
    await q.query(`ALTER TABLE "performance_goal" DROP CONSTRAINT "uq_performance_goal_supersedes"`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_performance_goal_supersedes" ON "performance_goal" ("tenant_id", "supersedes_goal_id") WHERE "status" <> 'WITHDRAWN'`,
    );
    await q.query(
      beforeWrite(`
            OR (OLD.status IN ('DRAFT', 'RETURNED') AND NEW.status = 'WITHDRAWN' AND OLD.supersedes_goal_id IS NOT NULL)`),
    );
  }

  /** Refused by the CHECKs (and the unique constraint) while withdrawn rows exist: they are never deleted. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(beforeWrite(''));
    await q.query(`DROP INDEX "uq_performance_goal_supersedes"`);
    await q.query(
      `ALTER TABLE "performance_goal" ADD CONSTRAINT "uq_performance_goal_supersedes" UNIQUE ("tenant_id", "supersedes_goal_id")`,
    );
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
