import type { MigrationInterface, QueryRunner } from 'typeorm';

const IN_FORCE = `('ISSUED', 'FILED_FOR_RECORD')`;
/** A goal that no longer counts anywhere: replaced by a new version, withdrawn or rejected (DOMAIN §7). */
const DEAD = `('SUPERSEDED', 'WITHDRAWN', 'REJECTED')`;
const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/**
 * One goal's reporting fact, rebuilt from the base tables (DOMAIN §16, docs/reporting/measures.md):
 * its dimensions (region and its ancestors by level, year, fund, department and sector, budget book,
 * scope, grade) and its per-goal measures (weight = annual amount, money, indicator counts per category,
 * monitored / flagged / self-evaluated / evaluated, self-evaluation total). Money: the submitted
 * self-evaluation's rows once there is one (as the roll-up, DOMAIN §11), else the year's executions (§4).
 * FLAGGED (§9): the latest submitted report of the year has SLOW_EXECUTION (its policy's threshold,
 * exactly: 100·M·B − 1200·E > 12·t·B), a likelihood other than CERTAIN, or deviation causes recorded.
 * Driven by the given goal ids (nested index lookups), so the plan does not depend on fresh statistics
 * (a bulk load in one transaction has none).
 */
const FACT_SELECT = `
  SELECT g.tenant_id, g.id, g.year, g.scope, g.status, g.status IN ${IN_FORCE}, g.region_id, g.region_path,
         r.level, pid[1]::uuid, CASE WHEN cardinality(pid) >= 2 THEN pid[2]::uuid END,
         CASE WHEN cardinality(pid) >= 3 THEN pid[3]::uuid END,
         COALESCE(g.fund_id, p.fund_id), dep.id, dep.sector, f.budget_book, g.drafter_organization_id,
         p.implementing_unit_id, COALESCE(g.annual_amount, 0),
         CASE WHEN se.id IS NOT NULL THEN COALESCE(se.budgeted, 0) ELSE COALESCE(x.budgeted, 0) END,
         CASE WHEN se.id IS NOT NULL THEN COALESCE(se.in_place, 0) ELSE COALESCE(x.in_place, 0) END,
         CASE WHEN se.id IS NOT NULL THEN COALESCE(se.spent, 0) ELSE COALESCE(x.spent, 0) END,
         COALESCE(ic.common, 0), COALESCE(ic.output, 0), COALESCE(ic.benefit, 0), COALESCE(ic.satisfaction, 0),
         mr.id IS NOT NULL,
         COALESCE(mr.likelihood <> 'CERTAIN'
           OR (mr.annual_budget > 0 AND 100 * mr.month * mr.annual_budget - 1200 * mr.executed_to_date
               > 12 * COALESCE(tp.slow_execution_threshold, 10) * mr.annual_budget)
           OR EXISTS (SELECT 1 FROM monitoring_report_indicator mi WHERE mi.tenant_id = mr.tenant_id
                         AND mi.report_id = mr.id AND jsonb_array_length(mi.causes) > 0), false),
         se.id IS NOT NULL, se.total, se.grade,
         EXISTS (SELECT 1 FROM evaluation ev WHERE ev.tenant_id = g.tenant_id AND ev.goal_id = g.id
                    AND ev.kind IN ('DEPARTMENT', 'FINANCE') AND ev.status IN ('FINALIZED', 'REPORTED', 'ACKNOWLEDGED'))
    FROM (SELECT DISTINCT u AS id FROM unnest(p_goals) u) ids
    JOIN performance_goal g ON g.tenant_id = p_tenant AND g.id = ids.id
    JOIN region r ON r.tenant_id = g.tenant_id AND r.id = g.region_id
    CROSS JOIN LATERAL (SELECT string_to_array(btrim(r.path, '/'), '/') AS pid) rp
    LEFT JOIN project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id
    LEFT JOIN fund f ON f.tenant_id = g.tenant_id AND f.id = COALESCE(g.fund_id, p.fund_id)
    LEFT JOIN organization dep ON dep.tenant_id = g.tenant_id
          AND dep.id = COALESCE(g.department_id, p.department_id, f.organization_id)
    LEFT JOIN evaluation se ON se.tenant_id = g.tenant_id AND se.goal_id = g.id AND se.kind = 'SELF'
          AND se.status IN ('SUBMITTED', 'REVIEWED')
    LEFT JOIN LATERAL (SELECT sum(e.budgeted) AS budgeted, sum(e.in_place) AS in_place, sum(e.spent) AS spent
                         FROM goal_execution e WHERE e.tenant_id = g.tenant_id AND e.goal_id = g.id AND e.year = g.year) x ON true
    LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE i.category = 'COMMON') AS common,
                              count(*) FILTER (WHERE i.category = 'OUTPUT') AS output,
                              count(*) FILTER (WHERE i.category = 'BENEFIT') AS benefit,
                              count(*) FILTER (WHERE i.category = 'SATISFACTION') AS satisfaction
                         FROM goal_indicator i WHERE i.tenant_id = g.tenant_id AND i.goal_id = g.id) ic ON true
    LEFT JOIN LATERAL (SELECT m.* FROM monitoring_report m WHERE m.tenant_id = g.tenant_id AND m.goal_id = g.id
                          AND m.year = g.year AND m.status IN ('SUBMITTED', 'ACKNOWLEDGED')
                        ORDER BY m.month DESC LIMIT 1) mr ON true
    LEFT JOIN tenant_policy tp ON tp.tenant_id = mr.tenant_id AND tp.id = mr.policy_id`;

