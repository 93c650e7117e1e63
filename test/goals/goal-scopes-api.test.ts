/**
 * DEPARTMENT goals (部门整体绩效目标) and TRANSFER_PROJECT goals through GraphQL (DOMAIN §5, §7, §8): drafted by
 * the right body, reviewed along the chain of the DOMAIN §7 table step by step, and refused — with
 * nothing written — for the wrong bodies (P1/P2/P3/P6 both ways). Outcomes are asserted in the database.
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { ROAD_INDICATORS, goalSeenBy } from '../harness/goal-fixtures';
import { arrangeTransferFund } from '../harness/fund-fixtures';

let app: TestApp;

interface UserErrorRow {
  code: string;
  field: string[];
  principle: string | null;
}
interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
  currentStep: number;
  reviewChain: { index: number; role: string; final: boolean }[];
}
type GoalPayload = { goal: GoalRow | null; userErrors: UserErrorRow[] };

const ERRORS = 'userErrors { code field principle }';
const G_FIELDS = 'id rowVersion status currentStep reviewChain { index role final }';
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const APPROVE = `mutation($input: ApproveGoalInput!) { approveGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const RETURN = `mutation($input: ReturnGoalInput!) { returnGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const ISSUE = `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;

const OUTPUT = { ...ROAD_INDICATORS[0], target: '10' };
const SATISFACTION = {
  category: 'SATISFACTION',
  subcategory: 'SERVICE_RECIPIENT',
  name: '群众满意度',
  kind: 'QUANTITATIVE',
  unit: '%',
  comparator: 'GTE',
  target: '90',
};

async function mutate<T>(query: string, input: Record<string, unknown>, as: string) {
  return app.gql<T>(query, { input }, { as });
}

async function ok(query: string, input: Record<string, unknown>, as: string): Promise<GoalRow> {
  const res: GraphQLResponse<Record<string, GoalPayload>> = await mutate(query, input, as);
  const payload = Object.values(res.data ?? {})[0];
  if (!payload?.goal) throw new Error(`expected success as ${as}: ${JSON.stringify(res)}`);
  expect(payload.userErrors).toEqual([]);
  return payload.goal;
}

/** Refused in the payload (code and principle of the first error); nothing written anywhere. */
async function refused(query: string, input: Record<string, unknown>, as: string) {
  const before = await app.tableDigests();
  const res: GraphQLResponse<Record<string, GoalPayload>> = await mutate(query, input, as);
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0];
  expect(payload.goal).toBeNull();
  expect(await app.tableDigests()).toEqual(before);
  return { code: payload.userErrors[0]?.code, principle: payload.userErrors[0]?.principle ?? null };
}

/**
 * Refused by the shield (audit offices, third parties: P6); nothing written. Since issue 11 item 4 the
 * refusal of a mutation with a payload comes back in its `userErrors`, not as a top-level error.
 */
async function denied(query: string, input: Record<string, unknown>, as: string) {
  const before = await app.tableDigests();
  const res = await mutate(query, input, as);
  expect(await app.tableDigests()).toEqual(before);
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0];
  expect(payload.goal).toBeNull();
  return { code: payload.userErrors[0]?.code, principle: payload.userErrors[0]?.principle };
}

/** The stored chain as organization names, and the status, step and history of a goal. */
async function stored(goalId: string) {
  const [row] = await app.sql<{ status: string; step: number; chain: string[]; drafter: string }>(
    `SELECT g.status, g.current_step AS step, d.name AS drafter,
            array(SELECT o.name FROM jsonb_array_elements(g.review_chain) s JOIN organization o ON o.id = (s->>'organizationId')::uuid ORDER BY (s->>'index')::int) AS chain
       FROM performance_goal g JOIN organization d ON d.tenant_id = g.tenant_id AND d.id = g.drafter_organization_id
      WHERE g.id = $1`,
    [uuidOf(goalId)],
  );
  const history = await app.sql<{ action: string; to_status: string; actor: string }>(
    `SELECT t.action, t.to_status, o.name AS actor FROM goal_transition t
       JOIN organization o ON o.tenant_id = t.tenant_id AND o.id = t.actor_organization_id
      WHERE t.goal_id = $1 ORDER BY t.at, t.id`,
    [uuidOf(goalId)],
  );
  return { ...row, history: history.map((h) => `${h.action}→${h.to_status} by ${h.actor}`) };
}

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

