import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The checks of src/policy/policy.entity.ts as of this migration (DOMAIN §10.7 ranges). */
const POLICY_CHECKS = {
  ck_tenant_policy_bands: `"grade_excellent" <= 100 AND "grade_excellent" > "grade_good" AND "grade_good" > "grade_fair" AND "grade_fair" > 0`,
  ck_tenant_policy_over_target: `"over_target_threshold" > 1 AND "over_target_floor" >= 0 AND "over_target_floor" <= 1`,
  ck_tenant_policy_points: `"slow_execution_threshold" >= 0 AND "slow_execution_threshold" <= 100 AND "spot_check_gap" >= 0 AND "spot_check_gap" <= 100`,
  ck_tenant_policy_ratio: `"spot_check_ratio" > 0 AND "spot_check_ratio" <= 1`,
  ck_tenant_policy_monitoring: `"monitoring_cadence" IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY') AND "monitoring_due_day" BETWEEN 1 AND 28 AND "department_check_month" BETWEEN 1 AND 12`,
  ck_tenant_policy_year: `"year" BETWEEN 2000 AND 2100 AND "version" >= 1`,
} as const;

const checks = Object.entries(POLICY_CHECKS)
  .map(([name, sql]) => `CONSTRAINT "${name}" CHECK (${sql})`)
  .join(', ');

const fk = (table: string, name: string, column: string, target: string) =>
  `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("tenant_id", "${column}") REFERENCES "${target}"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`;

/** The item trigger of SpotCheck1763850000000 with `sampled` widened to department evaluations. */
const itemTrigger = (
  sampled: string,
) => `CREATE OR REPLACE FUNCTION spot_check_item_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        outcome_columns text[] := ARRAY['status', 'flags', 'check_evaluation_id', 'checked_by_user_id', 'checked_at', 'row_version'];
        drawn timestamptz;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'spot-check items are never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_spot_check_item_immutable';
        END IF;
        IF TG_OP = 'INSERT' THEN
          SELECT drawn_at INTO drawn FROM spot_check_sample WHERE tenant_id = NEW.tenant_id AND id = NEW.sample_id;
          IF drawn IS DISTINCT FROM now() THEN
            RAISE EXCEPTION 'items are added only when the sample is drawn' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_spot_check_item_immutable';
          END IF;
          IF NEW.self_evaluation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.tenant_id = NEW.tenant_id
               AND e.id = NEW.self_evaluation_id AND e.goal_id = NEW.goal_id AND (${sampled})) THEN
            RAISE EXCEPTION 'a sampled item is a submitted evaluation of its goal' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_spot_check_item_self';
          END IF;
          SELECT path INTO NEW.region_path FROM region WHERE tenant_id = NEW.tenant_id AND id = NEW.region_id;
          RETURN NEW;
        END IF;
        IF OLD.status <> 'PENDING' OR NEW.status <> 'CHECKED'
           OR (to_jsonb(NEW) - outcome_columns) <> (to_jsonb(OLD) - outcome_columns) THEN
          RAISE EXCEPTION 'a spot-check item changes once, from PENDING to CHECKED' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_spot_check_item_transition';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.check_evaluation_id
             AND e.kind = 'SPOT_CHECK' AND e.spot_check_of_evaluation_id = NEW.self_evaluation_id AND e.status IN ('SUBMITTED', 'REVIEWED')) THEN
          RAISE EXCEPTION 'a checked item names the submitted spot check of its self-evaluation' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_spot_check_item_check';
        END IF;
        RETURN NEW;
      END $$`;

const OLD_SAMPLED = `e.kind = 'SELF' AND e.status IN ('SUBMITTED', 'REVIEWED')`;
const NEW_SAMPLED = `(e.kind = 'SELF' AND e.status IN ('SUBMITTED', 'REVIEWED')) OR (e.kind = 'DEPARTMENT' AND e.status NOT IN ('DRAFT', 'RETURNED'))`;

/**
 * Issue 9 items 12–16 — the tenant policy (绩效管理参数, DOMAIN §10 rule 7) stored and versioned:
 * - `tenant_policy`: append-only versions (trigger), one per change, numbered per tenant; a version applies
 *   from its `year` on until a later year has its own. Rows of `monitoring_policy` (only the SLOW_EXECUTION
 *   threshold) are carried over as version 1 of year 2000 — the baseline of every year — and that table is
 *   dropped: one policy, one writer.
 * - `policy_id` on `evaluation`, `monitoring_report` and `spot_check_sample`: the version a result was
 *   computed with, set on submission (draw), so a later change never rewrites past results (null: defaults).
 * - `spot_check_sample.self_evaluation_due_date`: the due date the draw judged "by the deadline" with (§12).
 * - Spot-check items may name a department evaluation (部门评价, 002 第二十八条(二)) besides a self-evaluation.
 */
