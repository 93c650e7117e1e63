/**
 * The anonymous disclosure lists page by keyset (issue 11 item 7; DOMAIN §16 cursor pagination; DOMAIN §14):
 * `publicGoals` is a connection read through `disclosure_public_goals`, which pages after the (name in pinyin
 * order, id) of the last item seen (migration 1763893000000); `totalCount` is counted by
 * `disclosure_public_goal_count`. A page is at most 100, a forged cursor is refused before any SQL.
 */
import { TestApp } from '../harness/app';
import { disclose, goalGid, OVERALL_GOAL, PROJECT_GOAL, PUBLISH, uuidOf } from './fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

interface Page {
  publicGoals: {
    totalCount: number;
    nodes: { id: string; name: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}
const GOALS = `query($code: String!, $first: Int, $after: String) {
  publicGoals(regionCode: $code, year: 2025, first: $first, after: $after) {
    totalCount nodes { id name } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

test('published goals come a page at a time, anonymously: the pages are the whole list, in pinyin order (DOMAIN §14, §16)', async () => {
  const ids = await Promise.all([PROJECT_GOAL, OVERALL_GOAL].map((n) => goalGid(app, n)));
  for (const subjectId of ids) {
    const { payload, errors } = await disclose(
      app,
      PUBLISH,
      { subjectId, on: '2025-03-01' },
      'transport.zhangdian',
    );
    expect([errors, payload?.userErrors]).toEqual([[], []]);
  }
  const [region] = await app.sql<{ code: string }>(
    `SELECT r.code FROM region r JOIN performance_goal g ON g.region_id = r.id WHERE g.id = $1`,
    [uuidOf(ids[0])],
  );
  const whole = await app.gql<Page>(GOALS, { code: region.code, first: 100 });
  expect(whole.errors).toBeUndefined();
  const all = whole.data!.publicGoals.nodes;
  expect(whole.data!.publicGoals.totalCount).toBe(all.length);
  expect(all.map((g) => g.id)).toContain(ids[0]);
  expect(all.length).toBeGreaterThan(1); // more than one page of one

  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i += 1) {
    const res: { data?: Page; errors?: unknown[] } = await app.gql<Page>(GOALS, {
      code: region.code,
      first: 1,
      after,
    });
    expect(res.errors).toBeUndefined();
    const page = res.data!.publicGoals;
    expect(page.nodes.length).toBeLessThanOrEqual(1);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...page.nodes.map((g) => g.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(all.map((g) => g.id));
  expect(seen.length).toBe(whole.data!.publicGoals.totalCount);
});

test('a forged cursor and a page over 100 are refused as bad input, anonymously too (DOMAIN §16)', async () => {
  const forged = Buffer.from(JSON.stringify(['x', 'not-a-uuid']), 'utf8').toString('base64url');
  const bad = await app.gql<Page>(GOALS, { code: '370303', after: forged });
  expect(bad.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['BAD_USER_INPUT', ['publicGoals']]]);
  const big = await app.gql<Page>(GOALS, { code: '370303', first: 101 });
  expect(big.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});

test('the SQL functions page by keyset, not by offset, and are executable by the API role only (migration 1763893000000)', async () => {
  const rows = await app.sql<{ sig: string; def: string }>(
    `SELECT p.oid::regprocedure::text AS sig, pg_get_functiondef(p.oid) AS def FROM pg_proc p
      WHERE p.proname LIKE 'disclosure_public_%' ORDER BY 1`,
  );
  expect(rows.map((r) => r.sig)).toEqual([
    'disclosure_public_evaluation_count(text,integer)',
    'disclosure_public_evaluations(text,integer,integer,text,uuid)',
    'disclosure_public_goal_count(text,integer)',
    'disclosure_public_goals(text,integer,integer,text,uuid)',
    'disclosure_public_results(text,integer)',
  ]);
  for (const r of rows) expect(r.def).not.toMatch(/OFFSET/i);
});
