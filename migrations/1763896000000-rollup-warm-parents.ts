import type { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE = 'rollup_warm_parents(integer)';

/**
 * Issue 18 (first request after start): the fund trees whose roll-up the API computes at start, before it
 * listens (src/rollup/rollup-warmup.ts) — overall goals in force over regional goals (`NOT leaves`),
 * newest year first, the most children first, at most `p_limit`, across every tenant. Only the API's
 * runtime role may call it; it answers ids, never a figure: the roll-ups themselves are then computed in
 * each tenant's own transaction under row-level security.
 */
export class RollUpWarmParents1763896000000 implements MigrationInterface {
  name = 'RollUpWarmParents1763896000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION ${SIGNATURE.replace('(integer)', '(p_limit integer)')}
      RETURNS TABLE (tenant_id uuid, parent_goal_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        SELECT p.tenant_id, p.parent_goal_id
          FROM rollup_population p
          JOIN performance_goal g ON g.tenant_id = p.tenant_id AND g.id = p.parent_goal_id
         WHERE NOT p.leaves AND g.status IN ('ISSUED', 'FILED_FOR_RECORD')
         ORDER BY g.year DESC, p.total DESC, p.tenant_id, p.parent_goal_id
         LIMIT least(greatest(p_limit, 0), 1000) $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
