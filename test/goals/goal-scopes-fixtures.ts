/**
 * Shared by the goal-scope API tests (DOMAIN §5, §7, §8): the goal operations, the indicators, and the
 * calls that assert an outcome — `ok`, `refused` and `denied` with nothing written — plus the stored
 * chain and history of a goal, and the arrangement of a transfer fund with a project it finances.
 */
import { type GraphQLResponse, type TestApp } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { ROAD_INDICATORS } from '../harness/goal-fixtures';
import { arrangeTransferFund } from '../harness/fund-fixtures';

export interface UserErrorRow {
  code: string;
  field: string[];
  principle: string | null;
}
export interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
  currentStep: number;
  reviewChain: { index: number; role: string; final: boolean }[];
}
export type GoalPayload = { goal: GoalRow | null; userErrors: UserErrorRow[] };

export const ERRORS = 'userErrors { code field principle }';
export const G_FIELDS = 'id rowVersion status currentStep reviewChain { index role final }';
export const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const SUBMIT = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const APPROVE = `mutation($input: ApproveGoalInput!) { approveGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const RETURN = `mutation($input: ReturnGoalInput!) { returnGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const ISSUE = `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;

export const OUTPUT = { ...ROAD_INDICATORS[0], target: '10' };
export const SATISFACTION = {
  category: 'SATISFACTION',
  subcategory: 'SERVICE_RECIPIENT',
  name: '群众满意度',
  kind: 'QUANTITATIVE',
  unit: '%',
  comparator: 'GTE',
  target: '90',
};

/** The calls of the goal-scope tests on `app`. */
export function goalScopeCalls(app: TestApp) {
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

  return { mutate, ok, refused, denied, stored, transferSetup };
}

export function departmentInput(name: string) {
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

export function transferProjectInput(fundId: string, projectId: string) {
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
