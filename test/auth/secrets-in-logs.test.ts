/**
 * Issue 8 item 10: no password, password hash, token or secret reaches a log line or an error,
 * whatever fails. Database failures are forced (a trigger added as owner raises an internal error whose
 * message and detail repeat the row, hash included) and every captured log line and response is scanned.
 */
import { toGlobalId } from '../../src/common/global-id';
import { DEMO_PASSWORD } from '../../seeds';
import { TEST_TOKEN_SECRET } from '../harness/env';
import { LoggedApp } from './logged-app';

const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { id } userErrors { code field message } }
}`;
const UPDATE_USER = `mutation($input: UpdateUserInput!) {
  updateUser(input: $input) { user { id } userErrors { code field message } }
}`;
const NEW_PASSWORD = 'Geheim2026Pw';
const RESET_PASSWORD = 'Zurueck2026Pw';
/** A display name the added CHECK constraint refuses. */
const FAILING_NAME = '强制失败用户';

let app: LoggedApp;
let token: string;
beforeAll(async () => {
  app = await LoggedApp.start();
  const signedIn = await app.signIn({ tenant: '370300', login: 'admin.zhangdian', password: DEMO_PASSWORD });
  token = signedIn.token!;
  // The worst case: the database's own message repeats the whole row, hash included.
  await app.sql(`CREATE FUNCTION test_forced_failure() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.display_name = '${FAILING_NAME}' THEN
        RAISE EXCEPTION 'test_forced_failure of row %', NEW USING ERRCODE = 'XX000', DETAIL = NEW::text;
      END IF;
      RETURN NEW;
    END $$`);
  await app.sql(
    `CREATE TRIGGER trg_test_forced_failure BEFORE INSERT OR UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION test_forced_failure()`,
  );
});
afterAll(async () => app.stop());

async function organizationGid(name: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM organization WHERE name = $1', [name]);
  return toGlobalId('Organization', row.id);
}

/** Every secret the requests carried, and every argon2 hash in the database. */
async function forbidden(): Promise<string[]> {
  const hashes = await app.sql<{ password_hash: string }>('SELECT password_hash FROM app_user');
  return [
    NEW_PASSWORD,
    RESET_PASSWORD,
    DEMO_PASSWORD,
    token,
    TEST_TOKEN_SECRET,
    '$argon2',
    ...new Set(hashes.map((h) => h.password_hash)),
  ];
}

function expectClean(texts: string[], secrets: string[]): void {
  for (const text of texts) {
    for (const secret of secrets)
      expect(text.includes(secret) ? `${secret} in ${text}` : 'clean').toBe('clean');
  }
}

test('a createUser that fails in the database logs INTERNAL without the new hash, the password or the token', async () => {
  const before = app.lines.length;
  const res = await app.gql(
    CREATE_USER,
    {
      input: {
        organizationId: await organizationGid('车站街道财政所'),
        login: 'leak.chezhan',
        displayName: FAILING_NAME,
        password: NEW_PASSWORD,
      },
    },
    { authorization: `Bearer ${token}` },
  );
  expect(res.body.errors?.[0]?.extensions?.code).toBe('INTERNAL');
  expect(await app.sql('SELECT 1 FROM app_user WHERE login = $1', ['leak.chezhan'])).toEqual([]);
  const lines = app.lines.slice(before);
  // The failure is logged (with the constraint, so it can be diagnosed) …
  const failure = lines.find((l) => l.includes('unexpected error'));
  expect(failure).toContain('test_forced_failure of row');
  // … and nothing secret is, anywhere: log lines and the response.
  expectClean([...lines, res.text], await forbidden());
});

test('a password reset that fails in the database leaks neither password nor hash', async () => {
  const [user] = await app.sql<{ id: string; version: number }>(
    `SELECT id, version FROM app_user WHERE login = 'agri.chezhan'`,
  );
  const before = app.lines.length;
  const res = await app.gql(
    UPDATE_USER,
    {
      input: {
        id: toGlobalId('User', user.id),
        expectedVersion: user.version,
        password: RESET_PASSWORD,
        displayName: FAILING_NAME,
      },
    },
    { authorization: `Bearer ${token}` },
  );
  expect(res.body.errors?.[0]?.extensions?.code).toBe('INTERNAL');
  const [after] = await app.sql<{ version: number }>('SELECT version FROM app_user WHERE id = $1', [user.id]);
  expect(after.version).toBe(user.version);
  const lines = app.lines.slice(before);
  expect(lines.some((l) => l.includes('test_forced_failure of row'))).toBe(true);
  expectClean([...lines, res.text], await forbidden());
});

test('every line of the whole run (sign-ins, requests, failures) is free of secrets', async () => {
  await app.signIn({ tenant: '370300', login: 'admin.zhangdian', password: 'Wrong-2026-pw' });
  // A logged object that names secrets directly is scrubbed too (defence in depth).
  app.services.logger.error(
    { password: NEW_PASSWORD, input: { passwordHash: '$argon2id$v=19$x' }, note: `Bearer ${token}` },
    `secret ${TEST_TOKEN_SECRET}`,
  );
  expect(app.lines.length).toBeGreaterThan(5);
  expectClean(app.lines, await forbidden());
});
