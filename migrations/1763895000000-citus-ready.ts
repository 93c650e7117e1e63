import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;
const LOCK = `PERFORM pg_advisory_xact_lock(hashtextextended('rollup:' || p_parent::text, 0));`;
const NEXTVAL = `nextval('rollup_version_seq')`;

/**
 * Issue 17, a schema that runs on plain PostgreSQL and on a Citus cluster alike. The roll-up statistics
 * are maintained by triggers that run, under Citus, on the worker holding the tenant's shards: there a
 * coordinator-only sequence does not exist. A parent's statistics version (`rollup_population.version`,
 * only ever compared for equality by the roll-up's cache, src/rollup/rollup.loaders.ts) now comes from
 * the row itself: one more than the version it replaces, and never below the transaction clock in
 * microseconds, so a parent whose population disappears and comes back never reuses a version number.
 * The function body is rewritten in place (only the version expression changes; the refresh still takes
 * the parent's advisory lock first, so concurrent refreshes of one parent serialize).
 *
 * The trigger functions that joined a transition table (the changed rows) with another table now read
 * the changed rows first and then the other table one tenant at a time (`tenant_id = <one tenant>`):
 * on Citus a statement naming one tenant is routed to that tenant's co-located shard, on the worker the
 * trigger already runs on, while a join of transition rows with a distributed table cannot run there.
 * Same rows, same order, same results on plain PostgreSQL. The same holds for the region cells
 * (`reporting_recompute_cells` works tenant by tenant) and the sign-in lookup by tenant code (the tenant
 * first, then its login: one shard instead of all).
 */
