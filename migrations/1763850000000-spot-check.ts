import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables scoped by tenant with row-level security (DOMAIN §3), as in the foundation. */
const tenantTables = ['spot_check_sample', 'spot_check_item'];

const ITEM_STATUSES = `'PENDING', 'CHECKED'`;

/**
 * Spot-check review (抽查复核, DOMAIN §12; 003 第二十一条, 转移支付 第二十四条):
 * - `spot_check_sample`: one draw — year, ratio, minimum, the recorded seed, how many self-evaluations were
 *   candidates, who drew it (user and organization), the jurisdiction drawn in (`region_id`, `region_path`),
 *   the score-gap threshold in force (policy choice 10 points) and whether the year's self-evaluation
 *   deadline had passed (so goals without a self-evaluation were listed). Immutable once drawn.
 * - `spot_check_item`: one goal of the sample — a drawn SELF evaluation (`sampled`, PENDING until re-scored
 *   as a SPOT_CHECK evaluation, then CHECKED with the flags), or an issued project goal without a
 *   submitted self-evaluation (not sampled, flagged MISSING_SELF_EVALUATION, CHECKED when drawn).
 * The database refuses any change of a sample, items added after the draw's transaction, and any change
 * of an item except its one move PENDING → CHECKED (status, flags, check evaluation, checker, time).
 * Nothing is deleted.
 */
export class SpotCheck1763850000000 implements MigrationInterface {
  name = 'SpotCheck1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "spot_check_sample" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "year" integer NOT NULL, "ratio" numeric(5,4) NOT NULL, "minimum" integer NOT NULL, "seed" integer NOT NULL, "candidate_count" integer NOT NULL, "sampled_count" integer NOT NULL, "missing_count" integer NOT NULL, "score_gap_threshold" numeric(5,2) NOT NULL, "deadline_passed" boolean NOT NULL, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "drawn_by_user_id" uuid NOT NULL, "drawn_by_organization_id" uuid NOT NULL, "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_spot_check_sample_ratio" CHECK ("ratio" > 0 AND "ratio" <= 1), CONSTRAINT "ck_spot_check_sample_minimum" CHECK ("minimum" >= 1), CONSTRAINT "ck_spot_check_sample_counts" CHECK ("candidate_count" >= 0 AND "sampled_count" >= 0 AND "sampled_count" <= "candidate_count" AND "missing_count" >= 0), CONSTRAINT "ck_spot_check_sample_gap" CHECK ("score_gap_threshold" >= 0 AND "score_gap_threshold" <= 100), CONSTRAINT "ck_spot_check_sample_seed" CHECK ("seed" >= 0), CONSTRAINT "ck_spot_check_sample_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "pk_spot_check_sample" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_spot_check_sample_region_path" ON "spot_check_sample" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(`CREATE INDEX "idx_spot_check_sample_year" ON "spot_check_sample" ("tenant_id", "year")`);

    await q.query(
      `CREATE TABLE "spot_check_item" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "sample_id" uuid NOT NULL, "position" integer NOT NULL, "goal_id" uuid NOT NULL, "self_evaluation_id" uuid, "sampled" boolean NOT NULL, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "status" character varying(16) NOT NULL, "flags" jsonb NOT NULL DEFAULT '[]', "check_evaluation_id" uuid, "checked_by_user_id" uuid, "checked_at" TIMESTAMP WITH TIME ZONE, "row_version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_spot_check_item_status" CHECK ("status" IN (${ITEM_STATUSES})), CONSTRAINT "ck_spot_check_item_sampled" CHECK ("sampled" = ("self_evaluation_id" IS NOT NULL)), CONSTRAINT "ck_spot_check_item_missing" CHECK ("sampled" OR ("status" = 'CHECKED' AND "flags" = '["MISSING_SELF_EVALUATION"]'::jsonb)), CONSTRAINT "ck_spot_check_item_checked" CHECK (("status" = 'CHECKED') = ("checked_at" IS NOT NULL) AND ("check_evaluation_id" IS NULL OR ("sampled" AND "status" = 'CHECKED' AND "checked_by_user_id" IS NOT NULL)) AND ("status" = 'PENDING' OR NOT "sampled" OR "check_evaluation_id" IS NOT NULL)), CONSTRAINT "ck_spot_check_item_position" CHECK ("position" >= 1), CONSTRAINT "uq_spot_check_item_goal" UNIQUE ("tenant_id", "sample_id", "goal_id"), CONSTRAINT "uq_spot_check_item_position" UNIQUE ("tenant_id", "sample_id", "position"), CONSTRAINT "uq_spot_check_item_check" UNIQUE ("tenant_id", "check_evaluation_id"), CONSTRAINT "pk_spot_check_item" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_spot_check_item_region_path" ON "spot_check_item" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "idx_spot_check_item_self" ON "spot_check_item" ("tenant_id", "self_evaluation_id")`,
    );

