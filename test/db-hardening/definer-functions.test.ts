import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_DEFINER_FUNCTIONS, assertSafeAppRole, enableAppRole } from '../../src/db/bootstrap';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { TEST_APP_PASSWORD } from '../harness/env';

// Issue 8 item 14 "Database hardening": SECURITY DEFINER functions run with the owner's rights, past
// row-level security; only the API role may call the ones it needs, and a function that takes a tenant
// works for the transaction's tenant only (DOMAIN §3 "Nothing of one city is visible to another city's
// users, ever").

let db: TestDatabase;
let owner: Client;
let tenants: { zibo: string; rizhao: string };
let ziboParent: string;
const probeRole = `jx_probe_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<{ id: string; name: string }>('SELECT id, name FROM tenant');
  tenants = {
    zibo: rows.find((r) => r.name.startsWith('淄博'))!.id,
    rizhao: rows.find((r) => r.name.startsWith('日照'))!.id,
  };
  const parents = await owner.query<{ id: string }>(
    `SELECT parent_goal_id AS id FROM rollup_population WHERE tenant_id = $1 ORDER BY 1 LIMIT 1`,
    [tenants.zibo],
  );
  ziboParent = parents.rows[0].id;
  // PUBLIC stands for every role: a fresh role with no grants of its own sees exactly what PUBLIC may do.
  await owner.query(`CREATE ROLE ${probeRole} LOGIN PASSWORD 'probe'`);
});
afterAll(async () => {
  await owner.end();
  await db.drop();
  const admin = new Client({ connectionString: process.env.JIXIAO_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${probeRole}`);
  await admin.end();
});

/** One transaction as the API role with a tenant set (as a request does). */
async function asApp<T>(tenantId: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}

async function ziboVersions(): Promise<string[]> {
  const { rows } = await owner.query<{ v: string }>(
    'SELECT version::text AS v FROM rollup_population WHERE tenant_id = $1 ORDER BY parent_goal_id',
    [tenants.zibo],
  );
  return rows.map((r) => r.v);
}

describe('rollup_refresh works for the transaction’s tenant only', () => {
  test('the API role, in a 日照 transaction, cannot refresh a 淄博 parent; nothing of 淄博 changes', async () => {
    const before = await ziboVersions();
    expect(before.length).toBeGreaterThan(0);
    const call = asApp(tenants.rizhao, (c) =>
      c.query('SELECT rollup_refresh($1, $2)', [tenants.zibo, ziboParent]),
    );
    await expect(call).rejects.toMatchObject({ code: '42501' });
    expect(await ziboVersions()).toEqual(before);
  });

  test('the API role refreshes a parent of its own tenant', async () => {
    const before = await ziboVersions();
    await asApp(tenants.zibo, (c) => c.query('SELECT rollup_refresh($1, $2)', [tenants.zibo, ziboParent]));
    expect(await ziboVersions()).not.toEqual(before);
  });

  test('the body behind the guard is not callable by the API role', async () => {
    const call = asApp(tenants.zibo, (c) =>
      c.query('SELECT rollup_rebuild($1, $2)', [tenants.zibo, ziboParent]),
    );
    await expect(call).rejects.toThrow(/permission denied/);
  });
});

describe('PUBLIC executes no SECURITY DEFINER function', () => {
  test('a role with no grants cannot call auth_find_login', async () => {
    const probe = new Client({ connectionString: withUser(db.ownerUrl, probeRole, 'probe') });
    await probe.connect();
    try {
      await expect(probe.query(`SELECT * FROM auth_find_login('admin.rizhao')`)).rejects.toThrow(
        /permission denied for function auth_find_login/,
      );
    } finally {
      await probe.end();
    }
  });

  test('no definer function is executable by PUBLIC or by a role with no grants', async () => {
    const { rows } = await owner.query<{ sig: string; probe: boolean; pub: boolean }>(
      `SELECT p.oid::regprocedure::text AS sig, has_function_privilege($1, p.oid, 'EXECUTE') AS probe,
              has_function_privilege('public', p.oid, 'EXECUTE') AS pub
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1`,
      [probeRole],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.probe || r.pub)).toEqual([]);
  });

  test('the API role executes exactly the definer functions it needs', async () => {
    const { rows } = await owner.query<{ name: string }>(
      `SELECT DISTINCT p.proname::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef AND has_function_privilege('jixiao_app', p.oid, 'EXECUTE')
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual([...APP_DEFINER_FUNCTIONS].sort());
  });

  test('functions created later are not executable by PUBLIC (default privileges)', async () => {
    await owner.query(`CREATE FUNCTION jx_probe_later() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$`);
    try {
      const { rows } = await owner.query<{ pub: boolean }>(
        `SELECT has_function_privilege('public', 'jx_probe_later()'::regprocedure, 'EXECUTE') AS pub`,
      );
      expect(rows[0].pub).toBe(false);
    } finally {
      await owner.query(`DROP FUNCTION jx_probe_later()`);
    }
  });

  test('every definer function resolves names in pg_catalog, public, then pg_temp last', async () => {
    const { rows } = await owner.query<{ sig: string; config: string[] | null }>(
      `SELECT p.oid::regprocedure::text AS sig, p.proconfig AS config
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prosecdef`,
    );
    for (const row of rows)
      expect({ sig: row.sig, config: row.config }).toEqual({
        sig: row.sig,
        config: ['search_path=pg_catalog, public, pg_temp'],
      });
  });
});

describe('start-up re-asserts and checks the grants', () => {
  test('assertSafeAppRole refuses a database where PUBLIC may run a definer function; enableAppRole repairs it', async () => {
    await assertSafeAppRole(db.appUrl);
    await owner.query(`GRANT EXECUTE ON FUNCTION auth_find_login(text) TO PUBLIC`);
    await expect(assertSafeAppRole(db.appUrl)).rejects.toThrow(/executable by PUBLIC: auth_find_login/);
    await enableAppRole(db.ownerUrl, TEST_APP_PASSWORD);
    await assertSafeAppRole(db.appUrl);
  });
});

function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}
