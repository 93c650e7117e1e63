/**
 * Issue 14, SQL access for BI tools (DOMAIN §16; P6): a read-only login, connected with its own name and
 * password through 127.0.0.1 as Metabase would, sees only its tenant (or its region's subtree) through
 * the `reporting` views, cannot read base tables, cannot write, cannot change its own scope, and once
 * revoked can neither connect nor read.
 */
import { Client } from 'pg';
import { useTestDatabase } from '../harness/database';
import {
  asLogin,
  createTestReportingLogin,
  dropTestReportingLogins,
  sqlState,
  type TestReportingLogin,
} from './reporting-login.fixture';

// roles are cluster-wide: never leave one behind
const { db, owner } = useTestDatabase({ beforeStop: dropTestReportingLogins });
let zibo: TestReportingLogin; // the whole tenant 淄博市 (370300)
let zichuan: TestReportingLogin; // the subtree of 淄川区 (370302)
let rizhaoTenant: string;

beforeAll(async () => {
  zibo = await createTestReportingLogin(owner, db.ownerUrl, '370300');
  zichuan = await createTestReportingLogin(owner, db.ownerUrl, '370300', '370302');
  const { rows } = await owner.query<{ tenant_id: string }>(
    `SELECT tenant_id FROM region WHERE code = '371100'`,
  );
  rizhaoTenant = rows[0].tenant_id;
});

/** Base rows per view, counted by the owner: tenant of the login and, for a subtree login, its path. */
const BASE: Record<string, string> = {
  regions: `SELECT count(*)::int AS n FROM region x WHERE x.tenant_id = $1 AND x.path LIKE $2`,
  goals: `SELECT count(*)::int AS n FROM performance_goal x WHERE x.tenant_id = $1 AND x.region_path LIKE $2`,
  indicators: `SELECT count(*)::int AS n FROM goal_indicator i JOIN performance_goal x ON x.tenant_id = i.tenant_id AND x.id = i.goal_id WHERE x.tenant_id = $1 AND x.region_path LIKE $2`,
  money: `SELECT count(*)::int AS n FROM goal_execution m JOIN performance_goal x ON x.tenant_id = m.tenant_id AND x.id = m.goal_id WHERE x.tenant_id = $1 AND x.region_path LIKE $2`,
  monitoring_reports: `SELECT count(*)::int AS n FROM monitoring_report m JOIN performance_goal x ON x.tenant_id = m.tenant_id AND x.id = m.goal_id WHERE x.tenant_id = $1 AND x.region_path LIKE $2`,
  evaluations: `SELECT count(*)::int AS n FROM evaluation x WHERE x.tenant_id = $1 AND x.region_path LIKE $2`,
  findings: `SELECT count(*)::int AS n FROM result_finding x WHERE x.tenant_id = $1 AND x.region_path LIKE $2`,
  recommendations: `SELECT count(*)::int AS n FROM result_recommendation x WHERE x.tenant_id = $1 AND x.region_path LIKE $2`,
};

async function pathOf(code: string): Promise<string> {
  const { rows } = await owner.query<{ path: string }>('SELECT path FROM region WHERE code = $1', [code]);
  return rows[0].path;
}

