import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, SQL access for BI tools (DOMAIN §16 "BI tools that connect to the database directly"): the
 * `reporting` schema, the register of read-only logins and the scope test every reporting view applies.
 *
 * - `public.reporting_login`: one row per login ever issued (role name, tenant, optional region subtree,
 *   who issued it, when, when revoked). A tenant table like the others (RLS enabled and forced); the API
 *   role only reads it, the two definer functions below write it.
 * - `reporting.login_scope`: the caller's own active scope (a view owned by the owner, so a login reads
 *   its own row and nothing else; `current_user` inside a view is the querying role).
 * - `reporting.scope_allows(tenant, region_path)`: true only when `current_user` is an active reporting
 *   login of that tenant whose subtree (null = whole tenant) holds the path (DOMAIN §3: region paths are
 *   '/<city>/<district>/<township>/', so the subtree test is one prefix test). No GUC is read, so a login
 *   cannot widen its scope with SET or set_config. SQL-standard body: parsed at creation (no search_path
 *   lookup at run time) and inlined by the planner into the views (a semi-join, not a call per row).
 * - `reporting_login_create` / `reporting_login_revoke`: SECURITY DEFINER (the owner's CREATEROLE),
 *   pinned search_path, validated inputs, executable by the API role for its transaction's tenant only
 *   (issue 8 item 14 pattern, as rollup_refresh). The password reaches PostgreSQL only as a SCRAM-SHA-256
 *   verifier computed by the caller (src/bi-access/scram.ts); a plain text password is refused.
 */
export class ReportingAccess1763890000000 implements MigrationInterface {
  name = 'ReportingAccess1763890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA reporting`);
    await q.query(`REVOKE ALL ON SCHEMA reporting FROM PUBLIC`);
    await q.query(
      `COMMENT ON SCHEMA reporting IS '绩效报表视图 — read-only views for BI tools (Metabase, Superset, Excel); each row filtered to the login''s tenant or region subtree (README "BI tools: direct SQL access")'`,
    );

    await q.query(
      `CREATE TABLE "reporting_login" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "role_name" character varying(63) NOT NULL, "region_id" uuid, "region_path" text, "connection_limit" integer NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_user_id" uuid, CONSTRAINT "uq_reporting_login_role" UNIQUE ("role_name"), CONSTRAINT "ck_reporting_login_region" CHECK (("region_id" IS NULL) = ("region_path" IS NULL)), CONSTRAINT "pk_reporting_login" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `ALTER TABLE "reporting_login" ADD CONSTRAINT "fk_reporting_login_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reporting_login" ADD CONSTRAINT "fk_reporting_login_region" FOREIGN KEY ("tenant_id", "region_id") REFERENCES "region"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE reporting_login ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE reporting_login FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON reporting_login TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON reporting_login TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    // Writes only through the definer functions (they create and drop roles in the same transaction).
    await q.query(`GRANT SELECT ON reporting_login TO jixiao_app`);

    // The caller's own scope; security_barrier so no pushed-down predicate sees another login's row.
    await q.query(`CREATE VIEW reporting.login_scope WITH (security_barrier) AS
      SELECT l.role_name::text AS role_name, l.tenant_id, l.region_path
        FROM public.reporting_login l
       WHERE l.role_name = current_user AND l.revoked_at IS NULL`);
    await q.query(
      `COMMENT ON VIEW reporting.login_scope IS '本登录的数据范围 — the scope of the connected login: its tenant and, when confined to a region subtree, that region''s path'`,
    );
    await q.query(
      `COMMENT ON COLUMN reporting.login_scope.role_name IS '登录名 — the login (database role)'`,
    );
    await q.query(
      `COMMENT ON COLUMN reporting.login_scope.tenant_id IS '租户 — tenant (a city''s whole tree)'`,
    );
    await q.query(
      `COMMENT ON COLUMN reporting.login_scope.region_path IS '行政区划路径 — path of the region subtree the login is confined to; null = the whole tenant'`,
    );

    await q.query(`CREATE FUNCTION reporting.scope_allows(p_tenant uuid, p_region_path text) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE
      RETURN EXISTS (SELECT 1 FROM reporting.login_scope s
                      WHERE s.tenant_id = p_tenant
                        AND (s.region_path IS NULL OR pg_catalog.starts_with(p_region_path, s.region_path)))`);
    await q.query(
      `COMMENT ON FUNCTION reporting.scope_allows(uuid, text) IS '数据范围判断 — true only when the connected role is an active reporting login of this tenant whose region subtree (if any) holds the path'`,
    );
    // Invoker's rights and reads only the caller's own scope: any role may evaluate it (D's views too).
    await q.query(`GRANT EXECUTE ON FUNCTION reporting.scope_allows(uuid, text) TO PUBLIC`);

    await q.query(createFunctionSql);
    await q.query(revokeFunctionSql);
    await q.query(
      `REVOKE ALL ON FUNCTION reporting_login_create(uuid, uuid, text, text, integer, uuid) FROM PUBLIC`,
    );
    await q.query(`REVOKE ALL ON FUNCTION reporting_login_revoke(uuid, uuid, uuid) FROM PUBLIC`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION reporting_login_create(uuid, uuid, text, text, integer, uuid) TO jixiao_app`,
    );
    await q.query(`GRANT EXECUTE ON FUNCTION reporting_login_revoke(uuid, uuid, uuid) TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Roles are cluster-wide: drop the logins this database issued before their register goes.
    await q.query(`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT tenant_id, id FROM reporting_login WHERE revoked_at IS NULL LOOP
        PERFORM reporting_login_revoke(r.tenant_id, r.id, NULL);
      END LOOP; END $$`);
    await q.query(`DROP FUNCTION reporting_login_revoke(uuid, uuid, uuid)`);
    await q.query(`DROP FUNCTION reporting_login_create(uuid, uuid, text, text, integer, uuid)`);
    await q.query(`DROP SCHEMA reporting CASCADE`);
    await q.query(`DROP TABLE reporting_login`);
  }
}

/** The caller acts for its transaction's tenant, unless the session holds the owner's rights (CLI). */
const tenantGuard = `IF p_tenant IS DISTINCT FROM jixiao_current_tenant()
           AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
          RAISE EXCEPTION 'reporting login: tenant % is not the tenant of this transaction', p_tenant
            USING ERRCODE = 'insufficient_privilege';
        END IF;`;

/**
 * Creates a read-only login (DOMAIN §16): LOGIN, NOINHERIT, no other attribute, a connection limit,
 * read-only transactions by default and a statement timeout; CONNECT on this database, USAGE on
 * `reporting`, SELECT on its views (now and, by default privileges, those created later by the owner).
 */
const createFunctionSql = `CREATE FUNCTION reporting_login_create(p_tenant uuid, p_region_id uuid, p_role text,
    p_verifier text, p_connection_limit integer, p_created_by uuid) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  DECLARE v_path text; v_id uuid := gen_random_uuid();
  BEGIN
    ${tenantGuard}
    IF p_role IS NULL OR p_role !~ '^bi_[a-z0-9_]{1,60}$' THEN
      RAISE EXCEPTION 'reporting login: invalid role name %', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\\$[0-9]{4,7}:[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}$' THEN
      RAISE EXCEPTION 'reporting login: the password must be given as a SCRAM-SHA-256 verifier'
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_connection_limit IS NULL OR p_connection_limit NOT BETWEEN 1 AND 50 THEN
      RAISE EXCEPTION 'reporting login: connection limit must be 1..50' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM tenant WHERE id = p_tenant) THEN
      RAISE EXCEPTION 'reporting login: no tenant %', p_tenant USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF p_region_id IS NOT NULL THEN
      SELECT path INTO v_path FROM region WHERE tenant_id = p_tenant AND id = p_region_id;
      IF v_path IS NULL THEN
        RAISE EXCEPTION 'reporting login: no region % in tenant %', p_region_id, p_tenant
          USING ERRCODE = 'foreign_key_violation';
      END IF;
    END IF;
    -- Defence in depth: through the API only an active tenant administrator issues logins.
    IF NOT pg_has_role(session_user, current_user, 'MEMBER') AND NOT EXISTS (
         SELECT 1 FROM app_user WHERE tenant_id = p_tenant AND id = p_created_by AND is_active AND is_tenant_admin) THEN
      RAISE EXCEPTION 'reporting login: only a tenant administrator issues logins' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
      RAISE EXCEPTION 'reporting login: role % exists', p_role USING ERRCODE = 'duplicate_object';
    END IF;
    -- The register first: a concurrent issue of the same name waits here and fails on uq_reporting_login_role.
    INSERT INTO reporting_login (tenant_id, id, role_name, region_id, region_path, connection_limit, created_by_user_id)
      VALUES (p_tenant, v_id, p_role, p_region_id, v_path, p_connection_limit, p_created_by);
    EXECUTE format('CREATE ROLE %I LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT %s PASSWORD %L',
                   p_role, p_connection_limit, p_verifier);
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', p_role);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', p_role, '300s');
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_role);
    EXECUTE format('GRANT USAGE ON SCHEMA reporting TO %I', p_role);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO %I', p_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO %I', p_role);
    RETURN v_id;
  END $$`;

/**
 * Revokes a login at once: marked revoked (scope_allows turns false for its next statement), its open
 * sessions ended where the owner may signal them, every grant taken back and the role dropped (roles are
 * cluster-wide; the register keeps the name, which is never issued again). False when already revoked
 * or not found in this tenant.
 */
const revokeFunctionSql = `CREATE FUNCTION reporting_login_revoke(p_tenant uuid, p_id uuid, p_revoked_by uuid) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  DECLARE v_role text;
  BEGIN
    ${tenantGuard}
    UPDATE reporting_login SET revoked_at = now(), revoked_by_user_id = p_revoked_by
     WHERE tenant_id = p_tenant AND id = p_id AND revoked_at IS NULL
     RETURNING role_name INTO v_role;
    IF v_role IS NULL THEN RETURN false; END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role) THEN
      EXECUTE format('ALTER ROLE %I NOLOGIN', v_role);
      BEGIN
        PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = v_role AND pid <> pg_backend_pid();
      EXCEPTION WHEN insufficient_privilege THEN NULL; -- the revoked grants below still stop its next statement
      END;
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA reporting REVOKE ALL ON TABLES FROM %I', v_role);
      EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA reporting FROM %I', v_role);
      EXECUTE format('REVOKE ALL ON SCHEMA reporting FROM %I', v_role);
      EXECUTE format('REVOKE ALL ON DATABASE %I FROM %I', current_database(), v_role);
      EXECUTE format('DROP ROLE %I', v_role);
    END IF;
    RETURN true;
  END $$`;
