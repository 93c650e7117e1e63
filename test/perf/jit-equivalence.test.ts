/**
 * Issue 18: queries compiled by graphql-jit (src/app/jit-executor.ts, the default) answer exactly what
 * graphql-js answers — data, and errors with their codes, messages, paths and locations — on the same
 * database, for the shapes the API serves: the city tree of connections, the fund-tree roll-up (DOMAIN §11)
 * with its restricted view (P6), `node(id)` through the Node interface, the BI aggregate, the W2 nested
 * list, a refused field (FORBIDDEN), an object that does not exist; and what jit leaves to graphql-js
 * (variables that do not coerce, mutations) does run there.
 */
import { executions } from '../../src/app/jit-executor';
import { startServer, type RunningServer } from '../../src/app/server';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { servedShapes } from './equivalence-cases';
import { REGION, workedExampleGoal } from '../rollup/fixtures';

let app: TestApp;
let interpreter: RunningServer;
let cityCode: string;
let overall: string;

beforeAll(async () => {
  app = await TestApp.start();
  const config = { ...app.services.config, GRAPHQL_EXECUTOR: 'graphql-js' as const };
  interpreter = await startServer({ ...app.services, config }, '127.0.0.1', 0);
  [{ code: cityCode }] = await app.sql<{ code: string }>(
    `SELECT code FROM region WHERE level = 'CITY' LIMIT 1`,
  );
  overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
});
afterAll(async () => {
  await interpreter.stop(0);
  await app.stop();
});

interface Reply {
  status: number;
  body: { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> };
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const reply: Reply = { status: res.status, body: (await res.json()) as Reply['body'] };
  // Statement counts may differ with the order resolvers run in; the answer may not.
  delete reply.body.extensions;
  return reply;
}

/** The same request to both servers; how many operations the jit server compiled for it. */
async function both(as: string, query: string, variables: Record<string, unknown> = {}) {
  const token = await app.tokenFor(as);
  const before = executions.compiled;
  const jit = await post(app.server.url, token, query, variables);
  const compiled = executions.compiled - before;
  const js = await post(interpreter.url, token, query, variables);
  expect(jit).toEqual(js);
  return { reply: jit, compiled };
}

test('the city tree, the fund tree, the aggregate and the W2 list: same answers, compiled', async () => {
  const cases = servedShapes(cityCode, overall);
  for (const [as, query, variables] of cases) {
    const { reply, compiled } = await both(as, query, variables);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data).not.toBeNull();
    expect(compiled).toBe(1);
  }
});

test('node(id) through the Node interface, a restricted roll-up, a missing object: same answers', async () => {
  const query = `query($id: ID!, $code: String!) {
    node(id: $id) { id __typename ... on PerformanceGoal { name rollUp { total visibility children { total } } } }
    region(code: $code) { id }
  }`;
  for (const as of ['finance.zibo', 'finance.gongyuan', 'unit.chezhan']) {
    const { reply, compiled } = await both(as, query, {
      id: toGlobalId('PerformanceGoal', overall),
      code: '999999999',
    });
    expect(compiled).toBe(1);
    expect((reply.body.data as { region: unknown }).region).toBeNull();
  }
});

test('a refused field: the same FORBIDDEN error, path and locations (P6, 003 第七条)', async () => {
  const { reply, compiled } = await both(
    'unit.chezhan',
    `{ me { region { name } } auditEvents(first: 3) { nodes { id } } }`,
  );
  expect(compiled).toBe(1);
  expect(reply.body.errors).toEqual([
    expect.objectContaining({
      path: ['auditEvents'],
      extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
    }),
  ]);
});

test('variables that do not coerce and mutations run on graphql-js, with the same answers', async () => {
  const badVariable = await both(
    'finance.zibo',
    `query($code: String!, $first: Int) { region(code: $code) { children(first: $first) { nodes { id } } } }`,
    {
      code: cityCode,
      first: 'ten',
    },
  );
  expect(badVariable.compiled).toBe(0);
  expect(badVariable.reply.status).toBe(400);
  expect(badVariable.reply.body.errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
  ]);
  const interpretedBefore = executions.interpreted;
  const login = await both(
    'finance.zibo',
    `mutation { login(input: { login: "nobody", password: "wrong password", tenant: "zibo" }) { token userErrors { code } } }`,
  );
  expect(login.compiled).toBe(0);
  expect(executions.interpreted - interpretedBefore).toBe(1);
});
