import { TestApp } from '../harness/app';
import { apiSessions, post } from '../transport/helpers';

// Issue 8 "Done when": the attacks of the review, run together against one real server on loopback,
// bounded in count and time. After all of them the service still answers every tenant, /readyz says
// ready, no connection is left idle in transaction, and nothing was written.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const ME = '{ me { user { login } } }';

/** `region(code) { children { nodes { children … } } }` nested `levels` times (issue 8 item 2; a connection, issue 11 item 7). */
function nestedRegions(levels: number): string {
  let inner = 'code';
  for (let i = 0; i < levels; i += 1) inner = i % 2 ? `children { ${inner} }` : `nodes { ${inner} }`;
  return `{ region(code: "370303") { ${inner} } }`;
}

test('every attack of the review is refused quickly, and the service stays up for everybody', async () => {
  const started = Date.now();
  const before = await app.tableDigests();
  const token = await app.tokenFor('unit.gongyuan');
  const codes: string[] = [];
  const code = async (res: Response) =>
    ((await res.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ??
    'none';

  // 1. Malformed bodies that used to leak a connection each, signed in.
  for (const body of [
    JSON.stringify([{ query: ME }]),
    JSON.stringify({ query: ME, variables: '{}' }),
    '{}',
  ]) {
    for (let i = 0; i < 10; i += 1) codes.push(await code(await post(app, body, { token })));
  }
  // 2. Deep nesting (16 and 50 levels) signed in; 1,000 aliased introspections without a token.
  for (const levels of [16, 50])
    codes.push(await code(await post(app, JSON.stringify({ query: nestedRegions(levels) }), { token })));
  const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __schema { types { name } }`).join(' ');
  codes.push(await code(await post(app, JSON.stringify({ query: `{ ${aliases} }` }))));
  // 3. Aliased sign-ins (one per request) and a flood of wrong passwords for another user's login.
  const logins = Array.from(
    { length: 6 },
    (_, i) =>
      `l${i}: login(input: { login: "finance.zibo", tenant: "370300", password: "wrong-${i}" }) { token }`,
  ).join(' ');
  codes.push(await code(await post(app, JSON.stringify({ query: `mutation { ${logins} }` }))));
  for (let i = 0; i < 8; i += 1) {
    await post(
      app,
      JSON.stringify({
        query: `mutation { login(input: { login: "finance.zibo", tenant: "370300", password: "wrong-${i}" }) { token } }`,
      }),
    );
  }

  expect(codes.filter((c) => c === 'BAD_REQUEST')).toHaveLength(30);
  expect(codes.slice(30, 33)).toEqual(['QUERY_TOO_COMPLEX', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_COMPLEX']);
  // The whole barrage is refused fast (no request ran its work).
  expect(Date.now() - started).toBeLessThan(30_000);

  // Still up: other tenants and users are served, readiness is fine, the pool is clean.
  expect((await app.gql(ME, {}, { as: 'admin.rizhao' })).data).toEqual({
    me: { user: { login: 'admin.rizhao' } },
  });
  expect((await app.gql(ME, {}, { as: 'transport.zhangdian' })).errors).toBeUndefined();
  const ready = await fetch(app.server.url.replace('/graphql', '/readyz'), {
    signal: AbortSignal.timeout(3000),
  });
  expect(ready.status).toBe(200);
  expect((await apiSessions(app)).idleInTransaction).toBe(0);
  expect(await app.tableDigests()).toEqual(before);
});
