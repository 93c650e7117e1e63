import type { MigrationInterface, QueryRunner } from 'typeorm';
import { secureTenantTable } from './tenant-table-security';

const TENANTS = 'reporting_kept_tenants(integer)';

/**
 * Issue 18 (W3, the first BI request after start): the table-form aggregates over the region cells kept
 * in the database as well as in the process (src/reporting/kept-answers.ts), so that an answer outlives
 * the process that computed it — a restart, an upgrade, another process of a cluster deployment
 * (CLUSTER_WORKERS) or another server over the same database reuses it while the tenant's cells and
 * regions are unchanged, checked against `reporting_cell_version` in the statement that reads it (DOMAIN
 * §11 "always current").
 *
 * - `answer_key`: SHA-256 of the statement and its parameters (the tenant, the caller's reach, the
 *   filters): a caller only ever reads the answer its own statement would give (P6).
 * - `version`: the tenant's cell version the answer was computed at (the sum of `reporting_cell_version`,
 *   read in the same snapshot as the figures). Versions only grow: a row below the current version is
 *   stale and is removed by the next answer kept for the tenant.
 * - A cache: rows can be deleted at any time; nothing else references them.
 *
 * Tenant table with row-level security. The API role reads and writes its own tenant's rows only;
 * `reporting_kept_tenants` tells it, at start, which tenants have answers kept (ids only).
 */
export class ReportingKeptAnswer1763898000000 implements MigrationInterface {
  name = 'ReportingKeptAnswer1763898000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reporting_kept_answer" ("tenant_id" uuid NOT NULL, "answer_key" text NOT NULL, "version" numeric NOT NULL, "row_count" integer NOT NULL, "table_json" text NOT NULL, "kept_at" timestamptz NOT NULL DEFAULT now(), CONSTRAINT "pk_reporting_kept_answer" PRIMARY KEY ("tenant_id", "answer_key"), CONSTRAINT "chk_reporting_kept_answer_key" CHECK (answer_key ~ '^[0-9a-f]{64}$'))`,
    );
    await q.query(`COMMENT ON TABLE reporting_kept_answer IS
      '汇总结果留存 — table-form BI aggregates kept by statement and tenant cell version, reused while current (issue 18)'`);
    await secureTenantTable(q, 'reporting_kept_answer', 'SELECT, INSERT, UPDATE, DELETE');

    // At start the API reads each tenant's current answers into its memory, tenant by tenant under
    // row-level security (src/reporting/aggregate-cache.ts loadKeptAnswers); this answers tenant ids only.
    // PL/pgSQL with the limit written into the statement: on Citus a multi-shard grouping cannot take its
    // LIMIT as a parameter ("could not create distributed plan").
    await q.query(`CREATE FUNCTION ${TENANTS.replace('(integer)', '(p_limit integer)')}
      RETURNS TABLE (tenant_id uuid)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        RETURN QUERY EXECUTE format(
          'SELECT k.tenant_id FROM reporting_kept_answer k GROUP BY k.tenant_id
            ORDER BY max(k.kept_at) DESC, k.tenant_id LIMIT %s', least(greatest(p_limit, 0), 1000));
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${TENANTS} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${TENANTS} TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${TENANTS}`);
    await q.query(`DROP TABLE "reporting_kept_answer"`);
  }
}
