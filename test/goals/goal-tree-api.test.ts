/**
 * A transfer goal's whole tree in one request (issue #3 "a goal's whole tree in one request"; DOMAIN §5
 * transfer-payment goal tree, §7, §16): overall → regional → project, with indicators and their links to
 * the parent's indicators, parents, transitions and availableActions — checked against the database, and
 * limited to what each caller may see (P6).
 */
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { arrangeTransferFund } from '../harness/fund-fixtures';
import { ruralRoadLength } from '../harness/goal-fixtures';

let app: TestApp;

interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
}
type GoalPayload = { goal: GoalRow | null; userErrors: unknown[] };

const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id rowVersion status } userErrors { code field messageEn } } }`;
const action = (name: string) =>
  `mutation($input: ${name[0].toUpperCase() + name.slice(1)}Input!) { ${name}(input: $input) { goal { id rowVersion status } userErrors { code field messageEn } } }`;

async function ok(query: string, input: Record<string, unknown>, as: string): Promise<GoalRow> {
  const res: GraphQLResponse<Record<string, GoalPayload>> = await app.gql(query, { input }, { as });
  const payload = Object.values(res.data ?? {})[0];
  if (!payload?.goal) throw new Error(`expected success as ${as}: ${JSON.stringify(res)}`);
  return payload.goal;
}

async function step(name: string, g: GoalRow, as: string): Promise<GoalRow> {
  return ok(action(name), { id: g.id, expectedVersion: g.rowVersion }, as);
}

async function indicatorIds(goalId: string, as: string): Promise<string[]> {
  const res = await app.gql<{ goal: { indicators: { id: string }[] } }>(
    `query($id: ID!) { goal(id: $id) { indicators { id } } }`,
    { id: goalId },
    { as },
  );
  return res.data!.goal.indicators.map((i) => i.id);
}

const length = ruralRoadLength;

const tree = {
  fundId: '',
  overall: '',
  regional: {} as Record<string, string>,
  project: '',
  projectId: '',
  regionalIndicator: '',
};

/**
 * The tree of a 张店区 factor fund: the issued overall goal (20 km), top-down regional goals for 车站街道
 * (12 km, issued) and 公园街道 (8 km, draft), and under 车站街道's a TRANSFER_PROJECT goal (12 km, submitted,
 * so at step 1: 车站街道财政所).
 */
beforeAll(async () => {
  app = await TestApp.start();
  const regions = { chezhan: await regionGid(app, '370303001'), gongyuan: await regionGid(app, '370303002') };
  tree.fundId = await arrangeTransferFund(
    app,
    { name: '2025年张店区农村公路养护转移支付（目标树）', ownLevel: '800000.00' },
    { [regions.chezhan]: '500000.00', [regions.gongyuan]: '300000.00' },
  );
  const overall = await ok(
    CREATE,
    {
      scope: 'TRANSFER_OVERALL',
      year: 2025,
      name: '张店区农村公路养护整体绩效目标（目标树）',
      fundId: tree.fundId,
      implementationPeriodObjective: '全区农村公路养护',
      annualObjective: '养护农村公路20公里',
      annualAmount: '800000.00',
      indicators: [length('20', { aggregation: 'SUM' })],
    },
    'transport.zhangdian',
  );
  tree.overall = overall.id;
  const [overallIndicator] = await indicatorIds(overall.id, 'transport.zhangdian');
  const regional = (region: string, code: string, target: string, amount: string) =>
    ok(
      CREATE,
      {
        scope: 'TRANSFER_REGIONAL',
        year: 2025,
        name: `农村公路养护分区域目标（${code}）`,
        fundId: tree.fundId,
        regionId: region,
        parentGoalId: overall.id,
        decomposition: 'TOP_DOWN',
        annualObjective: '养护农村公路',
        annualAmount: amount,
        indicators: [length(target, { parentIndicatorId: overallIndicator, aggregation: 'SUM' })],
      },
      'transport.zhangdian',
    );
  let chezhan = await regional(regions.chezhan, '370303001', '12', '500000.00');
  const gongyuan = await regional(regions.gongyuan, '370303002', '8', '300000.00');
  tree.regional = { chezhan: chezhan.id, gongyuan: gongyuan.id };
  let o = await step('submitGoal', overall, 'transport.zhangdian');
  o = await step('approveGoal', o, 'finance.zhangdian');
  await step('issueGoal', o, 'finance.zhangdian');
  chezhan = await step('submitGoal', chezhan, 'transport.zhangdian');
  chezhan = await step('approveGoal', chezhan, 'finance.zhangdian');
  await step('issueGoal', chezhan, 'finance.zhangdian');

  const project = await app.gql<{ createProject: { project: { id: string } } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code } } }`,
    {
      input: {
        name: '车站街道农村公路养护项目（目标树）',
        implementingUnitId: await organizationGid(app, '车站街道市政道路养护站'),
        fundId: tree.fundId,
        year: 2025,
        fiscalAmount: '500000.00',
        otherAmount: '0.00',
        isNew: false,
      },
    },
    { as: 'transport.chezhan' },
  );
  const [regionalIndicator] = await indicatorIds(tree.regional.chezhan, 'transport.chezhan');
  const p = await ok(
    CREATE,
    {
      scope: 'TRANSFER_PROJECT',
      year: 2025,
      name: '车站街道农村公路养护项目绩效目标（目标树）',
      fundId: tree.fundId,
      projectId: project.data!.createProject.project.id,
      parentGoalId: tree.regional.chezhan,
      annualObjective: '养护农村公路12公里',
      annualAmount: '500000.00',
      indicators: [length('12', { parentIndicatorId: regionalIndicator })],
    },
    // The unit's department drafts for it (P2 "or its department"): the unit itself cannot yet, see the last test.
    'transport.chezhan',
  );
  tree.project = (await step('submitGoal', p, 'transport.chezhan')).id;
  tree.projectId = project.data!.createProject.project.id;
  tree.regionalIndicator = regionalIndicator;
});
afterAll(async () => app.stop());

const NODE = `id name scope status
  parent { id }
  indicators { id name target aggregation parentIndicatorId }
  transitions { action toStatus actorOrganization { name } }
  availableActions { action allowed code principle }`;
const TREE = `query($id: ID!) { goal(id: $id) { ${NODE}
  children(first: 100) { nodes { ${NODE} children(first: 100) { nodes { ${NODE} children { nodes { id } } } } } } } }`;

interface TreeNode {
  id: string;
  name: string;
  scope: string;
  status: string;
  parent: { id: string } | null;
  indicators: { id: string; target: string; aggregation: string | null; parentIndicatorId: string | null }[];
  transitions: { action: string; toStatus: string; actorOrganization: { name: string } | null }[];
  availableActions: { action: string; allowed: boolean; code: string | null; principle: string | null }[];
  children: TreeNode[];
}

/** The tree with each `children` connection read as its list of nodes (issue 11 item 7). */
type Raw = Omit<TreeNode, 'children'> & { children?: { nodes: Raw[] } };
const flat = (n: Raw): TreeNode => ({ ...n, children: (n.children?.nodes ?? []).map(flat) }) as TreeNode;
async function gqlTree(query: string, variables: Record<string, unknown>, options: { as: string }) {
  const res = await app.gql<{ goal: Raw | null }>(query, variables, options);
  // A goal out of view reads null; the tests that expect one say so.
  return { ...res, data: res.data && { goal: (res.data.goal && flat(res.data.goal)) as TreeNode } };
}

const allowedActions = (n: TreeNode) => n.availableActions.filter((a) => a.allowed).map((a) => a.action);

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
