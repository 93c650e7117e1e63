/**
 * The implementing unit drafts under the regional goal (DOMAIN §5 TRANSFER_PROJECT; P2), in the tree of
 * goal-tree-fixtures.ts.
 */
import { uuidOf } from '../harness/ids';
import { useGoalTreeApi, app, GoalPayload, CREATE, length, tree } from './goal-tree-fixtures';

useGoalTreeApi();

describe('the implementing unit drafts under the regional goal (DOMAIN §5 TRANSFER_PROJECT; P2)', () => {
  // DOMAIN §5: TRANSFER_PROJECT goals "for projects under a regional goal; set by the applying/implementing
  // unit", each child indicator linked to the parent indicator it contributes to (003 转移支付 第十五条(三)).
  test('unit.chezhan creates a TRANSFER_PROJECT goal whose parent is 车站街道’s regional goal, linked to its indicator', async () => {
    const res = await app.gql<{
      createGoal: GoalPayload & { userErrors: { code: string; field: string[] }[] };
    }>(
      CREATE,
      {
        input: {
          scope: 'TRANSFER_PROJECT',
          year: 2025,
          name: '车站街道农村公路养护项目绩效目标（单位编制）',
          fundId: tree.fundId,
          projectId: tree.projectId,
          parentGoalId: tree.regional.chezhan,
          annualObjective: '养护农村公路12公里',
          annualAmount: '500000.00',
          indicators: [length('12', { parentIndicatorId: tree.regionalIndicator })],
        },
      },
      { as: 'unit.chezhan' },
    );
    expect(res.data!.createGoal.userErrors).toEqual([]);
    const goal = res.data!.createGoal.goal!;
    const [row] = await app.sql<{ parent: string; drafter: string }>(
      `SELECT g.parent_goal_id AS parent, o.name AS drafter FROM performance_goal g
         JOIN organization o ON o.tenant_id = g.tenant_id AND o.id = g.drafter_organization_id WHERE g.id = $1`,
      [uuidOf(goal.id)],
    );
    expect(row).toEqual({ parent: uuidOf(tree.regional.chezhan), drafter: '车站街道市政道路养护站' });
  });
});
