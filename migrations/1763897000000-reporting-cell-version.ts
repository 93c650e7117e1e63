import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;
/** The transaction clock in microseconds (as the roll-up's statistics versions, CitusReady1763895000000). */
const CLOCK = `(extract(epoch FROM clock_timestamp()) * 1000000)::bigint`;

/**
 * Issue 18 (W3, the BI aggregate): a version of what the aggregate over the region cells reads — the
 * cells and the regions that name their rows — so that the API can keep an answer and reuse it while
 * nothing it was computed from has changed (src/reporting/aggregate-cache.ts), as the roll-up reuses
 * its results by the statistics versions (DOMAIN §11 "always current": every reuse is checked first).
 *
 * `reporting_cell_version` holds one counter per tenant and database backend: every transaction that
 * recomputes cells or changes a region raises its backend's row, in that transaction — by one, and to no
 * less than the clock in microseconds, so that a database restored to an earlier state does not count
 * its way back to a version it had. The tenant's version is the sum of its rows. Rows only ever grow, so
 * the sum grows with every committed change and is the same in two snapshots exactly when no such
 * change committed between them; it is read in the same statement (the same snapshot) as the figures
 * it stands for. A backend runs one
 * transaction at a time, so no two transactions ever write the same row: the counter adds no lock
 * wait and no deadlock to the writes it follows (an advisory lock per cell already orders those).
 * One row per tenant and backend process that ever changed the tenant's cells; reading the version
 * sums them through the primary key.
 *
 * Tenant table with row-level security; the API role only reads it, the definer functions write it.
 */
export class ReportingCellVersion1763897000000 implements MigrationInterface {
  name = 'ReportingCellVersion1763897000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reporting_cell_version" ("tenant_id" uuid NOT NULL, "backend_pid" integer NOT NULL, "version" bigint NOT NULL, CONSTRAINT "pk_reporting_cell_version" PRIMARY KEY ("tenant_id", "backend_pid"))`,
    );
    await q.query(`COMMENT ON TABLE reporting_cell_version IS
      '区划汇总版本 — per tenant and backend: +1 by every transaction that changes region cells or regions (issue 18)'`);
    await q.query(`CREATE FUNCTION reporting_cells_changed(p_tenant uuid) RETURNS void
      LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE v_backend integer := pg_backend_pid(); v_clock bigint := ${CLOCK};
      BEGIN
        -- Values, not functions, in the statement: Citus allows only immutable functions in DO UPDATE SET.
        INSERT INTO reporting_cell_version AS v (tenant_id, backend_pid, version)
        VALUES (p_tenant, v_backend, v_clock)
        ON CONFLICT (tenant_id, backend_pid) DO UPDATE SET version = greatest(v.version + 1, EXCLUDED.version);
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION reporting_cells_changed(uuid) FROM PUBLIC`);

    // The cells: every recomputation counts, tenant by tenant, before its cells are touched.
    await q.query(`CREATE OR REPLACE FUNCTION reporting_recompute_cells(p_tenants uuid[], p_regions uuid[], p_years int[])
      RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE t uuid;
      BEGIN
        -- Who may not write the cells is refused even for no keys, as before (DOMAIN §16 P8).
        DELETE FROM reporting_region_cell WHERE false;
        FOR t IN SELECT DISTINCT u FROM unnest(p_tenants) u ORDER BY 1 LOOP
          PERFORM reporting_cells_changed(t);
          PERFORM reporting_recompute_cells_of(t, p_tenants, p_regions, p_years);
        END LOOP;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION reporting_recompute_cells(uuid[], uuid[], int[]) FROM PUBLIC`);

    // The regions: their codes, names and levels name the aggregate's rows.
    await q.query(`CREATE FUNCTION reporting_after_region() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        PERFORM reporting_cells_changed(CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END);
        IF TG_OP = 'UPDATE' AND OLD.tenant_id <> NEW.tenant_id THEN
          PERFORM reporting_cells_changed(OLD.tenant_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_region_reporting_version AFTER INSERT OR UPDATE OR DELETE ON region FOR EACH ROW EXECUTE FUNCTION reporting_after_region()`,
    );

    await q.query(`ALTER TABLE reporting_cell_version ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE reporting_cell_version FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON reporting_cell_version TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON reporting_cell_version TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT ON reporting_cell_version TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_region_reporting_version ON region`);
    await q.query(`DROP FUNCTION reporting_after_region()`);
    await q.query(`CREATE OR REPLACE FUNCTION reporting_recompute_cells(p_tenants uuid[], p_regions uuid[], p_years int[])
      RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE t uuid;
      BEGIN
        DELETE FROM reporting_region_cell WHERE false;
        FOR t IN SELECT DISTINCT u FROM unnest(p_tenants) u ORDER BY 1 LOOP
          PERFORM reporting_recompute_cells_of(t, p_tenants, p_regions, p_years);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION reporting_cells_changed(uuid)`);
    await q.query(`DROP TABLE "reporting_cell_version"`);
  }
}
