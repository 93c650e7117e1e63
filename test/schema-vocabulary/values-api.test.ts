/**
 * Issue 11 items 7–8 through the API on a migrated database: names sorted by pinyin (the `zh_pinyin`
 * ICU collation of migration 1763884000000) across pages, list filters that take lists (and still a
 * single value), and money served with two decimals. Runs on the service PostgreSQL (DATABASE_URL) and
 * on the embedded PostgreSQL 17 of `npm test`.
 */
import { useTestApp, type Connection } from '../harness/app';
import { regionGid } from '../harness/ids';

const app = useTestApp();

type Page = Connection<{ name: string; level?: string; status?: string }>;

const ERRORS = 'userErrors { code field message messageEn }';
const CREATE_REGION = `mutation($input: CreateRegionInput!) { createRegion(input: $input) { region { id name } ${ERRORS} } }`;
const REGIONS = `query($filter: RegionFilter, $dir: SortDirection!, $first: Int, $after: String) {
  regions(filter: $filter, orderBy: { field: NAME, direction: $dir }, first: $first, after: $after) {
    totalCount nodes { name level } pageInfo { hasNextPage endCursor } } }`;

async function regions(
  filter: Record<string, unknown>,
  dir = 'ASC',
  first = 100,
  after: string | null = null,
) {
  const res = await app.gql<{ regions: Page }>(REGIONS, { filter, dir, first, after }, { as: 'admin.zibo' });
  expect(res.errors).toBeUndefined();
  return res.data!.regions;
}

// Code-point order would be 上海 (U+4E0A) < 北京 (U+5317) < 淄博 (U+6DC4); pinyin order is
// běijīng < shànghǎi < zībó.
const PINYIN = ['北京测序街道', '上海测序街道', '淄博测序街道'];

