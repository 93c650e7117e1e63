/**
 * Issue 8 item 11: revocation is exact. A password reset, a deactivation and a reactivation each
 * refuse every token issued before them — also one issued within the same second (the old check
 * compared whole seconds) — and a reactivation never brings an old token back (DOMAIN §8: a reset
 * password signs the user out everywhere).
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const ME = '{ me { user { login } } }';
const UPDATE_USER = `mutation($input: UpdateUserInput!) {
  updateUser(input: $input) { user { version: rowVersion } userErrors { code message } }
}`;
const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { id } userErrors { code message } }
}`;
const ZIBO = '370300';
const PASSWORD = 'Erster2026pw';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

function issuedAt(token: string): number {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number }).iat;
}

async function signIn(login: string, password: string): Promise<string> {
  const res = await app.gql<{ login: { token: string | null } }>(LOGIN, {
    input: { tenant: ZIBO, login, password },
  });
  const token = res.data?.login.token;
  if (!token) throw new Error(`sign-in of ${login} failed: ${JSON.stringify(res)}`);
  return token;
}

async function accepted(token: string): Promise<boolean> {
  const res = await app.gql(ME, {}, { token });
  if (res.errors) expect(res.errors[0].extensions?.code).toBe('UNAUTHENTICATED');
  return !res.errors;
}

async function user(login: string) {
  const [row] = await app.sql<{ id: string; version: number; token_version: number; changed: number }>(
    `SELECT id, version, token_version, floor(extract(epoch FROM credentials_changed_at))::int AS changed
       FROM app_user WHERE login = $1`,
    [login],
  );
  return row;
}

async function update(login: string, changes: Record<string, unknown>): Promise<void> {
  const { id, version } = await user(login);
  const res = await app.gql<{ updateUser: { userErrors: unknown[] } }>(
    UPDATE_USER,
    { input: { id: toGlobalId('User', id), expectedVersion: version, ...changes } },
    { as: 'admin.zhangdian' },
  );
  expect(res.data?.updateUser.userErrors).toEqual([]);
}

/** Starts at the beginning of a wall-clock second, so what follows falls within that second. */
async function startOfSecond(): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
}

/**
 * Runs `attempt` until the token it issues and the credential change it makes fall in the same second
 * (the case the old check got wrong); returns the token.
 */
async function withinOneSecond(login: string, attempt: () => Promise<string>): Promise<string> {
  for (let tries = 0; tries < 5; tries += 1) {
    await startOfSecond();
    const token = await attempt();
    if (issuedAt(token) === (await user(login)).changed) return token;
  }
  throw new Error('could not issue a token and change credentials within one second');
}

async function createTeacher(login: string): Promise<void> {
  const [org] = await app.sql<{ id: string }>(`SELECT id FROM organization WHERE name = '车站街道中心小学'`);
  const res = await app.gql<{ createUser: { userErrors: unknown[] } }>(
    CREATE_USER,
    {
      input: {
        organizationId: toGlobalId('Organization', org.id),
        login,
        displayName: '教师',
        password: PASSWORD,
      },
    },
    { as: 'admin.zhangdian' },
  );
  expect(res.data?.createUser.userErrors).toEqual([]);
}

test('a password reset refuses a token issued in the same second; the new password works', async () => {
  await createTeacher('reset.chezhan');
  let password = PASSWORD;
  const oldToken = await withinOneSecond('reset.chezhan', async () => {
    const token = await signIn('reset.chezhan', password);
    password = `${password}x`;
    await update('reset.chezhan', { password });
    return token;
  });
  expect(await accepted(oldToken)).toBe(false);
  expect((await user('reset.chezhan')).token_version).toBeGreaterThan(1);
  expect(await accepted(await signIn('reset.chezhan', password))).toBe(true);
});

test('a deactivation refuses a token of the same second, and a reactivation does not bring it back', async () => {
  await createTeacher('pause.chezhan');
  const oldToken = await withinOneSecond('pause.chezhan', async () => {
    const token = await signIn('pause.chezhan', PASSWORD);
    // Deactivate and reactivate at once: both within the token's second.
    await update('pause.chezhan', { isActive: false });
    expect(await accepted(token)).toBe(false);
    await update('pause.chezhan', { isActive: true });
    return token;
  });
  const row = await user('pause.chezhan');
  expect(row.token_version).toBeGreaterThanOrEqual(3);
  expect(await accepted(oldToken)).toBe(false);
  // The reactivated user signs in again normally.
  const fresh = await signIn('pause.chezhan', PASSWORD);
  expect(await accepted(fresh)).toBe(true);
});

test('an edit that changes no credential (display name) keeps tokens valid', async () => {
  await createTeacher('rename.chezhan');
  const token = await signIn('rename.chezhan', PASSWORD);
  await update('rename.chezhan', { displayName: '教师（更名）' });
  expect((await user('rename.chezhan')).token_version).toBe(1);
  expect(await accepted(token)).toBe(true);
});
