/**
 * One question, four answers (issue 14 "Done when"; DOMAIN §11 worked example, §16): the GraphQL roll-up
 * (`goal { rollUp { money coverage fundWeightedMean } }`), the BI aggregate, its CSV and the `reporting`
 * view give the same figures for the regional goals of 农村公路提档升级专项资金 — before any result, with A
 * only, and with A and B (the worked example: money 1000/980/950 万元, mean 97.01, coverage 2/2).
 */
import { Decimal } from '../../src/common/decimal';
import { TestApp } from '../harness/app';
import { A_RESULT, B_RESULT, REGION, submitRegional, workedExampleGoal } from '../rollup/fixtures';
import {
  asLogin,
  createTestReportingLogin,
  dropTestReportingLogins,
} from '../bi-access/reporting-login.fixture';
import {
  aggregate,
  fetchCsv,
  gid,
  parseCsv,
  ROLL_UP_MEASURES,
  snake,
  type AggregateArgs,
} from './aggregate-fixtures';

let app: TestApp;
let overall: string;
let fundId: string;

const question = (): AggregateArgs => ({
  d: ['FUND'],
  m: ROLL_UP_MEASURES,
  f: { within: REGION.district, fundIds: [gid('Fund', fundId)], goalScopes: ['TRANSFER_REGIONAL'] },
});