/** The fact's columns, in FACT_SELECT's order. */
const COLUMNS = [
  'tenant_id',
  'goal_id',
  'year',
  'scope',
  'status',
  'in_force',
  'region_id',
  'region_path',
  'region_level',
  'city_id',
  'district_id',
  'township_id',
  'fund_id',
  'department_id',
  'sector',
  'budget_book',
  'drafter_organization_id',
  'implementing_unit_id',
  'weight',
  'budgeted',
  'in_place',
  'spent',
  'common_indicators',
  'output_indicators',
  'benefit_indicators',
  'satisfaction_indicators',
  'monitored',
  'flagged',
  'self_evaluated',
  'self_total',
  'grade',
  'evaluated',
];

/** The trigger functions: which goals a statement touched, per table (transition tables). */
const TOUCHED: Record<string, { table: string; goal: string }> = {
  reporting_after_goal: { table: 'performance_goal', goal: 'id' },
  reporting_after_indicator: { table: 'goal_indicator', goal: 'goal_id' },
  reporting_after_execution: { table: 'goal_execution', goal: 'goal_id' },
  reporting_after_monitoring: { table: 'monitoring_report', goal: 'goal_id' },
  reporting_after_evaluation: { table: 'evaluation', goal: 'goal_id' },
};

/**
 * 报表事实 (issue 14; DOMAIN §16): `reporting_goal_fact`, one row per live goal (not superseded, withdrawn
 * or rejected), kept current by statement-level triggers in the transaction of every change — goals
 * issued, superseded, withdrawn; indicators; executions; monitoring reports and their indicator rows;
 * self-evaluations and evaluations; a department's sector, a fund's budget book, a project's fund and
 * department — like the `rollup_*` tables (RollupStatistics1763860000000). The BI aggregate
 * (src/reporting/) sums these rows; it never recomputes from the base tables per request. Each
 * touched goal is rebuilt holding its fact row's lock (concurrent changes of one goal serialize;
 * none is lost). Tenant table with row-level security; the API role only reads it: the
 * trigger functions are SECURITY DEFINER.
 */
