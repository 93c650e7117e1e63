/**
 * Issue 8 item 13: no cross-tenant login oracle. Logins are unique per tenant (city) and qualified by
 * the tenant code at sign-in, so a tenant administrator creating a login that another city uses gets
 * no "already taken", both users sign in, and an unqualified sign-in never depends on other tenants'
 * logins (DOMAIN §3 tenants are isolated; §8 P6).
 */
import { toGlobalId } from '../../src/common/global-id';
import { DEMO_PASSWORD } from '../../seeds';
import { TestApp } from '../harness/app';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { token userErrors { code field message messageEn } }
}`;
const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { id login } userErrors { code field message } }
}`;
const ME = '{ me { user { login } tenant { name } } }';
const ZIBO = '370300';
const RIZHAO = '371100';
const PASSWORD = 'Rizhao2026pw';

interface LoginAnswer {
  token: string | null;
  userErrors: { code: string; field: string[]; message: string; messageEn: string }[];
}

const GENERIC_FAILURE = {
  code: 'UNAUTHENTICATED',
  field: ['input'],
  message: '登录名或密码错误',
  messageEn: 'Wrong login or password',
};

async function signIn(app: TestApp, input: Record<string, unknown>): Promise<LoginAnswer> {
  const res = await app.gql<{ login: LoginAnswer }>(LOGIN, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.login;
}

async function tenantOfToken(app: TestApp, token: string): Promise<string | undefined> {
  const me = await app.gql<{ me: { tenant: { name: string } } }>(ME, {}, { token });
  return me.data?.me.tenant.name;
}

async function createInRizhao(app: TestApp, login: string) {
  const [org] = await app.sql<{ id: string }>(`SELECT id FROM organization WHERE name = '日照市财政局'`);
  const res = await app.gql<{ createUser: { user: { id: string } | null; userErrors: unknown[] } }>(
    CREATE_USER,
    {
      input: {
        organizationId: toGlobalId('Organization', org.id),
        login,
        displayName: '同名用户',
        password: PASSWORD,
      },
    },
    { as: 'admin.rizhao' },
  );
  return res.data!.createUser;
}

describe('two cities (the demo: 淄博市 370300, 日照市 371100)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => app.stop());

  test('an administrator of 日照 creating a login 淄博 uses gets no "taken", exactly like a fresh login', async () => {
    const existing = await createInRizhao(app, 'finance.zibo');
    const fresh = await createInRizhao(app, 'fresh.rizhao');
    expect(existing.userErrors).toEqual([]);
    expect(fresh.userErrors).toEqual([]);
    const rows = await app.sql<{ name: string }>(
      `SELECT t.name FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.login = 'finance.zibo' ORDER BY t.name`,
    );
    expect(rows.map((r) => r.name).sort()).toEqual(['日照市', '淄博市'].sort());
    const directory = await app.sql(`SELECT tenant_id FROM user_login WHERE login = 'finance.zibo'`);
    expect(directory).toHaveLength(2);
  });

  test('both users named finance.zibo sign in, each in its own city', async () => {
    const zibo = await signIn(app, { tenant: ZIBO, login: 'finance.zibo', password: DEMO_PASSWORD });
    const rizhao = await signIn(app, { tenant: RIZHAO, login: 'finance.zibo', password: PASSWORD });
    expect(await tenantOfToken(app, zibo.token!)).toBe('淄博市');
    expect(await tenantOfToken(app, rizhao.token!)).toBe('日照市');
    // Each password opens only its own city's account.
    expect(
      (await signIn(app, { tenant: RIZHAO, login: 'finance.zibo', password: DEMO_PASSWORD })).userErrors,
    ).toEqual([GENERIC_FAILURE]);
    // The tenant code is case- and space-insensitive like the login.
    expect(
      (await signIn(app, { tenant: ` ${ZIBO} `, login: 'Finance.Zibo', password: DEMO_PASSWORD })).token,
    ).toEqual(expect.any(String));
  });

  test('without a tenant code, a multi-city deployment answers the same generic failure for every login', async () => {
    const unique = await signIn(app, { login: 'admin.zibo', password: DEMO_PASSWORD });
    const shared = await signIn(app, { login: 'finance.zibo', password: DEMO_PASSWORD });
    const unknown = await signIn(app, { login: 'nobody.anywhere', password: DEMO_PASSWORD });
    const wrongCity = await signIn(app, { tenant: RIZHAO, login: 'admin.zibo', password: DEMO_PASSWORD });
    for (const answer of [unique, shared, unknown, wrongCity]) {
      expect(answer).toEqual({ token: null, userErrors: [GENERIC_FAILURE] });
    }
  });

  test('a duplicate within the own city is still refused as taken', async () => {
    const again = await createInRizhao(app, 'finance.rizhao');
    expect(again.userErrors).toEqual([
      { code: 'CONFLICT', field: ['input', 'login'], message: '该登录名已被使用' },
    ]);
    expect(await app.sql(`SELECT 1 FROM app_user WHERE login = 'finance.rizhao'`)).toHaveLength(1);
  });
});

describe('DEFAULT_TENANT=370300 (a deployment that serves one city)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ DEFAULT_TENANT: ZIBO });
  });
  afterAll(async () => app.stop());

  test('users sign in with login and password only; other cities still name their code', async () => {
    const zibo = await signIn(app, { login: 'finance.zhangdian', password: DEMO_PASSWORD });
    expect(await tenantOfToken(app, zibo.token!)).toBe('淄博市');
    expect((await signIn(app, { login: 'admin.rizhao', password: DEMO_PASSWORD })).userErrors).toEqual([
      GENERIC_FAILURE,
    ]);
    const rizhao = await signIn(app, { tenant: RIZHAO, login: 'admin.rizhao', password: DEMO_PASSWORD });
    expect(await tenantOfToken(app, rizhao.token!)).toBe('日照市');
  });
});

describe('a deployment with a single city', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => app.stop());

  test('the unqualified directory lookup answers only while there is exactly one tenant', async () => {
    const lookup = async () =>
      (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM auth_find_login('admin.zibo')`))[0].n;
    expect(await lookup()).toBe(0);
    // Leave 淄博 alone for a moment: the owner removes 日照's tenant row (foreign keys paused), rolled back.
    await app.sql('BEGIN');
    try {
      await app.sql(`SET LOCAL session_replication_role = replica`);
      await app.sql(`DELETE FROM tenant WHERE code = $1`, [RIZHAO]);
      expect(await lookup()).toBe(1);
    } finally {
      await app.sql('ROLLBACK');
    }
    expect(await lookup()).toBe(0);
  });
});
