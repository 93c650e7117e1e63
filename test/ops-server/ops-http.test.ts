import { startServer } from '../../src/app/server';
import { TestApp } from '../harness/app';

// Issue 16 "Ready for the people who deploy and operate it": the server-side parts that need no browser.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ CORS_ORIGINS: 'http://localhost:5173' });
});
afterAll(async () => {
  await app.stop();
});

const base = () => app.server.url.replace('/graphql', '');

/** Scrapes /metrics and returns the value of one sample (name and labels as written by prom-client). */
async function sample(text: string, series: string): Promise<number> {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in:\n${text.slice(0, 2000)}`);
  return Number(line.slice(series.length + 1));
}

describe('listening and the index', () => {
  // Issue 16 "Listening": `localhost` resolves to ::1 first on dual-stack machines; both loopbacks answer.
  test('the default HOST listens on 127.0.0.1 and ::1 with one port', async () => {
    const server = await startServer(app.services, '127.0.0.1,::1', 0);
    try {
      expect(server.hosts).toEqual(['127.0.0.1', '::1']);
      const port = new URL(server.url).port;
      expect(server.url).toBe(`http://localhost:${port}/graphql`);
      for (const host of ['127.0.0.1', '[::1]']) {
        const res = await fetch(`http://${host}:${port}/healthz`);
        expect(await res.json()).toEqual({ status: 'ok' });
      }
    } finally {
      await server.stop();
    }
  });

  // Issue 16 "Listening": `/` points to the IDE and the health endpoints instead of "Cannot GET /".
  test('/ answers JSON (or a page for a browser) naming the endpoints', async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      graphql: '/graphql',
      ide: '/graphql',
      health: '/healthz',
      readiness: '/readyz',
      metrics: '/metrics',
    });
    const page = await fetch(`${base()}/`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/href="\/healthz"/);
  });
});

describe('CORS', () => {
  // Issue 16 "CORS": the preflight of an allowed origin gets the Access-Control-* headers a browser needs.
  test('a preflight from an allowed origin is answered with credentials and headers', async () => {
    const res = await fetch(app.server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const post = await fetch(app.server.url, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  test('another origin gets no Access-Control-* header', async () => {
    const res = await fetch(app.server.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.localhost:8080', 'access-control-request-method': 'POST' },
    });
    expect([...res.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  test('Apollo CSRF prevention still refuses a simple cross-site GET without a preflight header', async () => {
    const res = await fetch(`${app.server.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(res.status).toBe(400);
  });
});

describe('metrics', () => {
  // Issue 16 "Metrics": requests by operation and outcome, latency, SQL per request, pool, memory.
  test('/metrics counts requests by operation and outcome, SQL statements and pool usage', async () => {
    const before = await (await fetch(`${base()}/metrics`)).text();
    const okBefore = await sample(before, 'jixiao_graphql_requests_total{operation="Me",outcome="ok"}').catch(
      () => 0,
    );
    for (let i = 0; i < 3; i += 1) {
      const res = await app.gql('query Me { me { user { login } } }', {}, { as: 'finance.zibo' });
      expect(res.errors).toBeUndefined();
    }
    await app.gql('query Regions { regions { totalCount } }'); // anonymous: UNAUTHENTICATED
    const res = await fetch(`${base()}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(await sample(text, 'jixiao_graphql_requests_total{operation="Me",outcome="ok"}')).toBe(
      okBefore + 3,
    );
    expect(
      await sample(text, 'jixiao_graphql_requests_total{operation="Regions",outcome="UNAUTHENTICATED"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await sample(text, 'jixiao_graphql_request_duration_seconds_count{operation="Me",outcome="ok"}'),
    ).toBe(okBefore + 3);
    // Each `me` opens a transaction: BEGIN, the tenant setting, the read(s), COMMIT.
    expect(
      await sample(text, 'jixiao_sql_statements_per_request_sum{operation="Me"}'),
    ).toBeGreaterThanOrEqual(3 * (okBefore + 3));
    expect(await sample(text, 'jixiao_sql_seconds_per_request_sum{operation="Me"}')).toBeGreaterThan(0);
    expect(await sample(text, 'jixiao_db_pool_connections{state="max"}')).toBe(4);
    expect(await sample(text, 'jixiao_db_pool_connections{state="waiting"}')).toBe(0);
    // Issue 18 (W4): requests take turns for the pool (src/app/admission.ts): as many as the pool's 4 at once;
    // /metrics itself takes none, so none is running or waiting while it answers.
    expect(await sample(text, 'jixiao_requests{state="max"}')).toBe(4);
    expect(await sample(text, 'jixiao_requests{state="running"}')).toBe(0);
    expect(await sample(text, 'jixiao_requests{state="waiting"}')).toBe(0);
    for (const reason of ['queue_full', 'stalled', 'waited_too_long', 'shutting_down'])
      expect(await sample(text, `jixiao_requests_refused_total{reason="${reason}"}`)).toBe(0);
    expect(text).toMatch(/^jixiao_rollup_cache_lookups_total\{result="hit"\} \d+$/m);
    expect(text).toMatch(/^jixiao_aggregate_cache_lookups_total\{result="miss"\} \d+$/m);
    // Reused from the database (src/reporting/kept-answers.ts).
    expect(text).toMatch(/^jixiao_aggregate_cache_lookups_total\{result="kept"\} \d+$/m);
    expect(await sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
  });
});

describe('production defaults', () => {
  // Issue 16: in production the IDE and /metrics are off unless enabled; CORS allows no origin.
  test('no IDE, no /metrics, no CORS origin unless configured', async () => {
    const prod = await TestApp.start({
      NODE_ENV: 'production',
      EXPOSE_SQL_COUNT: 'false',
      TOKEN_SECRET: 'x'.repeat(40),
    });
    try {
      const root = prod.server.url.replace('/graphql', '');
      expect((await fetch(`${root}/metrics`)).status).toBe(404);
      expect((await fetch(`${root}/ide/graphiql.min.js`)).status).toBe(404);
      const page = await (await fetch(prod.server.url, { headers: { accept: 'text/html' } })).text();
      expect(page).not.toMatch(/<script/);
      const pre = await fetch(prod.server.url, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
      });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await prod.stop();
    }
  });

  test('METRICS_TOKEN protects /metrics', async () => {
    const other = await TestApp.start({ METRICS_TOKEN: 'metrics-token-0123456789' });
    try {
      const url = other.server.url.replace('/graphql', '/metrics');
      expect((await fetch(url)).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: 'Bearer metrics-token-0123456789' } });
      expect(ok.status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
