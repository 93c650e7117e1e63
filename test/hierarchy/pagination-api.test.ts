/** Pagination behaviour of a connection (DOMAIN §16): regions of 淄博市 paged forward, backward and by pinyin. */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp, type GraphQLResponse } from '../harness/app';

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

interface Page {
  regions: {
    totalCount: number;
    nodes: { id: string; code: string; name: string }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: RegionOrder) {
  regions(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount nodes { id code name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

async function page(variables: Record<string, unknown>): Promise<Page['regions']> {
  const res: GraphQLResponse<Page> = await app.gql<Page>(PAGE, variables, { as: 'admin.zibo' });
  expect(res.errors).toBeUndefined();
  const regions = res.data?.regions;
  if (!regions) throw new Error(JSON.stringify(res));
  return regions;
}

/** The regions of 淄博市 in the database, in the given SQL order (admin.zibo sees the whole tenant). */
async function ziboRegions(order: string): Promise<string[]> {
  const rows = await app.sql<{ id: string }>(
    `SELECT r.id FROM region r JOIN region city ON city.tenant_id = r.tenant_id AND city.code = '370300'
      ORDER BY ${order}`,
  );
  return rows.map((r) => toGlobalId('Region', r.id));
}

describe('pagination behaviour (DOMAIN §16)', () => {
  test('first/after pages do not overlap and cover the tenant; last/before walks back the same order', async () => {
    const expected = await ziboRegions('r.code, r.id');
    expect(expected.length).toBeGreaterThan(6);

    const forward: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const p = await page({ first: 3, after });
      pages += 1;
      // totalCount counts the filter, not the page.
      expect(p.totalCount).toBe(expected.length);
      expect(p.nodes.length).toBeLessThanOrEqual(3);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const n of p.nodes) expect(forward).not.toContain(n.id);
      forward.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      expect(p.nodes).toHaveLength(3);
      after = p.pageInfo.endCursor;
      expect(pages).toBeLessThan(50);
    }
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(forward).toEqual(expected);
    expect(new Set(forward).size).toBe(forward.length);

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p = await page({ last: 3, before });
      expect(p.nodes.length).toBeLessThanOrEqual(3);
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      backward.unshift(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
      expect(backward.length).toBeLessThan(expected.length + 3);
    }
    expect(backward).toEqual(expected);
  });

  test('orderBy NAME DESC is sorted by pinyin (zh_pinyin collation), and pages continue the order', async () => {
    const expected = await ziboRegions('r.name COLLATE zh_pinyin DESC, r.id DESC');
    const first = await page({ first: 5, orderBy: { field: 'NAME', direction: 'DESC' } });
    const second = await page({
      first: 5,
      after: first.pageInfo.endCursor,
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(expected.slice(0, 10));
    const ascending = await ziboRegions('r.name COLLATE zh_pinyin ASC, r.id ASC');
    expect(expected).toEqual(ascending.slice().reverse());
    // Names really descend by pinyin (DOMAIN §16, issue 11 item 8) from one item to the next.
    const names = [...first.nodes, ...second.nodes].map((n) => n.name);
    const [{ sorted }] = await app.sql<{ sorted: boolean }>(
      `SELECT bool_and(a COLLATE zh_pinyin >= b COLLATE zh_pinyin) AS sorted FROM unnest($1::text[], $2::text[]) AS t(a, b)`,
      [names.slice(0, -1), names.slice(1)],
    );
    expect(sorted).toBe(true);
  });
});
