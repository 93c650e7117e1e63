import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The setting a bulk load sets (as the owner) to leave the facts for one rebuild at its end. */
export const REPORTING_FACTS_SETTING = 'jixiao.reporting_facts';

/**
 * 报表事实批量装载 (issue 14, benchmark generators): a bulk load may leave `reporting_goal_fact` alone
 * while it writes and rebuild it once at the end, set-based, instead of paying the statement triggers'
 * per-goal rebuild on every statement (a copied year: ~5 min with them, ~2 min without).
 *
 * - `reporting_refresh_goals` (called by every fact trigger) becomes a gate in front of the unchanged
 *   rebuild, renamed `reporting_refresh_goals_now`: it does nothing when the session has
 *   `jixiao.reporting_facts = 'deferred'` AND its session user is a member of the facts table's owner.
 *   Anyone may set a custom setting, so the setting alone proves nothing: the API's runtime role
 *   (`jixiao_app`, no member of the owner) that sets it changes nothing — its writes still rebuild
 *   their goals' facts in their transaction (DOMAIN §11 "always current"; test/reporting/facts-bulk-load).
 * - `reporting_rebuild_facts(tenant)`: the tenant's facts from the base tables in one statement (every
 *   goal of the tenant and every goal that has a fact row, so dead and deleted goals leave). Owner only
 *   (EXECUTE revoked from PUBLIC), like `reporting_refresh_goals_now`.
 *
 * Regions never move (ck_region_immovable, DOMAIN §3), so the ids and paths a fact row stores stay
 * right; codes and names are joined when read.
 */
export class ReportingFactBulkLoad1763894000000 implements MigrationInterface {
  name = 'ReportingFactBulkLoad1763894000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER FUNCTION reporting_refresh_goals(uuid, uuid[]) RENAME TO reporting_refresh_goals_now`,
    );
    await q.query(`REVOKE EXECUTE ON FUNCTION reporting_refresh_goals_now(uuid, uuid[]) FROM PUBLIC`);
    await q.query(`CREATE FUNCTION reporting_refresh_goals(p_tenant uuid, p_goals uuid[]) RETURNS void
      LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        IF current_setting('${REPORTING_FACTS_SETTING}', true) = 'deferred'
           AND pg_has_role(session_user, (SELECT c.relowner FROM pg_class c
                                           WHERE c.oid = 'public.reporting_goal_fact'::regclass), 'MEMBER') THEN
          RETURN;
        END IF;
        PERFORM reporting_refresh_goals_now(p_tenant, p_goals);
      END $$`);
    await q.query(`CREATE FUNCTION reporting_rebuild_facts(p_tenant uuid) RETURNS bigint
      LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
        SELECT reporting_refresh_goals_now(p_tenant, ARRAY(
                 SELECT g.id FROM performance_goal g WHERE g.tenant_id = p_tenant
                 UNION SELECT f.goal_id FROM reporting_goal_fact f WHERE f.tenant_id = p_tenant));
        SELECT count(*) FROM reporting_goal_fact f WHERE f.tenant_id = p_tenant;
      $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION reporting_rebuild_facts(uuid) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION reporting_rebuild_facts(uuid)`);
    await q.query(`DROP FUNCTION reporting_refresh_goals(uuid, uuid[])`);
    await q.query(
      `ALTER FUNCTION reporting_refresh_goals_now(uuid, uuid[]) RENAME TO reporting_refresh_goals`,
    );
    await q.query(`GRANT EXECUTE ON FUNCTION reporting_refresh_goals(uuid, uuid[]) TO PUBLIC`);
  }
}
