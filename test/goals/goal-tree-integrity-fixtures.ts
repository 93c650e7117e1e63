/**
 * Shared setup of the goal-tree integrity tests (goal-tree-integrity-api.test.ts, goal-tree-consistency-api.test.ts;
 * DOMAIN §5, §6, §7; issue 9 items 6, 7, 10): the goal mutations, a transfer fund, the overall goal of a fund
 * and the regional goals of 车站街道 and 公园街道 under it.
 */
import { TestApp } from '../harness/app';
import { mutations } from '../harness/mutations';
import { regionGid } from '../harness/ids';
import { arrangeTransferFund } from '../harness/fund-fixtures';
import { ruralRoadLength } from '../harness/goal-fixtures';

export let app: TestApp;
export interface Goal {
  id: string;
  rowVersion: number;
  status: string;
  indicators: { id: string }[];
}
export const { ok, refused } = mutations<Goal>(() => app, 'goal');
export const G =
  'goal { id rowVersion status indicators { id } } userErrors { code field message messageEn principle }';
export const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { ${G} } }`;
export const act = (m: string) =>
  `mutation($input: ${m[0].toUpperCase() + m.slice(1)}Input!) { ${m}(input: $input) { ${G} } }`;
export const [SUBMIT, APPROVE, ISSUE] = ['submitGoal', 'approveGoal', 'issueGoal'].map(act);

export const length = ruralRoadLength;
export const regions: Record<string, string> = {};

export async function fund(name: string, flags: Record<string, unknown> = {}): Promise<string> {
  return arrangeTransferFund(
    app,
    { name, ownLevel: '800000.00', ...flags },
    { [regions.chezhan]: '500000.00', [regions.gongyuan]: '300000.00' },
  );
}

export const overallInput = (fundId: string) => ({
  scope: 'TRANSFER_OVERALL',
  year: 2025,
  name: '农村公路养护整体绩效目标',
  fundId,
  implementationPeriodObjective: '全区农村公路养护',
  annualObjective: '养护农村公路20公里',
  annualAmount: '800000.00',
  indicators: [length('20', { aggregation: 'SUM' })],
});

export const regionalInput = (
  fundId: string,
  parent: Goal,
  region: string,
  target: string,
  amount: string,
  mode: string,
) => ({
  scope: 'TRANSFER_REGIONAL',
  year: 2025,
  name: `农村公路养护分区域目标（${region}）`,
  fundId,
  regionId: regions[region],
  parentGoalId: parent.id,
  decomposition: mode,
  annualObjective: '养护农村公路',
  annualAmount: amount,
  indicators: [length(target, { parentIndicatorId: parent.indicators[0].id })],
});

export const step = (q: string, g: Goal, as: string) =>
  ok(q, { id: g.id, expectedVersion: g.rowVersion }, as);

/**
 * A new fund and its overall goal, drafted by the fund's department and approved by finance at R (DOMAIN §7);
 * `until: 'ISSUED'` issues it too.
 */
export async function approvedOverall(fundName: string, until: 'APPROVED' | 'ISSUED' = 'APPROVED') {
  const fundId = await fund(fundName);
  let overall = await ok(CREATE, overallInput(fundId), 'transport.zhangdian');
  overall = await step(SUBMIT, overall, 'transport.zhangdian');
  overall = await step(APPROVE, overall, 'finance.zhangdian');
  if (until === 'ISSUED') overall = await step(ISSUE, overall, 'finance.zhangdian');
  return { fundId, overall };
}

export async function approveAction(goalId: string, as: string) {
  const res = await app.gql<{
    goal: {
      availableActions: { action: string; allowed: boolean; code: string | null; details: string[] }[];
    };
  }>(
    `query($id: ID!) { goal(id: $id) { availableActions { action allowed code details } } }`,
    { id: goalId },
    { as },
  );
  return res.data!.goal.availableActions.find((a) => a.action === 'APPROVE')!;
}

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useGoalTreeApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    regions.chezhan = await regionGid(app, '370303001');
    regions.gongyuan = await regionGid(app, '370303002');
  });
  afterAll(() => app.stop());
}