    const fk = (table: string, name: string, column: string, target: string) =>
      q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("tenant_id", "${column}") REFERENCES "${target}"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    await fk('spot_check_sample', 'fk_spot_check_sample_region', 'region_id', 'region');
    await fk('spot_check_sample', 'fk_spot_check_sample_drawn_by_user', 'drawn_by_user_id', 'app_user');
    await fk(
      'spot_check_sample',
      'fk_spot_check_sample_drawn_by_organization',
      'drawn_by_organization_id',
      'organization',
    );
    await fk('spot_check_item', 'fk_spot_check_item_sample', 'sample_id', 'spot_check_sample');
    await fk('spot_check_item', 'fk_spot_check_item_goal', 'goal_id', 'performance_goal');
    await fk('spot_check_item', 'fk_spot_check_item_self_evaluation', 'self_evaluation_id', 'evaluation');
    await fk('spot_check_item', 'fk_spot_check_item_check_evaluation', 'check_evaluation_id', 'evaluation');
    await fk('spot_check_item', 'fk_spot_check_item_region', 'region_id', 'region');
    await fk('spot_check_item', 'fk_spot_check_item_checked_by_user', 'checked_by_user_id', 'app_user');

    // DOMAIN §12: a drawn sample is the record of the draw — never changed, never deleted (even by the
    // owner). The draw time is the transaction's and the path is the region's.
    await q.query(`CREATE FUNCTION spot_check_sample_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'a drawn spot-check sample is immutable' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_spot_check_sample_immutable';
        END IF;
        NEW.drawn_at := now();
        SELECT path INTO NEW.region_path FROM region WHERE tenant_id = NEW.tenant_id AND id = NEW.region_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_spot_check_sample_before_write BEFORE INSERT OR UPDATE OR DELETE ON spot_check_sample FOR EACH ROW EXECUTE FUNCTION spot_check_sample_before_write()`,
    );

    // Items are written only by the draw's own transaction; afterwards an item moves once PENDING →
    // CHECKED, touching nothing but its outcome (status, flags, check evaluation, checker, time, version).
    // The self-evaluation must be a submitted SELF evaluation of the item's goal; the check a SPOT_CHECK
    // of that self-evaluation. The path is the goal's.
    await q.query(`CREATE FUNCTION spot_check_item_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
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
               AND e.id = NEW.self_evaluation_id AND e.goal_id = NEW.goal_id AND e.kind = 'SELF' AND e.status IN ('SUBMITTED', 'REVIEWED')) THEN
            RAISE EXCEPTION 'a sampled item is a submitted self-evaluation of its goal' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_spot_check_item_self';
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
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_spot_check_item_before_write BEFORE INSERT OR UPDATE OR DELETE ON spot_check_item FOR EACH ROW EXECUTE FUNCTION spot_check_item_before_write()`,
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
    // Samples are only drawn; items only drawn and checked; nothing is deleted (DOMAIN §12, §15).
    await q.query(`GRANT SELECT, INSERT ON spot_check_sample TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON spot_check_item TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE spot_check_item, spot_check_sample`);
    await q.query(`DROP FUNCTION spot_check_item_before_write(), spot_check_sample_before_write()`);
  }
}
