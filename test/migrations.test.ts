import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabaseOf, withDatabase } from '../src/db/bootstrap';
import { createDataSource } from '../src/db/data-source';
import { migrations } from '../migrations';
import { useTestDatabase } from './harness/database';

const { db, owner } = useTestDatabase();

describe('migrations are the only way the schema changes (STYLE principle 8)', () => {
  test('entities and migrations do not drift: the migrated database needs no change', async () => {
    const ds = createDataSource(db.ownerUrl, 1);
    await ds.initialize();
    try {
      const log = await ds.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  test('every migration has run and is recorded, in timestamp order', async () => {
    const { rows } = await owner.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY id');
    const names = rows.map((r) => r.name);
    expect(names).toEqual(migrations.map((m) => new m().name));
    // Every migration file in migrations/ is registered (nothing written and forgotten), in file order.
    const files = readdirSync(join(__dirname, '..', 'migrations'))
      .filter((f) => /^\d{13}-.+\.ts$/.test(f))
      .sort();
    expect(names.map((n) => /(\d{13})$/.exec(n)?.[1])).toEqual(files.map((f) => f.slice(0, 13)));
    const stamps = names.map((n) => Number(/(\d{13})$/.exec(n)?.[1]));
    expect(stamps.every((t, k) => Number.isFinite(t) && (k === 0 || t > stamps[k - 1]))).toBe(true);
  });
});

describe('defence in depth in PostgreSQL (DOMAIN §3, §8 P6)', () => {
  test('every tenant table has row-level security enabled and forced, with a tenant policy for the API role', async () => {
    const { rows } = await owner.query<{
      relname: string;
      rls: boolean;
      forced: boolean;
      policies: string[];
    }>(
      `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              array(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') OR c.relname = 'tenant')
        ORDER BY c.relname`,
    );
    expect(rows.map((r) => r.relname)).toEqual([
      'app_user',
      'audit_event',
      'department_common_indicator',
      'department_common_indicator_set',
      'department_self_evaluation_review',
      'disclosure',
      'evaluation',
      'evaluation_actual',
      'evaluation_framework_score',
      'evaluation_report_section',
      'evaluation_transition',
      'ex_ante_assessment',
      'ex_ante_assessment_dimension',
      'fund',
      'fund_allocation',
      'funding_hold',
      'goal_execution',
      'goal_indicator',
      'goal_transition',
      'idempotency_key',
      'monitoring_report',
      'monitoring_report_indicator',
      'organization',
      'organization_counterpart',
      'performance_goal',
      'project',
      'region',
      'reporting_cell_version',
      'reporting_goal_fact',
      'reporting_kept_answer',
      'reporting_login',
      'reporting_region_cell',
      'result_allocation_simulation',
      'result_finding',
      'result_recommendation',
      'rollup_coverage',
      'rollup_indicator_stat',
      'rollup_population',
      'service_account',
      'service_account_token',
      'spot_check_item',
      'spot_check_sample',
      'tenant',
      'tenant_policy',
      'user_login',
    ]);
    for (const row of rows) {
      expect({ table: row.relname, rls: row.rls, forced: row.forced }).toEqual({
        table: row.relname,
        rls: true,
        forced: true,
      });
      expect(row.policies).toContain('tenant_isolation');
    }
  });

  test('every tenant table carries the tenant id in its primary key (Citus-ready, docs/scaling.md)', async () => {
    const { rows } = await owner.query<{ table: string; columns: string[] }>(
      `SELECT t.relname AS table, array(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k) AS columns
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE i.indisprimary AND n.nspname = 'public' AND t.relname NOT IN ('schema_migration', 'tenant', 'user_login')`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows)
      expect({ table: row.table, first: row.columns[0] }).toEqual({ table: row.table, first: 'tenant_id' });
  });

  test('the API role owns nothing, is not superuser and cannot bypass row-level security', async () => {
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      const { rows } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
        `SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
           FROM pg_roles WHERE rolname = current_user`,
      );
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: '0' });
    } finally {
      await app.end();
    }
  });

  test('the audit trail is append-only, even for the table owner (DOMAIN §15)', async () => {
    const tenant = (await owner.query<{ id: string }>('SELECT id FROM tenant LIMIT 1')).rows[0].id;
    await owner.query(
      `INSERT INTO audit_event (tenant_id, id, actor_user_id, actor_organization_id, entity_type, entity_id, action, region_path)
       VALUES ($1, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Region', gen_random_uuid(), 'TEST', '/')`,
      [tenant],
    );
    await expect(owner.query(`UPDATE audit_event SET action = 'CHANGED'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
});

describe('start-up with DATABASE_URL', () => {
  test('a database named in the URL that does not exist yet is created; an existing one is left alone', async () => {
    const adminUrl = process.env.JIXIAO_TEST_ADMIN_URL!;
    const name = `${db.name}_new`;
    const url = withDatabase(adminUrl, name);
    try {
      await ensureDatabaseOf(url);
      await ensureDatabaseOf(url);
      const { rows } = await owner.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_database WHERE datname = $1',
        [name],
      );
      expect(rows[0].n).toBe('1');
    } finally {
      await owner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