describe('names sort by pinyin (issue 11 item 8)', () => {
  beforeAll(async () => {
    const parentId = await regionGid(app, '370303');
    // created in code-point order, so neither insertion nor code order gives the pinyin order
    for (const [i, name] of [PINYIN[1], PINYIN[0], PINYIN[2]].entries()) {
      const res = await app.gql<{ createRegion: { region: unknown; userErrors: unknown[] } }>(
        CREATE_REGION,
        { input: { parentId, level: 'TOWNSHIP', code: `37030390${i}`, name } },
        { as: 'admin.zhangdian' },
      );
      expect(res.data?.createRegion.userErrors).toEqual([]);
    }
  });

  test('the collation exists and orders 北京 < 上海 < 淄博, unlike code points', async () => {
    // ICU on both the service PostgreSQL 15 and the embedded PostgreSQL 17 (it ships libicu)
    const [coll] = await app.sql<{ provider: string }>(
      `SELECT collprovider AS provider FROM pg_collation WHERE collname = 'zh_pinyin'`,
    );
    expect(coll.provider).toBe('i');
    const rows = await app.sql<{ pinyin: string[]; codepoint: string[] }>(
      `SELECT array_agg(n ORDER BY n COLLATE public.zh_pinyin) AS pinyin, array_agg(n ORDER BY n COLLATE "C") AS codepoint
         FROM unnest($1::text[]) n`,
      [['淄博', '上海', '北京']],
    );
    expect(rows[0].pinyin).toEqual(['北京', '上海', '淄博']);
    expect(rows[0].codepoint).toEqual(['上海', '北京', '淄博']);
  });

  test('regions(orderBy: NAME) lists them in pinyin order, and DESC in reverse', async () => {
    expect((await regions({ nameContains: '测序' })).nodes.map((n) => n.name)).toEqual(PINYIN);
    expect((await regions({ nameContains: '测序' }, 'DESC')).nodes.map((n) => n.name)).toEqual(
      [...PINYIN].reverse(),
    );
  });

  test('cursor paging keeps the pinyin order (the cursor compares under the same collation)', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const page = await regions({ nameContains: '测序' }, 'ASC', 1, after);
      seen.push(...page.nodes.map((n) => n.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(PINYIN);
  });

  test('the public disclosure lists (SQL functions) order goals by pinyin too', async () => {
    const rows = await app.sql<{ name: string; def: string }>(
      `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def FROM pg_proc p
        WHERE p.proname IN ('disclosure_public_goals', 'disclosure_public_evaluations') ORDER BY p.proname`,
    );
    expect(rows.map((r) => [r.name, /ORDER BY g\.name COLLATE public\.zh_pinyin, /.test(r.def)])).toEqual([
      ['disclosure_public_evaluations', true],
      ['disclosure_public_goals', true],
    ]);
  });

  test('the regions are in the database as created', async () => {
    const rows = await app.sql<{ name: string }>(
      `SELECT name FROM region WHERE name LIKE '%测序%' ORDER BY code`,
    );
    expect(rows.map((r) => r.name)).toEqual([PINYIN[1], PINYIN[0], PINYIN[2]]);
  });
});

describe('list filters take lists (issue 11 item 7)', () => {
  test('regions(filter: { level: [DISTRICT, TOWNSHIP] }) is the union; a single value still works', async () => {
    const both = await regions({ level: ['DISTRICT', 'TOWNSHIP'] });
    const district = await regions({ level: 'DISTRICT' });
    const township = await regions({ level: ['TOWNSHIP'] });
    expect(district.totalCount).toBeGreaterThan(0);
    expect(township.totalCount).toBeGreaterThan(0);
    expect(both.totalCount).toBe(district.totalCount + township.totalCount);
    expect(new Set(both.nodes.map((n) => n.level))).toEqual(new Set(['DISTRICT', 'TOWNSHIP']));
    // against the database: every district and township of the 淄博 tenant (admin.zibo sees the whole city)
    const [row] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM region r JOIN region c ON c.tenant_id = r.tenant_id AND c.code = '370300'
        WHERE r.level IN ('DISTRICT', 'TOWNSHIP')`,
    );
    expect(both.totalCount).toBe(row.n);
    // an empty list filters nothing out
    expect((await regions({ level: [] })).totalCount).toBe((await regions({})).totalCount);
  });

  test('goals(filter: { status: [...] }) returns only those statuses, the union of the single ones', async () => {
    const GOALS = `query($filter: GoalFilter) { goals(filter: $filter, first: 100) { totalCount nodes { status } } }`;
    const count = async (status: unknown) => {
      const res = await app.gql<{ goals: Page }>(GOALS, { filter: { status } }, { as: 'finance.zhangdian' });
      expect(res.errors).toBeUndefined();
      return res.data!.goals;
    };
    const [issued, approved, both] = await Promise.all([
      count('ISSUED'),
      count(['APPROVED']),
      count(['ISSUED', 'APPROVED']),
    ]);
    expect(issued.totalCount).toBeGreaterThan(0);
    expect(both.totalCount).toBe(issued.totalCount + approved.totalCount);
    expect(both.nodes.every((n) => n.status === 'ISSUED' || n.status === 'APPROVED')).toBe(true);
  });

  test('a literal list in the document works as well', async () => {
    const res = await app.gql<{ regions: Page }>(
      '{ regions(filter: { level: [DISTRICT] }, first: 1) { totalCount } }',
      {},
      { as: 'admin.zibo' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.regions.totalCount).toBeGreaterThan(0);
  });
});

describe('money is served with two decimals (issue 11 item 8, DOMAIN §4)', () => {
  test('a fund given "1200" and "0" reads back "1200.00" and "0.00"; the total too', async () => {
    const res = await app.gql<{
      createFund: { fund: { ownLevelAmount: string; upperLevelAmount: string; totalAmount: string } | null };
    }>(
      `mutation($input: CreateFundInput!) { createFund(input: $input) {
         fund { ownLevelAmount upperLevelAmount totalAmount } ${ERRORS} } }`,
      {
        input: {
          name: '2025年张店区金额格式测试专项资金',
          year: 2025,
          budgetBook: 'GENERAL_PUBLIC',
          category: 'SPECIAL_TRANSFER',
          allocationMethod: 'FACTOR',
          amounts: { upperLevel: '0', ownLevel: '1200', lowerLevel: '35.5' },
        },
      },
      { as: 'transport.zhangdian' },
    );
    expect(res.data?.createFund.fund).toEqual({
      ownLevelAmount: '1200.00',
      upperLevelAmount: '0.00',
      totalAmount: '1235.50',
    });
    const [row] = await app.sql<{ own: string }>(
      `SELECT own_level_amount::text AS own FROM fund WHERE name = '2025年张店区金额格式测试专项资金'`,
    );
    expect(row.own).toBe('1200.00');
  });
});
