import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 item 14, database hardening. SECURITY DEFINER functions run with the owner's rights, so:
 * - nobody but the roles that need one may execute it: EXECUTE is revoked from PUBLIC on every function of
 *   the schema (and for functions created later, by default), then granted back to the API role only on
 *   the plain functions its queries and policies call and on the definer functions it needs
 *   (`auth_find_login` before sign-in, `rollup_refresh` from the roll-up triggers);
 * - a definer function that takes a tenant works for the transaction's tenant only: `rollup_refresh` now
 *   refuses another tenant (`jixiao.tenant_id`, set per transaction) unless the session already holds the
 *   owner's rights (migrations, seeds, maintenance — who could run its statements anyway);
 * - every definer function resolves names in pg_catalog, then public, then pg_temp last, so a caller's
 *   temporary table can never stand in for one of ours.
 * The same grants are re-asserted by enableAppRole (src/db/bootstrap.ts) for functions added later.
 */
export class DefinerHardening1763871000000 implements MigrationInterface {
  name = 'DefinerHardening1763871000000';

  async up(q: QueryRunner): Promise<void> {
    // The body stays as it was, under an internal name nobody but its owner may call; the public name
    // becomes a guard that checks the tenant first (issue 8 item 14).
    await q.query(`ALTER FUNCTION rollup_refresh(uuid, uuid) RENAME TO rollup_rebuild`);
    await q.query(`REVOKE ALL ON FUNCTION rollup_rebuild(uuid, uuid) FROM PUBLIC, jixiao_app`);
    await q.query(`CREATE FUNCTION rollup_refresh(p_tenant uuid, p_parent uuid) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        IF p_tenant IS DISTINCT FROM jixiao_current_tenant()
           AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
          RAISE EXCEPTION 'rollup_refresh: tenant % is not the tenant of this transaction', p_tenant
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM rollup_rebuild(p_tenant, p_parent);
      END $$`);

    await q.query(hardenFunctionsSql);
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC`);
    await q.query(`DROP FUNCTION rollup_refresh(uuid, uuid)`);
    await q.query(`ALTER FUNCTION rollup_rebuild(uuid, uuid) RENAME TO rollup_refresh`);
    await q.query(`GRANT EXECUTE ON FUNCTION rollup_refresh(uuid, uuid) TO jixiao_app`);
    // PUBLIC's default EXECUTE comes back; the pinned search paths stay (harmless, and safer).
    await q.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC`);
  }
}

/** The definer functions the API role calls (directly, or from a trigger running as the API role). */
const appDefinerFunctions = `ARRAY['auth_find_login', 'rollup_refresh']`;

/**
 * Revokes PUBLIC's EXECUTE on every function of the schema; grants the API role the plain (invoker's
 * rights) functions that are not triggers and the definer functions it needs; pins each definer
 * function's search_path.
 */
const hardenFunctionsSql = `DO $$
  DECLARE f record;
  BEGIN
    EXECUTE 'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC';
    FOR f IN SELECT p.oid::regprocedure AS sig, p.proname, p.prosecdef
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype LOOP
      IF NOT f.prosecdef OR f.proname = ANY (${appDefinerFunctions}) THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jixiao_app', f.sig);
      END IF;
    END LOOP;
    FOR f IN SELECT p.oid::regprocedure AS sig
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.prosecdef LOOP
      EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f.sig);
    END LOOP;
  END $$`;
