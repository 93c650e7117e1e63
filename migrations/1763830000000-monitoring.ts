import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables scoped by tenant with row-level security (DOMAIN §3), as in the foundation. */
const tenantTables = [
  'goal_execution',
  'funding_hold',
  'monitoring_report',
  'monitoring_report_indicator',
  'monitoring_policy',
];

const IN_FORCE = `'ISSUED', 'FILED_FOR_RECORD'`;

/**
 * Dual monitoring (双监控, DOMAIN §9):
 * - `goal_execution`: money in execution per goal and month — budgeted 预算数, in place 到位, spent 执行
 *   (NUMERIC(14,2), ≥ 0), one row per (goal, year, month), recorded on a goal in force.
 * - `funding_hold`: append-only history of finance's holds on a goal (001 三(二); 003 第十八条):
 *   SUSPENDED 暂缓拨款 / STOPPED 停止拨款 with a reason, LIFTED when finance lifts it. The latest row is
 *   the goal's funding status. While held, no in-place or spent money may be added (trigger).
 * - `monitoring_report` + `monitoring_report_indicator`: the report of 附件4–5 for January … month M,
 *   DRAFT → SUBMITTED → ACKNOWLEDGED; frozen after submission (P8, triggers).
 * - `monitoring_policy`: per-tenant thresholds (DOMAIN §9 policy choice: 10 percentage points).
 */
export class Monitoring1763830000000 implements MigrationInterface {
  name = 'Monitoring1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "goal_execution" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "goal_id" uuid NOT NULL, "year" integer NOT NULL, "month" integer NOT NULL, "budgeted" numeric(14,2) NOT NULL, "in_place" numeric(14,2) NOT NULL, "spent" numeric(14,2) NOT NULL, "recorded_by_user_id" uuid NOT NULL, "recorded_by_organization_id" uuid NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_goal_execution_month" CHECK ("month" BETWEEN 1 AND 12), CONSTRAINT "ck_goal_execution_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "ck_goal_execution_amounts" CHECK ("budgeted" >= 0 AND "in_place" >= 0 AND "spent" >= 0), CONSTRAINT "uq_goal_execution_period" UNIQUE ("tenant_id", "goal_id", "year", "month"), CONSTRAINT "pk_goal_execution" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE TABLE "funding_hold" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "goal_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "reason" text, "actor_user_id" uuid NOT NULL, "actor_organization_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "ck_funding_hold_status" CHECK ("status" IN ('SUSPENDED', 'STOPPED', 'LIFTED')), CONSTRAINT "ck_funding_hold_reason" CHECK ("status" = 'LIFTED' OR length(btrim("reason")) > 0), CONSTRAINT "pk_funding_hold" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "idx_funding_hold_goal" ON "funding_hold" ("tenant_id", "goal_id", "at")`);
    await q.query(
      `CREATE TABLE "monitoring_report" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "goal_id" uuid NOT NULL, "year" integer NOT NULL, "month" integer NOT NULL, "status" character varying(16) NOT NULL, "likelihood" character varying(16), "corrective_measures" text, "completion_summary" text, "projected_execution" numeric(14,2), "annual_budget" numeric(14,2), "budget_to_date" numeric(14,2), "in_place_to_date" numeric(14,2), "executed_to_date" numeric(14,2), "drafter_organization_id" uuid NOT NULL, "acknowledger_organization_id" uuid NOT NULL, "submitted_by_user_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by_user_id" uuid, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledgement_comment" text, "row_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_monitoring_report_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED')), CONSTRAINT "ck_monitoring_report_likelihood" CHECK ("likelihood" IS NULL OR "likelihood" IN ('CERTAIN', 'POSSIBLE', 'IMPOSSIBLE')), CONSTRAINT "ck_monitoring_report_month" CHECK ("month" BETWEEN 1 AND 12), CONSTRAINT "ck_monitoring_report_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "ck_monitoring_report_amounts" CHECK (("projected_execution" IS NULL OR "projected_execution" >= 0) AND ("annual_budget" IS NULL OR "annual_budget" >= 0) AND ("budget_to_date" IS NULL OR "budget_to_date" >= 0) AND ("in_place_to_date" IS NULL OR "in_place_to_date" >= 0) AND ("executed_to_date" IS NULL OR "executed_to_date" >= 0)), CONSTRAINT "ck_monitoring_report_submitted" CHECK ("status" = 'DRAFT' OR ("likelihood" IS NOT NULL AND "projected_execution" IS NOT NULL AND "budget_to_date" IS NOT NULL AND "in_place_to_date" IS NOT NULL AND "executed_to_date" IS NOT NULL AND "submitted_at" IS NOT NULL AND "submitted_by_user_id" IS NOT NULL)), CONSTRAINT "ck_monitoring_report_acknowledged" CHECK (("status" = 'ACKNOWLEDGED') = ("acknowledged_at" IS NOT NULL)), CONSTRAINT "uq_monitoring_report_period" UNIQUE ("tenant_id", "goal_id", "year", "month"), CONSTRAINT "pk_monitoring_report" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_monitoring_report_period" ON "monitoring_report" ("tenant_id", "year", "month", "status")`,
    );
    await q.query(
      `CREATE TABLE "monitoring_report_indicator" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "report_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "completion_to_date" text, "projected_value" text, "projected_numerator" text, "projected_denominator" text, "projected_tier" character varying(16), "causes" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "ck_monitoring_report_indicator_tier" CHECK ("projected_tier" IS NULL OR "projected_tier" IN ('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED')), CONSTRAINT "ck_monitoring_report_indicator_causes" CHECK (jsonb_typeof("causes") = 'array'), CONSTRAINT "ck_monitoring_report_indicator_ratio" CHECK (("projected_numerator" IS NULL) = ("projected_denominator" IS NULL)), CONSTRAINT "uq_monitoring_report_indicator" UNIQUE ("tenant_id", "report_id", "indicator_id"), CONSTRAINT "pk_monitoring_report_indicator" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE TABLE "monitoring_policy" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "slow_execution_threshold" numeric(5,2) NOT NULL DEFAULT '10', "row_version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_monitoring_policy_threshold" CHECK ("slow_execution_threshold" >= 0 AND "slow_execution_threshold" <= 100), CONSTRAINT "uq_monitoring_policy_tenant" UNIQUE ("tenant_id"), CONSTRAINT "pk_monitoring_policy" PRIMARY KEY ("tenant_id", "id"))`,
    );

