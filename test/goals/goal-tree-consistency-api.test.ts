/**
 * Issue 9 item 7 (DOMAIN §5 Consistency; 002 第十条(二)): consistency is checked whenever any goal of the tree is
 * approved (bottom-up and late children too) and reported by the `consistency` field.
 */
import { uuidOf } from '../harness/ids';
import {
  useGoalTreeApi,
  app,
  Goal,
  ok,
  refused,
  CREATE,
  SUBMIT,
  APPROVE,
  regionalInput,
  step,
  approvedOverall,
} from './goal-tree-integrity-fixtures';

useGoalTreeApi();

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