export class TenantPolicy1763873000000 implements MigrationInterface {
  name = 'TenantPolicy1763873000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "tenant_policy" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "grade_excellent" numeric(5,2) NOT NULL, "grade_good" numeric(5,2) NOT NULL, "grade_fair" numeric(5,2) NOT NULL, "over_target_threshold" numeric(6,4) NOT NULL, "over_target_floor" numeric(5,4) NOT NULL, "slow_execution_threshold" numeric(5,2) NOT NULL, "spot_check_ratio" numeric(5,4) NOT NULL, "spot_check_gap" numeric(5,2) NOT NULL, "self_evaluation_due_date" date NOT NULL, "monitoring_cadence" character varying(16) NOT NULL, "monitoring_due_day" integer NOT NULL, "department_check_month" integer NOT NULL, "reason" text, "created_by_user_id" uuid, "created_by_organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ${checks}, CONSTRAINT "uq_tenant_policy_version" UNIQUE ("tenant_id", "version"), CONSTRAINT "pk_tenant_policy" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_tenant_policy_year" ON "tenant_policy" ("tenant_id", "year", "version")`,
    );
    await q.query(fk('tenant_policy', 'fk_tenant_policy_user', 'created_by_user_id', 'app_user'));
    await q.query(
      fk('tenant_policy', 'fk_tenant_policy_organization', 'created_by_organization_id', 'organization'),
    );
    await q.query(`CREATE FUNCTION tenant_policy_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'tenant_policy is append-only: a change is a new version' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_tenant_policy_append_only';
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_tenant_policy_append_only BEFORE UPDATE OR DELETE ON tenant_policy FOR EACH ROW EXECUTE FUNCTION tenant_policy_append_only()`,
    );
    await q.query(`ALTER TABLE tenant_policy ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenant_policy FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON tenant_policy TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON tenant_policy TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT, INSERT ON tenant_policy TO jixiao_app`);

    // monitoring_policy folded in: its threshold becomes the baseline version (year 2000) of its tenant.
    await q.query(
      `INSERT INTO tenant_policy (tenant_id, id, year, version, grade_excellent, grade_good, grade_fair, over_target_threshold, over_target_floor, slow_execution_threshold, spot_check_ratio, spot_check_gap, self_evaluation_due_date, monitoring_cadence, monitoring_due_day, department_check_month, reason, created_at)
       SELECT tenant_id, id, 2000, 1, 90, 80, 60, 1.2, 0.8, slow_execution_threshold, 0.1, 10, DATE '2001-03-31', 'MONTHLY', 10, 6, 'monitoring_policy', updated_at FROM monitoring_policy`,
    );
    await q.query(`DROP TABLE "monitoring_policy"`);

    for (const table of ['evaluation', 'monitoring_report', 'spot_check_sample']) {
      await q.query(`ALTER TABLE "${table}" ADD "policy_id" uuid`);
      await q.query(fk(table, `fk_${table}_policy`, 'policy_id', 'tenant_policy'));
    }
    await q.query(`ALTER TABLE "spot_check_sample" ADD "self_evaluation_due_date" date`);
    await q.query(itemTrigger(NEW_SAMPLED));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(itemTrigger(OLD_SAMPLED));
    await q.query(`ALTER TABLE "spot_check_sample" DROP COLUMN "self_evaluation_due_date"`);
    for (const table of ['evaluation', 'monitoring_report', 'spot_check_sample']) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_policy"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "policy_id"`);
    }
    await q.query(
      `CREATE TABLE "monitoring_policy" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "slow_execution_threshold" numeric(5,2) NOT NULL DEFAULT '10', "row_version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_monitoring_policy_threshold" CHECK ("slow_execution_threshold" >= 0 AND "slow_execution_threshold" <= 100), CONSTRAINT "uq_monitoring_policy_tenant" UNIQUE ("tenant_id"), CONSTRAINT "pk_monitoring_policy" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `INSERT INTO monitoring_policy (tenant_id, id, slow_execution_threshold) SELECT DISTINCT ON (tenant_id) tenant_id, id, slow_execution_threshold FROM tenant_policy WHERE year = 2000 ORDER BY tenant_id, version DESC`,
    );
    await q.query(`ALTER TABLE monitoring_policy ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE monitoring_policy FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON monitoring_policy TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON monitoring_policy TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE ON monitoring_policy TO jixiao_app`);
    await q.query(`DROP TABLE "tenant_policy"`);
    await q.query(`DROP FUNCTION tenant_policy_append_only()`);
  }
}
