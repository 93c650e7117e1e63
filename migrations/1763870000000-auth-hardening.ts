import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 items 11 and 13 (signing in).
 *
 * - 11, exact revocation: `app_user.token_version`, carried in every token (`tv`) and compared on each
 *   request. A password reset, a deactivation and a reactivation increment it, so every earlier token
 *   is refused, even one issued in the same second (the old `credentials_changed_at` test had
 *   one-second precision).
 * - 13, no cross-tenant login oracle: logins are unique per tenant only. The login directory is keyed
 *   by (tenant, login); a tenant has a `code` that qualifies a login at sign-in
 *   (`auth_find_login(tenant code, login)`). The unqualified `auth_find_login(login)` answers only
 *   while the deployment has exactly one tenant, so it never depends on other tenants' logins.
 */
export class AuthHardening1763870000000 implements MigrationInterface {
  name = 'AuthHardening1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT '1'`);

    // The tenant code: what a user names at sign-in (the demo uses the city's division code). A tenant
    // inserted without one gets its id; existing tenants take their city's code where it is unique.
    await q.query(`ALTER TABLE "tenant" ADD "code" character varying(64)`);
    await q.query(`UPDATE tenant t SET code = coalesce(
        (SELECT r.code FROM region r WHERE r.tenant_id = t.id AND r.parent_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM region o WHERE o.parent_id IS NULL AND o.code = r.code AND o.tenant_id <> t.id)),
        t.id::text)`);
    await q.query(`ALTER TABLE "tenant" ALTER COLUMN "code" SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_tenant_code" ON "tenant" (lower("code"))`);
    await q.query(`CREATE FUNCTION tenant_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.code := coalesce(nullif(trim(NEW.code), ''), NEW.id::text);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_tenant_before_insert BEFORE INSERT ON tenant FOR EACH ROW EXECUTE FUNCTION tenant_before_insert()`,
    );

    // The login directory, per tenant.
    await q.query(`ALTER TABLE "user_login" DROP CONSTRAINT "pk_user_login"`);
    await q.query(
      `ALTER TABLE "user_login" ADD CONSTRAINT "pk_user_login" PRIMARY KEY ("tenant_id", "login")`,
    );
    await q.query(`CREATE OR REPLACE FUNCTION app_user_sync_login() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.login <> OLD.login THEN
          DELETE FROM user_login WHERE tenant_id = OLD.tenant_id AND login = OLD.login;
        END IF;
        IF TG_OP = 'INSERT' OR NEW.login <> OLD.login THEN
          INSERT INTO user_login (login, tenant_id, user_id) VALUES (NEW.login, NEW.tenant_id, NEW.id);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION auth_find_login(p_login text) RETURNS TABLE (tenant_id uuid, user_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS
      $$ SELECT l.tenant_id, l.user_id FROM user_login l
          WHERE l.login = lower(p_login) AND (SELECT count(*) FROM tenant) = 1 $$`);
    await q.query(`CREATE FUNCTION auth_find_login(p_tenant text, p_login text) RETURNS TABLE (tenant_id uuid, user_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS
      $$ SELECT l.tenant_id, l.user_id FROM user_login l JOIN tenant t ON t.id = l.tenant_id
          WHERE lower(t.code) = lower(trim(p_tenant)) AND l.login = lower(p_login) $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_find_login(text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_find_login(text, text) TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_find_login(text, text)`);
    await q.query(`CREATE OR REPLACE FUNCTION auth_find_login(p_login text) RETURNS TABLE (tenant_id uuid, user_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT tenant_id, user_id FROM user_login WHERE login = lower(p_login) $$`);
    await q.query(`CREATE OR REPLACE FUNCTION app_user_sync_login() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.login <> OLD.login THEN
          DELETE FROM user_login WHERE login = OLD.login;
        END IF;
        IF TG_OP = 'INSERT' OR NEW.login <> OLD.login THEN
          INSERT INTO user_login (login, tenant_id, user_id) VALUES (NEW.login, NEW.tenant_id, NEW.id);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE "user_login" DROP CONSTRAINT "pk_user_login"`);
    await q.query(`ALTER TABLE "user_login" ADD CONSTRAINT "pk_user_login" PRIMARY KEY ("login")`);
    await q.query(`DROP TRIGGER trg_tenant_before_insert ON tenant`);
    await q.query(`DROP FUNCTION tenant_before_insert()`);
    await q.query(`DROP INDEX "uq_tenant_code"`);
    await q.query(`ALTER TABLE "tenant" DROP COLUMN "code"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
  }
}
