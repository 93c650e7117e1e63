/**
 * Shared setup of the goal tree API tests (goal-tree-api.test.ts, goal-tree-drafting-api.test.ts; issue #3,
 * DOMAIN §5, §7, §16): a transfer fund's tree arranged through the API — overall, regional and project goals —
 * and the tree query with its nodes flattened.
 */
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid } from '../harness/ids';
import { arrangeTransferFund } from '../harness/fund-fixtures';
import { ruralRoadLength } from '../harness/goal-fixtures';

export let app: TestApp;

export interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
}
export type GoalPayload = { goal: GoalRow | null; userErrors: unknown[] };

export const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id rowVersion status } userErrors { code field messageEn } } }`;
export const action = (name: string) =>
  `mutation($input: ${name[0].toUpperCase() + name.slice(1)}Input!) { ${name}(input: $input) { goal { id rowVersion status } userErrors { code field messageEn } } }`;

export async function ok(query: string, input: Record<string, unknown>, as: string): Promise<GoalRow> {
  const res: GraphQLResponse<Record<string, GoalPayload>> = await app.gql(query, { input }, { as });
  const payload = Object.values(res.data ?? {})[0];
  if (!payload?.goal) throw new Error(`expected success as ${as}: ${JSON.stringify(res)}`);
  return payload.goal;
}

export async function step(name: string, g: GoalRow, as: string): Promise<GoalRow> {
  return ok(action(name), { id: g.id, expectedVersion: g.rowVersion }, as);
}

export async function indicatorIds(goalId: string, as: string): Promise<string[]> {
  const res = await app.gql<{ goal: { indicators: { id: string }[] } }>(
    `query($id: ID!) { goal(id: $id) { indicators { id } } }`,
    { id: goalId },
    { as },
  );
  return res.data!.goal.indicators.map((i) => i.id);
}

export const length = ruralRoadLength;

export const tree = {
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

export const NODE = `id name scope status
  parent { id }
  indicators { id name target aggregation parentIndicatorId }
  transitions { action toStatus actorOrganization { name } }
  availableActions { action allowed code principle }`;
export const TREE = `query($id: ID!) { goal(id: $id) { ${NODE}
  children(first: 100) { nodes { ${NODE} children(first: 100) { nodes { ${NODE} children { nodes { id } } } } } } } }`;

export interface TreeNode {
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
export type Raw = Omit<TreeNode, 'children'> & { children?: { nodes: Raw[] } };
export const flat = (n: Raw): TreeNode =>
  ({ ...n, children: (n.children?.nodes ?? []).map(flat) }) as TreeNode;
export async function gqlTree(query: string, variables: Record<string, unknown>, options: { as: string }) {
  const res = await app.gql<{ goal: Raw | null }>(query, variables, options);
  // A goal out of view reads null; the tests that expect one say so.
  return { ...res, data: res.data && { goal: (res.data.goal && flat(res.data.goal)) as TreeNode } };
}

export const allowedActions = (n: TreeNode) =>
  n.availableActions.filter((a) => a.allowed).map((a) => a.action);

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useGoalTreeApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    const regions = {
      chezhan: await regionGid(app, '370303001'),
      gongyuan: await regionGid(app, '370303002'),
    };
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
}
