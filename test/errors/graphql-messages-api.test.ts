/**
 * Issue 11 item 4: GraphQL's own refusals — parse, validation, variables, limits, CSRF, HTTP edges —
 * carry a Chinese message too (`extensions.messageZh`), and no message mixes languages: `message` is
 * English (= `extensions.messageEn`), the Chinese travels apart.
 */
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const CJK = /[\u4e00-\u9fff]/;
type Err = { message: string; extensions?: Record<string, unknown> };

/** Every error: one stable code, an English message without Chinese, and its Chinese apart. */
function expectBilingual(errors: Err[] | undefined, code: string, zh: RegExp): void {
  expect(errors?.length).toBeGreaterThan(0);
  const [e] = errors!;
  expect(e.extensions?.code).toBe(code);
  expect(e.message).not.toMatch(CJK);
  expect(e.extensions?.messageEn).toBe(e.message);
  expect(e.extensions?.messageZh).toMatch(CJK);
  expect(e.extensions?.messageZh).toMatch(zh);
}

const ask = (query: string, variables: Record<string, unknown> = {}) =>
  app.gql(query, variables, { as: 'finance.zhangdian' });

test.each([
  ['an unknown field', '{ me { nosuch } }', {}, 'GRAPHQL_VALIDATION_FAILED', /类型 “Me” 没有字段 “nosuch”/],
  ['a missing argument', '{ policy { year } }', {}, 'GRAPHQL_VALIDATION_FAILED', /缺少必填参数 “year”/],
  [
    'a literal of the wrong type',
    '{ policy(year: "x") { year } }',
    {},
    'GRAPHQL_VALIDATION_FAILED',
    /应为整数/,
  ],
  [
    'a variable of the wrong type',
    'query($y: Int!) { policy(year: $y) { year } }',
    { y: 'abc' },
    'BAD_USER_INPUT',
    /变量 “\$y” 的值无效：应为整数/,
  ],
  [
    'a missing variable',
    'query($y: Int!) { policy(year: $y) { year } }',
    {},
    'BAD_USER_INPUT',
    /缺少必填变量 “\$y”/,
  ],
  ['a syntax error', '{ me { user ', {}, 'GRAPHQL_PARSE_FAILED', /语法错误/],
  [
    'an unknown enum value',
    'mutation { createFund(input: { name: "x", year: 2025, budgetBook: NOPE, category: SPECIAL_TRANSFER, allocationMethod: FACTOR, amounts: { upperLevel: "0", ownLevel: "1", lowerLevel: "0" } }) { userErrors { code } } }',
    {},
    'GRAPHQL_VALIDATION_FAILED',
    /NOPE/,
  ],
] as const)(
  '%s: English message, Chinese in extensions.messageZh',
  async (_case, query, variables, code, zh) => {
    const res = await ask(query, variables);
    expectBilingual(res.errors as Err[], code, zh);
  },
);

test('a query over the depth limit (QUERY_TOO_COMPLEX) names the limit in both languages, apart', async () => {
  // Region.parent nested 20 times (Region.children is a connection now): depth 22, over the signed-in limit.
  const deep = `{ region(code: "370303") { ${'parent { '.repeat(20)}code${' }'.repeat(20)} } }`;
  const res = await ask(deep);
  expectBilingual(res.errors as Err[], 'QUERY_TOO_COMPLEX', /查询深度为 22/);
});

test('Apollo CSRF prevention: the refusal has its Chinese too', async () => {
  const res = await fetch(`${app.server.url}?query=${encodeURIComponent('{ __typename }')}`, {
    headers: { origin: 'http://localhost:5173' },
  });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { errors: Err[] };
  expectBilingual(body.errors, 'BAD_REQUEST', /跨站请求伪造/);
});

test('a body that is not JSON: the HTTP edge answers in both languages, apart', async () => {
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query": ',
  });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { errors: Err[] };
  expectBilingual(body.errors, 'BAD_REQUEST', /JSON/);
});
