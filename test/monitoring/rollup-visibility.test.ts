/**
 * Who sees which figures of a monitoring roll-up (DOMAIN §11 "Who sees what" — "for monitoring reports
 * too" —, §9, P6), on the demo's worked example fund 农村公路提档升级专项资金: both townships' June reports
 * submitted. The giving side sees the children combined; a receiving township sees the parent's own
 * indicators (targets) only, never a figure combined over the children (its own report it reads on its
 * own goal), by `goal(id)` and `node(id)` alike.
 */
import { useTestApp } from '../harness/app';
import { A_RESULT, B_RESULT, gid, leaves, REGION, workedExampleGoal } from '../rollup/fixtures';
import { submittedReport } from './fixtures';

const app = useTestApp();
let overall: string;
let goalA: string;
let goalB: string;

const FIELDS = `visibility childCount reportedCount moneyShare provisional flags
  money { annualBudget budgetToDate inPlaceToDate spentToDate projectedExecution }
  indicators { indicator { name target } contributions combined failure offTrack }`;
const PATHS = {
  goal: `query($id: ID!) { goal(id: $id) { monitoringRollUp(year: 2025, month: 6) { ${FIELDS} } } }`,
  node: `query($id: ID!) { node(id: $id) { ... on PerformanceGoal { monitoringRollUp(year: 2025, month: 6) { ${FIELDS} } } } }`,
};

interface Rollup {
  visibility: string;
  childCount: number | null;
  reportedCount: number | null;
  moneyShare: string | null;
  provisional: boolean | null;
  flags: string[] | null;
  money: Record<string, string> | null;
  indicators: {
    indicator: { name: string; target: string };
    contributions: number | null;
    combined: string | null;
    failure: string | null;
    offTrack: boolean | null;
  }[];
}

async function rollupOf(as: string, path: keyof typeof PATHS = 'goal'): Promise<Rollup> {
  const res = await app.gql<Record<string, { monitoringRollUp: Rollup }>>(
    PATHS[path],
    { id: gid('PerformanceGoal', overall) },
    { as },
  );
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0].monitoringRollUp;
}

/** A June report of a regional goal, its projections keyed by the regional indicators' names. */
async function report(goalId: string, projections: Record<string, string>, money: string[]) {
  const indicators = await app.sql<{ id: string; name: string }>(
    'SELECT id, name FROM goal_indicator WHERE goal_id = $1 ORDER BY position',
    [goalId],
  );
  const [annual, budget, inPlace, spent, projected] = money;
  return submittedReport(
    app,
    goalId,
    6,
    { annual, budget, inPlace, spent, projected },
    indicators.map((i) => ({ indicatorId: i.id, value: projections[i.name] })),
  );
}

/** June money of A and B: annual, budget, in place and spent to date, projected. */
const JUNE_MONEY = {
  A: ['6000000.00', '3000000.00', '3000000.00', '2700000.00', '5700000.00'],
  B: ['4000000.00', '2000000.00', '1900000.00', '1500000.00', '3800000.00'],
};

beforeAll(async () => {
  overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
  goalA = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A);
  goalB = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.B);
  // June: projected as the worked example's results turn out (DOMAIN §11).
  await report(goalA, A_RESULT.actuals, JUNE_MONEY.A);
  await report(goalB, B_RESULT.actuals, JUNE_MONEY.B);
});

test('DOMAIN §11 "Who sees what": the giving side (district department, finance, audit) sees both townships combined', async () => {
  for (const as of ['transport.zhangdian', 'finance.zhangdian', 'audit.zhangdian']) {
    const r = await rollupOf(as);
    expect(r).toMatchObject({ visibility: 'FULL', childCount: 2, reportedCount: 2, provisional: false });
    expect(r.money).toMatchObject({ annualBudget: '10000000.00', spentToDate: '4200000.00' });
    expect(r.indicators.map((i) => i.combined)).toEqual(['47', '96', '88', '20500', '89.2']);
  }
});

test('P6: a 公园街道 caller sees the parent’s targets only — no count, sum or combined value from which 车站街道’s report follows', async () => {
  // Both reports are in the database: what 公园街道 does not see is withheld, not absent.
  const [db] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM monitoring_report WHERE goal_id = ANY($1) AND month = 6 AND status = 'SUBMITTED'`,
    [[goalA, goalB]],
  );
  expect(db.n).toBe(2);
  for (const as of ['finance.gongyuan', 'transport.gongyuan']) {
    for (const path of ['goal', 'node'] as const) {
      const r = await rollupOf(as, path);
      expect(r).toEqual({
        visibility: 'OWN_CHILDREN',
        childCount: null,
        reportedCount: null,
        moneyShare: null,
        provisional: null,
        flags: null,
        money: null,
        indicators: [
          ['新改建农村公路里程', '50'],
          ['工程验收合格率', '95'],
          ['当年完工率', '90'],
          ['受益群众人数', '20000'],
          ['群众满意度', '90'],
        ].map(([name, target]) => ({
          indicator: { name, target },
          contributions: null,
          combined: null,
          failure: null,
          offTrack: null,
        })),
      });
      // Neither 车站街道's figures nor the parent's sums that give them by subtraction.
      const shown = new Set(leaves(r));
      for (const figure of ['6000000.00', '2700000.00', '10000000.00', '4200000.00', '47', '20500']) {
        expect([as, path, figure, shown.has(figure)]).toEqual([as, path, figure, false]);
      }
    }
  }
});

test('P6 the other way round: a 车站街道 caller sees no combined figure either', async () => {
  const r = await rollupOf('finance.chezhan');
  expect([r.visibility, r.childCount, r.money, r.indicators.map((i) => i.combined)]).toEqual([
    'OWN_CHILDREN',
    null,
    null,
    [null, null, null, null, null],
  ]);
});