const same = (a: string | number | null | undefined, b: string | number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined
    ? a === b
    : new Decimal(a).eq(new Decimal(b));

interface Figures {
  counted: number;
  total: number;
  budgeted: string;
  inPlace: string;
  spent: string;
  mean: string | null;
  share: string;
}

async function rollUpFigures(): Promise<Figures> {
  const res = await app.gql<{
    goal: {
      rollUp: {
        fundWeightedMean: string | null;
        money: { budgeted: string; inPlace: string; spent: string };
        coverage: { counted: number; total: number; moneyShare: string };
      };
    };
  }>(
    `query($id: ID!) { goal(id: $id) { rollUp { fundWeightedMean money { budgeted inPlace spent }
       coverage { counted total moneyShare } } } }`,
    { id: gid('PerformanceGoal', overall) },
    { as: 'finance.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  const r = res.data!.goal.rollUp;
  return {
    ...r.money,
    counted: r.coverage.counted,
    total: r.coverage.total,
    mean: r.fundWeightedMean,
    share: r.coverage.moneyShare,
  };
}

/** The roll-up, the aggregate, the CSV and the view agree on every figure. */
async function expectAllEqual(expected: Partial<Figures>): Promise<void> {
  const roll = await rollUpFigures();
  expect(roll).toMatchObject(expected);

  const { rows, table, columns, errors } = await aggregate(app, 'finance.zhangdian', question());
  expect(errors).toBeUndefined();
  expect(rows).toHaveLength(1);
  const g = rows![0];
  expect(g.fundName).toBe('农村公路提档升级专项资金');
  expect(g.goalCount).toBe(roll.total);
  expect(g.selfEvaluatedCount).toBe(roll.counted);
  expect([g.budgeted, g.inPlace, g.spent]).toEqual([roll.budgeted, roll.inPlace, roll.spent]);
  expect(same(g.fundWeightedScore, roll.mean)).toBe(true);
  expect(same(g.coverageSelfEvaluation, roll.share)).toBe(true);

  const csv = await fetchCsv(app, 'finance.zhangdian', question());
  expect(csv.status).toBe(200);
  const [line] = parseCsv(csv.bytes.subarray(3).toString('utf8'));
  for (const key of [
    'goalCount',
    'selfEvaluatedCount',
    'budgeted',
    'inPlace',
    'spent',
    'fundWeightedScore',
    'coverageSelfEvaluation',
  ])
    expect({ key, value: line[snake(key)] }).toEqual({ key, value: g[key] === null ? '' : String(g[key]) });
  // The table form (aggregate fixtures check it equals the typed rows) is the CSV line, column by column.
  expect(table![0].map((v) => (v === null ? '' : String(v)))).toEqual(columns!.map((c) => line[snake(c)]));

  const login = await createTestReportingLogin(app.owner, app.db.ownerUrl, '370300', REGION.district);
  const [view] = await asLogin(
    login,
    async (c) =>
      (
        await c.query<{
          n: number;
          se: number;
          b: string;
          i: string;
          s: string;
          wt: string;
          w: string;
          sw: string;
        }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE self_evaluated)::int AS se, sum(budgeted)::text AS b,
                sum(in_place)::text AS i, sum(spent)::text AS s, sum(weight * self_total)::text AS wt,
                sum(weight)::text AS w, sum(weight) FILTER (WHERE self_evaluated)::text AS sw
           FROM reporting.aggregate_facts WHERE in_force AND fund_id = $1 AND goal_scope = 'TRANSFER_REGIONAL'`,
          [fundId],
        )
      ).rows,
  );
  expect(view.n).toBe(roll.total);
  expect(view.se).toBe(roll.counted);
  expect([view.b, view.i, view.s]).toEqual([roll.budgeted, roll.inPlace, roll.spent]);
  expect(same(new Decimal(view.sw ?? 0).div(view.w).toFixed(4), g.coverageSelfEvaluation)).toBe(true);
  if (roll.mean !== null)
    expect(new Decimal(view.wt).div(view.sw).toDecimalPlaces(2).toFixed(2)).toBe(roll.mean);
}

beforeAll(async () => {
  app = await TestApp.start();
  overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
  [{ fund_id: fundId }] = await app.sql<{ fund_id: string }>(
    'SELECT fund_id FROM performance_goal WHERE id = $1',
    [overall],
  );
});
afterAll(async () => {
  await dropTestReportingLogins(app.owner);
  await app.stop();
});

test('DOMAIN §11: before any regional result — nothing counted, coverage 0, everywhere', async () => {
  await expectAllEqual({ counted: 0, total: 2, budgeted: '0.00', mean: null, share: '0' });
});

test('DOMAIN §11: with A only (reviewed) — 1 of 2, 60% of the money, everywhere', async () => {
  const a = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A);
  await submitRegional(app, a, A_RESULT, 'REVIEWED');
  await expectAllEqual({
    counted: 1,
    budgeted: '6000000.00',
    spent: '5700000.00',
    mean: '96.08',
    share: '0.6',
  });
});

test('DOMAIN §11 worked example: money 1000/980/950 万元, mean 97.01, coverage 2/2 — everywhere', async () => {
  const b = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.B);
  await submitRegional(app, b, B_RESULT);
  await expectAllEqual({
    counted: 2,
    total: 2,
    budgeted: '10000000.00',
    inPlace: '9800000.00',
    spent: '9500000.00',
    mean: '97.01',
    share: '1',
  });
  const { rows } = await aggregate(app, 'finance.zhangdian', {
    ...question(),
    m: ['MEAN_SCORE', 'IN_PLACE_RATE', 'EXECUTION_RATE'],
  });
  // (96.08 + 98.40) ÷ 2; 980 ÷ 1000; 950 ÷ 980 = 0.96938… → 0.9694 (附件7 rates, half-up)
  expect(rows![0]).toMatchObject({ meanScore: '97.24', inPlaceRate: '0.9800', executionRate: '0.9694' });
});

test('DOMAIN §16: a township’s reporting login reads its own facts and coverage only (reporting.scope_allows)', async () => {
  const login = await createTestReportingLogin(app.owner, app.db.ownerUrl, '370300', REGION.A);
  const [{ n: own }] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM reporting_goal_fact f JOIN region r ON r.tenant_id = f.tenant_id AND r.code = $1
      WHERE f.region_path LIKE r.path || '%'`,
    [REGION.A],
  );
  const seen = await asLogin(login, async (c) => ({
    facts: (
      await c.query<{ code: string }>('SELECT DISTINCT region_code AS code FROM reporting.aggregate_facts')
    ).rows,
    n: (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM reporting.aggregate_facts')).rows[0].n,
    coverage: (await c.query<{ code: string }>('SELECT DISTINCT region_code AS code FROM reporting.coverage'))
      .rows,
  }));
  expect(own).toBeGreaterThan(0);
  expect(seen).toEqual({ facts: [{ code: REGION.A }], n: own, coverage: [{ code: REGION.A }] });
});
