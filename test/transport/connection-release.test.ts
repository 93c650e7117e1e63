import { TestApp } from '../harness/app';
import { apiSessions, eventually, lockHolder, post, township, UPDATE_REGION } from './helpers';

// Issue 8 item 1 "Connection leak on malformed requests": every path that opens a connection releases
// it — on success, on a GraphQL error, on a body Apollo refuses before execution, on a client that
// disconnects.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const ME = '{ me { user { login } } }';
const MALFORMED = [
  JSON.stringify([{ query: ME }]), // a batched array
  JSON.stringify({ query: ME, variables: '{}' }), // variables as a JSON string
  '{}',
  JSON.stringify({ query: ME, extensions: 'x' }),
  '{"query": ', // not JSON at all
];

describe('malformed requests', () => {
  test('50 malformed requests, signed in or not, leave no connection idle in transaction and every request still answers', async () => {
    const token = await app.tokenFor('finance.zibo');
    for (let i = 0; i < 50; i += 1) {
      const res = await post(app, MALFORMED[i % MALFORMED.length], {
        token: i % 2 === 0 ? token : undefined,
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    // Released before (or right after) each response: nothing is left open in PostgreSQL.
    expect(await eventually(async () => (await apiSessions(app)).idleInTransaction === 0)).toBe(true);

    // The pool (4 connections in tests) still serves: more requests than connections, in parallel.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        post(app, JSON.stringify({ query: ME }), { token, timeoutMs: 5000 }).then(
          (r) => r.json() as Promise<{ data?: { me: { user: { login: string } } } }>,
        ),
      ),
    );
    for (const answer of answers) expect(answer.data?.me.user.login).toBe('finance.zibo');
    const ready = await fetch(app.server.url.replace('/graphql', '/readyz'), {
      signal: AbortSignal.timeout(3000),
    });
    expect(ready.status).toBe(200);
    // A new sign-in works too (the login mutation opens its own transaction).
    expect(await app.tokenFor('admin.zibo')).toEqual(expect.any(String));
    expect((await apiSessions(app)).idleInTransaction).toBe(0);
  });
});

describe('client disconnect', () => {
  test('a client that disconnects mid-mutation: the connection is released and the write is rolled back', async () => {
    const before = await township(app);
    const token = await app.tokenFor('admin.zhangdian');
    // The owner holds the row, so the mutation waits inside its transaction.
    const holder = await lockHolder(app);
    await holder.query(`SELECT 1 FROM region WHERE code = '370303001' FOR UPDATE`);
    const abort = new AbortController();
    const sent = post(
      app,
      JSON.stringify({
        query: UPDATE_REGION,
        variables: { input: { id: before.gid, expectedVersion: before.version, name: '车站街道（断开）' } },
      }),
      { token, signal: abort.signal },
    ).catch((error: unknown) => error);
    expect(await eventually(async () => (await apiSessions(app)).waitingOnLock === 1)).toBe(true);

    abort.abort();
    expect(await sent).toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the server sees the socket close
    await holder.release();

    // The mutation then runs to its end, but its client is gone: rolled back, connection back in the pool.
    const released = await eventually(async () => {
      const [row] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE usename = 'jixiao_app' AND datname = current_database() AND state <> 'idle'`,
      );
      return row.n === 0;
    });
    expect(released).toBe(true);
    const after = await township(app);
    expect(after).toEqual(before);
  });
});
