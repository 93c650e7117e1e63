/**
 * The BI aggregate equals the GraphQL roll-ups on the synthetic city (issue 14 "they equal the GraphQL
 * roll-ups exactly (tested on the synthetic city)"; DOMAIN §11, §16): for the big transfer fund, each
 * township's row of the aggregate over the fund's project goals has the same money, counts, fund-weighted
 * mean and money coverage as that township's regional goal's live roll-up — for every township at once,
 * with part of the self-evaluations submitted (so coverage is between 0 and 1).
 */
import { Decimal } from '../../src/common/decimal';
import { generateSyntheticCity, generateSyntheticEvaluations, type SyntheticCity } from '../../seeds';
import { TestApp } from '../harness/app';
import { aggregate, gid, ROLL_UP_MEASURES } from './aggregate-fixtures';

let app: TestApp;
let city: SyntheticCity;
let overall: string;

interface RegionalRollUp {
  region: { code: string };
  rollUp: {
    fundWeightedMean: string | null;
    money: { budgeted: string; inPlace: string; spent: string };
    coverage: { counted: number; total: number; moneyShare: string };
  } | null;
}

beforeAll(async () => {
  app = await TestApp.start();
  city = await generateSyntheticCity(app.owner, { scale: 'small', seed: 42, workload: true });
  await generateSyntheticEvaluations(app.owner, { tenantId: city.tenantId, seed: 42, share: 0.6 });
  [{ id: overall }] = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE tenant_id = $1 AND fund_id = $2 AND scope = 'TRANSFER_OVERALL'`,
    [city.tenantId, city.workload!.bigFundId],
  );
}, 300_000);
afterAll(async () => app.stop());

test('every township: aggregate row = its regional goal’s roll-up (money, counts, mean, coverage)', async () => {
  const res = await app.gql<{ goal: { children: { nodes: RegionalRollUp[] } } }>(
    `query($id: ID!) { goal(id: $id) { children(first: 100) { nodes { region { code } rollUp {
       fundWeightedMean money { budgeted inPlace spent } coverage { counted total moneyShare } } } } } }`,
    { id: gid('PerformanceGoal', overall) },
    { as: city.sampleLogins.cityFinance },
  );
  expect(res.errors).toBeUndefined();
  const regional = res.data!.goal.children.nodes.filter((n) => n.rollUp !== null);
  expect(regional.length).toBeGreaterThanOrEqual(3);

  const { rows, errors } = await aggregate(app, city.sampleLogins.cityFinance, {
    d: ['REGION'],
    l: 'TOWNSHIP',
    m: ROLL_UP_MEASURES,
    f: { fundIds: [gid('Fund', city.workload!.bigFundId)], goalScopes: ['TRANSFER_PROJECT'] },
  });
  expect(errors).toBeUndefined();
  const byCode = new Map(rows!.map((r) => [r.regionCode, r]));
  const partial = regional.filter(
    (n) => n.rollUp!.coverage.counted > 0 && n.rollUp!.coverage.counted < n.rollUp!.coverage.total,
  );
  expect(partial.length).toBeGreaterThan(0);
  for (const n of regional) {
    const r = n.rollUp!;
    const row = byCode.get(n.region.code);
    expect({ code: n.region.code, found: row !== undefined }).toEqual({ code: n.region.code, found: true });
    expect({
      code: n.region.code,
      goals: row!.goalCount,
      counted: row!.selfEvaluatedCount,
      money: [row!.budgeted, row!.inPlace, row!.spent],
      mean: row!.fundWeightedScore,
      share: new Decimal(row!.coverageSelfEvaluation as string).eq(new Decimal(r.coverage.moneyShare)),
    }).toEqual({
      code: n.region.code,
      goals: r.coverage.total,
      counted: r.coverage.counted,
      money: [r.money.budgeted, r.money.inPlace, r.money.spent],
      mean: r.fundWeightedMean,
      share: true,
    });
  }
});
