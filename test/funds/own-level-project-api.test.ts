/**
 * Issue 9 item 5, own-level projects (本级项目) a competent department runs itself, without an
 * implementing unit (DOMAIN §3; 002 第十六条 "部门本级和所属单位"): the department creates the project
 * (P2), drafts its goal (P2 "or its department"), the review chain is finance at its region only (DOMAIN §7:
 * the department would review itself, and reviewing your own goal is never allowed), and the department
 * self-evaluates it (P4 谁支出、谁自评), reviewed by finance. On the old code `implementingUnitId` was
 * required, so the first test fails there.
 */
import { TestApp } from '../harness/app';
import { mutations } from '../harness/mutations';
import { uuidOf } from '../harness/ids';

let app: TestApp;
type Project = { id: string; selfImplemented: boolean; implementingUnit: { id: string } | null };
const projects = mutations<Project>(() => app, 'project');

const ERR = 'userErrors { code field message messageEn principle }';
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id selfImplemented implementingUnit { id } } ${ERR} } }`;
const GOAL = 'goal { id rowVersion status }';
const CREATE_GOAL = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { ${GOAL} ${ERR} } }`;
const action = (name: string) =>
  `mutation($input: ${name[0].toUpperCase() + name.slice(1)}Input!) { ${name}(input: $input) { ${GOAL} ${ERR} } }`;
const CREATE_SELF = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { id } ${ERR} } }`;

type Goal = { id: string; rowVersion: number; status: string };

async function goalOk(query: string, input: Record<string, unknown>, as: string): Promise<Goal> {
  const res = await app.gql<Record<string, { goal: Goal | null; userErrors: unknown[] }>>(
    query,
    { input },
    { as },
  );
  const payload = Object.values(res.data ?? {})[0];
  if (!payload?.goal) throw new Error(`expected success as ${as}: ${JSON.stringify(res)}`);
  return payload.goal;
}
const step = (name: string, g: Goal, as: string) =>
  goalOk(action(name), { id: g.id, expectedVersion: g.rowVersion }, as);

const projectInput = (extra: Record<string, unknown> = {}) => ({
  name: '张店区交通运输局2025年交通安全宣传（本级）',
  year: 2025,
  fiscalAmount: '300000.00',
  otherAmount: '0.00',
  isNew: false,
  ...extra,
});
const goalInput = (projectId: string) => ({
  scope: 'PROJECT',
  year: 2025,
  name: '交通安全宣传项目绩效目标（本级）',
  projectId,
  implementationPeriodObjective: '提升全区交通安全意识',
  annualObjective: '开展交通安全宣传活动',
  annualAmount: '300000.00',
  indicators: [
    {
      category: 'OUTPUT',
      subcategory: 'QUANTITY',
      name: '宣传活动场次',
      kind: 'QUANTITATIVE',
      unit: '场',
      comparator: 'GTE',
      target: '20',
    },
  ],
});

let project: Project;

beforeAll(async () => {
  app = await TestApp.start();
  project = await projects.ok(CREATE_PROJECT, projectInput(), 'transport.zhangdian');
});
afterAll(async () => app.stop());

describe('own-level project without an implementing unit (DOMAIN §3; 002 第十六条)', () => {
  test('a competent department creates it with itself as the responsible body', async () => {
    expect(project).toMatchObject({ selfImplemented: true, implementingUnit: null });
    const [row] = await app.sql<{ department: string; unit: string; region: string }>(
      `SELECT d.name AS department, u.name AS unit, r.code AS region FROM project p
         JOIN organization d ON d.id = p.department_id JOIN organization u ON u.id = p.implementing_unit_id
         JOIN region r ON r.id = p.region_id WHERE p.id = $1`,
      [uuidOf(project.id)],
    );
    expect(row).toEqual({ department: '张店区交通运输局', unit: '张店区交通运输局', region: '370303' });
  });

  test.each([
    // Only a competent department runs a project itself; a unit, finance or audit names no such project.
    ['an implementing unit', 'unit.chezhan'],
    ['a finance bureau', 'finance.zhangdian'],
  ])('%s cannot create one without naming a unit; nothing written', async (_who, login) => {
    const before = await app.tableDigests();
    const res = await app.gql<{ createProject: { project: null; userErrors: { code: string }[] } | null }>(
      CREATE_PROJECT,
      { input: projectInput({ name: '无实施单位项目' }) },
      { as: login },
    );
    const refusal = res.data?.createProject?.userErrors?.[0]?.code ?? res.errors?.[0].extensions?.code;
    expect(['BAD_USER_INPUT', 'FORBIDDEN']).toContain(refusal);
    expect(await app.tableDigests()).toEqual(before);
  });

  test('another department cannot draft its goal (P2), nothing written', async () => {
    const before = await app.tableDigests();
    const res = await app.gql<{ createGoal: { goal: null; userErrors: { code: string }[] } }>(
      CREATE_GOAL,
      { input: goalInput(project.id) },
      { as: 'agri.zhangdian' },
    );
    expect(res.data?.createGoal.goal ?? null).toBeNull();
    expect(await app.tableDigests()).toEqual(before);
  });

  test('the department drafts its goal; the chain is finance at its region only; it self-evaluates, reviewed by finance', async () => {
    // P2; DOMAIN §7: the department's own SUPERVISING step is left out (no body reviews its own goal).
    let goal = await goalOk(CREATE_GOAL, goalInput(project.id), 'transport.zhangdian');
    const [chain] = await app.sql<{ steps: { organizationId: string; role: string; final: boolean }[] }>(
      'SELECT review_chain AS steps FROM performance_goal WHERE id = $1',
      [uuidOf(goal.id)],
    );
    const [finance] = await app.sql<{ id: string }>(
      `SELECT id FROM organization WHERE name = '张店区财政局'`,
    );
    expect(chain.steps.map((s) => [s.organizationId, s.role, s.final])).toEqual([
      [finance.id, 'BUDGET_FINANCE', true],
    ]);
    goal = await step('submitGoal', goal, 'transport.zhangdian');
    goal = await step('approveGoal', goal, 'finance.zhangdian');
    goal = await step('issueGoal', goal, 'finance.zhangdian');
    expect(goal.status).toBe('ISSUED');

    // P4 谁支出、谁自评: another department is refused, nothing written …
    const before = await app.tableDigests();
    const other = await app.gql<{
      createSelfEvaluation: { userErrors: { code: string; principle: string }[] };
    }>(CREATE_SELF, { input: { goalId: goal.id } }, { as: 'agri.zhangdian' });
    expect(
      other.data?.createSelfEvaluation?.userErrors?.[0]?.code ?? other.errors?.[0].extensions?.code,
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(await app.tableDigests()).toEqual(before);
    // … the department itself self-evaluates, and finance at its region reviews it (not the department).
    const own = await app.gql<{
      createSelfEvaluation: { evaluation: { id: string } | null; userErrors: unknown[] };
    }>(CREATE_SELF, { input: { goalId: goal.id } }, { as: 'transport.zhangdian' });
    expect(own.data!.createSelfEvaluation.userErrors).toEqual([]);
    const [evaluation] = await app.sql<{ evaluator: string; reviewer: string }>(
      `SELECT ev.name AS evaluator, rv.name AS reviewer FROM evaluation e
         JOIN organization ev ON ev.id = e.evaluator_organization_id
         JOIN organization rv ON rv.id = e.reviewer_organization_id WHERE e.id = $1`,
      [uuidOf(own.data!.createSelfEvaluation.evaluation!.id)],
    );
    expect(evaluation).toEqual({ evaluator: '张店区交通运输局', reviewer: '张店区财政局' });
  });
});
