import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { issueLogin, revokeLogin, type RunSql } from '../../src/bi-access/login-issuer';
import { roleNameFor } from '../../src/bi-access/rules/login-name';

/**
 * Reporting logins for tests (issue 14, DOMAIN §16), for this module's tests and for any test that reads
 * the `reporting` views as a BI tool would. PostgreSQL roles are cluster-wide and outlive the test
 * database: every login made here has a random name, and each test file must call
 * `dropTestReportingLogins(owner)` in its afterAll (before the database is dropped).
 */
export interface TestReportingLogin {
  id: string;
  tenantId: string;
  role: string;
  password: string;
  /** Connection URL of the login, to the same server and database as `ownerUrl`. */
  url: string;
}

const runOn =
  (client: Client): RunSql =>
  async (text, params) =>
    (await client.query(text, params)).rows as Record<string, unknown>[];

export function urlAs(ownerUrl: string, user: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = user;
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The tenant and region id of a region code (the owner reads past row-level security). */
export async function regionByCode(
  owner: Client,
  code: string,
): Promise<{ tenantId: string; regionId: string }> {
  const { rows } = await owner.query<{ tenant_id: string; id: string }>(
    'SELECT tenant_id, id FROM region WHERE code = $1',
    [code],
  );
  if (rows.length !== 1) throw new Error(`region ${code}: ${rows.length} rows`);
  return { tenantId: rows[0].tenant_id, regionId: rows[0].id };
}

/**
 * Issues a login with the owner's rights (as the command does): the whole tenant of `cityCode`, or the
 * subtree of `regionCode` when given.
 */
export async function createTestReportingLogin(
  owner: Client,
  ownerUrl: string,
  cityCode: string,
  regionCode?: string,
): Promise<TestReportingLogin> {
  const { tenantId } = await regionByCode(owner, cityCode);
  const regionId = regionCode ? (await regionByCode(owner, regionCode)).regionId : null;
  const issued = await issueLogin(runOn(owner), {
    tenantId,
    regionId,
    roleName: roleNameFor(null, `t${randomBytes(6).toString('hex')}`),
    connectionLimit: 5,
    createdByUserId: null,
  });
  return {
    ...issued,
    tenantId,
    role: issued.roleName,
    url: urlAs(ownerUrl, issued.roleName, issued.password),
  };
}

/** Revokes (and so drops) one login. */
export async function dropTestReportingLogin(owner: Client, login: TestReportingLogin): Promise<void> {
  await revokeLogin(runOn(owner), login.tenantId, login.id, null);
}

/** Revokes every active login of the test database: call in afterAll, roles outlive the database. */
export async function dropTestReportingLogins(owner: Client): Promise<void> {
  const { rows } = await owner.query<{ tenant_id: string; id: string }>(
    'SELECT tenant_id, id FROM reporting_login WHERE revoked_at IS NULL',
  );
  for (const r of rows) await revokeLogin(runOn(owner), r.tenant_id, r.id, null);
}

/** Runs `work` on a connection of the login, closed afterwards. */
export async function asLogin<T>(login: { url: string }, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: login.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE of a failed statement ('' when it succeeded). */
export async function sqlState(client: Client, text: string): Promise<string> {
  try {
    await client.query(text);
    return '';
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  }
}
