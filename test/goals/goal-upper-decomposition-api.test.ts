/**
 * 上级绩效目标传导 (DOMAIN §5; 002 第十条(二); 003 转移支付 第十五条): a city transfer fund sets a regional goal
 * for 张店区; 张店区's own fund, financed by it, hangs its overall goal under that regional goal and links
 * its indicators to it — the upper goals are decomposed into the lower fund's goals. Any other parent
 * of another fund is refused with nothing written.
 */
import { mutations } from '../harness/mutations';
import { TestApp } from '../harness/app';
import { regionGid, uuidOf } from '../harness/ids';

let app: TestApp;
interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
  indicators: { id: string }[];
}
const { call, ok, refused } = mutations<GoalRow>(() => app, 'goal');

const G =
  'goal { id rowVersion status indicators { id } } userErrors { code field message messageEn principle }';
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { ${G} } }`;
const act = (m: string) =>
  `mutation($input: ${m[0].toUpperCase() + m.slice(1)}Input!) { ${m}(input: $input) { ${G} } }`;

const indicator = (target: string, parentIndicatorId?: string) => ({
  category: 'OUTPUT',
  subcategory: 'QUANTITY',
  name: '新改建农村公路里程',
  kind: 'QUANTITATIVE',
  unit: 'km',
  comparator: 'GTE',
  target,
  aggregation: 'SUM',
  ...(parentIndicatorId ? { parentIndicatorId } : {}),
});

async function fund(input: Record<string, unknown>, as: string): Promise<string> {
  const res = await call<{ createFund: { fund: { id: string } | null } }>(
    `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } userErrors { code messageEn } } }`,
    {
      year: 2025,
      budgetBook: 'GENERAL_PUBLIC',
      category: 'SPECIAL_TRANSFER',
      allocationMethod: 'FACTOR',
      ...input,
    },
    as,
  );
  if (!res.data?.createFund.fund) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  return res.data.createFund.fund.id;
}

/** Submit, approve and issue with the chain's single step (finance at the fund's level). */
async function issue(g: GoalRow, drafter: string, finance: string): Promise<GoalRow> {
  let x = await ok(act('submitGoal'), { id: g.id, expectedVersion: g.rowVersion }, drafter);
  x = await ok(act('approveGoal'), { id: x.id, expectedVersion: x.rowVersion }, finance);
  return ok(act('issueGoal'), { id: x.id, expectedVersion: x.rowVersion }, finance);
}

let cityFund: string;
let cityOverall: GoalRow;
const cityRegional: Record<string, GoalRow> = {};
let districtFund: string;

beforeAll(async () => {
  app = await TestApp.start();
  const zhangdian = await regionGid(app, '370303');
  const zichuan = await regionGid(app, '370302');
  cityFund = await fund(
    {
      name: '2025年淄博市农村公路提档升级专项资金',
      amounts: { upperLevel: '0.00', ownLevel: '20000000.00', lowerLevel: '0.00' },
    },
    'transport.zibo',
  );
  const alloc = await call<{ setAllocations: { userErrors: unknown[] } }>(
    `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { userErrors { code messageEn } } }`,
    {
      fundId: cityFund,
      expectedVersion: 1,
      allocations: [
        { regionId: zhangdian, amount: '12000000.00' },
        { regionId: zichuan, amount: '8000000.00' },
      ],
    },
    'transport.zibo',
  );
  expect(alloc.data!.setAllocations.userErrors).toEqual([]);
  const overall = await ok(
    CREATE,
    {
      scope: 'TRANSFER_OVERALL',
      year: 2025,
      name: '淄博市农村公路提档升级整体绩效目标',
      fundId: cityFund,
      implementationPeriodObjective: '全市农村公路提档升级',
      annualObjective: '新改建农村公路50公里',
      annualAmount: '20000000.00',
      indicators: [indicator('50')],
    },
    'transport.zibo',
  );
  cityOverall = await issue(overall, 'transport.zibo', 'finance.zibo');
  for (const [code, region, target, amount] of [
    ['370303', zhangdian, '30', '12000000.00'],
    ['370302', zichuan, '20', '8000000.00'],
  ]) {
    const g = await ok(
      CREATE,
      {
        scope: 'TRANSFER_REGIONAL',
        year: 2025,
        name: `淄博市农村公路提档升级分区域绩效目标（${code}）`,
        fundId: cityFund,
        regionId: region,
        parentGoalId: cityOverall.id,
        decomposition: 'TOP_DOWN',
        annualObjective: `新改建农村公路${target}公里`,
        annualAmount: amount,
        indicators: [indicator(target, cityOverall.indicators[0].id)],
      },
      'transport.zibo',
    );
    cityRegional[code] = await issue(g, 'transport.zibo', 'finance.zibo');
  }
  districtFund = await fund(
    {
      name: '2025年张店区农村公路提档升级资金（市级转移支付）',
      upperFundId: cityFund,
      amounts: { upperLevel: '12000000.00', ownLevel: '12000000.00', lowerLevel: '0.00' },
    },
    'transport.zhangdian',
  );
}, 60_000);
afterAll(async () => app.stop());

const districtOverall = (parentGoalId: string, parentIndicatorId?: string) => ({
  scope: 'TRANSFER_OVERALL',
  year: 2025,
  name: '张店区农村公路提档升级整体绩效目标',
  fundId: districtFund,
  parentGoalId,
  implementationPeriodObjective: '全区农村公路提档升级',
  annualObjective: '新改建农村公路30公里',
  annualAmount: '12000000.00',
  indicators: [indicator('30', parentIndicatorId)],
});

test('the lower fund’s overall goal hangs under the upper fund’s regional goal for its region, indicators linked', async () => {
  const regional = cityRegional['370303'];
  const g = await ok(CREATE, districtOverall(regional.id, regional.indicators[0].id), 'transport.zhangdian');
  const [row] = await app.sql<{ parent_goal_id: string; fund_id: string; parent_indicator_id: string }>(
    `SELECT g.parent_goal_id, g.fund_id, i.parent_indicator_id FROM performance_goal g
       JOIN goal_indicator i ON i.goal_id = g.id WHERE g.id = $1`,
    [uuidOf(g.id)],
  );
  expect(row).toEqual({
    parent_goal_id: uuidOf(regional.id),
    fund_id: uuidOf(districtFund),
    parent_indicator_id: uuidOf(regional.indicators[0].id),
  });
  const tree = await app.gql<{ goal: { children: { nodes: { id: string }[] } } }>(
    `query($id: ID!) { goal(id: $id) { children { nodes { id } } } }`,
    { id: regional.id },
    { as: 'transport.zhangdian' },
  );
  expect(tree.data!.goal.children.nodes.map((c) => c.id)).toContain(g.id);
});

test('any other goal of the upper fund is refused as a parent, nothing written', async () => {
  // The upper fund's overall goal (not the regional goal for this region).
  const errors = await refused(CREATE, districtOverall(cityOverall.id), 'transport.zhangdian');
  expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'parentGoalId'] });
  expect(errors[0].messageEn).toContain('upper fund');
  // Another district's regional goal: outside 张店区's view, it reads as missing (P6).
  const other = await refused(CREATE, districtOverall(cityRegional['370302'].id), 'transport.zhangdian');
  expect(other[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'parentGoalId'] });
  // A regional goal of 张店区's fund for 张店区 itself does not fit the fund's level either.
  const zhangdian = await regionGid(app, '370303');
  const wrongScope = await refused(
    CREATE,
    {
      ...districtOverall(cityRegional['370303'].id),
      scope: 'TRANSFER_REGIONAL',
      regionId: zhangdian,
      decomposition: 'TOP_DOWN',
    },
    'transport.zhangdian',
  );
  expect(wrongScope[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(wrongScope[0].messageEn).toContain('region does not fit');
});