export class CitusReady1763895000000 implements MigrationInterface {
  name = 'CitusReady1763895000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      DECLARE body text := (SELECT prosrc FROM pg_proc WHERE oid = 'rollup_rebuild(uuid, uuid)'::regprocedure);
      BEGIN
        IF position(${literal(NEXTVAL)} IN body) = 0 OR position(${literal(LOCK)} IN body) = 0 THEN
          RAISE EXCEPTION 'rollup_rebuild is not the function this migration expects';
        END IF;
        body := replace(body, ${literal(LOCK)}, ${literal(`${LOCK}
        SELECT version INTO v_previous FROM rollup_population WHERE tenant_id = p_tenant AND parent_goal_id = p_parent;`)});
        body := replace(body, ${literal(NEXTVAL)},
          ${literal(`greatest(coalesce(v_previous, 0) + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)`)});
        body := regexp_replace(body, '^\\s*BEGIN', 'DECLARE v_previous bigint;
      BEGIN');
        EXECUTE format('CREATE OR REPLACE FUNCTION rollup_rebuild(p_tenant uuid, p_parent uuid) RETURNS void
          LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS %L', body);
      END $$`);
    await q.query(`DROP SEQUENCE rollup_version_seq`);

    await q.query(`CREATE OR REPLACE FUNCTION rollup_after_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE t uuid; v_goals uuid[]; r record;
      BEGIN
        FOR t IN SELECT DISTINCT n.tenant_id FROM new_rows n ORDER BY 1 LOOP
          SELECT array_agg(DISTINCT n.goal_id) INTO v_goals
            FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
           WHERE n.tenant_id = t AND n.kind = 'SELF' AND n.status <> o.status
             AND (n.status IN ('SUBMITTED', 'REVIEWED') OR o.status IN ('SUBMITTED', 'REVIEWED'));
          CONTINUE WHEN v_goals IS NULL;
          FOR r IN SELECT DISTINCT g.parent_goal_id FROM performance_goal g
                    WHERE g.tenant_id = t AND g.id = ANY (v_goals) AND g.parent_goal_id IS NOT NULL
                    ORDER BY 1 LOOP
            PERFORM rollup_refresh(t, r.parent_goal_id);
          END LOOP;
        END LOOP;
        RETURN NULL;
      END $$`);

    await q.query(`CREATE OR REPLACE FUNCTION reporting_after_monitoring_indicator() RETURNS trigger
      LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE r record; v_goals uuid[];
      BEGIN
        FOR r IN SELECT n.tenant_id, array_agg(DISTINCT n.report_id) AS reports FROM new_rows n
                  GROUP BY 1 ORDER BY 1 LOOP
          SELECT array_agg(DISTINCT m.goal_id) INTO v_goals FROM monitoring_report m
           WHERE m.tenant_id = r.tenant_id AND m.id = ANY (r.reports);
          IF v_goals IS NOT NULL THEN
            PERFORM reporting_refresh_goals(r.tenant_id, v_goals);
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION reporting_after_dimension() RETURNS trigger
      LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE r record; v_goals uuid[];
      BEGIN
        FOR r IN SELECT n.tenant_id, array_agg(n.id) AS ids FROM new_rows n GROUP BY 1 ORDER BY 1 LOOP
          SELECT array_agg(DISTINCT fa.goal_id) INTO v_goals FROM reporting_goal_fact fa
           WHERE fa.tenant_id = r.tenant_id AND (fa.department_id = ANY (r.ids) OR fa.fund_id = ANY (r.ids));
          IF v_goals IS NOT NULL THEN
            PERFORM reporting_refresh_goals(r.tenant_id, v_goals);
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION reporting_after_project() RETURNS trigger
      LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE r record; v_goals uuid[];
      BEGIN
        FOR r IN SELECT n.tenant_id, array_agg(n.id) AS ids FROM new_rows n GROUP BY 1 ORDER BY 1 LOOP
          SELECT array_agg(DISTINCT g.id) INTO v_goals FROM performance_goal g
           WHERE g.tenant_id = r.tenant_id AND g.project_id = ANY (r.ids);
          IF v_goals IS NOT NULL THEN
            PERFORM reporting_refresh_goals(r.tenant_id, v_goals);
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);

    // The region cells, one tenant at a time: the existing body, its statements narrowed to p_tenant.
    await q.query(`DO $$
      DECLARE body text := (SELECT prosrc FROM pg_proc
                             WHERE oid = 'reporting_recompute_cells(uuid[], uuid[], int[])'::regprocedure);
      BEGIN
        IF position(${literal(CELL_DELETE)} IN body) = 0 OR position(${literal(CELL_FILTER)} IN body) = 0 THEN
          RAISE EXCEPTION 'reporting_recompute_cells is not the function this migration expects';
        END IF;
        body := replace(body, ${literal(CELL_DELETE)}, ${literal(CELL_DELETE_ONE)});
        body := replace(body, ${literal(CELL_FILTER)}, ${literal(CELL_FILTER_ONE)});
        EXECUTE format('CREATE FUNCTION reporting_recompute_cells_of(p_tenant uuid, p_tenants uuid[],
          p_regions uuid[], p_years int[]) RETURNS void LANGUAGE plpgsql
          SET search_path = pg_catalog, public, pg_temp AS %L', body);
      END $$`);
    await q.query(
      `REVOKE EXECUTE ON FUNCTION reporting_recompute_cells_of(uuid, uuid[], uuid[], int[]) FROM PUBLIC`,
    );
    await q.query(
      `ALTER FUNCTION reporting_recompute_cells(uuid[], uuid[], int[]) RENAME TO reporting_recompute_cells_all`,
    );
    await q.query(`CREATE FUNCTION reporting_recompute_cells(p_tenants uuid[], p_regions uuid[], p_years int[])
      RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE t uuid;
      BEGIN
        -- Who may not write the cells is refused even for no keys, as before (DOMAIN §16 P8).
        DELETE FROM reporting_region_cell WHERE false;
        FOR t IN SELECT DISTINCT u FROM unnest(p_tenants) u ORDER BY 1 LOOP
          PERFORM reporting_recompute_cells_of(t, p_tenants, p_regions, p_years);
        END LOOP;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION reporting_recompute_cells(uuid[], uuid[], int[]) FROM PUBLIC`);
    await q.query(`DROP FUNCTION reporting_recompute_cells_all(uuid[], uuid[], int[])`);

    // Every table a derived-row statement reads names the tenant itself (not only through a join): Citus
    // then plans the statement as one router query on the tenant's shard group. Through a join alone it
    // plans sub-plans with intermediate results, which under a two-phase commit (a statement of the owner
    // over several tenants) crashed the worker at COMMIT PREPARED (Citus 13.2.2, issue 17).
    for (const [fn, joined] of [
      ['reporting_refresh_goals_now(uuid, uuid[])', 'g|mr'],
      ['rollup_rebuild(uuid, uuid)', 'c|k|ev|a|e'],
    ]) {
      await q.query(`DO $$
        DECLARE def text := pg_get_functiondef('${fn}'::regprocedure); changed text;
        BEGIN
          changed := regexp_replace(def, '(\\m[a-z]+)\\.tenant_id = (${joined})\\.tenant_id',
                                    '\\1.tenant_id = p_tenant AND \\1.tenant_id = \\2.tenant_id', 'g');
          IF changed = def THEN
            RAISE EXCEPTION '${fn} is not the function this migration expects';
          END IF;
          EXECUTE changed;
        END $$`);
    }

    // SQL-language functions with parameters that read tenant tables become PL/pgSQL: Citus cannot plan
    // a parameterized statement of a SQL function ("could not create distributed plan"); same results.
    await q.query(`DO $$
      DECLARE f record; def text; body text;
      BEGIN
        FOR f IN SELECT p.oid, p.prosrc, p.proretset FROM pg_proc p
                  WHERE p.oid = ANY (ARRAY[${TO_PLPGSQL.map((sig) => `'${sig}'::regprocedure`).join(', ')}]::oid[]) LOOP
          def := pg_get_functiondef(f.oid);
          body := regexp_replace(f.prosrc, ';?\\s*$', '');
          body := E'#variable_conflict use_column\nBEGIN\n  '
                  || CASE WHEN f.proretset THEN 'RETURN QUERY ' || body || ';' ELSE 'RETURN (' || body || ');' END
                  || E'\nEND';
          def := replace(substring(def FROM 1 FOR position('AS $function$' IN def) - 1), 'LANGUAGE sql', 'LANGUAGE plpgsql');
          EXECUTE def || ' AS ' || quote_literal(body);
        END LOOP;
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION reporting_rebuild_facts(p_tenant uuid) RETURNS bigint
      LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        PERFORM reporting_refresh_goals_now(p_tenant, ARRAY(
                 SELECT g.id FROM performance_goal g WHERE g.tenant_id = p_tenant
                 UNION SELECT f.goal_id FROM reporting_goal_fact f WHERE f.tenant_id = p_tenant));
        RETURN (SELECT count(*) FROM reporting_goal_fact f WHERE f.tenant_id = p_tenant);
      END $$`);

    // Sign-in by tenant code: the tenant (a reference table under Citus), then its one login row.
    await q.query(`CREATE OR REPLACE FUNCTION auth_find_login(p_tenant text, p_login text)
      RETURNS TABLE (tenant_id uuid, user_id uuid) LANGUAGE plpgsql STABLE ${DEFINER} AS $$
      DECLARE v_tenant uuid;
      BEGIN
        SELECT t.id INTO v_tenant FROM tenant t WHERE lower(t.code) = lower(trim(p_tenant));
        IF v_tenant IS NULL THEN
          RETURN;
        END IF;
        RETURN QUERY SELECT l.tenant_id, l.user_id FROM user_login l
                      WHERE l.tenant_id = v_tenant AND l.login = lower(p_login);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The rewritten trigger functions and the sign-in lookup return the same rows as before: they stay.
    await q.query(`DO $$
      DECLARE body text := (SELECT prosrc FROM pg_proc
                             WHERE oid = 'reporting_recompute_cells_of(uuid, uuid[], uuid[], int[])'::regprocedure);
      BEGIN
        body := replace(body, ${literal(CELL_DELETE_ONE)}, ${literal(CELL_DELETE)});
        body := replace(body, ${literal(CELL_FILTER_ONE)}, ${literal(CELL_FILTER)});
        EXECUTE format('CREATE OR REPLACE FUNCTION reporting_recompute_cells(p_tenants uuid[], p_regions uuid[],
          p_years int[]) RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS %L', body);
      END $$`);
    await q.query(`DROP FUNCTION reporting_recompute_cells_of(uuid, uuid[], uuid[], int[])`);
    await q.query(`CREATE SEQUENCE rollup_version_seq START WITH ${Number.MAX_SAFE_INTEGER}`);
    await q.query(`DO $$
      DECLARE body text := (SELECT prosrc FROM pg_proc WHERE oid = 'rollup_rebuild(uuid, uuid)'::regprocedure);
      BEGIN
        body := replace(body, ${literal(`${LOCK}
        SELECT version INTO v_previous FROM rollup_population WHERE tenant_id = p_tenant AND parent_goal_id = p_parent;`)}, ${literal(LOCK)});
        body := replace(body, ${literal(`greatest(coalesce(v_previous, 0) + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)`)}, ${literal(NEXTVAL)});
        body := regexp_replace(body, '^\\s*DECLARE v_previous bigint;\\s*BEGIN', '
      BEGIN');
        EXECUTE format('CREATE OR REPLACE FUNCTION rollup_rebuild(p_tenant uuid, p_parent uuid) RETURNS void
          LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS %L', body);
      END $$`);
  }
}

/** SQL-language functions read by triggers or by the API with parameters (see `up`). */
const TO_PLPGSQL = [
  'funding_hold_current(uuid, uuid)',
  'auth_find_login(text)',
  'disclosure_public_goal_count(text, integer)',
  'disclosure_public_evaluation_count(text, integer)',
  'disclosure_public_goals(text, integer, integer, text, uuid)',
  'disclosure_public_evaluations(text, integer, integer, text, uuid)',
  'disclosure_public_results(text, integer)',
];

const CELL_DELETE = `WHERE c.tenant_id = k.tenant_id AND c.region_id = k.region_id AND c.year = k.year;`;
const CELL_DELETE_ONE = `WHERE c.tenant_id = p_tenant AND k.tenant_id = p_tenant AND c.region_id = k.region_id AND c.year = k.year;`;
const CELL_FILTER = `WHERE c.category = 'ALL' OR c.n > 0`;
const CELL_FILTER_ONE = `WHERE f.tenant_id = p_tenant AND (c.category = 'ALL' OR c.n > 0)`;

/** A SQL string literal (dollar quotes are taken by the DO block). */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