    const fk = (table: string, name: string, column: string, target: string) =>
      q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("tenant_id", "${column}") REFERENCES "${target}"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    await fk('goal_execution', 'fk_goal_execution_goal', 'goal_id', 'performance_goal');
    await fk('goal_execution', 'fk_goal_execution_user', 'recorded_by_user_id', 'app_user');
    await fk(
      'goal_execution',
      'fk_goal_execution_organization',
      'recorded_by_organization_id',
      'organization',
    );
    await fk('funding_hold', 'fk_funding_hold_goal', 'goal_id', 'performance_goal');
    await fk('funding_hold', 'fk_funding_hold_actor_user', 'actor_user_id', 'app_user');
    await fk('funding_hold', 'fk_funding_hold_actor_organization', 'actor_organization_id', 'organization');
    await fk('monitoring_report', 'fk_monitoring_report_goal', 'goal_id', 'performance_goal');
    await fk('monitoring_report', 'fk_monitoring_report_drafter', 'drafter_organization_id', 'organization');
    await fk(
      'monitoring_report',
      'fk_monitoring_report_acknowledger',
      'acknowledger_organization_id',
      'organization',
    );
    await fk('monitoring_report', 'fk_monitoring_report_submitted_by', 'submitted_by_user_id', 'app_user');
    await fk(
      'monitoring_report',
      'fk_monitoring_report_acknowledged_by',
      'acknowledged_by_user_id',
      'app_user',
    );
    await fk(
      'monitoring_report_indicator',
      'fk_monitoring_report_indicator_report',
      'report_id',
      'monitoring_report',
    );
    await fk(
      'monitoring_report_indicator',
      'fk_monitoring_report_indicator_indicator',
      'indicator_id',
      'goal_indicator',
    );

