/**
 * The statement count of a goal list (issue #3 "a constant number of SQL statements"; STYLE "Performance
 * shape"; DOMAIN §16): the same for 1 goal and for N goals, field by field and for everything at once, in
 * the states whose fields do the most work (drafts: completeness; in review: the ex-ante gate and, for
 * overall goals, the consistency check against the regional children). Technique of test/query-count.test.ts:
 * `extensions.sqlStatements`. Goals are told apart by a tag in their names, never by empty tables.
 */
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid } from '../harness/ids';
import { ROAD_INDICATORS } from '../harness/goal-fixtures';
import { arrangeTransferFund } from '../harness/fund-fixtures';

let app: TestApp;
const N = 4;
const TAG = '语句计数';

interface GoalRow {
  id: string;
  rowVersion: number;
}
type GoalPayload = { goal: GoalRow | null; userErrors: unknown[] };

const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id rowVersion } userErrors { code field messageEn } } }`;
const action = (name: string) =>
  `mutation($input: ${name[0].toUpperCase() + name.slice(1)}Input!) { ${name}(input: $input) { goal { id rowVersion } userErrors { code field messageEn } } }`;

async function ok(query: string, input: Record<string, unknown>, as: string): Promise<GoalRow> {
  const res: GraphQLResponse<Record<string, GoalPayload>> = await app.gql(query, { input }, { as });
  const payload = Object.values(res.data ?? {})[0];
  if (!payload?.goal) throw new Error(`expected success as ${as}: ${JSON.stringify(res)}`);
  return payload.goal;
}

const OUTPUT = { ...ROAD_INDICATORS[0], target: '10' };

/** A 车站街道 project goal drafted by its unit, left as DRAFT or taken to SUBMITTED. */
async function projectGoal(k: number, submitted: boolean): Promise<void> {
  const project = await app.gql<{ createProject: { project: { id: string } } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code } } }`,
    {
      input: {
        name: `${TAG}项目${submitted ? '审核中' : '草稿'}${k}`,
        implementingUnitId: await organizationGid(app, '车站街道市政道路养护站'),
        year: 2025,
        fiscalAmount: '100000.00',
        otherAmount: '0.00',
        isNew: false,
      },
    },
    { as: 'transport.chezhan' },
  );
  const g = await ok(
    CREATE,
    {
      scope: 'PROJECT',
      year: 2025,
      name: `${TAG}项目目标${submitted ? '审核中' : '草稿'}${k}`,
      projectId: project.data!.createProject.project.id,
      implementationPeriodObjective: '道路养护',
      annualObjective: '养护道路10公里',
      annualAmount: '100000.00',
      fiscalAmount: '100000.00',
      otherAmount: '0.00',
      indicators: [OUTPUT],
    },
    'unit.chezhan',
  );
  if (submitted) await ok(action('submitGoal'), { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
}

/** A 张店区 factor fund with a submitted overall goal and a top-down regional child (consistency is checked). */
async function overallGoal(k: number): Promise<void> {
  const chezhan = await regionGid(app, '370303001');
  const fundId = await arrangeTransferFund(
    app,
    { name: `${TAG}资金${k}`, ownLevel: '100000.00' },
    { [chezhan]: '100000.00' },
  );
  const overall = await ok(
    CREATE,
    {
      scope: 'TRANSFER_OVERALL',
      year: 2025,
      name: `${TAG}整体目标${k}`,
      fundId,
      implementationPeriodObjective: '道路养护',
      annualObjective: '养护道路10公里',
      annualAmount: '100000.00',
      indicators: [{ ...OUTPUT, aggregation: 'SUM' }],
    },
    'transport.zhangdian',
  );
  const indicators = await app.gql<{ goal: { indicators: { id: string }[] } }>(
    `query($id: ID!) { goal(id: $id) { indicators { id } } }`,
    { id: overall.id },
    { as: 'transport.zhangdian' },
  );
  await ok(
    CREATE,
    {
      scope: 'TRANSFER_REGIONAL',
      year: 2025,
      name: `${TAG}分区域目标${k}`,
      fundId,
      regionId: chezhan,
      parentGoalId: overall.id,
      decomposition: 'TOP_DOWN',
      annualObjective: '养护道路10公里',
      annualAmount: '100000.00',
      indicators: [{ ...OUTPUT, parentIndicatorId: indicators.data!.goal.indicators[0].id }],
    },
    'transport.zhangdian',
  );
  await ok(
    action('submitGoal'),
    { id: overall.id, expectedVersion: overall.rowVersion },
    'transport.zhangdian',
  );
}

beforeAll(async () => {
  app = await TestApp.start();
  for (let k = 1; k <= N; k += 1) {
    await projectGoal(k, false);
    await projectGoal(k, true);
    await overallGoal(k);
  }
});
afterAll(async () => app.stop());

/** Every object field of a goal that loads something, each alone (so a failure names the field). */
const FIELDS: Record<string, string> = {
  indicators: 'indicators { id name target parentIndicatorId }',
  transitions: 'transitions { action at actorName actorOrganization { name } }',
  availableActions: 'availableActions { action allowed code reason principle details requires }',
  parent: 'parent { id name }',
  children: 'children { totalCount nodes { id name } }',
  withdrawnAdjustments: 'withdrawnAdjustments { nodes { id } }',
  project: 'project { id name }',
  fund: 'fund { id name }',
  region: 'region { id name }',
  drafter: 'drafter { id name }',
  reviewChain: 'reviewChain { index role organization { name } }',
  previousVersion: 'previousVersion { id }',
  nextVersion: 'nextVersion { id }',
  // Issue 9 items 7 and 11: the decomposition report (DOMAIN §5) and the 附件1–3 header.
  consistency:
    'consistency { parentGoal { id } childCount complete ok indicators { parentIndicator { id } name combined target meets linkedChildren } money { childrenTotal allocated meets } errors { message } warnings { message } }',
  header: 'header { projectAttribute periodStartYear allocatingLevelAmount }',
};
const ALL = Object.values(FIELDS).join('\n');

/**
 * The groups compared: the first `baseline` goals (1 goal of one kind and state; for the mixed group one
 * draft and one in review, oldest first, so that every kind of work is already present) vs all of them.
 */
const GROUPS: Record<string, { filter: Record<string, unknown>; as: string; baseline?: number }> = {
  'PROJECT drafts': { filter: { scope: 'PROJECT', status: 'DRAFT', text: TAG }, as: 'finance.zhangdian' },
  'PROJECT in review': {
    filter: { scope: 'PROJECT', status: 'SUBMITTED', text: TAG },
    as: 'finance.zhangdian',
  },
  // availableActions runs the consistency check (DOMAIN §5) for each overall goal in review.
  'TRANSFER_OVERALL in review (consistency)': {
    filter: { scope: 'TRANSFER_OVERALL', status: 'SUBMITTED', text: TAG },
    as: 'finance.zhangdian',
  },
  // The consistency report of each regional child against its parent's tree (DOMAIN §5, issue 9 item 7).
  'TRANSFER_REGIONAL drafts (consistency report)': {
    filter: { scope: 'TRANSFER_REGIONAL', status: 'DRAFT', text: TAG },
    as: 'finance.zhangdian',
  },
  'the unit’s drafts and goals in review, mixed': { filter: { text: TAG }, as: 'unit.chezhan', baseline: 2 },
};

async function statements(selection: string, group: string, first: number) {
  const { filter, as } = GROUPS[group];
  const res = await app.gql<{ goals: { nodes: { id: string }[] } }>(
    `query($filter: GoalFilter, $first: Int) { goals(filter: $filter, first: $first, orderBy: { field: CREATED_AT }) { nodes { id ${selection} } } }`,
    { filter, first },
    { as },
  );
  expect(res.errors).toBeUndefined();
  return { count: res.extensions!.sqlStatements!, goals: res.data!.goals.nodes.length };
}

describe('a goal list costs the same number of SQL statements for 1 goal and for N goals', () => {
  test.each(Object.keys(GROUPS))('%s: all fields at once', async (group) => {
    const baseline = GROUPS[group].baseline ?? 1;
    const one = await statements(ALL, group, baseline);
    const many = await statements(ALL, group, 100);
    expect(one.goals).toBe(baseline);
    expect(many.goals).toBeGreaterThanOrEqual(2 * baseline);
    expect({ group, statements: many.count }).toEqual({ group, statements: one.count });
  });

  const cases = Object.keys(GROUPS).flatMap((group) => Object.keys(FIELDS).map((field) => [group, field]));
  test.each(cases)('%s: field %s alone', async (group, field) => {
    const baseline = GROUPS[group].baseline ?? 1;
    const one = await statements(FIELDS[field], group, baseline);
    const many = await statements(FIELDS[field], group, 100);
    expect(many.goals).toBeGreaterThanOrEqual(2 * baseline);
    expect({ field, statements: many.count }).toEqual({ field, statements: one.count });
  });
});
