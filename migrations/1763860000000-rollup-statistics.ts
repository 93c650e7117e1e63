import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Derived tables, scoped by tenant with row-level security like every tenant table (DOMAIN §3). */
const tenantTables = ['rollup_population', 'rollup_coverage', 'rollup_indicator_stat'];

const IN_FORCE = `('ISSUED', 'FILED_FOR_RECORD')`;
const LEAF_SCOPES = `('PROJECT', 'TRANSFER_PROJECT')`;

/** One parent's project-level children in force, with their weights (materialized: the plan starts here). */
const KIDS = `kids AS MATERIALIZED (
            SELECT c.tenant_id, c.id, COALESCE(c.annual_amount, 0) AS w FROM performance_goal c
             WHERE c.tenant_id = p_tenant AND c.parent_goal_id = p_parent AND c.status IN ${IN_FORCE}
               AND c.scope IN ${LEAF_SCOPES})`;

/**
 * 逐级汇总 kept current in the same transaction as every change (DOMAIN §11 "always current"; issue #4
 * performance): per parent goal, the population of its children in force, and — over its project-level
 * children's submitted self-evaluations, split by reviewed or not — the exact sufficient statistics the
 * roll-up combines (Σv, Σw·v, Σw, n, min, max, ratio parts per parent indicator; counts, money, Σw·total,
 * grades). A statement-level trigger on `evaluation` and on `performance_goal` recomputes the affected
 * parents (each under a transaction-scoped advisory lock, so concurrent submissions under one parent
 * serialize and none is lost). The tables are derived: `rollup_refresh` rebuilds any parent from the
 * base tables, and the API role may only read them.
 */