function departmentInput(name: string) {
  return {
    scope: 'DEPARTMENT',
    year: 2025,
    name,
    implementationPeriodObjective: '提升全区交通运输服务水平',
    annualObjective: '完成年度农村公路养护任务',
    annualAmount: '3000000.00',
    fiscalAmount: '3000000.00',
    otherAmount: '0.00',
    indicators: [
      // DEPARTMENT goals may carry 共性指标 (docs/domain-decisions.md; 003 第十二条(二)).
      {
        category: 'COMMON',
        subcategory: 'BUDGET_MANAGEMENT',
        name: '预算执行率',
        kind: 'QUANTITATIVE',
        unit: '%',
        comparator: 'GTE',
        target: '90',
      },
      OUTPUT,
      SATISFACTION,
    ],
  };
}

describe('DEPARTMENT goals (部门整体绩效目标): drafted by the department, reviewed by finance at its region', () => {
  // DOMAIN §7 table row DEPARTMENT; P2 (002 第十条(一); 003 第十二条), P3 (002 第十一条), P6.
  test('P2 both ways: only the department itself drafts; finance, audit and third parties are refused', async () => {
    const input = departmentInput('张店区交通运输局2025年部门整体绩效目标（权限）');
    expect(await refused(CREATE, input, 'finance.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    // A subordinate unit drafts its own unit-wide goal, never its department's (test/department/unit-goal-api.test.ts).
    expect(await denied(CREATE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect(await denied(CREATE, input, 'thirdparty.zibo')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    const g = await ok(CREATE, input, 'transport.zhangdian');
    const row = await stored(g.id);
    expect(row).toMatchObject({ status: 'DRAFT', drafter: '张店区交通运输局', chain: ['张店区财政局'] });
    const [subject] = await app.sql<{ department: string; project: string | null; fund: string | null }>(
      `SELECT o.name AS department, g.project_id AS project, g.fund_id AS fund FROM performance_goal g
         JOIN organization o ON o.tenant_id = g.tenant_id AND o.id = g.department_id WHERE g.id = $1`,
      [uuidOf(g.id)],
    );
    expect(subject).toEqual({ department: '张店区交通运输局', project: null, fund: null });
  });

  test('the chain: finance at the department’s region is the one, final step; P3 and P6 refusals each way', async () => {
    let g = await ok(
      CREATE,
      departmentInput('张店区交通运输局2025年部门整体绩效目标'),
      'transport.zhangdian',
    );
    expect(g.reviewChain).toEqual([{ index: 1, role: 'BUDGET_FINANCE', final: true }]);
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    expect(g).toMatchObject({ status: 'SUBMITTED', currentStep: 1 });
    const input = { id: g.id, expectedVersion: g.rowVersion };
    // P3: the drafter never reviews its own goal; a sibling department and a body above are not in the chain.
    expect(await refused(APPROVE, input, 'transport.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    expect(await refused(APPROVE, input, 'agri.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
    expect(await refused(APPROVE, input, 'finance.zibo')).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
    // P6: a township below, a sibling district and the other tenant do not see the goal at all.
    expect((await refused(APPROVE, input, 'finance.chezhan')).code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'finance.zichuan')).code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'finance.rizhao')).code).toBe('NOT_FOUND');
    expect(await denied(APPROVE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    g = await ok(APPROVE, input, 'finance.zhangdian');
    expect(g.status).toBe('APPROVED');
    expect(await refused(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    g = await ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.zhangdian');
    expect(await stored(g.id)).toMatchObject({
      status: 'ISSUED',
      history: [
        'SUBMIT→SUBMITTED by 张店区交通运输局',
        'APPROVE→APPROVED by 张店区财政局',
        'ISSUE→ISSUED by 张店区财政局',
      ],
    });
  });

  test('a township department’s goal is reviewed by the township’s finance, not the district’s', async () => {
    const g = await ok(
      CREATE,
      departmentInput('车站街道建设办公室2025年部门整体绩效目标'),
      'transport.chezhan',
    );
    expect((await stored(g.id)).chain).toEqual(['车站街道财政所']);
    const s = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    const input = { id: s.id, expectedVersion: s.rowVersion };
    expect(await refused(APPROVE, input, 'finance.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    expect((await refused(APPROVE, input, 'finance.gongyuan')).code).toBe('NOT_FOUND');
    expect((await ok(APPROVE, input, 'finance.chezhan')).status).toBe('APPROVED');
  });
});

/** A 张店区 factor fund allocated to 车站街道, its issued overall goal, and a 车站街道 project it finances. */
async function transferSetup(label: string) {
  const chezhan = await regionGid(app, '370303001');
  const fundId = await arrangeTransferFund(
    app,
    { name: `2025年张店区道路养护转移支付（${label}）`, ownLevel: '600000.00' },
    { [chezhan]: '600000.00' },
  );
  const project = await mutate<{ createProject: { project: { id: string } | null } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code messageEn } } }`,
    {
      name: `车站街道道路养护项目（${label}）`,
      implementingUnitId: await organizationGid(app, '车站街道市政道路养护站'),
      fundId,
      year: 2025,
      fiscalAmount: '600000.00',
      otherAmount: '0.00',
      isNew: false,
    },
    'transport.chezhan',
  );
  const projectId = project.data?.createProject.project?.id;
  if (!projectId) throw new Error(`arranging the project failed: ${JSON.stringify(project)}`);
  return { fundId, projectId };
}

function transferProjectInput(fundId: string, projectId: string) {
  return {
    scope: 'TRANSFER_PROJECT',
    year: 2025,
    name: '车站街道道路养护转移支付项目绩效目标',
    fundId,
    projectId,
    annualObjective: '养护道路10公里',
    annualAmount: '600000.00',
    indicators: [OUTPUT, SATISFACTION],
  };
}

describe('TRANSFER_PROJECT goals: drafted by the implementing unit, reviewed S’s department → S’s finance → the fund’s department → finance at R', () => {
  // DOMAIN §7 table row TRANSFER_PROJECT; 003 转移支付 第十五条(三); P2, P3, P6.
  test('P2 both ways on drafting: the unit (or its department) yes; finance, another department, the fund’s department, a sibling unit no', async () => {
    const { fundId, projectId } = await transferSetup('起草');
    const input = transferProjectInput(fundId, projectId);
    expect(await refused(CREATE, input, 'finance.chezhan')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    expect(await refused(CREATE, input, 'agri.chezhan')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    expect(await refused(CREATE, input, 'transport.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P2',
    });
    expect(await refused(CREATE, input, 'finance.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    expect((await refused(CREATE, input, 'unit.gongyuan')).code).toBe('NOT_FOUND');
    expect((await refused(CREATE, input, 'finance.rizhao')).code).toBe('NOT_FOUND');
    expect(await denied(CREATE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect(await denied(CREATE, input, 'thirdparty.zibo')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    // The unit's own department may draft for it (P2 "or its department"), and then does not review itself.
    const byDept = await ok(CREATE, input, 'transport.chezhan');
    expect((await stored(byDept.id)).chain).toEqual(['车站街道财政所', '张店区交通运输局', '张店区财政局']);
  });

  test('the four-step chain in order; out of turn (P3), the drafter (P3), outsiders (P6) refused at each step', async () => {
    const { fundId, projectId } = await transferSetup('审核');
    let g = await ok(CREATE, transferProjectInput(fundId, projectId), 'unit.chezhan');
    expect(g.reviewChain.map((s) => [s.index, s.role, s.final])).toEqual([
      [1, 'SUPERVISING_DEPARTMENT', false],
      [2, 'LOWER_FINANCE', false],
      [3, 'FUND_DEPARTMENT', false],
      [4, 'BUDGET_FINANCE', true],
    ]);
    expect((await stored(g.id)).chain).toEqual([
      '车站街道建设办公室',
      '车站街道财政所',
      '张店区交通运输局',
      '张店区财政局',
    ]);
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    const steps: [string, string[]][] = [
      ['transport.chezhan', ['finance.chezhan', 'transport.zhangdian', 'finance.zhangdian']],
      ['finance.chezhan', ['transport.chezhan', 'transport.zhangdian', 'finance.zhangdian']],
      ['transport.zhangdian', ['transport.chezhan', 'finance.chezhan', 'finance.zhangdian']],
      ['finance.zhangdian', ['transport.chezhan', 'finance.chezhan', 'transport.zhangdian']],
    ];
    for (const [reviewer, others] of steps) {
      const input = { id: g.id, expectedVersion: g.rowVersion };
      for (const other of [...others, 'unit.chezhan', 'agri.chezhan'])
        expect(await refused(APPROVE, input, other)).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
      for (const outsider of ['finance.gongyuan', 'transport.gongyuan', 'finance.zichuan', 'finance.rizhao'])
        expect((await refused(APPROVE, input, outsider)).code).toBe('NOT_FOUND');
      expect(await denied(APPROVE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
      g = await ok(APPROVE, input, reviewer);
    }
    expect(g.status).toBe('APPROVED');
    g = await ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.zhangdian');
    expect(await stored(g.id)).toMatchObject({
      status: 'ISSUED',
      drafter: '车站街道市政道路养护站',
      history: [
        'SUBMIT→SUBMITTED by 车站街道市政道路养护站',
        'APPROVE→IN_REVIEW by 车站街道建设办公室',
        'APPROVE→IN_REVIEW by 车站街道财政所',
        'APPROVE→IN_REVIEW by 张店区交通运输局',
        'APPROVE→APPROVED by 张店区财政局',
        'ISSUE→ISSUED by 张店区财政局',
      ],
    });
    const [audit] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'PerformanceGoal' AND entity_id = $1`,
      [uuidOf(g.id)],
    );
    expect(audit.n).toBe(7); // CREATE, SUBMIT, 4 × APPROVE, ISSUE (DOMAIN §15)
  });

  test('a reviewer in the middle of the chain returns it with a comment; resubmission restarts at step 1', async () => {
    const { fundId, projectId } = await transferSetup('退回');
    let g = await ok(CREATE, transferProjectInput(fundId, projectId), 'unit.chezhan');
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    expect(g).toMatchObject({ status: 'IN_REVIEW', currentStep: 3 });
    expect(
      await refused(RETURN, { id: g.id, expectedVersion: g.rowVersion, comment: '退回' }, 'finance.chezhan'),
    ).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
    g = await ok(
      RETURN,
      { id: g.id, expectedVersion: g.rowVersion, comment: '请补充时效指标' },
      'transport.zhangdian',
    );
    expect(g).toMatchObject({ status: 'RETURNED', currentStep: 0 });
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    expect(g).toMatchObject({ status: 'SUBMITTED', currentStep: 1 });
    const [row] = await app.sql<{ comment: string }>(
      `SELECT comment FROM goal_transition WHERE goal_id = $1 AND action = 'RETURN'`,
      [uuidOf(g.id)],
    );
    expect(row.comment).toBe('请补充时效指标');
  });

  test('the goal is read by its chain and subtree, not by a sibling township or the other tenant (P6)', async () => {
    const { fundId, projectId } = await transferSetup('查阅');
    const g = await ok(CREATE, transferProjectInput(fundId, projectId), 'unit.chezhan');
    const read = (as: string) => goalSeenBy(app, g.id, as);
    for (const as of [
      'unit.chezhan',
      'transport.chezhan',
      'finance.chezhan',
      'transport.zhangdian',
      'audit.zhangdian',
    ])
      expect(await read(as)).toEqual({ id: g.id });
    for (const as of [
      'unit.gongyuan',
      'finance.gongyuan',
      'finance.zichuan',
      'finance.rizhao',
      'thirdparty.zibo',
    ])
      expect(await read(as)).toBeNull();
    expect(toGlobalId('PerformanceGoal', uuidOf(g.id))).toBe(g.id);
  });
});
