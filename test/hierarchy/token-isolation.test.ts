/**
 * The isolation matrix (DOMAIN §3 "Hierarchy and tenancy", §8 P6 "jurisdiction"), requests without a token
 * or with a refused one. Every read and write is limited to the caller's subtree; "an out-of-jurisdiction
 * id looks exactly like a missing one" (§8, last paragraph). Each rule is proved both ways: the allowed
 * caller gets the object, the others get exactly what a nonexistent id gives them. Shared world:
 * ./isolation-world.ts.
 */
import { SignJWT } from 'jose';
import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from '../harness/app';
import { TEST_TOKEN_SECRET } from '../harness/env';
import { type Json, MISSING_UUID, useIsolationApp } from './isolation-world';

const world = useIsolationApp();
const { tenantId, userUuid, rawPost } = world;
let app: TestApp;
beforeAll(() => void (app = world.app()));

// ---------------------------------------------------------------------------------------------------
// 6. No token: protected fields say UNAUTHENTICATED; login is public

describe('no token', () => {
  const PROTECTED: [string, string][] = [
    ['me', '{ me { user { login } } }'],
    ['region', '{ region(code: "370300") { id } }'],
    ['regions', '{ regions { totalCount } }'],
    ['organization', `{ organization(id: "${toGlobalId('Organization', MISSING_UUID)}") { id } }`],
    ['organizations', '{ organizations { totalCount } }'],
    ['user', `{ user(id: "${toGlobalId('User', MISSING_UUID)}") { id } }`],
    ['users', '{ users { totalCount } }'],
    ['node', `{ node(id: "${toGlobalId('Region', MISSING_UUID)}") { id } }`],
    [
      'createRegion',
      'mutation { createRegion(input: { parentId: "x", level: TOWNSHIP, name: "x", code: "370303195" }) { userErrors { code } } }',
    ],
    [
      'updateUser',
      'mutation { updateUser(input: { id: "x", expectedVersion: 1, isActive: false }) { userErrors { code } } }',
    ],
    ['deleteOrganization', 'mutation { deleteOrganization(input: { id: "x" }) { userErrors { code } } }'],
  ];

  test.each(PROTECTED)('%s → UNAUTHENTICATED, nothing returned', async (field, query) => {
    const res = await app.gql<Json>(query);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageZh: expect.any(String),
      messageEn: expect.any(String),
    });
    const value = res.data ? res.data[field] : null;
    expect(value ?? null).toBeNull();
  });

  test('login works without a token', async () => {
    const res = await app.gql<{ login: { token: string | null; userErrors: unknown[] } }>(
      'mutation { login(input: { tenant: "370300", login: "finance.gongyuan", password: "Jixiao@2025" }) { token userErrors { code } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.userErrors).toEqual([]);
    expect(typeof res.data?.login.token).toBe('string');
  });
});

// ---------------------------------------------------------------------------------------------------
// 7. Tokens: anything but a valid token of an active user is refused as a whole (401)

describe('tokens', () => {
  const ME = '{ me { user { login } } }';
  const realKey = new TextEncoder().encode(TEST_TOKEN_SECRET);

  async function sign(
    claims: { sub: string; tid: string },
    options: { key?: Uint8Array; exp?: number | string; iat?: number; iss?: string; aud?: string } = {},
  ): Promise<string> {
    // tv: the token version of a user never reset (issue 8 item 11).
    return new SignJWT({ tid: claims.tid, tv: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(options.iss ?? 'jixiao')
      .setAudience(options.aud ?? 'jixiao-api')
      .setIssuedAt(options.iat)
      .setExpirationTime(options.exp ?? '1h')
      .sign(options.key ?? realKey);
  }

  async function expectRefused(authorization: string): Promise<void> {
    const { status, body } = await rawPost(authorization, ME);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  }

  test('control: a token we sign with the real secret and real claims is accepted', async () => {
    const token = await sign({ sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') });
    const { status, body } = await rawPost(`Bearer ${token}`, ME);
    expect(status).toBe(200);
    expect(body.data).toEqual({ me: { user: { login: 'finance.zibo' } } });
  });

  test('forged: same claims, signed with another secret', async () => {
    const key = new TextEncoder().encode('another-secret-that-is-also-long-enough-9876543210');
    await expectRefused(
      `Bearer ${await sign({ sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') }, { key })}`,
    );
  });

  test('tid of the other tenant with the sub of a user of this tenant (and the converse)', async () => {
    await expectRefused(
      `Bearer ${await sign({ sub: await userUuid('finance.zibo'), tid: await tenantId('日照市') })}`,
    );
    await expectRefused(
      `Bearer ${await sign({ sub: await userUuid('finance.rizhao'), tid: await tenantId('淄博市') })}`,
    );
  });

  test('wrong issuer or audience', async () => {
    const claims = { sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') };
    await expectRefused(`Bearer ${await sign(claims, { iss: 'someone-else' })}`);
    await expectRefused(`Bearer ${await sign(claims, { aud: 'another-api' })}`);
  });

  test('expired (real secret, exp in the past)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') };
    await expectRefused(`Bearer ${await sign(claims, { iat: now - 7200, exp: now - 3600 })}`);
  });

  test('unsigned (alg none)', async () => {
    const b64 = (o: Json) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      sub: await userUuid('finance.zibo'),
      tid: await tenantId('淄博市'),
      iss: 'jixiao',
      aud: 'jixiao-api',
      iat: now,
      exp: now + 3600,
    };
    await expectRefused(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
  });

  test.each([
    'Bearer not-a-jwt',
    'Bearer a.b.c',
    'Bearer ',
    'Basic YWRtaW4uemlibzpKaXhpYW9AMjAyNQ==',
    'garbage',
  ])('malformed authorization header %j', async (header) => {
    await expectRefused(header);
  });

  test('a validly signed token whose claims name no user (sub/tid not uuids) is UNAUTHENTICATED, not an internal error', async () => {
    await expectRefused(`Bearer ${await sign({ sub: 'finance.zibo', tid: await tenantId('淄博市') })}`);
    await expectRefused(`Bearer ${await sign({ sub: await userUuid('finance.zibo'), tid: '淄博市' })}`);
  });

  test('a refused token refuses the whole request, even public login', async () => {
    const { status, body } = await rawPost(
      'Bearer not-a-jwt',
      'mutation { login(input: { login: "finance.zibo", password: "Jixiao@2025" }) { token } }',
    );
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  test('a user deactivated after login: the old token is refused at once', async () => {
    const token = await app.tokenFor('agri.zhangdian');
    const ok = await app.gql(ME, {}, { token });
    expect(ok.data).toEqual({ me: { user: { login: 'agri.zhangdian' } } });

    await app.sql('UPDATE app_user SET is_active = false WHERE login = $1', ['agri.zhangdian']);
    try {
      await expectRefused(`Bearer ${token}`);
      const res = await app.gql('{ regions { totalCount } }', {}, { token });
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await app.sql('UPDATE app_user SET is_active = true WHERE login = $1', ['agri.zhangdian']);
    }
  });
});
