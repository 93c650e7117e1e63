/**
 * Signing in (登录), DOMAIN §8 and §16: one generic message for every failed sign-in (no user
 * enumeration), deactivated users cannot sign in, credential changes revoke old tokens, and repeated
 * failures are throttled per login name (test/auth/login-fixtures.ts; `me` in me-api.test.ts).
 */
import { useTestApp } from '../harness/app';
import { toGlobalId } from '../../src/common/global-id';
import { DEMO_PASSWORD } from '../../seeds';
import { FAILED, LOGIN, ME, login, type LoginResult, type MeResult } from './login-fixtures';

describe('login', () => {
  const app = useTestApp();

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

  test('wrong password and unknown login give the identical answer (no user enumeration)', async () => {
    const wrongPassword = await login(app, 'finance.zhangdian', 'Wrong@2025');
    const unknownLogin = await login(app, 'nobody.zibo', DEMO_PASSWORD);
    const unknownBoth = await login(app, 'nobody.at.all', 'Wrong@2025');
    expect(wrongPassword).toEqual(FAILED);
    expect(unknownLogin).toEqual(wrongPassword);
    expect(unknownBoth).toEqual(wrongPassword);
  });

  test('an empty password or login is refused with the same answer', async () => {
    expect(await login(app, 'transport.zibo', '')).toEqual(FAILED);
    expect(await login(app, '', DEMO_PASSWORD)).toEqual(FAILED);
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
    expect(await login(app, 'transport.gongyuan', DEMO_PASSWORD.toUpperCase())).toEqual(FAILED);
  });

  test('the deactivated demo user inactive.zibo cannot sign in, with the same generic answer', async () => {
    const [row] = await app.sql<{ is_active: boolean }>('SELECT is_active FROM app_user WHERE login = $1', [
      'inactive.zibo',
    ]);
    expect(row.is_active).toBe(false);
    expect(await login(app, 'inactive.zibo', DEMO_PASSWORD)).toEqual(FAILED);
  });

  test('a user deactivated in the database can no longer sign in; reactivated, it can again', async () => {
    expect((await login(app, 'transport.chezhan', DEMO_PASSWORD)).userErrors).toEqual([]);
    await app.sql('UPDATE app_user SET is_active = false WHERE login = $1', ['transport.chezhan']);
    try {
      expect(await login(app, 'transport.chezhan', DEMO_PASSWORD)).toEqual(FAILED);
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
  const app = useTestApp();

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
  const app = useTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_BLOCK_SECONDS: '60' });

  test('after 3 failures the next attempt from the same address waits (back-off), even with the right password; other logins are unaffected', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect(await login(app, 'finance.zhangdian', `Wrong@${i}`)).toEqual(FAILED);
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
