import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { TestApp } from '../harness/app';
import { eventually, post } from './helpers';

// Issue 18 (the first request after start — and after a quiet period — within 3× of a warm one): the API's
// pooled connections stay open while unused unless DB_POOL_IDLE_TIMEOUT_MS says otherwise. pg-pool's own
// default closed them after 10 s, so the next request started a PostgreSQL backend with cold caches and
// none of its prepared statements.

const ME = JSON.stringify({ query: '{ me { user { login } } }' });

/** Backend pids of the API's connections to this test database. */
async function apiBackends(app: TestApp): Promise<number[]> {
  const rows = await app.sql<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE usename = 'jixiao_app' AND datname = current_database() AND application_name = 'jixiao'
      ORDER BY pid`,
  );
  return rows.map((r) => r.pid);
}

const poolOf = (app: TestApp) => (app.services.dataSource.driver as PostgresDriver).master as Pool;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API started with `env` after one signed-in request: its backends then, and a way to send another. */
async function afterOneRequest(env: Record<string, string> = {}) {
  const app = await TestApp.start(env);
  try {
    const token = await app.tokenFor('finance.zibo');
    const request = async () => expect((await post(app, ME, { token })).status).toBe(200);
    await request();
    const before = await apiBackends(app);
    expect(before.length).toBeGreaterThan(0);
    return { app, request, before };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

describe('pooled connections while unused', () => {
  test('are kept open by default (DB_POOL_IDLE_TIMEOUT_MS 0): the next request finds the same backend', async () => {
    const { app, request, before } = await afterOneRequest();
    try {
      // pg-pool disables its idle timer for 0 (its default, when unset, is 10 000 ms).
      expect(poolOf(app).options.idleTimeoutMillis).toBe(0);
      await pause(800);
      expect(await apiBackends(app)).toEqual(before);
      await request();
      expect(await apiBackends(app)).toEqual(before);
    } finally {
      await app.stop();
    }
  });

  test('are closed after DB_POOL_IDLE_TIMEOUT_MS when it is set, and the next request opens a new one', async () => {
    const { app, request, before } = await afterOneRequest({ DB_POOL_IDLE_TIMEOUT_MS: '200' });
    try {
      expect(poolOf(app).options.idleTimeoutMillis).toBe(200);
      expect(await eventually(async () => (await apiBackends(app)).length === 0, 5000)).toBe(true);
      await request();
      const after = await apiBackends(app);
      expect(after.length).toBeGreaterThan(0);
      expect(after.some((pid) => before.includes(pid))).toBe(false);
    } finally {
      await app.stop();
    }
  });

  test('a negative or non-numeric DB_POOL_IDLE_TIMEOUT_MS stops the start-up', async () => {
    await expect(TestApp.start({ DB_POOL_IDLE_TIMEOUT_MS: '-1' })).rejects.toThrow(/DB_POOL_IDLE_TIMEOUT_MS/);
    await expect(TestApp.start({ DB_POOL_IDLE_TIMEOUT_MS: 'soon' })).rejects.toThrow(
      /DB_POOL_IDLE_TIMEOUT_MS/,
    );
  });
});