    // The current hold of a goal: its latest funding_hold row, unless that row lifted it (DOMAIN §9).
    await q.query(`CREATE FUNCTION funding_hold_current(t uuid, g uuid) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT NULLIF((SELECT status FROM funding_hold WHERE tenant_id = t AND goal_id = g ORDER BY at DESC, id DESC LIMIT 1), 'LIFTED')
    $$`);

    // Money is recorded on a goal in force only; while finance holds the goal's funding, in-place and
    // spent money may not grow (DOMAIN §9; 001 三(二); 003 第十八条). Holds and money of one goal are
    // serialized by a transaction lock so a hold and a recording never race.
    await q.query(`CREATE FUNCTION goal_execution_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        goal_status text;
        hold text;
      BEGIN
        IF TG_OP = 'UPDATE' AND (NEW.goal_id <> OLD.goal_id OR NEW.year <> OLD.year OR NEW.month <> OLD.month) THEN
          RAISE EXCEPTION 'an execution record keeps its goal and period' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_goal_execution_fixed';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('jixiao.funding:' || NEW.goal_id::text));
        SELECT status INTO goal_status FROM performance_goal WHERE tenant_id = NEW.tenant_id AND id = NEW.goal_id;
        IF goal_status IS NULL OR goal_status NOT IN (${IN_FORCE}) THEN
          RAISE EXCEPTION 'money is recorded on a goal in force only' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_goal_execution_goal_in_force';
        END IF;
        hold := funding_hold_current(NEW.tenant_id, NEW.goal_id);
        IF hold IS NOT NULL AND (
             (TG_OP = 'INSERT' AND (NEW.in_place > 0 OR NEW.spent > 0))
          OR (TG_OP = 'UPDATE' AND (NEW.in_place > OLD.in_place OR NEW.spent > OLD.spent))) THEN
          RAISE EXCEPTION 'the goal''s funding is held (%)', hold USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_goal_execution_hold';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_goal_execution_before_write BEFORE INSERT OR UPDATE ON goal_execution FOR EACH ROW EXECUTE FUNCTION goal_execution_before_write()`,
    );

    // Holds: on goals in force; a lift only of a hold that is there; no repeat of the same status.
    await q.query(`CREATE FUNCTION funding_hold_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        goal_status text;
        hold text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('jixiao.funding:' || NEW.goal_id::text));
        SELECT status INTO goal_status FROM performance_goal WHERE tenant_id = NEW.tenant_id AND id = NEW.goal_id;
        IF goal_status IS NULL OR goal_status NOT IN (${IN_FORCE}) THEN
          RAISE EXCEPTION 'funding holds apply to goals in force' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_funding_hold_goal_in_force';
        END IF;
        hold := funding_hold_current(NEW.tenant_id, NEW.goal_id);
        IF NEW.status = 'LIFTED' AND hold IS NULL THEN
          RAISE EXCEPTION 'no hold to lift' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_funding_hold_not_held';
        END IF;
        IF NEW.status IS NOT DISTINCT FROM hold THEN
          RAISE EXCEPTION 'the funding is already %', hold USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_funding_hold_unchanged';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_funding_hold_before_insert BEFORE INSERT ON funding_hold FOR EACH ROW EXECUTE FUNCTION funding_hold_before_insert()`,
    );
    await q.query(`CREATE FUNCTION funding_hold_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'funding_hold is append-only' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_funding_hold_append_only';
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_funding_hold_append_only BEFORE UPDATE OR DELETE ON funding_hold FOR EACH ROW EXECUTE FUNCTION funding_hold_append_only()`,
    );

