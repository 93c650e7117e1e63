/**
 * Issue 14, SQL access for BI tools (DOMAIN §16): what a reporting login is in PostgreSQL — its attributes,
 * its password (a SCRAM verifier, the password never sent), its grants (SELECT on `reporting` only, views
 * added later included), the documented columns it reads (Chinese and English, no person's data), and
 * its revocation (cannot connect, an open session cannot read).
 */
import { Client } from 'pg';
import { verifierMatches } from '../../src/bi-access/scram';
import { useTestDatabase } from '../harness/database';
import {
  asLogin,
  createTestReportingLogin,
  dropTestReportingLogin,
  dropTestReportingLogins,
  sqlState,
  urlAs,
  type TestReportingLogin,
} from './reporting-login.fixture';

// roles are cluster-wide: never leave one behind
const { db, owner } = useTestDatabase({ beforeStop: dropTestReportingLogins });
let login: TestReportingLogin;

beforeAll(async () => {
  login = await createTestReportingLogin(owner, db.ownerUrl, '370300', '370303');
});

test('the role: LOGIN, NOINHERIT, nothing else, a connection limit, read-only by default, member of no role', async () => {
  const { rows } = await owner.query(
    `SELECT rolcanlogin, rolinherit, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolconnlimit,
            rolconfig, (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
       FROM pg_roles r WHERE rolname = $1`,
    [login.role],
  );
  expect(rows[0]).toEqual({
    rolcanlogin: true,
    rolinherit: false,
    rolsuper: false,
    rolcreatedb: false,
    rolcreaterole: false,
    rolreplication: false,
    rolbypassrls: false,
    rolconnlimit: 5,
    rolconfig: ['default_transaction_read_only=on', 'statement_timeout=300s'],
    memberships: 0,
  });
  const [reg] = (
    await owner.query(
      'SELECT role_name, region_path IS NOT NULL AS confined, revoked_at FROM reporting_login WHERE id = $1',
      [login.id],
    )
  ).rows;
  expect(reg).toEqual({ role_name: login.role, confined: true, revoked_at: null });
});

test('the password: PostgreSQL holds only its SCRAM-SHA-256 verifier, made from exactly this password', async () => {
  const { rows } = await owner.query<{ v: string }>(
    'SELECT rolpassword AS v FROM pg_authid WHERE rolname = $1',
    [login.role],
  );
  expect(rows[0].v).toMatch(/^SCRAM-SHA-256\$4096:/);
  expect(verifierMatches(rows[0].v, login.password)).toBe(true);
  expect(verifierMatches(rows[0].v, `${login.password}x`)).toBe(false);
  // A wrong password is refused — unless this server trusts local TCP connections (pg_hba "trust", as in
  // some development containers), where PostgreSQL checks no password at all: then say so.
  const wrong = new Client({ connectionString: urlAs(db.ownerUrl, login.role, 'wrong-password') });
  const refused = await wrong.connect().then(
    async () => {
      await wrong.end();
      return false;
    },
    () => true,
  );
  if (!refused) {
    const trust = await owner.query(
      `SELECT 1 FROM pg_hba_file_rules WHERE auth_method = 'trust' AND type = 'host'`,
    );
    expect(trust.rowCount).toBeGreaterThan(0);
  }
  // The right password connects (through 127.0.0.1 when DATABASE_URL names it, as a BI tool would).
  expect(
    await asLogin(login, async (c) => (await c.query<{ u: string }>('SELECT current_user AS u')).rows[0].u),
  ).toBe(login.role);
});

