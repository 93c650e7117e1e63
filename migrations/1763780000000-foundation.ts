import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables scoped by tenant with row-level security (DOMAIN §3; issue: defence in depth in PostgreSQL). */
const tenantTables = ['region', 'organization', 'app_user', 'audit_event', 'user_login'];

/**
 * Foundation: tenants, the administrative hierarchy, users, the login directory and the audit trail.
 * Every tenant table has (tenant_id, id) as primary key and tenant-qualified foreign keys (Citus-ready,
 * docs/scaling.md), row-level security enabled and forced, and is reachable by the API role
 * `jixiao_app` only through the tenant set with set_config('jixiao.tenant_id', …, true).
 */
export class Foundation1763780000000 implements MigrationInterface {
  name = 'Foundation1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jixiao_app') THEN
        CREATE ROLE jixiao_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
    await q.query(`CREATE FUNCTION jixiao_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('jixiao.tenant_id', true), '')::uuid $$`);

    await q.query(
      `CREATE TABLE "tenant" ("id" uuid NOT NULL, "name" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tenant" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "region" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "parent_id" uuid, "level" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, "code" character varying(12) NOT NULL, "path" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_region_code" UNIQUE ("tenant_id", "code"), CONSTRAINT "ck_region_root" CHECK (("level" = 'CITY') = ("parent_id" IS NULL)), CONSTRAINT "ck_region_level" CHECK ("level" IN ('CITY', 'DISTRICT', 'TOWNSHIP')), CONSTRAINT "pk_region" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "idx_region_parent" ON "region" ("tenant_id", "parent_id")`);
    // DOMAIN §3: the subtree test is one indexed predicate, path LIKE '<prefix>%'.
    await q.query(`CREATE INDEX "idx_region_path" ON "region" ("tenant_id", "path" text_pattern_ops)`);
    await q.query(`CREATE UNIQUE INDEX "uq_region_city" ON "region" ("tenant_id") WHERE "parent_id" IS NULL`);

    await q.query(
      `CREATE TABLE "organization" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "kind" character varying(32) NOT NULL, "sector" character varying(32), "supervising_department_id" uuid, "name" character varying(200) NOT NULL, "credit_code" character varying(18), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organization_supervisor" CHECK ("kind" = 'IMPLEMENTING_UNIT' OR "supervising_department_id" IS NULL), CONSTRAINT "ck_organization_department_sector" CHECK ("kind" <> 'COMPETENT_DEPARTMENT' OR "sector" IS NOT NULL), CONSTRAINT "ck_organization_kind" CHECK ("kind" IN ('FINANCE_BUREAU', 'COMPETENT_DEPARTMENT', 'AUDIT_OFFICE', 'IMPLEMENTING_UNIT', 'THIRD_PARTY')), CONSTRAINT "pk_organization" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_organization_supervisor" ON "organization" ("tenant_id", "supervising_department_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_organization_region" ON "organization" ("tenant_id", "region_id", "kind")`,
    );
    await q.query(
      `CREATE INDEX "idx_organization_region_path" ON "organization" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    // DOMAIN §3: every region has its own finance bureau and audit office, and one department per sector.
    await q.query(
      `CREATE UNIQUE INDEX "uq_organization_singleton" ON "organization" ("tenant_id", "region_id", "kind") WHERE "kind" IN ('FINANCE_BUREAU', 'AUDIT_OFFICE')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_organization_department_sector" ON "organization" ("tenant_id", "region_id", "sector") WHERE "kind" = 'COMPETENT_DEPARTMENT'`,
    );

    await q.query(
      `CREATE TABLE "app_user" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "organization_id" uuid NOT NULL, "region_path" text NOT NULL, "login" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "password_hash" text NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "is_tenant_admin" boolean NOT NULL DEFAULT false, "credentials_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_app_user" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "idx_app_user_organization" ON "app_user" ("tenant_id", "organization_id")`);
    await q.query(
      `CREATE INDEX "idx_app_user_region_path" ON "app_user" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_app_user_login" ON "app_user" ("tenant_id", lower("login"))`);

    await q.query(
      `CREATE TABLE "user_login" ("login" character varying(64) NOT NULL, "tenant_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "pk_user_login" PRIMARY KEY ("login"))`,
    );

    await q.query(
      `CREATE TABLE "audit_event" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid NOT NULL, "actor_organization_id" uuid NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" uuid NOT NULL, "action" character varying(64) NOT NULL, "region_path" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "pk_audit_event" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_audit_event_entity" ON "audit_event" ("tenant_id", "entity_type", "entity_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_audit_event_region_path" ON "audit_event" ("tenant_id", "region_path" text_pattern_ops, "occurred_at")`,
    );

    await q.query(
      `ALTER TABLE "region" ADD CONSTRAINT "fk_region_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "region" ADD CONSTRAINT "fk_region_parent" FOREIGN KEY ("tenant_id", "parent_id") REFERENCES "region"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "fk_organization_region" FOREIGN KEY ("tenant_id", "region_id") REFERENCES "region"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "fk_organization_supervisor" FOREIGN KEY ("tenant_id", "supervising_department_id") REFERENCES "organization"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_organization" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // DOMAIN §3: a district sits under the city, a township under a district; the path is derived from
    // the parent and never changes (regions do not move).
    await q.query(`CREATE FUNCTION region_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE parent_level text; parent_path text;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.level <> OLD.level OR NEW.path <> OLD.path THEN
            RAISE EXCEPTION 'a region cannot move or change level' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_region_immovable';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.parent_id IS NULL THEN
          NEW.path := '/' || NEW.id || '/';
          RETURN NEW;
        END IF;
        SELECT level, path INTO parent_level, parent_path FROM region WHERE tenant_id = NEW.tenant_id AND id = NEW.parent_id;
        IF parent_level IS NULL THEN
          RAISE EXCEPTION 'parent region not found' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_region_parent';
        END IF;
        IF NOT ((parent_level = 'CITY' AND NEW.level = 'DISTRICT') OR (parent_level = 'DISTRICT' AND NEW.level = 'TOWNSHIP')) THEN
          RAISE EXCEPTION 'level % cannot sit under %', NEW.level, parent_level USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_region_parent_level';
        END IF;
        NEW.path := parent_path || NEW.id || '/';
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_region_before_write BEFORE INSERT OR UPDATE ON region FOR EACH ROW EXECUTE FUNCTION region_before_write()`,
    );

    // Organizations stay in their region; their region path is copied from the region.
    await q.query(`CREATE FUNCTION organization_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.region_id <> OLD.region_id THEN
          RAISE EXCEPTION 'an organization cannot move to another region' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_organization_immovable';
        END IF;
        SELECT path INTO NEW.region_path FROM region WHERE tenant_id = NEW.tenant_id AND id = NEW.region_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_organization_before_write BEFORE INSERT OR UPDATE ON organization FOR EACH ROW EXECUTE FUNCTION organization_before_write()`,
    );

    await q.query(`CREATE FUNCTION app_user_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.login := lower(NEW.login);
        SELECT region_path INTO NEW.region_path FROM organization WHERE tenant_id = NEW.tenant_id AND id = NEW.organization_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_app_user_before_write BEFORE INSERT OR UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_before_write()`,
    );

    // The login directory: one login names one account across all tenants.
    await q.query(`CREATE FUNCTION app_user_sync_login() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.login <> OLD.login THEN
          DELETE FROM user_login WHERE login = OLD.login;
        END IF;
        IF TG_OP = 'INSERT' OR NEW.login <> OLD.login THEN
          INSERT INTO user_login (login, tenant_id, user_id) VALUES (NEW.login, NEW.tenant_id, NEW.id);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_app_user_sync_login AFTER INSERT OR UPDATE OF login ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_sync_login()`,
    );
    await q.query(`CREATE FUNCTION auth_find_login(p_login text) RETURNS TABLE (tenant_id uuid, user_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT tenant_id, user_id FROM user_login WHERE login = lower(p_login) $$`);

    // DOMAIN §15: the audit trail is append-only, even for the table owner.
    await q.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q.query(
      `CREATE TRIGGER trg_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );

    // Row-level security: enabled and forced; the API role sees one tenant, set per transaction.
    await q.query(`ALTER TABLE tenant ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenant FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON tenant TO jixiao_app USING (id = jixiao_current_tenant())`,
    );
    await q.query(`CREATE POLICY owner_maintenance ON tenant TO CURRENT_USER USING (true) WITH CHECK (true)`);
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

    await q.query(`GRANT USAGE ON SCHEMA public TO jixiao_app`);
    await q.query(`GRANT SELECT ON tenant TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON region, organization, app_user TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO jixiao_app`);
    await q.query(`REVOKE ALL ON user_login FROM jixiao_app`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_find_login(text) TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event, user_login, app_user, organization, region, tenant`);
    await q.query(
      `DROP FUNCTION auth_find_login(text), app_user_sync_login(), app_user_before_write(), organization_before_write(), region_before_write(), audit_event_append_only(), jixiao_current_tenant()`,
    );
  }
}