async function countsAs(login: TestReportingLogin): Promise<Record<string, number>> {
  return asLogin(login, async (c) => {
    const out: Record<string, number> = {};
    for (const view of Object.keys(BASE))
      out[view] = (
        await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM reporting.${view}`)
      ).rows[0].n;
    return out;
  });
}

async function baseCounts(tenantId: string, prefix: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [view, sql] of Object.entries(BASE))
    out[view] = (await owner.query<{ n: number }>(sql, [tenantId, `${prefix}%`])).rows[0].n;
  return out;
}

describe('a login sees its tenant or subtree only (DOMAIN §3, §16; P6)', () => {
  test('the tenant login reads every row of its tenant and none of another tenant', async () => {
    const expected = await baseCounts(zibo.tenantId, '/');
    expect(expected.goals).toBeGreaterThan(0);
    expect(expected.indicators).toBeGreaterThan(0);
    expect(await countsAs(zibo)).toEqual(expected);
    const cities = await asLogin(
      zibo,
      async (c) =>
        (
          await c.query(
            `SELECT DISTINCT city_code FROM reporting.regions UNION SELECT DISTINCT city_code FROM reporting.goals`,
          )
        ).rows,
    );
    expect(cities).toEqual([{ city_code: '370300' }]);
  });

  test('the 淄川区 login reads that district and its townships, never a sibling district or the city level', async () => {
    const expected = await baseCounts(zichuan.tenantId, await pathOf('370302'));
    expect(await countsAs(zichuan)).toEqual(expected);
    const regions = await asLogin(
      zichuan,
      async (c) =>
        (await c.query(`SELECT region_code, district_code FROM reporting.regions ORDER BY region_code`)).rows,
    );
    expect(regions).toEqual([
      { region_code: '370302', district_code: '370302' },
      { region_code: '370302001', district_code: '370302' },
      { region_code: '370302002', district_code: '370302' },
      { region_code: '370302100', district_code: '370302' },
    ]);
    const districts = await asLogin(
      zichuan,
      async (c) => (await c.query(`SELECT DISTINCT district_code FROM reporting.goals`)).rows,
    );
    expect(districts).toEqual(expected.goals > 0 ? [{ district_code: '370302' }] : []);
  });

  test('the hierarchy comes as separate level columns (city, district, township code and name)', async () => {
    const row = await asLogin(
      zibo,
      async (c) => (await c.query(`SELECT * FROM reporting.regions WHERE region_code = '370302001'`)).rows[0],
    );
    expect(row).toMatchObject({
      city_code: '370300',
      city_name: '淄博市',
      district_code: '370302',
      district_name: '淄川区',
      township_code: '370302001',
      township_name: '般阳路街道',
      region_level: 'TOWNSHIP',
      parent_code: '370302',
    });
  });

  test('a predicate that fails on hidden rows reveals nothing: every view is a security barrier', async () => {
    // Division by zero on the other tenant's rows would raise if the predicate ran before the scope filter.
    const n = await asLogin(
      zichuan,
      async (c) =>
        (
          await c.query(
            `SELECT count(*)::int AS n FROM reporting.regions WHERE 1 / (CASE WHEN district_code <> '370302' OR city_code <> '370300' THEN 0 ELSE 1 END) = 1`,
          )
        ).rows[0].n,
    );
    expect(n).toBe(4);
    const { rows } = await owner.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'reporting' AND c.relkind = 'v' AND NOT coalesce(c.reloptions, '{}') @> ARRAY['security_barrier=true']`,
    );
    expect(rows).toEqual([]);
  });

  test('reporting.scope_allows: the tenant, the subtree by path prefix, and false for anyone who is not a login', async () => {
    const zichuanPath = await pathOf('370302');
    const townPath = await pathOf('370302001');
    const siblingPath = await pathOf('370303');
    const ask = (c: Client, tenant: string, path: string | null) =>
      c
        .query<{ ok: boolean }>('SELECT reporting.scope_allows($1, $2) AS ok', [tenant, path])
        .then((r) => r.rows[0].ok);
    expect(
      await asLogin(zibo, async (c) => [
        await ask(c, zibo.tenantId, siblingPath),
        await ask(c, rizhaoTenant, siblingPath),
      ]),
    ).toEqual([true, false]);
    expect(
      await asLogin(zichuan, async (c) => [
        await ask(c, zichuan.tenantId, zichuanPath),
        await ask(c, zichuan.tenantId, townPath),
        await ask(c, zichuan.tenantId, siblingPath),
        await ask(c, zichuan.tenantId, null),
        await ask(c, rizhaoTenant, townPath),
      ]),
    ).toEqual([true, true, false, false, false]);
    expect(await ask(owner, zibo.tenantId, zichuanPath)).toBe(false);
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM reporting.goals');
    expect(rows[0].n).toBe(0); // the owner is not a reporting login: the views show it nothing
  });
});

