/**
 * Issue 8 item 16: per-caller rate limiting by cost, a leaky bucket (as GitHub's and Shopify's GraphQL
 * APIs): RATE_LIMITED with a retry-after hint, and the remaining budget in `extensions`. Small buckets
 * via the environment.
 */
import { LeakyBucket } from '../../src/app/limits/leaky-bucket';
import { TestApp } from '../harness/app';

const BUCKET = 250;
const LEAK = 20;
const ANONYMOUS_BUCKET = 2000;

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({
    RATE_LIMIT_BUCKET: String(BUCKET),
    RATE_LIMIT_LEAK_PER_SECOND: String(LEAK),
    RATE_LIMIT_BUCKET_ANONYMOUS: String(ANONYMOUS_BUCKET),
    RATE_LIMIT_LEAK_PER_SECOND_ANONYMOUS: '1',
  });
  // Sign in first: sign-ins are anonymous requests and spend from the address's bucket too.
  for (const login of ['finance.zhangdian', 'transport.zhangdian', 'admin.zhangdian'])
    await app.tokenFor(login);
});
afterAll(async () => app.stop());

interface Reply {
  status: number;
  retryAfter: string | null;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions: {
    cost: { requested: number | null; limit: number };
    rateLimit: { limit: number; remaining: number; resetAfterSeconds: number };
  };
}

async function send(query: string, login?: string, variables: Record<string, unknown> = {}): Promise<Reply> {
  const token = login ? await app.tokenFor(login) : undefined;
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    ...((await res.json()) as object),
  } as Reply;
}

const page = (first: number) => `{ regions(first: ${first}) { nodes { code } } }`;

test('each request spends its cost; beyond the bucket: RATE_LIMITED, 429 and a retry-after hint', async () => {
  const first = await send(page(100), 'finance.zhangdian');
  expect(first.errors).toBeUndefined();
  const cost = first.extensions.cost.requested!;
  expect(first.extensions.rateLimit.limit).toBe(BUCKET);
  expect(first.extensions.rateLimit.remaining).toBeLessThanOrEqual(BUCKET - cost);
  expect(first.extensions.rateLimit.remaining).toBeGreaterThan(BUCKET - 2 * cost);

  const second = await send(page(100), 'finance.zhangdian');
  expect(second.errors).toBeUndefined();
  expect(second.extensions.rateLimit.remaining).toBeLessThan(first.extensions.rateLimit.remaining);

  const third = await send(page(100), 'finance.zhangdian');
  expect(third.status).toBe(429);
  expect(third.data ?? null).toBeNull();
  const ext = third.errors![0].extensions!;
  expect(ext.code).toBe('RATE_LIMITED');
  expect(ext.retryAfterSeconds as number).toBeGreaterThanOrEqual(1);
  expect(third.retryAfter).toBe(String(ext.retryAfterSeconds));
  expect(third.extensions.rateLimit.remaining).toBeLessThan(cost);
  expect(third.extensions.cost.requested).toBe(cost);

  // Per user: another user of the same organization still has a full bucket.
  const other = await send(page(100), 'transport.zhangdian');
  expect(other.errors).toBeUndefined();
  expect(other.extensions.rateLimit.remaining).toBeGreaterThan(BUCKET - 2 * cost);
});

test('a rate-limited mutation writes nothing; after the hinted wait it goes through', async () => {
  const zhangdian = await send(`{ region(code: "370303") { id } }`, 'admin.zhangdian');
  const parentId = (zhangdian.data as { region: { id: string } }).region.id;
  // Leave a few points only (each page of k regions costs 1 + k: list items, not scalars, cost).
  let remaining = zhangdian.extensions.rateLimit.remaining;
  while (remaining > 10) {
    const spent = await send(page(Math.min(100, Math.floor((remaining - 8) / 2))), 'admin.zhangdian');
    expect(spent.errors).toBeUndefined();
    remaining = spent.extensions.rateLimit.remaining;
  }

  const create = `mutation($input: CreateRegionInput!) {
    createRegion(input: $input) { region { id code name } userErrors { code field message messageEn principle } } }`;
  const input = { parentId, level: 'TOWNSHIP', name: '新华街道', code: '370303010' };
  const before = await app.tableDigests();
  const refused = await send(create, 'admin.zhangdian', { input });
  expect(refused.status).toBe(429);
  expect(refused.errors![0].extensions!.code).toBe('RATE_LIMITED');
  expect(await app.tableDigests()).toEqual(before);

  await new Promise((r) => setTimeout(r, Number(refused.retryAfter) * 1000 + 100));
  const created = await send(create, 'admin.zhangdian', { input });
  expect(created.errors).toBeUndefined();
  const rows = await app.sql(`SELECT name FROM region WHERE code = '370303010'`);
  expect(rows).toEqual([{ name: '新华街道' }]);
});

test('anonymous callers share a smaller bucket per client address, apart from users', async () => {
  const query = `{ __schema { types { name } } }`;
  let reply = await send(query);
  expect(reply.extensions.rateLimit.limit).toBe(ANONYMOUS_BUCKET);
  for (let i = 0; i < 50 && !reply.errors; i += 1) reply = await send(query);
  expect(reply.errors![0].extensions!.code).toBe('RATE_LIMITED');
  expect(reply.status).toBe(429);
  const signedIn = await send(`{ region(code: "370303") { code } }`, 'transport.zhangdian');
  expect(signedIn.errors).toBeUndefined();
});

test('the bucket leaks at its rate; a cost that does not fit is refused without being poured in', () => {
  let now = 0;
  const bucket = new LeakyBucket(100, 10, () => now);
  expect(bucket.spend('u', 60)).toMatchObject({ allowed: true, remaining: 40, resetAfterSeconds: 6 });
  const refused = bucket.spend('u', 50);
  // 60 + 50 overflows 100 by 10 points: one second of leaking.
  expect(refused).toMatchObject({ allowed: false, remaining: 40, retryAfterSeconds: 1 });
  now = 1000;
  expect(bucket.peek('u')).toMatchObject({ remaining: 50 });
  expect(bucket.spend('u', 50)).toMatchObject({ allowed: true, remaining: 0 });
  expect(bucket.spend('v', 100)).toMatchObject({ allowed: true, remaining: 0 });
});
