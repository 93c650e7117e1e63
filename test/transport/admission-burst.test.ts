import { Client } from 'pg';
import { TestApp } from '../harness/app';
import { apiSessions, post, UPDATE_REGION } from './helpers';
import { regionGid } from '../harness/ids';

// Issue 18 (W4, a burst of submissions): requests take turns for the pool's connections in arrival
// order (src/app/admission.ts). A burst that outlasts DB_POOL_ACQUIRE_TIMEOUT_MS while the service
// makes progress is served in full, writes included; without the turns the pool refuses the late ones.

const LIMITS = { DB_POOL_ACQUIRE_TIMEOUT_MS: '700', DB_LOCK_TIMEOUT_MS: '5000' };
const ME = JSON.stringify({ query: '{ me { user { login } } }' });
const TOWNSHIPS = ['370303001', '370303002', '370303003', '370303004'];
const HOLD_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The owner takes the region table for HOLD_MS, lets go, and takes it again, until stopped: the four
 * requests the pool serves at once (test pool: 4 connections) get through once per cycle, so the service
 * is slow but makes progress every HOLD_MS (less than the 700 ms acquire limit).
 */
async function regionLockCycles(app: TestApp) {
  const client = new Client({ connectionString: app.db.ownerUrl });
  client.on('error', () => undefined);
  await client.connect();
  let stopping = false;
  const cycles = (async () => {
    while (!stopping) {
      await client.query('BEGIN');
      await client.query('LOCK TABLE region IN ACCESS EXCLUSIVE MODE');
      await sleep(HOLD_MS);
      await client.query('COMMIT');
    }
  })();
  return async () => {
    stopping = true;
    await cycles;
    await client.end();
  };
}

type Answer = { status: number; code: string | null; renamed: string | null };

/** 4 renames (one per township, as admin.zhangdian) and 16 `me` reads, all sent at once. */
async function burst(app: TestApp, suffix: string) {
  const admin = await app.tokenFor('admin.zhangdian');
  const reader = await app.tokenFor('finance.zibo');
  const versions = await app.sql<{ code: string; version: number }>(
    `SELECT code, version FROM region WHERE code = ANY($1) ORDER BY code`,
    [TOWNSHIPS],
  );
  const renames = await Promise.all(
    versions.map(async (r) =>
      JSON.stringify({
        query: UPDATE_REGION,
        variables: {
          input: { id: await regionGid(app, r.code), expectedVersion: r.version, name: `${r.code}${suffix}` },
        },
      }),
    ),
  );
  const stop = await regionLockCycles(app);
  const started = Date.now();
  let elapsed = 0;
  try {
    const sent = [
      ...renames.map((body) => post(app, body, { token: admin, timeoutMs: 20000 })),
      ...Array.from({ length: 16 }, () => post(app, ME, { token: reader, timeoutMs: 20000 })),
    ];
    const answers = await Promise.all(
      sent.map(async (response): Promise<Answer> => {
        const res = await response;
        const body = (await res.json()) as {
          data?: { updateRegion?: { region: { name: string } | null } };
          errors?: { extensions: { code: string } }[];
        };
        return {
          status: res.status,
          code: body.errors?.[0]?.extensions.code ?? null,
          renamed: body.data?.updateRegion?.region?.name ?? null,
        };
      }),
    );
    elapsed = Date.now() - started;
    return { answers, elapsed };
  } finally {
    await stop();
  }
}

describe('a burst that outlasts the pool wait while the service makes progress', () => {
  test('is served in full, writes committed, nothing left open', async () => {
    const app = await TestApp.start(LIMITS);
    try {
      const { answers, elapsed } = await burst(app, '（集中提交）');
      // 20 requests, 4 per lock cycle: well past the 700 ms a request may wait for a pooled connection.
      expect(elapsed).toBeGreaterThan(1000);
      expect(answers.filter((a) => a.status !== 200 || a.code !== null)).toEqual([]);
      expect(answers.slice(0, 4).map((a) => a.renamed)).toEqual(TOWNSHIPS.map((c) => `${c}（集中提交）`));
      // The outcome in the database: every rename committed once.
      const rows = await app.sql<{ name: string }>(
        `SELECT name FROM region WHERE code = ANY($1) ORDER BY code`,
        [TOWNSHIPS],
      );
      expect(rows.map((r) => r.name)).toEqual(TOWNSHIPS.map((c) => `${c}（集中提交）`));
      expect(await apiSessions(app)).toEqual({ idleInTransaction: 0, waitingOnLock: 0 });
    } finally {
      await app.stop();
    }
  });

  test('without the turns (REQUEST_CONCURRENCY above the pool), the pool refuses the late requests with 503', async () => {
    const app = await TestApp.start({ ...LIMITS, REQUEST_CONCURRENCY: '100' });
    try {
      const before = await app.sql<{ name: string }>(
        `SELECT name FROM region WHERE code = ANY($1) ORDER BY code`,
        [TOWNSHIPS],
      );
      const { answers } = await burst(app, '（无排队）');
      const refused = answers.filter((a) => a.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(new Set(refused.map((a) => a.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      // A refused rename wrote nothing; a served one committed.
      const after = await app.sql<{ name: string }>(
        `SELECT name FROM region WHERE code = ANY($1) ORDER BY code`,
        [TOWNSHIPS],
      );
      answers.slice(0, 4).forEach((a, i) => {
        expect(after[i].name).toBe(a.renamed ?? before[i].name);
      });
    } finally {
      await app.stop();
    }
  });
});
