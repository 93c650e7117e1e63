import { TestApp } from './harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const base = () => app.server.url.replace('/graphql', '');

describe('HTTP service', () => {
  test('/healthz answers while the process is up', async () => {
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('/readyz answers 200 while the database is reachable', async () => {
    const res = await fetch(`${base()}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  test('every response carries a request id, taken from the caller when well-formed', async () => {
    const given = await fetch(`${base()}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(`${base()}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a protected field without a token is UNAUTHENTICATED, in both languages', async () => {
    const res = await app.gql('{ regions { totalCount } }');
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(res.errors?.[0].extensions?.messageZh).toMatch(/登录/);
    expect(res.errors?.[0].extensions?.messageEn).toMatch(/sign in/);
  });

  // Issue 8 item 7: Apollo's landing page loads scripts from a CDN; a browser gets a local page instead.
  test('a browser opening /graphql gets a local page, not a CDN landing page', async () => {
    const res = await fetch(app.server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/GraphQL/);
    // Issue 16: outside production it is the self-hosted IDE, whose scripts come from this server only.
    expect(html).not.toMatch(/https?:\/\//i);
    expect([...html.matchAll(/<script src="([^"]+)"/g)].every(([, src]) => src.startsWith('/ide/'))).toBe(
      true,
    );
  });

  test('introspection is on outside production (INTROSPECTION unset)', async () => {
    const res = await app.gql<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
    );
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });

  test('a malformed query is a GraphQL validation error, not an internal one', async () => {
    const res = await app.gql('{ regions { nope } }', {}, { as: 'finance.zibo' });
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('graceful shutdown', () => {
  // Issue 8 item 6: readiness and new requests answer 503 at once (the port stays open for the drain).
  test('once shutdown begins, /readyz and new requests answer 503 while liveness stays up', async () => {
    const other = await TestApp.start();
    try {
      other.server.beginShutdown();
      const ready = await fetch(other.server.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'shutting down' });
      const res = await other.gql('{ me { user { login } } }');
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
      expect((await fetch(other.server.url.replace('/graphql', '/healthz'))).status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  test('after stop, the port no longer accepts connections', async () => {
    const other = await TestApp.start();
    const url = other.server.url.replace('/graphql', '/healthz');
    await other.stop();
    await expect(fetch(url)).rejects.toThrow();
  });
});
