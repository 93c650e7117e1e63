import { Client } from 'pg';
import type { TestApp } from '../harness/app';
import { regionGid } from '../harness/ids';

/** Connections of the API role to this test's database, by state (owner view of pg_stat_activity). */
export async function apiSessions(
  app: TestApp,
): Promise<{ idleInTransaction: number; waitingOnLock: number }> {
  const [row] = await app.sql<{ iit: number; lock: number }>(
    `SELECT count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS iit,
            count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS lock
       FROM pg_stat_activity WHERE usename = 'jixiao_app' AND datname = current_database()`,
  );
  return { idleInTransaction: row.iit, waitingOnLock: row.lock };
}

/** Polls `probe` until it returns true or `ms` pass; returns its last answer. */
export async function eventually(probe: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A second owner connection that holds locks in an open transaction until `release`. */
export async function lockHolder(app: TestApp) {
  const client = new Client({ connectionString: app.db.ownerUrl });
  client.on('error', () => undefined); // the test database is dropped with FORCE at the end
  await client.connect();
  await client.query('BEGIN');
  return {
    query: (sql: string, params: unknown[] = []) => client.query(sql, params),
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

export const UPDATE_REGION = `mutation($input: UpdateRegionInput!) {
  updateRegion(input: $input) { region { name rowVersion } userErrors { code message } } }`;

/** The township 车站街道 (370303001), which admin.zhangdian may rename (DOMAIN §8, P2 jurisdiction). */
export async function township(app: TestApp): Promise<{ gid: string; name: string; version: number }> {
  const [row] = await app.sql<{ name: string; version: number }>(
    `SELECT name, version FROM region WHERE code = '370303001'`,
  );
  return { gid: await regionGid(app, '370303001'), ...row };
}

/** Sends a raw body to /graphql (optionally signed in); never waits longer than `timeoutMs`. */
export function post(
  app: TestApp,
  body: string,
  options: { token?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(app.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body,
    signal: options.signal ?? AbortSignal.timeout(options.timeoutMs ?? 5000),
  });
}