export class RollupStatistics1763860000000 implements MigrationInterface {
  name = 'RollupStatistics1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "rollup_population" ("tenant_id" uuid NOT NULL, "parent_goal_id" uuid NOT NULL, "total" integer NOT NULL, "total_weight" numeric NOT NULL, "leaves" boolean NOT NULL, "version" bigint NOT NULL, CONSTRAINT "pk_rollup_population" PRIMARY KEY ("tenant_id", "parent_goal_id"))`,
    );
    // Every refresh gives its parent a new version: a computed roll-up may be reused while it is unchanged.
    await q.query(`CREATE SEQUENCE rollup_version_seq`);
    await q.query(
      `CREATE TABLE "rollup_coverage" ("tenant_id" uuid NOT NULL, "parent_goal_id" uuid NOT NULL, "reviewed" boolean NOT NULL, "counted" integer NOT NULL, "counted_weight" numeric NOT NULL, "budgeted" numeric NOT NULL, "in_place" numeric NOT NULL, "spent" numeric NOT NULL, "scored_weight" numeric NOT NULL, "weighted_total" numeric NOT NULL, "excellent" integer NOT NULL, "good" integer NOT NULL, "fair" integer NOT NULL, "poor" integer NOT NULL, CONSTRAINT "pk_rollup_coverage" PRIMARY KEY ("tenant_id", "parent_goal_id", "reviewed"))`,
    );
    await q.query(
      `CREATE TABLE "rollup_indicator_stat" ("tenant_id" uuid NOT NULL, "parent_goal_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "reviewed" boolean NOT NULL, "n" integer NOT NULL, "sum" numeric NOT NULL, "weighted_sum" numeric NOT NULL, "weight" numeric NOT NULL, "min" numeric NOT NULL, "max" numeric NOT NULL, "numerator" numeric, "denominator" numeric, "parts" integer NOT NULL, CONSTRAINT "pk_rollup_indicator_stat" PRIMARY KEY ("tenant_id", "parent_goal_id", "indicator_id", "reviewed"))`,
    );

    // One parent rebuilt from the base tables. SECURITY DEFINER: the API role reads these tables only.
    await q.query(`CREATE FUNCTION rollup_refresh(p_tenant uuid, p_parent uuid) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('rollup:' || p_parent::text, 0));
        DELETE FROM rollup_population WHERE tenant_id = p_tenant AND parent_goal_id = p_parent;
        DELETE FROM rollup_coverage WHERE tenant_id = p_tenant AND parent_goal_id = p_parent;
        DELETE FROM rollup_indicator_stat WHERE tenant_id = p_tenant AND parent_goal_id = p_parent;
        INSERT INTO rollup_population
          SELECT c.tenant_id, c.parent_goal_id, count(*), COALESCE(sum(COALESCE(c.annual_amount, 0)), 0),
                 bool_and(c.scope IN ${LEAF_SCOPES}), nextval('rollup_version_seq')
            FROM performance_goal c
           WHERE c.tenant_id = p_tenant AND c.parent_goal_id = p_parent AND c.status IN ${IN_FORCE}
           GROUP BY c.tenant_id, c.parent_goal_id;
        -- Driven from the parent (its children, their evaluations, their actuals), whatever the planner
        -- estimates for the derived tables: each refresh reads one parent's rows only.
        INSERT INTO rollup_coverage
          WITH ${KIDS}
          SELECT p_tenant, p_parent, e.status = 'REVIEWED', count(*), sum(k.w), COALESCE(sum(e.budgeted), 0),
                 COALESCE(sum(e.in_place), 0), COALESCE(sum(e.spent), 0),
                 COALESCE(sum(k.w) FILTER (WHERE e.total IS NOT NULL), 0), COALESCE(sum(k.w * e.total), 0),
                 count(*) FILTER (WHERE e.grade = 'EXCELLENT'), count(*) FILTER (WHERE e.grade = 'GOOD'),
                 count(*) FILTER (WHERE e.grade = 'FAIR'), count(*) FILTER (WHERE e.grade = 'POOR')
            FROM kids k
            JOIN evaluation e ON e.tenant_id = k.tenant_id AND e.goal_id = k.id
           WHERE e.kind = 'SELF' AND e.status IN ('SUBMITTED', 'REVIEWED')
           GROUP BY e.status = 'REVIEWED';
        INSERT INTO rollup_indicator_stat
          WITH ${KIDS},
          ev AS MATERIALIZED (
            SELECT e.tenant_id, e.id, e.status, k.w FROM kids k
              JOIN evaluation e ON e.tenant_id = k.tenant_id AND e.goal_id = k.id
             WHERE e.kind = 'SELF' AND e.status IN ('SUBMITTED', 'REVIEWED')),
          act AS MATERIALIZED (
            SELECT ev.status, ev.w, ea.tenant_id, ea.indicator_id, ea.actual FROM ev
              JOIN evaluation_actual ea ON ea.tenant_id = ev.tenant_id AND ea.evaluation_id = ev.id
             WHERE ea.actual IS NOT NULL)
          SELECT p_tenant, p_parent, ci.parent_indicator_id, a.status = 'REVIEWED', count(*), sum(a.actual),
                 sum(a.w * a.actual), sum(a.w), min(a.actual), max(a.actual),
                 sum(a.actual * ci.ratio_denominator::numeric), sum(ci.ratio_denominator::numeric),
                 count(ci.ratio_denominator)
            FROM act a
            JOIN goal_indicator ci ON ci.tenant_id = a.tenant_id AND ci.id = a.indicator_id
           WHERE ci.parent_indicator_id IS NOT NULL
           GROUP BY ci.parent_indicator_id, a.status = 'REVIEWED';
      END $$`);

    // A self-evaluation entering or leaving SUBMITTED/REVIEWED refreshes its goal's parent.
    await q.query(`CREATE FUNCTION rollup_after_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT DISTINCT g.tenant_id, g.parent_goal_id
                   FROM new_rows n
                   JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
                   JOIN performance_goal g ON g.tenant_id = n.tenant_id AND g.id = n.goal_id
                  WHERE n.kind = 'SELF' AND g.parent_goal_id IS NOT NULL AND n.status <> o.status
                    AND (n.status IN ('SUBMITTED', 'REVIEWED') OR o.status IN ('SUBMITTED', 'REVIEWED'))
                  ORDER BY 1, 2 LOOP
          PERFORM rollup_refresh(r.tenant_id, r.parent_goal_id);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_evaluation_rollup AFTER UPDATE ON evaluation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_after_evaluation()`,
    );

    // A goal coming into force or leaving it (issued, filed, superseded) changes its parent's population.
    await q.query(`CREATE FUNCTION rollup_after_goal() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT DISTINCT n.tenant_id, n.parent_goal_id
                   FROM new_rows n
                   JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
                  WHERE n.parent_goal_id IS NOT NULL
                    AND (n.status IN ${IN_FORCE}) <> (o.status IN ${IN_FORCE})
                  ORDER BY 1, 2 LOOP
          PERFORM rollup_refresh(r.tenant_id, r.parent_goal_id);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_performance_goal_rollup AFTER UPDATE ON performance_goal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_after_goal()`,
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
      await q.query(`GRANT SELECT ON ${table} TO jixiao_app`);
    }
    await q.query(`REVOKE ALL ON FUNCTION rollup_refresh(uuid, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION rollup_refresh(uuid, uuid) TO jixiao_app`);

    // Data that exists before this migration.
    await q.query(
      `SELECT rollup_refresh(p.tenant_id, p.parent_goal_id) FROM (SELECT DISTINCT tenant_id, parent_goal_id FROM performance_goal WHERE parent_goal_id IS NOT NULL) p`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_performance_goal_rollup ON performance_goal`);
    await q.query(`DROP TRIGGER trg_evaluation_rollup ON evaluation`);
    await q.query(`DROP FUNCTION rollup_after_goal(), rollup_after_evaluation(), rollup_refresh(uuid, uuid)`);
    await q.query(`DROP TABLE rollup_indicator_stat, rollup_coverage, rollup_population`);
    await q.query(`DROP SEQUENCE rollup_version_seq`);
  }
}