export class ReportingFacts1763891000000 implements MigrationInterface {
  name = 'ReportingFacts1763891000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reporting_goal_fact" ("tenant_id" uuid NOT NULL, "goal_id" uuid NOT NULL, "year" integer NOT NULL, "scope" character varying(24) NOT NULL, "status" character varying(24) NOT NULL, "in_force" boolean NOT NULL, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "region_level" character varying(16) NOT NULL, "city_id" uuid NOT NULL, "district_id" uuid, "township_id" uuid, "fund_id" uuid, "department_id" uuid, "sector" character varying(32), "budget_book" character varying(32), "drafter_organization_id" uuid NOT NULL, "implementing_unit_id" uuid, "weight" numeric(14,2) NOT NULL, "budgeted" numeric(16,2) NOT NULL, "in_place" numeric(16,2) NOT NULL, "spent" numeric(16,2) NOT NULL, "common_indicators" integer NOT NULL, "output_indicators" integer NOT NULL, "benefit_indicators" integer NOT NULL, "satisfaction_indicators" integer NOT NULL, "monitored" boolean NOT NULL, "flagged" boolean NOT NULL, "self_evaluated" boolean NOT NULL, "self_total" numeric(5,2), "grade" character varying(16), "evaluated" boolean NOT NULL, CONSTRAINT "pk_reporting_goal_fact" PRIMARY KEY ("tenant_id", "goal_id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_reporting_goal_fact_path" ON "reporting_goal_fact" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "idx_reporting_goal_fact_year" ON "reporting_goal_fact" ("tenant_id", "year")`,
    );

    // Owner's rights (called from the definer triggers): the API role cannot write the facts itself.
    // Concurrent rebuilds of one goal serialize on its fact row (FOR UPDATE, in goal order: no deadlock,
    // and no lock-table slot per goal, so a bulk statement over thousands of goals stays cheap); the
    // upsert then reads the committed state of the other transaction (READ COMMITTED: a new snapshot).
    await q.query(`CREATE FUNCTION reporting_refresh_goals(p_tenant uuid, p_goals uuid[]) RETURNS void
      LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        PERFORM 1 FROM reporting_goal_fact f JOIN (SELECT DISTINCT u FROM unnest(p_goals) u) t ON f.goal_id = t.u
          WHERE f.tenant_id = p_tenant ORDER BY f.goal_id FOR UPDATE OF f;
        INSERT INTO reporting_goal_fact (${COLUMNS.join(', ')}) ${FACT_SELECT}
         WHERE g.status NOT IN ${DEAD}
        ON CONFLICT (tenant_id, goal_id) DO UPDATE
          SET ${COLUMNS.slice(2)
            .map((c) => `${c} = EXCLUDED.${c}`)
            .join(', ')};
        DELETE FROM reporting_goal_fact f
         WHERE f.tenant_id = p_tenant AND f.goal_id IN (SELECT unnest(p_goals))
           AND NOT EXISTS (SELECT 1 FROM performance_goal g WHERE g.tenant_id = f.tenant_id AND g.id = f.goal_id
                              AND g.status NOT IN ${DEAD});
      END $$`);

    for (const [fn, { table, goal }] of Object.entries(TOUCHED)) {
      await q.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
        DECLARE r record;
        BEGIN
          IF TG_OP = 'DELETE' THEN
            FOR r IN SELECT o.tenant_id, array_agg(DISTINCT o.${goal}) AS goals FROM old_rows o GROUP BY 1 ORDER BY 1 LOOP
              PERFORM reporting_refresh_goals(r.tenant_id, r.goals);
            END LOOP;
          ELSE
            FOR r IN SELECT n.tenant_id, array_agg(DISTINCT n.${goal}) AS goals FROM new_rows n GROUP BY 1 ORDER BY 1 LOOP
              PERFORM reporting_refresh_goals(r.tenant_id, r.goals);
            END LOOP;
          END IF;
          RETURN NULL;
        END $$`);
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        const ref = op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows';
        await q.query(
          `CREATE TRIGGER trg_${table}_reporting_${op.toLowerCase()} AFTER ${op} ON ${table} REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
    // Deviation causes live on the report's indicator rows (FLAGGED, DOMAIN §9).
    await q.query(`CREATE FUNCTION reporting_after_monitoring_indicator() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT m.tenant_id, array_agg(DISTINCT m.goal_id) AS goals
                   FROM monitoring_report m
                  WHERE (m.tenant_id, m.id) IN (SELECT n.tenant_id, n.report_id FROM new_rows n)
                  GROUP BY 1 ORDER BY 1 LOOP
          PERFORM reporting_refresh_goals(r.tenant_id, r.goals);
        END LOOP;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE']) {
      await q.query(
        `CREATE TRIGGER trg_monitoring_report_indicator_reporting_${op.toLowerCase()} AFTER ${op} ON monitoring_report_indicator REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_after_monitoring_indicator()`,
      );
    }
    // A department's sector and a fund's budget book are dimensions of their goals' facts.
    await q.query(`CREATE FUNCTION reporting_after_dimension() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT n.tenant_id, array_agg(DISTINCT fa.goal_id) AS goals
                   FROM new_rows n JOIN reporting_goal_fact fa ON fa.tenant_id = n.tenant_id
                        AND (fa.department_id = n.id OR fa.fund_id = n.id)
                  GROUP BY 1 ORDER BY 1 LOOP
          PERFORM reporting_refresh_goals(r.tenant_id, r.goals);
        END LOOP;
        RETURN NULL;
      END $$`);
    for (const table of ['organization', 'fund']) {
      await q.query(
        `CREATE TRIGGER trg_${table}_reporting_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_after_dimension()`,
      );
    }
    // A project's fund and department are its goal's dimensions (its implementing unit never changes).
    await q.query(`CREATE FUNCTION reporting_after_project() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT g.tenant_id, array_agg(DISTINCT g.id) AS goals
                   FROM new_rows n JOIN performance_goal g ON g.tenant_id = n.tenant_id AND g.project_id = n.id
                  GROUP BY 1 ORDER BY 1 LOOP
          PERFORM reporting_refresh_goals(r.tenant_id, r.goals);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_project_reporting_update AFTER UPDATE ON project REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_after_project()`,
    );

    await q.query(`ALTER TABLE reporting_goal_fact ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE reporting_goal_fact FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON reporting_goal_fact TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON reporting_goal_fact TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT ON reporting_goal_fact TO jixiao_app`);

    // Data that exists before this migration.
    await q.query(
      `SELECT reporting_refresh_goals(t.tenant_id, t.goals) FROM (SELECT tenant_id, array_agg(id) AS goals FROM performance_goal GROUP BY tenant_id) t`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['organization', 'fund', 'project'])
      await q.query(`DROP TRIGGER trg_${table}_reporting_update ON ${table}`);
    for (const op of ['insert', 'update'])
      await q.query(
        `DROP TRIGGER trg_monitoring_report_indicator_reporting_${op} ON monitoring_report_indicator`,
      );
    for (const { table } of Object.values(TOUCHED))
      for (const op of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER trg_${table}_reporting_${op} ON ${table}`);
    const fns = [
      ...Object.keys(TOUCHED),
      'reporting_after_monitoring_indicator',
      'reporting_after_dimension',
    ];
    await q.query(`DROP FUNCTION ${fns.map((f) => `${f}()`).join(', ')}`);
    await q.query(`DROP FUNCTION reporting_refresh_goals(uuid, uuid[])`);
    await q.query(`DROP TABLE reporting_goal_fact`);
  }
}
