/**
 * Issue 9 items 6, 7, 10 (DOMAIN §5 Tree integrity and Consistency, §6, §7): a child goal is approved only
 * while its parent is in force, the fund's ex-ante gate applies to every goal of its tree, consistency is
 * checked whenever any goal of the tree is approved (bottom-up and late children too) and reported by the
 * `consistency` field, and the drafter sees the organisations of its goal's review chain.
 */
import { TestApp } from '../harness/app';
import { mutations } from '../harness/mutations';
import { regionGid, uuidOf } from '../harness/ids';
import { arrangeTransferFund } from '../harness/fund-fixtures';
import { ruralRoadLength } from '../harness/goal-fixtures';

let app: TestApp;
interface Goal {
  id: string;
  rowVersion: number;
  status: string;
  indicators: { id: string }[];
}
const { ok, refused } = mutations<Goal>(() => app, 'goal');
const G =
  'goal { id rowVersion status indicators { id } } userErrors { code field message messageEn principle }';
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { ${G} } }`;
const act = (m: string) =>
  `mutation($input: ${m[0].toUpperCase() + m.slice(1)}Input!) { ${m}(input: $input) { ${G} } }`;
const [SUBMIT, APPROVE, ISSUE] = ['submitGoal', 'approveGoal', 'issueGoal'].map(act);

const length = ruralRoadLength;
const regions: Record<string, string> = {};

async function fund(name: string, flags: Record<string, unknown> = {}): Promise<string> {
  return arrangeTransferFund(
    app,
    { name, ownLevel: '800000.00', ...flags },
    { [regions.chezhan]: '500000.00', [regions.gongyuan]: '300000.00' },
  );
}

const overallInput = (fundId: string) => ({
  scope: 'TRANSFER_OVERALL',
  year: 2025,
  name: '农村公路养护整体绩效目标',
  fundId,
  implementationPeriodObjective: '全区农村公路养护',
  annualObjective: '养护农村公路20公里',
  annualAmount: '800000.00',
  indicators: [length('20', { aggregation: 'SUM' })],
});

const regionalInput = (
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

const step = (q: string, g: Goal, as: string) => ok(q, { id: g.id, expectedVersion: g.rowVersion }, as);

/**
 * A new fund and its overall goal, drafted by the fund's department and approved by finance at R (DOMAIN §7);
 * `until: 'ISSUED'` issues it too.
 */
async function approvedOverall(fundName: string, until: 'APPROVED' | 'ISSUED' = 'APPROVED') {
  const fundId = await fund(fundName);
  let overall = await ok(CREATE, overallInput(fundId), 'transport.zhangdian');
  overall = await step(SUBMIT, overall, 'transport.zhangdian');
  overall = await step(APPROVE, overall, 'finance.zhangdian');
  if (until === 'ISSUED') overall = await step(ISSUE, overall, 'finance.zhangdian');
  return { fundId, overall };
}

async function approveAction(goalId: string, as: string) {
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

beforeAll(async () => {
  app = await TestApp.start();
  regions.chezhan = await regionGid(app, '370303001');
  regions.gongyuan = await regionGid(app, '370303002');
});
afterAll(() => app.stop());

describe('tree integrity (DOMAIN §5; issue 9 item 6)', () => {
  test('a regional goal under a DRAFT overall goal of an unassessed new major fund is not approved: parent and gate both named, nothing written', async () => {
    // DOMAIN §5 Tree integrity; §6 gate (003 第九条: 未开展事前绩效评估…不得安排预算)
    const fundId = await fund('2025年新设重大专项（未评估）', { isNewMajor: true });
    const overall = await ok(CREATE, overallInput(fundId), 'transport.zhangdian');
    let child = await ok(
      CREATE,
      regionalInput(fundId, overall, 'chezhan', '12', '500000.00', 'TOP_DOWN'),
      'transport.zhangdian',
    );
    child = await step(SUBMIT, child, 'transport.zhangdian');
    const action = await approveAction(child.id, 'finance.zhangdian');
    expect(action).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION' });
    expect(action.details.join(' ')).toContain('上级绩效目标尚未生效');
    expect(action.details.join(' ')).toContain('未开展事前绩效评估');
    const errors = await refused(
      APPROVE,
      { id: child.id, expectedVersion: child.rowVersion },
      'finance.zhangdian',
    );
    expect(errors[0].code).toBe('WORKFLOW_VIOLATION');
    const all = errors.map((e) => e.messageEn).join(' ');
    expect(all).toContain('parent goal is not in force');
    expect(all).toContain('No ex-ante assessment');
    const [row] = await app.sql<{ status: string }>(`SELECT status FROM performance_goal WHERE id = $1`, [
      uuidOf(child.id),
    ]);
    expect(row.status).toBe('SUBMITTED');
  });

  test('the fund’s gate alone blocks a regional goal whose parent is in force', async () => {
    // DOMAIN §5 "the ex-ante gate (§6) of the fund applies to every goal of its tree"
    const { fundId, overall } = await approvedOverall('2025年专项（后认定为新设重大）');
    const flagged = await app.gql<{ updateFund: { userErrors: unknown[] } }>(
      `mutation($input: UpdateFundInput!) { updateFund(input: $input) { userErrors { code messageEn } } }`,
      { input: { id: fundId, expectedVersion: 2, isNewMajor: true } },
      { as: 'transport.zhangdian' },
    );
    expect(flagged.data!.updateFund.userErrors).toEqual([]);
    let child = await ok(
      CREATE,
      regionalInput(fundId, overall, 'chezhan', '20', '800000.00', 'TOP_DOWN'),
      'transport.zhangdian',
    );
    child = await step(SUBMIT, child, 'transport.zhangdian');
    const errors = await refused(
      APPROVE,
      { id: child.id, expectedVersion: child.rowVersion },
      'finance.zhangdian',
    );
    const all = errors.map((e) => e.messageEn).join(' ');
    expect(all).toContain('No ex-ante assessment');
    expect(all).not.toContain('parent goal is not in force');
  });

  test('once the parent is in force, the child is approved and issued', async () => {
    // DOMAIN §5 Tree integrity (allowed side)
    const { fundId, overall } = await approvedOverall('2025年专项（目标树完整）');
    let child = await ok(
      CREATE,
      regionalInput(fundId, overall, 'chezhan', '20', '800000.00', 'TOP_DOWN'),
      'transport.zhangdian',
    );
    child = await step(SUBMIT, child, 'transport.zhangdian');
    child = await step(APPROVE, child, 'finance.zhangdian');
    child = await step(ISSUE, child, 'finance.zhangdian');
    expect(child.status).toBe('ISSUED');
  });
});

describe('consistency at every approval (DOMAIN §5; 002 第十条(二); issue 9 item 7)', () => {
  const fundIds: Record<string, string> = {};
  const goals: Record<string, Goal> = {};
  const REPORT = `query($id: ID!) { goal(id: $id) { consistency { parentGoal { id } childCount complete ok
      indicators { name aggregation comparator combined target meets linkedChildren }
      money { childrenTotal allocated meets } errors { reason message messageEn } warnings { reason message } } } }`;

  beforeAll(async () => {
    const tree = await approvedOverall('2025年农村公路养护（自下而上）', 'ISSUED');
    [fundIds.t, goals.overall] = [tree.fundId, tree.overall];
  });

  test('bottom-up: the first region is approved while the decomposition is incomplete; the last one is checked against its siblings in force', async () => {
    // DOMAIN §5 Consistency: "whenever any goal of the tree is approved … counting the siblings in force"
    let c = await ok(
      CREATE,
      regionalInput(fundIds.t, goals.overall, 'chezhan', '12', '500000.00', 'BOTTOM_UP'),
      'transport.chezhan',
    );
    c = await step(SUBMIT, c, 'transport.chezhan');
    for (const who of ['finance.chezhan', 'transport.zhangdian', 'finance.zhangdian'])
      c = await step(APPROVE, c, who);
    expect(c.status).toBe('APPROVED');
    const pending = (
      await app.gql<{ goal: { consistency: Record<string, unknown> } }>(
        REPORT,
        { id: c.id },
        { as: 'finance.zhangdian' },
      )
    ).data!.goal.consistency;
    expect(pending).toMatchObject({
      childCount: 1,
      complete: false,
      ok: true,
      money: { childrenTotal: '500000.00', allocated: '800000.00', meets: true },
    });
    expect(pending.warnings).toEqual([expect.objectContaining({ reason: 'TARGET_PENDING' })]);

    let g = await ok(
      CREATE,
      regionalInput(fundIds.t, goals.overall, 'gongyuan', '5', '300000.00', 'BOTTOM_UP'),
      'transport.gongyuan',
    );
    g = await step(SUBMIT, g, 'transport.gongyuan');
    g = await step(APPROVE, g, 'finance.gongyuan');
    // The reviewer sees the report before deciding: 12 + 5 = 17 < 20.
    const report = (
      await app.gql<{ goal: { consistency: Record<string, unknown> } }>(
        REPORT,
        { id: g.id },
        { as: 'transport.zhangdian' },
      )
    ).data!.goal.consistency;
    expect(report).toMatchObject({
      parentGoal: { id: goals.overall.id },
      childCount: 2,
      complete: true,
      ok: false,
      indicators: [
        {
          name: '养护农村公路里程',
          aggregation: 'SUM',
          comparator: 'GTE',
          combined: '17',
          target: '20',
          meets: false,
          linkedChildren: 2,
        },
      ],
      money: { childrenTotal: '800000.00', allocated: '800000.00', meets: true },
    });
    expect(JSON.stringify(report.errors)).toContain('17');
    // A township body does not judge the district's decomposition (it does not see the siblings): null.
    const township = await app.gql<{ goal: { consistency: unknown } }>(
      REPORT,
      { id: g.id },
      { as: 'transport.gongyuan' },
    );
    expect(township.data!.goal.consistency).toBeNull();

    const errors = await refused(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    expect(errors[0].code).toBe('WORKFLOW_VIOLATION');
    expect(errors.map((e) => e.message).join(' ')).toContain('17');
    const [row] = await app.sql<{ status: string; current_step: number }>(
      `SELECT status, current_step FROM performance_goal WHERE id = $1`,
      [uuidOf(g.id)],
    );
    expect(row).toEqual({ status: 'IN_REVIEW', current_step: 2 });
  });

  test('a late child whose money overshoots the allocation is refused at once, even with the decomposition incomplete', async () => {
    // DOMAIN §5 "the children's money must add up to the allocation"; §4 allocations
    const { fundId, overall: o } = await approvedOverall('2025年农村公路养护（资金超额）');
    let c = await ok(
      CREATE,
      regionalInput(fundId, o, 'chezhan', '20', '900000.00', 'TOP_DOWN'),
      'transport.zhangdian',
    );
    c = await step(SUBMIT, c, 'transport.zhangdian');
    const errors = await refused(APPROVE, { id: c.id, expectedVersion: c.rowVersion }, 'finance.zhangdian');
    expect(errors.map((e) => e.message).join(' ')).toContain('900000.00 ≠ 分配总额 800000.00');
  });
});

describe('the review chain is visible to the drafter (DOMAIN §7; issue 9 item 10)', () => {
  test('the township drafter sees every organisation of the chain and of each transition; person names only at or above the actor’s level', async () => {
    // DOMAIN §7: "the organisations of the review chain are never hidden from those who take part in it"
    const { fundId, overall: o } = await approvedOverall('2025年农村公路养护（审核链可见）', 'ISSUED');
    let c = await ok(
      CREATE,
      regionalInput(fundId, o, 'chezhan', '20', '800000.00', 'BOTTOM_UP'),
      'transport.chezhan',
    );
    c = await step(SUBMIT, c, 'transport.chezhan');
    for (const who of ['finance.chezhan', 'transport.zhangdian']) c = await step(APPROVE, c, who);
    const Q = `query($id: ID!) { goal(id: $id) { reviewChain { role organization { name } }
      transitions { action actorName actorOrganization { name } } } }`;
    type View = {
      goal: {
        reviewChain: { role: string; organization: { name: string } | null }[];
        transitions: {
          action: string;
          actorName: string | null;
          actorOrganization: { name: string } | null;
        }[];
      } | null;
    };
    const as = async (login: string) => (await app.gql<View>(Q, { id: c.id }, { as: login })).data!.goal;
    const [names] = await app.sql<{ names: string[] }>(
      `SELECT array(SELECT u.display_name FROM goal_transition t JOIN app_user u ON u.id = t.actor_user_id WHERE t.goal_id = $1 ORDER BY t.at, t.id) AS names`,
      [uuidOf(c.id)],
    );
    const drafter = await as('transport.chezhan');
    expect(drafter!.reviewChain.map((s) => s.organization?.name)).toEqual([
      '车站街道财政所',
      '张店区交通运输局',
      '张店区财政局',
    ]);
    expect(drafter!.transitions.map((t) => t.actorOrganization?.name)).toEqual([
      '车站街道建设办公室',
      '车站街道财政所',
      '张店区交通运输局',
    ]);
    // Names: its own person and its township's finance (same region, a body of the township) — not the district's.
    expect(drafter!.transitions.map((t) => t.actorName)).toEqual([names.names[0], names.names[1], null]);
    const lower = await as('finance.chezhan');
    expect(lower!.transitions.map((t) => t.actorOrganization?.name)).toEqual([
      '车站街道建设办公室',
      '车站街道财政所',
      '张店区交通运输局',
    ]);
    const district = await as('finance.zhangdian');
    expect(district!.transitions.map((t) => t.actorName)).toEqual(names.names);
    // Outside the chain and the jurisdiction: the goal itself stays hidden (P6).
    expect(await as('transport.gongyuan')).toBeNull();
  });
});
