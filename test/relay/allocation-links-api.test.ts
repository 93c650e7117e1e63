/**
 * Objects, not bare ids (issue 11 item 7) on next year's money (DOMAIN §13) through GraphQL on a real
 * database: a factor-allocation simulation returns its fund and the regions of its factor values and shares
 * (003 转移支付 第三十二条); a budget recommendation returns its basis, the POOR evaluation (003 转移支付
 * 第三十一条). Each object matches its id, out of view reads as nothing (P6), and the regions of a
 * simulation cost one statement whatever their number (no N+1).
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { arrange, USER_ERRORS as ERRORS } from '../harness/mutations';
import { poorFinanceEvaluation, regionalResults } from '../results/results-fixtures';

let app: TestApp;
let fundId = '';
let goalId = '';
const regions: Record<string, string> = {};

beforeAll(async () => {
  app = await TestApp.start();
  const [goal] = await app.sql<{ id: string; fund_id: string }>(
    `SELECT id, fund_id FROM performance_goal WHERE name = '农村公路提档升级专项资金整体绩效目标' AND status = 'ISSUED'`,
  );
  goalId = toGlobalId('PerformanceGoal', goal!.id);
  fundId = toGlobalId('Fund', goal!.fund_id);
  for (const r of await app.sql<{ id: string; name: string }>(
    `SELECT r.id, r.name FROM fund_allocation a JOIN region r ON r.id = a.region_id WHERE a.fund_id = $1`,
    [goal!.fund_id],
  ))
    regions[r.name] = toGlobalId('Region', r.id);
});
afterAll(async () => app.stop());

interface Simulation {
  fundId: string;
  fund: { id: string; name: string } | null;
  factors: { values: { regionId: string; region: { id: string } | null }[] }[];
  shares: { regionId: string; region: { id: string; name: string } | null }[];
}
const LIST = (links: boolean) => `query($fundId: ID!) { allocationSimulations(fundId: $fundId, first: 10) {
  nodes { fundId ${links ? 'fund { id name }' : ''}
    factors { values { regionId ${links ? 'region { id }' : ''} } }
    shares { regionId ${links ? 'region { id name }' : ''} } } } }`;

describe('AllocationSimulation.fund, FactorValue.region, SimulatedShare.region (003 转移支付 第三十二条)', () => {
  beforeAll(async () => {
    await regionalResults(app);
    await arrange(
      app,
      `mutation($input: SimulateFactorAllocationInput!) { simulateFactorAllocation(input: $input) { simulation { id } ${ERRORS} } }`,
      {
        fundId,
        year: 2025,
        amount: '10000000.01',
        factors: [
          {
            name: '人口',
            weight: '70',
            values: [
              { regionId: regions['车站街道'], value: '3' },
              { regionId: regions['公园街道'], value: '2' },
            ],
          },
          { name: '绩效', weight: '30', performance: true },
        ],
      },
      'finance.zhangdian',
      'simulation',
    );
  });

  test('finance at the level reads the fund and every region, in one statement each for the page', async () => {
    const bare = await app.gql<{ allocationSimulations: { nodes: Simulation[] } }>(
      LIST(false),
      { fundId },
      { as: 'finance.zhangdian' },
    );
    const linked = await app.gql<{ allocationSimulations: { nodes: Simulation[] } }>(
      LIST(true),
      { fundId },
      { as: 'finance.zhangdian' },
    );
    expect(linked.errors).toBeUndefined();
    const [s] = linked.data!.allocationSimulations.nodes;
    expect(s!.fund).toEqual({ id: fundId, name: '农村公路提档升级专项资金' });
    expect(s!.shares.map((x) => [x.regionId, x.region?.id, x.region?.name]).sort()).toEqual(
      [
        [regions['车站街道'], regions['车站街道'], '车站街道'],
        [regions['公园街道'], regions['公园街道'], '公园街道'],
      ].sort(),
    );
    for (const v of s!.factors.flatMap((f) => f.values)) expect(v.region?.id).toBe(v.regionId);
    // The fund and all regions (values and shares together): at most one more statement each (the fund
    // may already be loaded by the list); the two regions alone are one batch, not one statement each.
    const statements = bare.extensions!.sqlStatements!;
    expect(linked.extensions!.sqlStatements).toBeLessThanOrEqual(statements + 2);
    const regionsOnly = await app.gql(
      `query($fundId: ID!) { allocationSimulations(fundId: $fundId, first: 10) {
        nodes { fundId factors { values { regionId } } shares { regionId region { id } } } } }`,
      { fundId },
      { as: 'finance.zhangdian' },
    );
    expect(regionsOnly.extensions!.sqlStatements).toBe(statements + 1);
  });

  test('another district’s finance sees no simulation of the fund, so no fund or region either (P6)', async () => {
    const r = await app.gql<{ allocationSimulations: { nodes: Simulation[] } }>(
      LIST(true),
      { fundId },
      { as: 'finance.zichuan' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.allocationSimulations.nodes).toEqual([]);
  });
});

describe('BudgetRecommendation.basis (003 转移支付 第三十一条)', () => {
  let evaluationId = '';

  /** A FINANCE evaluation of the fund's overall goal, POOR (DOMAIN §10.7), finalized (002 第二十六条(二)). */
  beforeAll(async () => {
    evaluationId = await poorFinanceEvaluation(app, goalId);
    await arrange(
      app,
      `mutation($input: ProposeRecommendationsInput!) { proposeRecommendations(input: $input) { recommendations { id } ${ERRORS} } }`,
      { year: 2025, fundId },
      'finance.zhangdian',
      'recommendations',
    );
  });

  const Q =
    '{ budgetRecommendations(budgetYear: 2026, first: 50) { nodes { basisKind basisId basis { __typename id } } } }';
  type Recs = {
    budgetRecommendations: {
      nodes: { basisKind: string; basisId: string; basis: { __typename: string; id: string } | null }[];
    };
  };

  test('the recommendation returns the POOR evaluation it rests on; another district lists none', async () => {
    const r = await app.gql<Recs>(Q, {}, { as: 'finance.zhangdian' });
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.budgetRecommendations.nodes;
    expect(nodes.find((n) => n.basisId === evaluationId)).toEqual({
      basisKind: 'EVALUATION',
      basisId: evaluationId,
      basis: { __typename: 'Evaluation', id: evaluationId },
    });
    // Every recommendation's basis (results of the regional goals too) is the object its id names.
    for (const n of nodes) expect(n.basis?.id).toBe(n.basisId);
    const sibling = await app.gql<Recs>(Q, {}, { as: 'finance.zichuan' });
    expect(sibling.data!.budgetRecommendations.nodes).toEqual([]);
  });
});
