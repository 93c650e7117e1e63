/**
 * The worked example of DOMAIN §11 in yuan through GraphQL on a real database: exact amounts, audit events
 * (DOMAIN §15), reads and filters, racing allocation sets, and a constant number of SQL statements for
 * nested lists.
 */
import { uuidOf } from '../harness/ids';
import {
  app,
  FundPayload,
  CREATE_FUND,
  SET_ALLOCATIONS,
  region,
  org,
  factorFund,
  chezhanProject,
  fundInput,
  mutate,
  currentVersion,
  useFundsApi,
} from './funds-api-fixtures';

useFundsApi();

describe('the worked example of DOMAIN §11, in yuan', () => {
  test('a factor-method fund of 10,000,000.00 allocated 6,000,000.00 + 4,000,000.00 is exact in the database', async () => {
    expect(factorFund).toMatchObject({
      version: 2,
      ownLevelAmount: '10000000.00',
      totalAmount: '10000000.00',
      allocationMethod: 'FACTOR',
    });
    const rows = await app.sql<{
      code: string;
      amount: string;
      fund_region_path: string;
      region_path: string;
    }>(
      `SELECT r.code, a.amount::text AS amount, a.fund_region_path, a.region_path
         FROM fund_allocation a JOIN region r ON r.tenant_id = a.tenant_id AND r.id = a.region_id
        WHERE a.fund_id = $1 ORDER BY r.code`,
      [uuidOf(factorFund.id)],
    );
    expect(rows.map((r) => [r.code, r.amount])).toEqual([
      ['370303001', '6000000.00'],
      ['370303002', '4000000.00'],
    ]);
    expect(rows.every((r) => r.region_path.startsWith(r.fund_region_path))).toBe(true);
    const [fund] = await app.sql<{ own: string; total: string; org: string; region_ok: boolean }>(
      `SELECT f.own_level_amount::text AS own,
              (SELECT sum(amount)::text FROM fund_allocation WHERE fund_id = f.id) AS total,
              o.name AS org, f.region_id = o.region_id AND f.region_path = o.region_path AS region_ok
         FROM fund f JOIN organization o ON o.tenant_id = f.tenant_id AND o.id = f.organization_id WHERE f.id = $1`,
      [uuidOf(factorFund.id)],
    );
    expect(fund).toEqual({
      own: '10000000.00',
      total: '10000000.00',
      org: '张店区交通运输局',
      region_ok: true,
    });
  });

  test('every write appended an audit event in its transaction (DOMAIN §15)', async () => {
    const rows = await app.sql<{ action: string; entity_type: string }>(
      `SELECT entity_type, action FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, action`,
      [uuidOf(factorFund.id)],
    );
    expect(rows.map((r) => `${r.entity_type}:${r.action}`)).toEqual(['Fund:CREATE', 'Fund:SET_ALLOCATIONS']);
    const [project] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'Project' AND action = 'CREATE' AND entity_id = $1`,
      [uuidOf(chezhanProject)],
    );
    expect(project.n).toBe(1);
  });

  test('the fund reads back with its department, region, allocations and projects; node(id) finds it', async () => {
    const res = await app.gql<{
      fund: {
        department: { name: string };
        region: { name: string };
        allocations: { nodes: { amount: string; region: { name: string } | null; project: null }[] };
        projects: { nodes: { name: string; libraryStatus: string; annualAmount: string }[] };
      };
      node: { id: string } | null;
    }>(
      `query($id: ID!) { fund(id: $id) { department { name } region { name }
         allocations { nodes { amount region { name } project { id } } } projects { nodes { name libraryStatus annualAmount } } }
         node(id: $id) { id ... on Fund { name } } }`,
      { id: factorFund.id },
      { as: 'transport.zhangdian' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.fund.department.name).toBe('张店区交通运输局');
    expect(res.data!.fund.region.name).toBe('张店区');
    expect(res.data!.fund.allocations.nodes.map((a) => [a.region?.name, a.amount])).toEqual(
      expect.arrayContaining([
        ['车站街道', '6000000.00'],
        ['公园街道', '4000000.00'],
      ]),
    );
    expect(res.data!.fund.projects.nodes).toEqual([
      { name: '车站街道2025年市政道路养护', libraryStatus: 'CANDIDATE', annualAmount: '1500000.50' },
    ]);
    expect(res.data!.node).toEqual({ id: factorFund.id, name: '2025年张店区农村公路养护专项资金' });
  });

  test('funds are filtered by year, method, department, region subtree and name', async () => {
    const count = async (filter: Record<string, unknown>) => {
      const res = await app.gql<{ funds: { totalCount: number } }>(
        `query($filter: FundFilter) { funds(filter: $filter) { totalCount } }`,
        { filter },
        { as: 'finance.zhangdian' },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.funds.totalCount;
    };
    expect(await count({ year: 2025 })).toBeGreaterThanOrEqual(2);
    expect(await count({ year: 2024 })).toBe(0);
    expect(await count({ allocationMethod: 'PROJECT', nameContains: '道路维修' })).toBe(1);
    expect(await count({ departmentId: org['张店区交通运输局'], nameContains: '农村公路养护' })).toBe(1);
    expect(await count({ within: region['370303001'] })).toBe(0);
    expect(await count({ within: region['370303'], budgetBook: 'GENERAL_PUBLIC' })).toBeGreaterThanOrEqual(2);
  });
});

test('funds with allocations, projects and departments cost the same number of SQL statements for 1 and for 5 funds', async () => {
  for (let i = 1; i <= 5; i++) {
    const created = await mutate<{ createFund: FundPayload }>(
      CREATE_FUND,
      fundInput({ name: `计数专项资金${i}` }),
      'transport.zhangdian',
    );
    const fund = created.data!.createFund.fund!;
    await mutate(
      SET_ALLOCATIONS,
      {
        fundId: fund.id,
        expectedVersion: fund.version,
        allocations: [
          { regionId: region['370303001'], amount: '100.00' },
          { regionId: region['370303002'], amount: '200.00' },
        ],
      },
      'transport.zhangdian',
    );
  }
  const query = `query($first: Int!) { funds(first: $first, filter: { nameContains: "计数" }) {
    nodes { name allocations(first: $first) { nodes { amount region { name } } } projects(first: $first) { nodes { name } } department { name } } } }`;
  const one = await app.gql<{ funds: { nodes: { allocations: { nodes: unknown[] } }[] } }>(
    query,
    { first: 1 },
    { as: 'transport.zhangdian' },
  );
  const five = await app.gql<{ funds: { nodes: { allocations: { nodes: unknown[] } }[] } }>(
    query,
    { first: 5 },
    { as: 'transport.zhangdian' },
  );
  expect(one.errors).toBeUndefined();
  expect(five.errors).toBeUndefined();
  expect(one.data!.funds.nodes).toHaveLength(1);
  expect(five.data!.funds.nodes).toHaveLength(5);
  expect(five.data!.funds.nodes.every((n) => n.allocations.nodes.length === 2)).toBe(true);
  expect(five.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
  expect(one.extensions?.sqlStatements).toBeLessThanOrEqual(10);
});

test('two racing allocation sets on the same version: exactly one applies, the other gets CONFLICT (DOMAIN §15)', async () => {
  const created = await mutate<{ createFund: FundPayload }>(
    CREATE_FUND,
    fundInput({ name: '并发专项资金' }),
    'transport.zhangdian',
  );
  const fund = created.data!.createFund.fund!;
  const attempt = (amount: string) =>
    mutate<{ setAllocations: FundPayload }>(
      SET_ALLOCATIONS,
      {
        fundId: fund.id,
        expectedVersion: fund.version,
        allocations: [{ regionId: region['370303001'], amount }],
      },
      'transport.zhangdian',
    );
  const results = await Promise.all([attempt('111.00'), attempt('222.00')]);
  const codes = results.map((r) => r.data!.setAllocations.userErrors.map((e) => e.code).join(',')).sort();
  expect(codes).toEqual(['', 'CONFLICT']);
  const rows = await app.sql<{ amount: string }>(
    'SELECT amount::text AS amount FROM fund_allocation WHERE fund_id = $1',
    [uuidOf(fund.id)],
  );
  expect(rows).toHaveLength(1);
  expect(await currentVersion(fund.id)).toBe(2);
});
