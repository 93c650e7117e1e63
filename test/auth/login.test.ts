/**
 * Signing in (登录) and the caller's identity (`me`), DOMAIN §8 and §16: one generic message for every
 * failed sign-in (no user enumeration), deactivated users cannot sign in, repeated failures are
 * throttled per login name, and `me` says where the caller sits and what it may do.
 */
import { TestApp } from '../harness/app';
import { toGlobalId } from '../../src/common/global-id';
import { DEMO_PASSWORD } from '../../seeds';

interface UserErrorShape {
  code: string;
  field: string[];
  message: string;
  messageEn: string;
}

interface LoginResult {
  token: string | null;
  expiresAt: string | null;
  userErrors: UserErrorShape[];
}

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { token expiresAt userErrors { code field message messageEn } }
}`;

const ME = `{ me {
  user { id login displayName isActive isTenantAdmin }
  organization { id name kind }
  region { id code name level }
  tenant { id name }
  abilities
} }`;

interface MeResult {
  me: {
    user: { id: string; login: string; displayName: string; isActive: boolean; isTenantAdmin: boolean };
    organization: { id: string; name: string; kind: string };
    region: { id: string; code: string; name: string; level: string };
    tenant: { id: string; name: string };
    abilities: string[];
  };
}

/** Signs in, qualified by the tenant code (淄博市 370300 unless the login belongs elsewhere). */
async function login(app: TestApp, name: string, password: string): Promise<LoginResult> {
  const tenant = (await app.tenantOf(name.trim())) ?? '370300';
  const res = await app.gql<{ login: LoginResult }>(LOGIN, { input: { tenant, login: name, password } });
  expect(res.errors).toBeUndefined();
  return res.data!.login;
}

/** The one answer to every failed sign-in: same code, same field, same sentence. */
const GENERIC_FAILURE: UserErrorShape = {
  code: 'UNAUTHENTICATED',
  field: ['input'],
  message: '登录名或密码错误',
  messageEn: 'Wrong login or password',
};

describe('login and me', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => app.stop());

  test('success returns a token and an expiry in the future (TOKEN_TTL 8h by default)', async () => {
    const before = Date.now();
    const result = await login(app, 'finance.zibo', DEMO_PASSWORD);
    expect(result.userErrors).toEqual([]);
    expect(result.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const expiresAt = new Date(result.expiresAt!).getTime();
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt).toBeGreaterThan(before + 7 * 3600 * 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 8 * 3600 * 1000 + 1000);

    const me = await app.gql<MeResult>(ME, {}, { token: result.token! });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.user.login).toBe('finance.zibo');
  });

  test.each([
    {
      login: 'admin.zibo',
      organization: { name: '淄博市财政局', kind: 'FINANCE_BUREAU' },
      region: { code: '370300', name: '淄博市', level: 'CITY' },
      tenant: '淄博市',
      isTenantAdmin: true,
      // issue 11 item 5: every ability the permission rules grant (test/auth/abilities-api.test.ts)
      abilities: [
        'ACKNOWLEDGE_MONITORING',
        'ADMINISTER_HIERARCHY',
        'COMMISSION_THIRD_PARTIES',
        'DECIDE_RECOMMENDATIONS',
        'DISCLOSE',
        'ENTER_PROJECT_LIBRARY',
        'FINANCE_EVALUATE',
        'FRAMEWORK_EVALUATE',
        'HOLD_FUNDING',
        'MANAGE_SERVICE_ACCOUNTS',
        'PASS_COMPILED_RESULTS',
        'READ_AUDIT_TRAIL',
        'READ_REPORTS',
        'READ_SUBTREE',
        'RECEIVE_DEPARTMENT_EVALUATIONS',
        'REVIEW_ASSESSMENTS',
        'REVIEW_DEPARTMENT_SELF_EVALUATIONS',
        'REVIEW_SELF_EVALUATIONS',
        'SET_COMMON_INDICATORS',
        'SET_MONITORING_POLICY',
        'SET_POLICY',
        'SPOT_CHECK',
        'WORK_ON_FINDINGS',
        'WORK_ON_GOALS',
      ],
    },
    {
      login: 'finance.zhangdian',
      organization: { name: '张店区财政局', kind: 'FINANCE_BUREAU' },
      region: { code: '370303', name: '张店区', level: 'DISTRICT' },
      tenant: '淄博市',
      isTenantAdmin: false,
      abilities: [
        'ACKNOWLEDGE_MONITORING',
        'COMMISSION_THIRD_PARTIES',
        'DECIDE_RECOMMENDATIONS',
        'DISCLOSE',
        'ENTER_PROJECT_LIBRARY',
        'FINANCE_EVALUATE',
        'FRAMEWORK_EVALUATE',
        'HOLD_FUNDING',
        'PASS_COMPILED_RESULTS',
        'READ_AUDIT_TRAIL',
        'READ_REPORTS',
        'READ_SUBTREE',
        'RECEIVE_DEPARTMENT_EVALUATIONS',
        'REVIEW_ASSESSMENTS',
        'REVIEW_DEPARTMENT_SELF_EVALUATIONS',
        'REVIEW_SELF_EVALUATIONS',
        'SET_COMMON_INDICATORS',
        'SPOT_CHECK',
        'WORK_ON_FINDINGS',
        'WORK_ON_GOALS',
      ],
    },
    {
      login: 'audit.zhangdian',
      organization: { name: '张店区审计局', kind: 'AUDIT_OFFICE' },
      region: { code: '370303', name: '张店区', level: 'DISTRICT' },
      tenant: '淄博市',
      isTenantAdmin: false,
      abilities: ['READ_AUDIT_TRAIL', 'READ_REPORTS', 'READ_SUBTREE'],
    },
    {
      login: 'unit.chezhan',
      organization: { name: '车站街道市政道路养护站', kind: 'IMPLEMENTING_UNIT' },
      region: { code: '370303001', name: '车站街道', level: 'TOWNSHIP' },
      tenant: '淄博市',
      isTenantAdmin: false,
      abilities: [
        'ACKNOWLEDGE_MONITORING',
        'DRAFT_DEPARTMENT_GOALS',
        'MANAGE_PROJECTS',
        'READ_OWN',
        'READ_REPORTS',
        'REPORT_MONITORING',
        'SELF_EVALUATE',
        'WORK_ON_FINDINGS',
        'WORK_ON_GOALS',
      ],
    },
    {
      login: 'thirdparty.zibo',
      organization: { name: '山东正信绩效评价咨询有限公司', kind: 'THIRD_PARTY' },
      region: { code: '370300', name: '淄博市', level: 'CITY' },
      tenant: '淄博市',
      isTenantAdmin: false,
      abilities: ['CREATE_ASSESSMENTS', 'FRAMEWORK_EVALUATE', 'READ_OWN', 'WORK_ON_FINDINGS'],
    },
    {
      login: 'admin.rizhao',
      organization: { name: '日照市财政局', kind: 'FINANCE_BUREAU' },
      region: { code: '371100', name: '日照市', level: 'CITY' },
      tenant: '日照市',
      isTenantAdmin: true,
      // issue 11 item 5: every ability the permission rules grant (test/auth/abilities-api.test.ts)
      abilities: [
        'ACKNOWLEDGE_MONITORING',
        'ADMINISTER_HIERARCHY',
        'COMMISSION_THIRD_PARTIES',
        'DECIDE_RECOMMENDATIONS',
        'DISCLOSE',
        'ENTER_PROJECT_LIBRARY',
        'FINANCE_EVALUATE',
        'FRAMEWORK_EVALUATE',
        'HOLD_FUNDING',
        'MANAGE_SERVICE_ACCOUNTS',
        'PASS_COMPILED_RESULTS',
        'READ_AUDIT_TRAIL',
        'READ_REPORTS',
        'READ_SUBTREE',
        'RECEIVE_DEPARTMENT_EVALUATIONS',
        'REVIEW_ASSESSMENTS',
        'REVIEW_DEPARTMENT_SELF_EVALUATIONS',
        'REVIEW_SELF_EVALUATIONS',
        'SET_COMMON_INDICATORS',
        'SET_MONITORING_POLICY',
        'SET_POLICY',
        'SPOT_CHECK',
        'WORK_ON_FINDINGS',
        'WORK_ON_GOALS',
      ],
    },
  ])('me of $login: its organization, region, tenant and abilities $abilities', async (expected) => {
    const res = await app.gql<MeResult>(ME, {}, { as: expected.login });
    expect(res.errors).toBeUndefined();
    const me = res.data!.me;
    const [db] = await app.sql<{ user_id: string; org_id: string; region_id: string; tenant_id: string }>(
      `SELECT u.id AS user_id, o.id AS org_id, o.region_id, u.tenant_id
         FROM app_user u JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
        WHERE u.login = $1`,
      [expected.login],
    );
    const [tenant] = await app.sql<{ name: string }>('SELECT name FROM tenant WHERE id = $1', [db.tenant_id]);
    expect(tenant.name).toBe(expected.tenant);
    expect(me.user).toMatchObject({
      login: expected.login,
      isActive: true,
      isTenantAdmin: expected.isTenantAdmin,
    });
    expect(me.organization).toMatchObject(expected.organization);
    expect(me.region).toMatchObject(expected.region);
    expect(me.tenant).toEqual({ id: db.tenant_id, name: expected.tenant });
    expect([...me.abilities].sort()).toEqual(expected.abilities);
    // the ids are those of the database rows
    expect(Buffer.from(me.user.id, 'base64url').toString()).toBe(`User:${db.user_id}`);
    expect(Buffer.from(me.organization.id, 'base64url').toString()).toBe(`Organization:${db.org_id}`);
    expect(Buffer.from(me.region.id, 'base64url').toString()).toBe(`Region:${db.region_id}`);
  });

  test('me without a token is UNAUTHENTICATED', async () => {
    const res = await app.gql(ME);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  test('wrong password and unknown login give the identical answer (no user enumeration)', async () => {
    const wrongPassword = await login(app, 'finance.zhangdian', 'Wrong@2025');
    const unknownLogin = await login(app, 'nobody.zibo', DEMO_PASSWORD);
    const unknownBoth = await login(app, 'nobody.at.all', 'Wrong@2025');
    expect(wrongPassword).toEqual({ token: null, expiresAt: null, userErrors: [GENERIC_FAILURE] });
    expect(unknownLogin).toEqual(wrongPassword);
    expect(unknownBoth).toEqual(wrongPassword);
  });

  test('an empty password or login is refused with the same answer', async () => {
    expect(await login(app, 'transport.zibo', '')).toEqual({
      token: null,
      expiresAt: null,
      userErrors: [GENERIC_FAILURE],
    });
    expect(await login(app, '', DEMO_PASSWORD)).toEqual({
      token: null,
      expiresAt: null,
      userErrors: [GENERIC_FAILURE],
    });
  });

  test('the login name is case-insensitive (and surrounding spaces are ignored)', async () => {
    for (const variant of ['Finance.Gongyuan', 'FINANCE.GONGYUAN', '  finance.gongyuan ']) {
      const result = await login(app, variant, DEMO_PASSWORD);
      expect(result.userErrors).toEqual([]);
      const me = await app.gql<MeResult>(ME, {}, { token: result.token! });
      expect(me.data?.me.user.login).toBe('finance.gongyuan');
    }
  });

  test('the password is case-sensitive', async () => {
    expect(await login(app, 'transport.gongyuan', DEMO_PASSWORD.toUpperCase())).toEqual({
      token: null,
      expiresAt: null,
      userErrors: [GENERIC_FAILURE],
    });
  });

  test('the deactivated demo user inactive.zibo cannot sign in, with the same generic answer', async () => {
    const [row] = await app.sql<{ is_active: boolean }>('SELECT is_active FROM app_user WHERE login = $1', [
      'inactive.zibo',
    ]);
    expect(row.is_active).toBe(false);
    expect(await login(app, 'inactive.zibo', DEMO_PASSWORD)).toEqual({
      token: null,
      expiresAt: null,
      userErrors: [GENERIC_FAILURE],
    });
  });

  test('a user deactivated in the database can no longer sign in; reactivated, it can again', async () => {
    expect((await login(app, 'transport.chezhan', DEMO_PASSWORD)).userErrors).toEqual([]);
    await app.sql('UPDATE app_user SET is_active = false WHERE login = $1', ['transport.chezhan']);
    try {
      expect(await login(app, 'transport.chezhan', DEMO_PASSWORD)).toEqual({
        token: null,
        expiresAt: null,
        userErrors: [GENERIC_FAILURE],
      });
    } finally {
      await app.sql('UPDATE app_user SET is_active = true WHERE login = $1', ['transport.chezhan']);
    }
    expect((await login(app, 'transport.chezhan', DEMO_PASSWORD)).userErrors).toEqual([]);
  });

  test('each successful sign-in issues a working token for the same account', async () => {
    const a = await login(app, 'agri.chezhan', DEMO_PASSWORD);
    const b = await login(app, 'AGRI.CHEZHAN', DEMO_PASSWORD);
    for (const token of [a.token!, b.token!]) {
      const me = await app.gql<MeResult>(ME, {}, { token });
      expect(me.data?.me.user.login).toBe('agri.chezhan');
    }
  });
});

describe('credential changes revoke old tokens', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => app.stop());

  // DOMAIN §8: a reset password signs the user out everywhere; a new sign-in works.
  test('a password reset by an administrator refuses tokens issued before it', async () => {
    const oldToken = await app.tokenFor('agri.chezhan');
    expect((await app.gql('{ me { user { login } } }', {}, { token: oldToken })).errors).toBeUndefined();
    // Tokens carry whole seconds: let the reset fall in a later second than the old token.
    await new Promise((r) => setTimeout(r, 1100));
    const [user] = await app.sql<{ id: string; version: number }>(
      `SELECT id, version FROM app_user WHERE login = 'agri.chezhan'`,
    );
    const reset = await app.gql<{ updateUser: { userErrors: unknown[] } }>(
      `mutation($input: UpdateUserInput!) { updateUser(input: $input) { userErrors { code message } } }`,
      {
        input: { id: toGlobalId('User', user.id), expectedVersion: user.version, password: 'NewSecret2026' },
      },
      { as: 'admin.zhangdian' },
    );
    expect(reset.data?.updateUser.userErrors).toEqual([]);

    const refused = await app.gql('{ me { user { login } } }', {}, { token: oldToken });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.data ?? null).toBeNull();

    const fresh = await app.gql<{ login: { token: string | null } }>(LOGIN, {
      input: { tenant: '370300', login: 'agri.chezhan', password: 'NewSecret2026' },
    });
    const me = await app.gql<{ me: { user: { login: string } } }>(
      '{ me { user { login } } }',
      {},
      {
        token: fresh.data?.login.token ?? undefined,
      },
    );
    expect(me.data?.me.user.login).toBe('agri.chezhan');
  });
});

describe('throttling per login and address (LOGIN_MAX_FAILURES=3, LOGIN_BLOCK_SECONDS=60)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ LOGIN_MAX_FAILURES: '3', LOGIN_BLOCK_SECONDS: '60' });
  });
  afterAll(async () => app.stop());

  test('after 3 failures the next attempt from the same address waits (back-off), even with the right password; other logins are unaffected', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect(await login(app, 'finance.zhangdian', `Wrong@${i}`)).toEqual({
        token: null,
        expiresAt: null,
        userErrors: [GENERIC_FAILURE],
      });
    }
    const blocked = await login(app, 'finance.zhangdian', DEMO_PASSWORD);
    expect(blocked.token).toBeNull();
    expect(blocked.expiresAt).toBeNull();
    expect(blocked.userErrors).toHaveLength(1);
    expect(blocked.userErrors[0]).toMatchObject({ code: 'RATE_LIMITED', field: ['input', 'login'] });
    const seconds = Number(/(\d+) seconds/.exec(blocked.userErrors[0].messageEn)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);

    // another spelling of the same login is the same login
    expect((await login(app, 'FINANCE.ZHANGDIAN', DEMO_PASSWORD)).userErrors[0].code).toBe('RATE_LIMITED');

    // another login from the same client signs in normally
    const other = await login(app, 'finance.zibo', DEMO_PASSWORD);
    expect(other.userErrors).toEqual([]);
    expect(other.token).toEqual(expect.any(String));
  });

  test('an unknown login is throttled exactly like a real one (no enumeration through the throttle)', async () => {
    const answers: LoginResult[][] = [];
    for (const name of ['transport.zhangdian', 'nobody.zhangdian']) {
      const seq: LoginResult[] = [];
      for (let i = 0; i < 4; i += 1) seq.push(await login(app, name, `Wrong@${i}`));
      answers.push(seq);
    }
    const [real, unknown] = answers;
    expect(real.slice(0, 3).map((r) => r.userErrors[0].code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    expect(real[3].userErrors[0].code).toBe('RATE_LIMITED');
    const codes = (seq: LoginResult[]) =>
      seq.map((r) => ({ code: r.userErrors[0].code, field: r.userErrors[0].field }));
    expect(codes(unknown)).toEqual(codes(real));
  });

  test('fewer failures than the limit do not block, and a success clears them', async () => {
    for (let i = 0; i < 2; i += 1) await login(app, 'audit.zhangdian', `Wrong@${i}`);
    expect((await login(app, 'audit.zhangdian', DEMO_PASSWORD)).userErrors).toEqual([]);
    for (let i = 0; i < 2; i += 1) await login(app, 'audit.zhangdian', `Wrong@${i}`);
    expect((await login(app, 'audit.zhangdian', DEMO_PASSWORD)).userErrors).toEqual([]);
  });
});
