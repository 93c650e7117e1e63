/**
 * The compilation of the worked example through GraphQL (DOMAIN §11; P4; 003 转移支付 第二十三条): once the
 * township departments have reviewed the project self-evaluations, they compile their regions to 96.08
 * and 98.40 and the fund's department compiles the overall 98.13; a second compilation is refused.
 * Split from compile-api.test.ts (the refusals before it).
 */
import { gid } from './fixtures';
import { ERR, EVAL, M, useCompileWorld } from './compile-fixtures';

const { app, ok, refused, world, indicatorOfGoal } = useCompileWorld(true);

test('DOMAIN §11: the regions compile to 96.08 and 98.40; the fund’s department compiles the overall 98.13', async () => {
  const entries = async (key: 'A' | 'B', names: string[]) =>
    Promise.all(
      names.map(async (n) => ({
        indicatorId: await indicatorOfGoal(key, n),
        explanation: `${n}：见项目自评说明`,
      })),
    );
  const a = await ok(
    M.compile,
    {
      goalId: gid('PerformanceGoal', world.tree.regions.A.goal),
      entries: await entries('A', ['新改建农村公路里程', '当年完工率']),
      budgetExecutionExplanation: '部分工程款待结算',
    },
    'transport.chezhan',
  );
  expect(a).toMatchObject({ status: 'SUBMITTED', total: '96.08', grade: 'EXCELLENT' });
  const b = await ok(
    M.compile,
    {
      goalId: gid('PerformanceGoal', world.tree.regions.B.goal),
      entries: await entries('B', ['工程验收合格率', '群众满意度']),
      fundArrivalExplanation: '上级资金部分未到位',
    },
    'transport.gongyuan',
  );
  expect(b).toMatchObject({ status: 'SUBMITTED', total: '98.40' });
  // A second compilation of a submitted result is refused (P8).
  const again = await refused(
    M.compile,
    { goalId: gid('PerformanceGoal', world.tree.regions.A.goal) },
    'transport.chezhan',
  );
  expect(again[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', principle: 'P8' });

  // 003 转移支付 第二十三条 (issue 9 item 12): each region's result passes its township finance office first.
  for (const [e, finance] of [
    [a, 'finance.chezhan'],
    [b, 'finance.gongyuan'],
  ] as const) {
    await ok(
      `mutation($input: ReviewCompiledResultAsFinanceInput!) { reviewCompiledResultAsFinance(input: $input) { ${EVAL} ${ERR} } }`,
      { id: e.id, expectedVersion: e.rowVersion, decision: 'APPROVE' },
      finance,
    );
  }
  for (const e of [a, b]) {
    await ok(
      M.review,
      { id: e.id, expectedVersion: e.rowVersion, decision: 'APPROVE' },
      'transport.zhangdian',
    );
  }
  const overallIndicators = await app.sql<{ id: string; name: string }>(
    'SELECT id, name FROM goal_indicator WHERE goal_id = $1',
    [world.tree.overall],
  );
  const idOf = (n: string) => gid('GoalIndicator', overallIndicators.find((i) => i.name === n)!.id);
  const overall = await ok(
    M.compile,
    {
      goalId: gid('PerformanceGoal', world.tree.overall),
      entries: ['新改建农村公路里程', '当年完工率', '群众满意度'].map((n) => ({
        indicatorId: idOf(n),
        explanation: `${n}：见分区域汇总`,
      })),
      fundArrivalExplanation: '公园街道资金部分未到位',
      budgetExecutionExplanation: '车站街道工程款待结算',
    },
    'transport.zhangdian',
  );
  expect(overall).toMatchObject({ status: 'SUBMITTED', total: '98.13', grade: 'EXCELLENT' });

  const [row] = await app.sql<{
    budgeted: string;
    in_place: string;
    spent: string;
    reviewer: string;
    evaluator: string;
  }>(
    `SELECT e.budgeted::text, e.in_place::text, e.spent::text, r.name AS reviewer, v.name AS evaluator
       FROM evaluation e JOIN organization r ON r.id = e.reviewer_organization_id JOIN organization v ON v.id = e.evaluator_organization_id
      WHERE e.goal_id = $1 AND e.kind = 'SELF'`,
    [world.tree.overall],
  );
  expect(row).toMatchObject({ budgeted: '10000000.00', in_place: '9800000.00', spent: '9500000.00' });
  expect(row.reviewer).toContain('财政');
  const actuals = await app.sql<{ name: string; actual: string; score: string }>(
    `SELECT gi.name, ea.actual::text, ea.score::text FROM evaluation_actual ea JOIN goal_indicator gi ON gi.id = ea.indicator_id
       JOIN evaluation e ON e.id = ea.evaluation_id WHERE e.goal_id = $1 ORDER BY gi.position`,
    [world.tree.overall],
  );
  expect(actuals.map((r) => [Number(r.actual), r.score])).toEqual([
    [47, '18.80'],
    [96, '15.00'],
    [88, '14.67'],
    [20500, '30.00'],
    [89.2, '9.91'],
  ]);
  // Submitted to finance at the fund's level, which reviews it (DOMAIN §11; 003 转移支付 第二十三条).
  expect(
    (
      await refused(
        M.review,
        { id: overall.id, expectedVersion: overall.rowVersion, decision: 'APPROVE' },
        'transport.zhangdian',
      )
    )[0],
  ).toMatchObject({ code: 'FORBIDDEN' });
  const reviewed = await ok(
    M.review,
    { id: overall.id, expectedVersion: overall.rowVersion, decision: 'APPROVE' },
    'finance.zhangdian',
  );
  expect(reviewed.status).toBe('REVIEWED');
  const node = await app.gql<{ node: { status: string } | null }>(
    `query($id: ID!) { node(id: $id) { ... on Evaluation { status } } }`,
    { id: overall.id },
    { as: 'audit.zhangdian' },
  );
  expect(node.data!.node).toEqual({ status: 'REVIEWED' });
  const audit = await app.sql<{ action: string }>(
    `SELECT action FROM audit_event WHERE entity_type = 'Evaluation' AND action = 'COMPILE'`,
  );
  expect(audit).toHaveLength(3);
});