test('grants: CONNECT, USAGE on reporting and SELECT on its views; nothing on any table of public', async () => {
  const { rows } = await owner.query<{ schema: string; relation: string; privilege: string }>(
    `SELECT n.nspname AS schema, c.relname AS relation, p.privilege
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
      WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'v', 'm', 'p')
        AND has_table_privilege($1, c.oid, p.privilege)`,
    [login.role],
  );
  expect(rows.filter((r) => r.schema !== 'reporting' || r.privilege !== 'SELECT')).toEqual([]);
  const views = await owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'reporting' AND c.relkind = 'v'`,
  );
  expect(rows.length).toBe(views.rows[0].n);
  const [schemas] = (
    await owner.query(
      `SELECT has_schema_privilege($1, 'reporting', 'USAGE') AS reporting, has_database_privilege($1, current_database(), 'CONNECT') AS connect`,
      [login.role],
    )
  ).rows;
  expect(schemas).toEqual({ reporting: true, connect: true });
});

test('a view the owner adds to reporting later is readable at once (default privileges), as other modules add theirs', async () => {
  await owner.query(`CREATE VIEW reporting.probe_later WITH (security_barrier) AS
    SELECT code FROM region r WHERE reporting.scope_allows(r.tenant_id, r.path)`);
  try {
    const codes = await asLogin(
      login,
      async (c) => (await c.query('SELECT count(*)::int AS n FROM reporting.probe_later')).rows[0].n,
    );
    expect(codes).toBe(6); // 张店区 and its five townships
  } finally {
    await owner.query('DROP VIEW reporting.probe_later');
  }
});

test('every column of every view is documented in Chinese and English, and no view carries a person or a secret', async () => {
  const { rows } = await owner.query<{ view: string; col: string; comment: string | null }>(
    `SELECT c.relname AS view, a.attname AS col, col_description(c.oid, a.attnum) AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = 'reporting' AND c.relkind = 'v' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname IN ('regions', 'goals', 'indicators', 'money', 'monitoring_reports', 'evaluations', 'findings', 'recommendations', 'login_scope')`,
  );
  expect(new Set(rows.map((r) => r.view)).size).toBe(9);
  expect(rows.filter((r) => !/^[^ -~]+.* — [A-Za-z]/.test(r.comment ?? ''))).toEqual([]);
  expect(rows.filter((r) => /password|hash|token|user|login$|display_name/.test(r.col))).toEqual([]);
  const commented = await owner.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'reporting' AND c.relkind = 'v' AND obj_description(c.oid, 'pg_class') IS NULL`,
  );
  expect(commented.rows).toEqual([]);
});

test('revoked: the role is dropped, an open session reads nothing more, and it cannot connect again', async () => {
  const other = await createTestReportingLogin(owner, db.ownerUrl, '370300');
  const open = new Client({ connectionString: other.url });
  await open.connect();
  open.on('error', () => undefined); // the server may end the session: that is the point
  expect((await open.query('SELECT count(*)::int AS n FROM reporting.regions')).rows[0].n).toBeGreaterThan(0);
  await dropTestReportingLogin(owner, other);
  expect(await sqlState(open, 'SELECT count(*) FROM reporting.regions')).not.toBe('');
  await open.end().catch(() => undefined);
  const roles = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [other.role]);
  expect(roles.rowCount).toBe(0);
  const [reg] = (
    await owner.query('SELECT revoked_at IS NOT NULL AS revoked FROM reporting_login WHERE id = $1', [
      other.id,
    ])
  ).rows;
  expect(reg).toEqual({ revoked: true });
  const again = new Client({ connectionString: other.url });
  await expect(again.connect()).rejects.toThrow(
    /role .* does not exist|authentication failed|not permitted to log in/,
  );
});

test('the API role issues for its transaction’s tenant only, in the name of an active tenant administrator; a rollback leaves no role', async () => {
  const api = new Client({ connectionString: db.appUrl });
  await api.connect();
  const ids = async (login: string) =>
    (
      await owner.query<{ id: string; tenant_id: string }>(
        'SELECT id, tenant_id FROM app_user WHERE login = $1',
        [login],
      )
    ).rows[0];
  const admin = await ids('admin.zibo');
  const clerk = await ids('finance.zibo');
  const rizhao = await ids('admin.rizhao');
  const verifier = (
    await owner.query<{ v: string }>('SELECT rolpassword AS v FROM pg_authid WHERE rolname = $1', [
      login.role,
    ])
  ).rows[0].v;
  const attempt = async (txTenant: string, tenant: string, by: string, role: string) => {
    await api.query('BEGIN');
    try {
      await api.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [txTenant]);
      return await sqlState(
        api,
        `SELECT reporting_login_create('${tenant}', NULL, '${role}', '${verifier}', 2, '${by}')`,
      );
    } finally {
      await api.query('ROLLBACK');
    }
  };
  try {
    const role = `bi_probe_${Date.now()}`;
    expect(await attempt(admin.tenant_id, rizhao.tenant_id, rizhao.id, role)).toBe('42501'); // another tenant
    expect(await attempt(admin.tenant_id, admin.tenant_id, clerk.id, role)).toBe('42501'); // not an administrator
    expect(await attempt(admin.tenant_id, admin.tenant_id, admin.id, 'postgres')).toBe('22023'); // not a bi_ name
    expect(await attempt(admin.tenant_id, admin.tenant_id, admin.id, login.role)).toBe('42710'); // exists
    expect(await attempt(admin.tenant_id, admin.tenant_id, admin.id, role)).toBe(''); // allowed …
    expect((await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount).toBe(0); // … rolled back
    // A plain text password is refused: PostgreSQL would hash it itself, after it passed through the statement.
    await api.query('BEGIN');
    await api.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [admin.tenant_id]);
    expect(
      await sqlState(
        api,
        `SELECT reporting_login_create('${admin.tenant_id}', NULL, '${role}', 'plain-text', 2, '${admin.id}')`,
      ),
    ).toBe('22023');
    await api.query('ROLLBACK');
  } finally {
    await api.end();
  }
});
