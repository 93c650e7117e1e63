import { Client, Pool } from 'pg';
import { setTenantSql } from '../src/db/request-db';
import { createTestDatabase, type TestDatabase } from './harness/database';

let db: TestDatabase;
let pool: Pool;
let tenants: { zibo: string; rizhao: string };

beforeAll(async () => {
  db = await createTestDatabase();
  const owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<{ id: string; name: string }>('SELECT id, name FROM tenant');
  await owner.end();
  tenants = {
    zibo: rows.find((r) => r.name.startsWith('淄博'))!.id,
    rizhao: rows.find((r) => r.name.startsWith('日照'))!.id,
  };
  // One connection, so the "leak through the pool" test reuses the same session.
  pool = new Pool({ connectionString: db.appUrl, max: 1 });
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

async function inTenant<T>(tenantId: string | null, work: (q: Pool['query']) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // As the API sets it (SET LOCAL, the form a Citus cluster propagates to its workers; issue 17).
    if (tenantId) await client.query(setTenantSql(tenantId));
    const result = await work(client.query.bind(client) as Pool['query']);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// DOMAIN §3: "Nothing of one city is visible to another city's users, ever" — even for a query that
// forgets the tenant predicate, row-level security answers only the tenant set in the transaction.
describe('row-level security as the API role', () => {
  test.each(['region', 'organization', 'app_user', 'tenant'])(
    'an unscoped SELECT on %s returns only the current tenant',
    async (table) => {
      const column = table === 'tenant' ? 'id' : 'tenant_id';
      const seen = await inTenant(
        tenants.zibo,
        async (q) => (await q(`SELECT DISTINCT ${column} AS t FROM ${table}`)).rows,
      );
      expect(seen).toEqual([{ t: tenants.zibo }]);
    },
  );

  test('with no tenant set, nothing is visible (fails closed)', async () => {
    const count = await inTenant(
      null,
      async (q) => (await q('SELECT count(*)::int AS n FROM region')).rows[0],
    );
    expect(count).toEqual({ n: 0 });
  });

  test('the tenant ends with its transaction: the next transaction on the same connection sees nothing', async () => {
    await inTenant(tenants.zibo, async (q) => q('SELECT 1'));
    const count = await inTenant(
      null,
      async (q) => (await q('SELECT count(*)::int AS n FROM organization')).rows[0],
    );
    expect(count).toEqual({ n: 0 });
  });

  test('writing a row of another tenant is refused by the policy', async () => {
    const attempt = inTenant(tenants.zibo, (q) =>
      q(`UPDATE region SET name = 'hijacked' WHERE tenant_id = $1 RETURNING id`, [tenants.rizhao]),
    );
    await expect(attempt.then((r) => r.rowCount)).resolves.toBe(0);
    const insert = inTenant(tenants.zibo, (q) =>
      q(
        `INSERT INTO region (tenant_id, id, level, name, code, path) VALUES ($1, gen_random_uuid(), 'CITY', 'x', '999999', '')`,
        [tenants.rizhao],
      ),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
  });

  test('the login directory is not readable by the API role, only through auth_find_login', async () => {
    await expect(inTenant(tenants.zibo, (q) => q('SELECT * FROM user_login'))).rejects.toThrow(
      /permission denied/,
    );
    const found = await inTenant(
      null,
      // Logins are qualified by the tenant code (issue 8 item 13).
      async (q) => (await q(`SELECT tenant_id FROM auth_find_login('371100', 'ADMIN.RIZHAO')`)).rows,
    );
    expect(found).toEqual([{ tenant_id: tenants.rizhao }]);
  });
});