    // Reports: DRAFT → SUBMITTED → ACKNOWLEDGED, no skips, no way back; after submission only the
    // acknowledgement may be added (P8). The goal and period never change.
    await q.query(`CREATE FUNCTION monitoring_report_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        goal_status text;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.status <> 'DRAFT' THEN
            RAISE EXCEPTION 'a monitoring report starts as a draft' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_monitoring_report_transition';
          END IF;
          SELECT status INTO goal_status FROM performance_goal WHERE tenant_id = NEW.tenant_id AND id = NEW.goal_id;
          IF goal_status IS NULL OR goal_status NOT IN (${IN_FORCE}) THEN
            RAISE EXCEPTION 'monitoring reports are made for goals in force' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_monitoring_report_goal_in_force';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.goal_id <> OLD.goal_id OR NEW.year <> OLD.year OR NEW.month <> OLD.month
           OR NEW.drafter_organization_id <> OLD.drafter_organization_id
           OR NEW.acknowledger_organization_id <> OLD.acknowledger_organization_id THEN
          RAISE EXCEPTION 'a report keeps its goal, period and parties' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_monitoring_report_fixed';
        END IF;
        IF OLD.status <> 'DRAFT' AND (NEW.likelihood IS DISTINCT FROM OLD.likelihood
             OR NEW.corrective_measures IS DISTINCT FROM OLD.corrective_measures
             OR NEW.completion_summary IS DISTINCT FROM OLD.completion_summary
             OR NEW.projected_execution IS DISTINCT FROM OLD.projected_execution
             OR NEW.annual_budget IS DISTINCT FROM OLD.annual_budget
             OR NEW.budget_to_date IS DISTINCT FROM OLD.budget_to_date
             OR NEW.in_place_to_date IS DISTINCT FROM OLD.in_place_to_date
             OR NEW.executed_to_date IS DISTINCT FROM OLD.executed_to_date
             OR NEW.submitted_by_user_id IS DISTINCT FROM OLD.submitted_by_user_id
             OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at) THEN
          RAISE EXCEPTION 'a submitted monitoring report is frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_monitoring_report_frozen';
        END IF;
        IF NOT ((OLD.status = 'DRAFT' AND NEW.status IN ('DRAFT', 'SUBMITTED'))
             OR (OLD.status = 'SUBMITTED' AND NEW.status = 'ACKNOWLEDGED')) THEN
          RAISE EXCEPTION 'report status % cannot become %', OLD.status, NEW.status USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_monitoring_report_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_monitoring_report_before_write BEFORE INSERT OR UPDATE ON monitoring_report FOR EACH ROW EXECUTE FUNCTION monitoring_report_before_write()`,
    );
    await q.query(`CREATE FUNCTION monitoring_report_indicator_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
        row_report uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END;
        report_status text;
      BEGIN
        SELECT status INTO report_status FROM monitoring_report WHERE tenant_id = row_tenant AND id = row_report;
        IF report_status IS NOT NULL AND report_status <> 'DRAFT' THEN
          RAISE EXCEPTION 'a submitted monitoring report is frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_monitoring_report_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_monitoring_report_indicator_before_write BEFORE INSERT OR UPDATE OR DELETE ON monitoring_report_indicator FOR EACH ROW EXECUTE FUNCTION monitoring_report_indicator_before_write()`,
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
    // Nothing is deleted once recorded (DOMAIN §15), except a draft report's indicator rows, replaced as a set.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON goal_execution TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT ON funding_hold TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON monitoring_report TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON monitoring_report_indicator TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON monitoring_policy TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE monitoring_report_indicator, monitoring_report, funding_hold, goal_execution, monitoring_policy`,
    );
    await q.query(
      `DROP FUNCTION monitoring_report_indicator_before_write(), monitoring_report_before_write(), funding_hold_append_only(), funding_hold_before_insert(), goal_execution_before_write(), funding_hold_current(uuid, uuid)`,
    );
  }
}
