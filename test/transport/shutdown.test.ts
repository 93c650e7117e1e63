import { TestApp } from '../harness/app';
import { apiSessions, eventually, lockHolder, post, township, UPDATE_REGION } from './helpers';

// Issue 8 item 6 "Graceful shutdown": /readyz → 503 at once, new requests refused with 503, in-flight
// requests finish (bounded by SHUTDOWN_GRACE_MS), then the port closes. A request cut at the end of
// the grace period is rolled back: no write commits while its client gets a socket error.

type RegionAnswer = {
  data?: { updateRegion: { region: { name: string; rowVersion: number } | null; userErrors: unknown[] } };
  errors?: unknown[];
};

/** Starts a rename of 车站街道 that waits on a row lock the owner holds (a real, slow mutation). */
async function blockedRename(app: TestApp, name: string) {
  const before = await township(app);
  const token = await app.tokenFor('admin.zhangdian');
  const holder = await lockHolder(app);
  await holder.query(`SELECT 1 FROM region WHERE code = '370303001' FOR UPDATE`);
  const body = JSON.stringify({
    query: UPDATE_REGION,
    variables: { input: { id: before.gid, expectedVersion: before.version, name } },
  });
  const response = post(app, body, { token, timeoutMs: 20000 }).then(
    async (res) => ({ status: res.status, body: (await res.json()) as RegionAnswer }),
    (error: unknown) => ({ status: 0, error }),
  );
  expect(await eventually(async () => (await apiSessions(app)).waitingOnLock === 1)).toBe(true);
  return { before, holder, response };
}

test('during the drain /readyz and new requests answer 503; the in-flight mutation finishes and its write is committed', async () => {
  const app = await TestApp.start({ DB_LOCK_TIMEOUT_MS: '20000' });
  const base = app.server.url.replace('/graphql', '');
  try {
    const token = await app.tokenFor('finance.zibo');
    const { before, holder, response } = await blockedRename(app, '车站街道（停机中）');

    const stopping = app.server.stop(15000);
    const started = Date.now();
    const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting down' });
    const refused = await post(app, JSON.stringify({ query: '{ me { user { login } } }' }), { token });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(
      ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1500);
    // Liveness stays up: the process is alive while it drains.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await holder.release();
    const answer = await response;
    expect(answer).toMatchObject({ status: 200 });
    const region = 'body' in answer ? answer.body.data?.updateRegion.region : null;
    expect(region).toEqual({ name: '车站街道（停机中）', rowVersion: before.version + 1 });
    expect(await township(app)).toMatchObject({ name: '车站街道（停机中）', version: before.version + 1 });

    await stopping;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  } finally {
    await app.stop();
  }
});

test('a request still running when SHUTDOWN_GRACE_MS ends is rolled back, and stop does not wait for it', async () => {
  const app = await TestApp.start({ DB_LOCK_TIMEOUT_MS: '20000' });
  try {
    const { before, holder, response } = await blockedRename(app, '车站街道（被切断）');
    const started = Date.now();
    await app.server.stop(500);
    expect(Date.now() - started).toBeLessThan(2500);
    const answer = await response;
    // The client learns that its request did not complete (no success body)…
    expect('body' in answer && answer.body.data?.updateRegion.region).toBeFalsy();
    await holder.release();
    // …and the write was not committed, even though the lock was released afterwards.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await township(app)).toEqual(before);
  } finally {
    await app.stop();
  }
});
