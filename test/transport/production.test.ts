import { TestApp } from '../harness/app';
import { post } from './helpers';

// Issue 8 item 7 "Production mode" (NODE_ENV=production): introspection off unless configured, no
// "Did you mean …" suggestions, no stack traces or file paths in any response (bad JSON and 413 answer
// JSON errors), no landing page that loads scripts from the internet.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({
    NODE_ENV: 'production',
    EXPOSE_SQL_COUNT: 'false',
    TOKEN_SECRET: 'production-test-secret-0123456789-abcdefghij',
  });
});
afterAll(async () => app.stop());

type Answer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** Nothing that reveals the server's code: no stack frames, no source paths. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\/src\/|\.ts:\d+|\/work\//);
}

test('introspection is refused', async () => {
  const res = await post(app, JSON.stringify({ query: '{ __schema { types { name } } }' }));
  const body = (await res.json()) as Answer;
  expect(body.data ?? null).toBeNull();
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors?.[0].message).toMatch(/introspection/i);
  expect(body.errors?.[0].extensions?.messageZh).toMatch(/内省/); // issue 11 item 4
});

test('a misspelt field gets no "Did you mean" suggestion', async () => {
  const token = await app.tokenFor('finance.zibo');
  const res = await post(app, JSON.stringify({ query: '{ regionz { totalCount } }' }), { token });
  const body = (await res.json()) as Answer;
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors?.[0].message).toMatch(/regionz/);
  expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
  // issue 11 item 4: the Chinese is there, and suggests nothing either
  expect(body.errors?.[0].extensions?.messageZh).toMatch(/没有字段 “regionz”/);
  expect(JSON.stringify(body)).not.toMatch(/你是否要找/);
});

test('malformed JSON answers a JSON error without stack or file paths', async () => {
  const res = await post(app, '{"query": ');
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const text = await res.text();
  expectNoInternals(text);
  expect((JSON.parse(text) as Answer).errors?.[0].extensions?.code).toBe('BAD_REQUEST');
});

test('a body over the limit answers 413 as JSON', async () => {
  const res = await post(app, JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }));
  expect(res.status).toBe(413);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const text = await res.text();
  expectNoInternals(text);
  expect((JSON.parse(text) as Answer).errors?.[0].extensions?.code).toBe('BAD_REQUEST');
});

test('an unknown path answers a JSON 404', async () => {
  const res = await fetch(app.server.url.replace('/graphql', '/nope'));
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
});

test('a browser opening /graphql gets a page that loads nothing from another host', async () => {
  const res = await fetch(app.server.url, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toMatch(/Jixiao/);
  expect(html).not.toMatch(/<script|https?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
});
