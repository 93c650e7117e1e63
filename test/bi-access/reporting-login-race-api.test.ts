/**
 * Issue 14, SQL access for BI tools (DOMAIN §16; P6): a login name is taken once. Roles are cluster-wide
 * and outside the register's unique index until the issuing transaction commits, so the same name issued
 * at once — by two administrators, or while someone creates the role by hand — must come back as a
 * CONFLICT on input.name, never INTERNAL, and leave nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { useTestApp } from '../harness/app';
import { dropTestReportingLogins } from './reporting-login.fixture';

// Roles are cluster-wide: never leave one behind.
const app = useTestApp({}, { beforeStop: (started) => dropTestReportingLogins(started.owner) });

const CREATE = `mutation($input: CreateReportingLoginInput!) {
  createReportingLogin(input: $input) { password reportingLogin { roleName } userErrors { code field } }
}`;

interface Created {
  password: string | null;
  reportingLogin: { roleName: string } | null;
  userErrors: { code: string; field: string[] }[];
}

async function create(as: string, name: string): Promise<Created> {
  const res = await app.gql<{ createReportingLogin: Created }>(CREATE, { input: { name } }, { as });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createReportingLogin;
}

const registered = async (role: string) =>
  (await app.sql('SELECT 1 FROM reporting_login WHERE role_name = $1', [role])).length;
const onServer = async (role: string) =>
  (await app.sql('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).length;

test('two administrators issuing the same name at once, ten times: each time one login and one CONFLICT', async () => {
  for (let round = 0; round < 10; round += 1) {
    const name = `race_${randomBytes(5).toString('hex')}`;
    const [a, b] = await Promise.all([create('admin.zibo', name), create('admin.zhangdian', name)]);
    expect(
      [a, b].map((r) => r.userErrors.map((e) => `${e.code}:${e.field.join('.')}`).join()).sort(),
    ).toEqual(['', 'CONFLICT:input.name']);
    expect([a, b].filter((r) => r.password !== null)).toHaveLength(1);
    expect(await registered(`bi_${name}`)).toBe(1);
    expect(await onServer(`bi_${name}`)).toBe(1);
  }
});

test('a role of that name committed while the issue waits on it: CONFLICT, no register row, no audit', async () => {
  const name = `held_${randomBytes(5).toString('hex')}`;
  const role = `bi_${name}`;
  const other = new Client({ connectionString: app.db.ownerUrl });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query(`CREATE ROLE ${role} NOLOGIN`); // uncommitted: invisible to the API's checks
    const before = await app.tableDigests();
    const pending = create('admin.zibo', name);
    // The issue reaches CREATE ROLE and waits on the uncommitted name; then the other side commits.
    await waitForLockWait(other);
    await other.query('COMMIT');
    const refused = await pending;
    expect(refused.userErrors).toEqual([{ code: 'CONFLICT', field: ['input', 'name'] }]);
    expect(refused.password).toBeNull();
    expect(await registered(role)).toBe(0);
    expect(await app.tableDigests()).toEqual(before);
  } finally {
    await other.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await other.end();
  }
});

/** Until some backend of this database waits on a lock (the CREATE ROLE), at most 10 s. */
async function waitForLockWait(client: Client): Promise<void> {
  for (let k = 0; k < 200; k += 1) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the issue never waited on the uncommitted role');
}
