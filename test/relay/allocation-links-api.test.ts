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
import { rateFramework, reportSections } from '../harness/evaluation-fixtures';

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

/** Reviewed self-evaluations of both regional goals (copied from the demo's), so the performance factor divides. */
async function regionalResults() {
  for (const [name, total] of [
    ['车站街道', '90.00'],
    ['公园街道', '60.00'],
  ] as const) {
    const [existing] = await app.sql<{ id: string }>(
      `SELECT e.id FROM evaluation e JOIN performance_goal g ON g.id = e.goal_id
        WHERE e.kind = 'SELF' AND g.scope = 'TRANSFER_REGIONAL' AND g.name LIKE '%' || $1 || '%'`,
      [name],
    );
    const [row] = existing
      ? [existing]
      : await app.sql<{ id: string }>(
          `INSERT INTO evaluation SELECT (jsonb_populate_record(e, jsonb_build_object('id', gen_random_uuid(), 'goal_id', g.id,
                  'status', 'DRAFT', 'region_path', g.region_path))).*
             FROM evaluation e, performance_goal g
            WHERE e.kind = 'SELF' AND e.status = 'REVIEWED' AND g.scope = 'TRANSFER_REGIONAL' AND g.name LIKE '%' || $1 || '%'
              AND e.goal_id <> ALL (SELECT id FROM performance_goal WHERE scope = 'TRANSFER_REGIONAL')
           RETURNING id`,
          [name],
        );
    for (const status of ['SUBMITTED', 'REVIEWED'])
      await app.sql(`UPDATE evaluation SET status = $2, total = $3::numeric, grade = 'GOOD' WHERE id = $1`, [
        row!.id,
        status,
        total,
      ]);
  }
}

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
    await regionalResults();
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
  const evaluation = (name: string, input: string, fields = 'id rowVersion') =>
    `mutation($input: ${input}!) { ${name}(input: $input) { evaluation { ${fields} } ${ERRORS} } }`;
  let evaluationId = '';

  /** A FINANCE evaluation of the fund's overall goal, POOR (DOMAIN §10.7), finalized (002 第二十六条(二)). */
  beforeAll(async () => {
    type E = { id: string; rowVersion: number };
    const act = (e: E) => ({ id: e.id, expectedVersion: e.rowVersion });
    const as = 'finance.zhangdian';
    const created = await arrange<E>(
      app,
      evaluation('createFinanceEvaluation', 'CreateFinanceEvaluationInput'),
      { goalId },
      as,
      'evaluation',
    );
    const saved = await arrange<E>(
      app,
      evaluation('saveFrameworkEvaluation', 'SaveFrameworkEvaluationInput'),
      {
        ...act(created),
        indicators: rateFramework({
          basis: '2',
          reasonableness: '2',
          compliance: '3',
          benefit: '3',
          satisfaction: '3',
        }),
        sections: reportSections(),
        figures: {
          plannedOutput: '50',
          actualOutput: '10',
          standardOutput: '5',
          plannedCost: '1000000.00',
          actualCost: '1100000.00',
          budgeted: '1000000.00',
          inPlace: '950000.00',
          spent: '900000.00',
        },
      },
      as,
      'evaluation',
    );
    const submitted = await arrange<E>(
      app,
      evaluation('submitEvaluation', 'SubmitEvaluationInput'),
      act(saved),
      as,
      'evaluation',
    );
    const responded = await arrange<E>(
      app,
      evaluation('respondToEvaluation', 'RespondToEvaluationInput'),
      { ...act(submitted), decision: 'AGREE' },
      'transport.zhangdian',
      'evaluation',
    );
    evaluationId = (
      await arrange<E>(
        app,
        evaluation('finalizeEvaluation', 'FinalizeEvaluationInput'),
        act(responded),
        as,
        'evaluation',
      )
    ).id;
    await arrange(
      app,
      `mutation($input: ProposeRecommendationsInput!) { proposeRecommendations(input: $input) { recommendations { id } ${ERRORS} } }`,
      { year: 2025, fundId },
      as,
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
