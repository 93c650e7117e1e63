/**
 * A transfer goal's whole tree in one request (issue #3 "a goal's whole tree in one request"; DOMAIN §5
 * transfer-payment goal tree, §7, §16): overall → regional → project, with indicators and their links to
 * the parent's indicators, parents, transitions and availableActions — checked against the database, and
 * limited to what each caller may see (P6).
 */
import { uuidOf } from '../harness/ids';
import { useGoalTreeApi, app, tree, TREE, gqlTree, allowedActions } from './goal-tree-fixtures';

useGoalTreeApi();

describe('a goal’s whole tree in one request (DOMAIN §5, §16)', () => {
  test('overall → regional → project, with indicators, links, parents, transitions and actions, as in the database', async () => {
    const res = await gqlTree(TREE, { id: tree.overall }, { as: 'finance.zhangdian' });
    expect(res.errors).toBeUndefined();
    const root = res.data!.goal;
    expect(root).toMatchObject({ scope: 'TRANSFER_OVERALL', status: 'ISSUED', parent: null });
    expect(root.children.map((c) => [c.id, c.scope, c.status])).toEqual([
      [tree.regional.chezhan, 'TRANSFER_REGIONAL', 'ISSUED'],
      [tree.regional.gongyuan, 'TRANSFER_REGIONAL', 'DRAFT'],
    ]);
    const [chezhan, gongyuan] = root.children;
    expect(chezhan.children.map((c) => [c.id, c.scope, c.status])).toEqual([
      [tree.project, 'TRANSFER_PROJECT', 'SUBMITTED'],
    ]);
    expect(gongyuan.children).toEqual([]);
    const project = chezhan.children[0];
    expect(project.children).toEqual([]);

    // Parents point up the tree; each child indicator links to its parent goal's indicator.
    for (const c of root.children) expect(c.parent).toEqual({ id: root.id });
    expect(project.parent).toEqual({ id: chezhan.id });
    for (const c of root.children) expect(c.indicators[0].parentIndicatorId).toBe(root.indicators[0].id);
    expect(project.indicators[0].parentIndicatorId).toBe(chezhan.indicators[0].id);
    expect(root.indicators.map((i) => [i.target, i.aggregation])).toEqual([['20', 'SUM']]);
    expect([chezhan, gongyuan, project].map((n) => n.indicators[0].target)).toEqual(['12', '8', '12']);

    // The same tree in the database (owner view).
    const links = await app.sql<{ goal: string; parent_goal: string | null; linked_goal: string | null }>(
      `SELECT g.id AS goal, g.parent_goal_id AS parent_goal, pi.goal_id AS linked_goal
         FROM performance_goal g JOIN goal_indicator i ON i.tenant_id = g.tenant_id AND i.goal_id = g.id
         LEFT JOIN goal_indicator pi ON pi.tenant_id = i.tenant_id AND pi.id = i.parent_indicator_id
        WHERE g.fund_id = $1 ORDER BY g.created_at`,
      [uuidOf(tree.fundId)],
    );
    expect(links).toEqual([
      { goal: uuidOf(tree.overall), parent_goal: null, linked_goal: null },
      {
        goal: uuidOf(tree.regional.chezhan),
        parent_goal: uuidOf(tree.overall),
        linked_goal: uuidOf(tree.overall),
      },
      {
        goal: uuidOf(tree.regional.gongyuan),
        parent_goal: uuidOf(tree.overall),
        linked_goal: uuidOf(tree.overall),
      },
      {
        goal: uuidOf(tree.project),
        parent_goal: uuidOf(tree.regional.chezhan),
        linked_goal: uuidOf(tree.regional.chezhan),
      },
    ]);

    // Transitions of each node, as recorded (DOMAIN §7 "every transition is recorded and visible").
    expect(root.transitions.map((t) => `${t.action}→${t.toStatus} ${t.actorOrganization?.name}`)).toEqual([
      'SUBMIT→SUBMITTED 张店区交通运输局',
      'APPROVE→APPROVED 张店区财政局',
      'ISSUE→ISSUED 张店区财政局',
    ]);
    expect(gongyuan.transitions).toEqual([]);
    expect(project.transitions.map((t) => t.action)).toEqual(['SUBMIT']);
    const [{ n }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM goal_transition WHERE goal_id = ANY($1::uuid[])`,
      [[tree.overall, tree.regional.chezhan, tree.project].map(uuidOf)],
    );
    expect(n).toBe(3 + 3 + 1);

    // Actions for finance at R: it issues nothing more, does not edit others' drafts, and is not at step 1 of the project goal (P3).
    expect(allowedActions(gongyuan)).toEqual([]);
    expect(project.availableActions.find((a) => a.action === 'APPROVE')).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      principle: 'P3',
    });
  });

  test('availableActions answer for the caller: the drafter edits its draft, the project’s first reviewer approves', async () => {
    const asDept = await gqlTree(TREE, { id: tree.overall }, { as: 'transport.zhangdian' });
    expect(allowedActions(asDept.data!.goal.children[1])).toEqual(expect.arrayContaining(['EDIT', 'SUBMIT']));
    const asReviewer = await gqlTree(TREE, { id: tree.regional.chezhan }, { as: 'finance.chezhan' });
    const project = asReviewer.data!.goal.children[0];
    expect(project.id).toBe(tree.project);
    expect(allowedActions(project)).toEqual(expect.arrayContaining(['APPROVE', 'RETURN']));
  });

  test('P6: a township sees its branch of the tree, not its sibling’s; another tenant sees nothing', async () => {
    const asChezhan = await gqlTree(TREE, { id: tree.overall }, { as: 'finance.chezhan' });
    expect(asChezhan.errors).toBeUndefined();
    expect(asChezhan.data!.goal.children.map((c) => c.id)).toEqual([tree.regional.chezhan]);
    expect(asChezhan.data!.goal.children[0].children.map((c) => c.id)).toEqual([tree.project]);
    const asGongyuan = await gqlTree(TREE, { id: tree.overall }, { as: 'finance.gongyuan' });
    expect(asGongyuan.data!.goal.children.map((c) => c.id)).toEqual([tree.regional.gongyuan]);
    const asRizhao = await gqlTree(TREE, { id: tree.overall }, { as: 'finance.rizhao' });
    expect(asRizhao.data!.goal).toBeNull();
  });
});
