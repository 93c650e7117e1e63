/**
 * Issue 14, SQL access for BI tools, through GraphQL (DOMAIN §16; P6): tenant administrators issue,
 * list and revoke read-only database logins for their subtree; everyone else is refused and nothing is
 * written (no row, no role); the password is shown once and is in no table; the issued login connects
 * and reads its scope only.
 */
import { toGlobalId } from '../../src/common/global-id';
import { useTestApp } from '../harness/app';
import { asLogin, dropTestReportingLogins, urlAs } from './reporting-login.fixture';

// Roles are cluster-wide: never leave one behind.
const app = useTestApp({}, { beforeStop: (started) => dropTestReportingLogins(started.owner) });

const CREATE = `mutation($input: CreateReportingLoginInput!) {
  createReportingLogin(input: $input) {
    password connection { database user schema }
    reportingLogin { id roleName connectionLimit isActive revokedAt region { code } }
    userErrors { code field }
  }
}`;
const REVOKE = `mutation($input: RevokeReportingLoginInput!) {
  revokeReportingLogin(input: $input) { reportingLogin { id isActive revokedAt } userErrors { code field } }
}`;
const LIST = `query($active: Boolean) { reportingLogins(first: 50, filter: { isActive: $active }) { nodes { id roleName region { code } } } }`;

interface Created {
  password: string | null;
  connection: { database: string; user: string; schema: string } | null;
  reportingLogin: {
    id: string;
    roleName: string;
    connectionLimit: number;
    isActive: boolean;
    region: { code: string } | null;
  } | null;
  userErrors: { code: string; field: string[] }[];
}

async function create(as: string, input: Record<string, unknown>): Promise<Created> {
  const res = await app.gql<{ createReportingLogin: Created }>(CREATE, { input }, { as });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createReportingLogin;
}

async function regionId(code: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM region WHERE code = $1', [code]);
  return toGlobalId('Region', row.id);
}

/**
 * Reporting logins of this database: the bi_ roles granted the `reporting` schema here. (Roles are
 * cluster-wide; counting every bi_ role would also count other test files' logins coming and going.)
 */
