/**
 * Lists under one parent are connections (issue 11 item 7; DOMAIN §16 cursor pagination): a region's
 * children, descendants and organizations page with first/after, count with totalCount, and refuse a
 * bad cursor as bad input on its argument.
 */
import { useTestApp, type Connection } from '../harness/app';

const app = useTestApp();

type Page = Connection<{ code: string }>;

const CHILDREN = `query($after: String) { region(code: "370303") {
  children(first: 2, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } } }`;

test('a region’s children are walked page by page, in code order, every township once', async () => {
  const expected = await app.sql<{ code: string }>(
    `SELECT c.code FROM region c JOIN region d ON d.id = c.parent_id AND d.code = '370303' ORDER BY c.code`,
  );
  expect(expected.length).toBeGreaterThan(2);
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < expected.length; i += 1) {
    const res = await app.gql<{ region: { children: Page } }>(
      CHILDREN,
      { after },
      { as: 'finance.zhangdian' },
    );
    expect(res.errors).toBeUndefined();
    const page: Page = res.data!.region.children;
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.length).toBeLessThanOrEqual(2);
    seen.push(...page.nodes.map((n) => n.code));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(expected.map((e) => e.code));
});

test('descendants and organizations are connections too, counted in full', async () => {
  const [{ n }] = await app.sql<{ n: string }>(
    `SELECT count(*) AS n FROM region t JOIN region d ON t.path LIKE d.path || '_%' AND d.code = '370303'`,
  );
  const [{ o }] = await app.sql<{ o: string }>(
    `SELECT count(*) AS o FROM organization o JOIN region r ON r.id = o.region_id AND r.code = '370303'`,
  );
  const res = await app.gql<{
    region: {
      descendants: { totalCount: number; nodes: unknown[] };
      organizations: { totalCount: number; nodes: unknown[] };
    };
  }>(
    `{ region(code: "370303") { descendants(first: 1) { totalCount nodes { code } }
        organizations(first: 1) { totalCount nodes { name } } } }`,
    {},
    { as: 'finance.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.region.descendants).toMatchObject({ totalCount: Number(n) });
  expect(res.data!.region.descendants.nodes).toHaveLength(1);
  expect(res.data!.region.organizations).toMatchObject({ totalCount: Number(o) });
  expect(res.data!.region.organizations.nodes).toHaveLength(1);
});

test('a forged cursor is BAD_USER_INPUT on `after`, with a bilingual message', async () => {
  const res = await app.gql(CHILDREN, { after: 'forged' }, { as: 'finance.zhangdian' });
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  expect(res.errors?.[0].extensions?.messageZh).toBe('分页游标无效');
});
