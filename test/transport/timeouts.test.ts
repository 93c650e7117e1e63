import { connect, createServer, type Server, type Socket } from 'node:net';
import pino from 'pino';
import { startServer, type RunningServer } from '../../src/app/server';
import type { AppServices } from '../../src/common/request-context';
import { LoginThrottle } from '../../src/auth/login-throttle';
import { TokenService } from '../../src/auth/token.service';
import { parseConfig } from '../../src/config/config';
import { createDataSource, dbTimeouts } from '../../src/db/data-source';
import { TestApp } from '../harness/app';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { TEST_TOKEN_SECRET } from '../harness/env';
import { apiSessions, eventually, lockHolder, post } from './helpers';

// Issue 8 item 5 "Timeouts": a held lock or an exhausted pool makes requests fail fast with a clear,
// retryable code, and /readyz answers 503 quickly instead of hanging.

const LIMITS = { DB_LOCK_TIMEOUT_MS: '1500', DB_POOL_ACQUIRE_TIMEOUT_MS: '700', READINESS_TIMEOUT_MS: '400' };
const ME = JSON.stringify({ query: '{ me { user { login } } }' });

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start(LIMITS);
});
afterAll(async () => app.stop());

type Answer = { data?: unknown; errors?: { extensions: Record<string, unknown> }[] };
const readyz = () =>
  fetch(app.server.url.replace('/graphql', '/readyz'), { signal: AbortSignal.timeout(3000) });

describe('a held table lock', () => {
  test('fails the request with TIMEOUT and a retry hint after DB_LOCK_TIMEOUT_MS, not after the lock', async () => {
    const token = await app.tokenFor('finance.zibo');
    const holder = await lockHolder(app);
    try {
      await holder.query('LOCK TABLE region IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const res = await post(app, ME, { token, timeoutMs: 5000 });
      const elapsed = Date.now() - started;
      const body = (await res.json()) as Answer;
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'TIMEOUT', retryAfterSeconds: 2 });
      expect(elapsed).toBeGreaterThanOrEqual(1400);
      expect(elapsed).toBeLessThan(3500);
      // Other work does not wait for the lock: readiness still answers at once.
      expect((await readyz()).status).toBe(200);
    } finally {
      await holder.release();
    }
    expect(((await (await post(app, ME, { token })).json()) as Answer).errors).toBeUndefined();
    expect((await apiSessions(app)).idleInTransaction).toBe(0);
  });
});

describe('an exhausted pool', () => {
  test('/readyz answers 503 at once, and a request waiting for a connection gets SERVICE_UNAVAILABLE', async () => {
    const token = await app.tokenFor('finance.zibo');
    const holder = await lockHolder(app);
    let blocked: Promise<unknown>[] = [];
    try {
      await holder.query('LOCK TABLE region IN ACCESS EXCLUSIVE MODE');
      // The test pool has 4 connections: 4 requests stuck on the lock hold all of them.
      blocked = Array.from({ length: 4 }, () => post(app, ME, { token }).then((r) => r.json()));
      expect(await eventually(async () => (await apiSessions(app)).waitingOnLock === 4)).toBe(true);

      const started = Date.now();
      const ready = await readyz();
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'busy' });
      expect(Date.now() - started).toBeLessThan(500);

      const waiting = Date.now();
      const res = await post(app, ME, { token });
      expect(Date.now() - waiting).toBeLessThan(1400);
      expect(res.status).toBe(503);
      const body = (await res.json()) as Answer;
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: 5,
      });
    } finally {
      await holder.release();
    }
    await Promise.all(blocked);
    expect((await readyz()).status).toBe(200);
  });
});

/** A TCP endpoint that forwards to PostgreSQL until `blackhole()`, then accepts and never answers. */
async function switchableProxy(
  target: URL,
): Promise<{ port: number; blackhole: () => void; close: () => void }> {
  let open = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (!open) return;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    blackhole: () => {
      open = false;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe('an unreachable database', () => {
  let db: TestDatabase;
  let services: AppServices;
  let server: RunningServer;
  let proxy: Awaited<ReturnType<typeof switchableProxy>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const url = new URL(db.appUrl);
    proxy = await switchableProxy(new URL(db.appUrl));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...LIMITS });
    const dataSource = createDataSource(url.toString(), 4, dbTimeouts(config));
    await dataSource.initialize();
    services = {
      config,
      dataSource,
      logger: pino({ level: 'silent' }),
      tokens: new TokenService(TEST_TOKEN_SECRET, config.TOKEN_TTL),
      loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
    };
    server = await startServer(services, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await server.stop();
    await services.dataSource.destroy().catch(() => undefined);
    proxy.close();
    await db.drop();
  });

  test('/readyz answers 503 within READINESS_TIMEOUT_MS when the database stops answering', async () => {
    const url = server.url.replace('/graphql', '/readyz');
    expect((await fetch(url)).status).toBe(200);
    proxy.blackhole();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the pool drops its dead connections
    const started = Date.now();
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'database unreachable' });
    expect(Date.now() - started).toBeLessThan(900);
  });
});