const biRoles = async () =>
  (
    await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_namespace n, aclexplode(n.nspacl) a
         JOIN pg_roles r ON r.oid = a.grantee
        WHERE n.nspname = 'reporting' AND r.rolname LIKE 'bi\\_%'`,
    )
  )[0].n;

describe('issuing (P6: tenant administrators, their subtree)', () => {
  test('the city administrator issues a whole-tenant login: row, role, audit without the password; it connects and reads its tenant', async () => {
    const made = await create('admin.zibo', { connectionLimit: 3 });
    expect(made.userErrors).toEqual([]);
    expect(made.reportingLogin).toMatchObject({ connectionLimit: 3, isActive: true, region: null });
    expect(made.reportingLogin!.roleName).toMatch(/^bi_tenant_[a-z0-9]{6}$/);
    expect(made.connection).toEqual({
      database: app.db.name,
      user: made.reportingLogin!.roleName,
      schema: 'reporting',
    });
    expect(made.password).toMatch(/^[A-Za-z0-9]{24}$/);
    const [row] = await app.sql(
      `SELECT id, region_path, connection_limit, created_by_user_id IS NOT NULL AS by FROM reporting_login WHERE role_name = $1`,
      [made.reportingLogin!.roleName],
    );
    expect(row).toMatchObject({ region_path: null, connection_limit: 3, by: true });
    expect(made.reportingLogin!.id).toBe(toGlobalId('ReportingLogin', row.id as string));
    // DOMAIN §15: audited, by the administrator, never with the secret.
    const events = await app.sql<{ action: string; login: string; after: unknown }>(
      `SELECT e.action, u.login, e.after FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.entity_type = 'ReportingLogin' AND e.entity_id = $1`,
      [row.id],
    );
    expect(events.map((e) => [e.action, e.login])).toEqual([['CREATE', 'admin.zibo']]);
    expect(JSON.stringify(events)).not.toContain(made.password);
    const cities = await asLogin(
      { url: urlAs(app.db.ownerUrl, made.reportingLogin!.roleName, made.password!) },
      async (c) => (await c.query('SELECT DISTINCT city_code FROM reporting.regions')).rows,
    );
    expect(cities).toEqual([{ city_code: '370300' }]);
  });

  test('a district administrator: by default its own district; a township of its subtree on request', async () => {
    const own = await create('admin.zhangdian', {});
    expect(own.userErrors).toEqual([]);
    expect(own.reportingLogin).toMatchObject({ region: { code: '370303' }, connectionLimit: 5 });
    expect(own.reportingLogin!.roleName).toMatch(/^bi_370303_[a-z0-9]{6}$/);
    const town = await create('admin.zhangdian', {
      regionId: await regionId('370303001'),
      name: `chezhan_${Date.now()}`,
    });
    expect(town.userErrors).toEqual([]);
    expect(town.reportingLogin!.region).toEqual({ code: '370303001' });
    const codes = await asLogin(
      { url: urlAs(app.db.ownerUrl, town.reportingLogin!.roleName, town.password!) },
      async (c) => (await c.query('SELECT region_code FROM reporting.regions')).rows,
    );
    expect(codes).toEqual([{ region_code: '370303001' }]);
  });

  test.each([
    ['finance.zhangdian', null, 'FORBIDDEN'], // not an administrator (P6)
    ['audit.zibo', null, 'FORBIDDEN'], // audit offices read and write nothing (003 第七条)
    ['admin.zhangdian', '370302', 'NOT_FOUND'], // a sibling district: outside the subtree, reads as missing
    ['admin.zhangdian', '370300', 'NOT_FOUND'], // the city above: an ancestor
    ['admin.rizhao', '370303', 'NOT_FOUND'], // another tenant
  ])('%s issuing for %s is refused with %s; no row, no role, no audit', async (as, code, expected) => {
    const before = await app.tableDigests();
    const roles = await biRoles();
    const refused = await create(as, code ? { regionId: await regionId(code) } : {});
    expect(refused.reportingLogin ?? null).toBeNull();
    expect(refused.password ?? null).toBeNull();
    expect(refused.userErrors[0].code).toBe(expected);
    expect(await app.tableDigests()).toEqual(before);
    expect(await biRoles()).toBe(roles);
  });

  test('bad input: a name PostgreSQL would mangle, a connection limit out of range, a name taken', async () => {
    const bad = await create('admin.zibo', { name: 'Robert"); DROP', connectionLimit: 0 });
    expect(bad.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.connectionLimit'],
    ]);
    const name = `dup_${Date.now()}`;
    expect((await create('admin.zibo', { name })).userErrors).toEqual([]);
    const taken = await create('admin.zibo', { name });
    expect(taken.userErrors).toEqual([{ code: 'CONFLICT', field: ['input', 'name'] }]);
  });

  test('without a token: UNAUTHENTICATED', async () => {
    const res = await app.gql(CREATE, { input: {} });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('listing and revoking', () => {
  test('the list: the city administrator sees every login of the tenant, a district administrator those of its subtree; others are refused', async () => {
    expect((await create('admin.zhangdian', {})).userErrors).toEqual([]); // 张店区's own
    expect((await create('admin.zibo', {})).userErrors).toEqual([]); // the whole tenant: not 张店区's to see
    const list = async (as: string) =>
      app.gql<{ reportingLogins: { nodes: { roleName: string; region: { code: string } | null }[] } | null }>(
        LIST,
        { active: true },
        { as },
      );
    const zibo = (await list('admin.zibo')).data!.reportingLogins!.nodes;
    const zhangdian = (await list('admin.zhangdian')).data!.reportingLogins!.nodes;
    const all = await app.sql<{ role_name: string; city: boolean }>(
      `SELECT role_name, tenant_id = (SELECT tenant_id FROM region WHERE code = '370300') AS city FROM reporting_login WHERE revoked_at IS NULL`,
    );
    expect(zibo.map((n) => n.roleName).sort()).toEqual(
      all
        .filter((r) => r.city)
        .map((r) => r.role_name)
        .sort(),
    );
    expect(zhangdian.length).toBeGreaterThan(0);
    expect(zhangdian.every((n) => n.region !== null && n.region.code.startsWith('370303'))).toBe(true);
    expect((await list('admin.rizhao')).data!.reportingLogins!.nodes).toEqual([]);
    const refused = await list('finance.zibo');
    expect(refused.data?.reportingLogins ?? null).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('revoking: only an administrator over the login; then inactive, role dropped, audited; twice is a conflict', async () => {
    const made = await create('admin.zibo', {});
    const id = made.reportingLogin!.id;
    const revoke = async (as: string) =>
      (
        await app.gql<{
          revokeReportingLogin: {
            reportingLogin: { isActive: boolean } | null;
            userErrors: { code: string }[];
          };
        }>(REVOKE, { input: { reportingLoginId: id } }, { as })
      ).data!.revokeReportingLogin;
    expect((await revoke('admin.zhangdian')).userErrors[0].code).toBe('NOT_FOUND'); // a whole-tenant login is above it
    expect((await revoke('admin.rizhao')).userErrors[0].code).toBe('NOT_FOUND');
    expect((await revoke('finance.zibo')).userErrors[0].code).toBe('FORBIDDEN');
    expect(
      await app.sql('SELECT 1 FROM pg_roles WHERE rolname = $1', [made.reportingLogin!.roleName]),
    ).toHaveLength(1);
    const done = await revoke('admin.zibo');
    expect(done).toMatchObject({ reportingLogin: { isActive: false }, userErrors: [] });
    expect(
      await app.sql('SELECT 1 FROM pg_roles WHERE rolname = $1', [made.reportingLogin!.roleName]),
    ).toHaveLength(0);
    const [row] = await app.sql(
      `SELECT revoked_at IS NOT NULL AS revoked, revoked_by_user_id IS NOT NULL AS by FROM reporting_login WHERE role_name = $1`,
      [made.reportingLogin!.roleName],
    );
    expect(row).toEqual({ revoked: true, by: true });
    const events = await app.sql(
      `SELECT e.action FROM audit_event e WHERE e.entity_type = 'ReportingLogin' AND e.action = 'REVOKE'`,
    );
    expect(events).toHaveLength(1);
    expect((await revoke('admin.zibo')).userErrors[0].code).toBe('CONFLICT');
  });
});

test('a revoked login’s name is never issued again (the register keeps it): CONFLICT, no role made', async () => {
  const name = `reuse_${Date.now()}`;
  const first = await create('admin.zibo', { name });
  expect(first.userErrors).toEqual([]);
  const revoked = await app.gql(
    REVOKE,
    { input: { reportingLoginId: first.reportingLogin!.id } },
    { as: 'admin.zibo' },
  );
  expect(revoked.errors).toBeUndefined();
  const again = await create('admin.zibo', { name });
  expect(again.userErrors).toEqual([{ code: 'CONFLICT', field: ['input', 'name'] }]);
  expect(await app.sql('SELECT 1 FROM pg_roles WHERE rolname = $1', [`bi_${name}`])).toHaveLength(0);
});