describe('read-only, base tables closed, scope fixed', () => {
  test('base tables and the login register are closed (permission denied)', async () => {
    const states = await asLogin(zibo, async (c) => [
      await sqlState(c, 'SELECT * FROM performance_goal LIMIT 1'),
      await sqlState(c, 'SELECT * FROM app_user LIMIT 1'),
      await sqlState(c, 'SELECT * FROM reporting_login LIMIT 1'),
      await sqlState(c, 'SELECT * FROM goal_execution LIMIT 1'),
    ]);
    expect(states).toEqual(['42501', '42501', '42501', '42501']);
  });

  test('it cannot write: transactions are read-only, and even read-write it holds no write privilege anywhere', async () => {
    const states = await asLogin(zibo, async (c) => {
      const ro = (await c.query<{ transaction_read_only: string }>('SHOW transaction_read_only')).rows[0];
      // Read-only by default: even a session-private temporary table is refused (25006).
      const first = await sqlState(c, `CREATE TEMP TABLE jx_probe (a int)`);
      await c.query('SET default_transaction_read_only = off');
      return [
        ro.transaction_read_only,
        first,
        await sqlState(c, `DELETE FROM reporting.regions`),
        await sqlState(c, `UPDATE reporting.regions SET region_name = 'x'`),
        await sqlState(c, `UPDATE region SET name = 'x'`),
        await sqlState(c, `CREATE TABLE reporting.x (a int)`),
        await sqlState(c, `CREATE TABLE public.x (a int)`),
        await sqlState(c, `CREATE VIEW reporting.y AS SELECT 1 AS a`),
      ];
    });
    expect(states[0]).toBe('on');
    expect(states[1]).toBe('25006'); // read_only_sql_transaction
    expect(states.slice(2).every((s) => s === '42501' || s === '55000')).toBe(true);
    expect(states.slice(2)).not.toContain('');
    const { rows } = await owner.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE has_schema_privilege($1, oid, 'CREATE')`,
      [zibo.role],
    );
    expect(rows).toEqual([]);
  });

  test('it cannot widen its scope: GUCs change nothing, SET ROLE fails, the register and its scope are not writable, the definer functions are closed', async () => {
    const before = await countsAs(zichuan);
    const after = await asLogin(zichuan, async (c) => {
      await c.query('SET default_transaction_read_only = off');
      await c.query(`SET jixiao.tenant_id = '${rizhaoTenant}'`);
      await c.query(`SELECT set_config('jixiao.tenant_id', $1, false)`, [zibo.tenantId]);
      const states = [
        await sqlState(c, 'SET ROLE jixiao_app'),
        await sqlState(c, `SET ROLE ${zibo.role}`),
        await sqlState(c, 'SET SESSION AUTHORIZATION postgres'),
        await sqlState(c, `UPDATE reporting_login SET region_path = NULL`),
        await sqlState(c, `UPDATE reporting.login_scope SET region_path = NULL`),
        await sqlState(c, `SELECT reporting_login_create('${zibo.tenantId}', NULL, 'bi_evil', 'x', 1, NULL)`),
        await sqlState(c, `SELECT reporting_login_revoke('${zibo.tenantId}', '${zibo.id}', NULL)`),
      ];
      const regions = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM reporting.regions'))
        .rows[0].n;
      return { states, regions };
    });
    expect(after.states).toEqual(['42501', '42501', '42501', '42501', '42501', '42501', '42501']);
    expect(after.regions).toBe(before.regions);
    const { rows } = await owner.query(
      'SELECT region_path IS NOT NULL AS confined FROM reporting_login WHERE id = $1',
      [zichuan.id],
    );
    expect(rows).toEqual([{ confined: true }]);
  });
});
