/**
 * Issue 9 items 6, 10 (DOMAIN §5 Tree integrity, §6, §7): a child goal is approved only while its parent is in
 * force, the fund's ex-ante gate applies to every goal of its tree, and the drafter sees the organisations of
 * its goal's review chain. Consistency at every approval: goal-tree-consistency-api.test.ts.
 */
import { uuidOf } from '../harness/ids';
import {
  useGoalTreeApi,
  app,
  ok,
  refused,
  CREATE,
  SUBMIT,
  APPROVE,
  ISSUE,
  fund,
  overallInput,
  regionalInput,
  step,
  approvedOverall,
  approveAction,
} from './goal-tree-integrity-fixtures';

useGoalTreeApi();

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
