/**
 * Shared arrangement of the department-wide tests (DOMAIN §5; 003 第十二条(二); 004 二(二)3): 张店区财政局's
 * 共性 indicators of 2025 and a department goal of 张店区农业农村局 with its own (个性) indicators.
 */
import type { TestApp } from '../harness/app';
import { arrange, USER_ERRORS as ERRORS } from '../harness/mutations';

export { uuidOf as uuid } from '../harness/ids';
export { ERRORS };
/** One arranging mutation: `payload[key]`, or a thrown error when refused (test/harness/mutations.ts). */
export const must = arrange;

export const SET_COMMON = `mutation($input: SetCommonIndicatorsInput!) { setDepartmentCommonIndicators(input: $input) { set { id totalPoints indicators { name dimension points source } } ${ERRORS} } }`;
export const G = 'id status rowVersion scope indicators { id name category points }';
export const CREATE_DEPT_GOAL = `mutation($input: CreateDepartmentGoalInput!) { createDepartmentGoal(input: $input) { goal { ${G} } ${ERRORS} } }`;
export const UPDATE_GOAL = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { ${G} } ${ERRORS} } }`;
export const GOAL_ACTION = (name: string) =>
  `mutation($input: ${name[0].toUpperCase() + name.slice(1)}Input!) { ${name}(input: $input) { goal { ${G} } ${ERRORS} } }`;

/** An operating-cost control rate (004 二(二)3 运行成本), entered, at most 100 %, 2 points. */
export const controlRate = (name: string) => ({
  dimension: 'OPERATING_COST',
  name,
  kind: 'QUANTITATIVE',
  unit: '%',
  comparator: 'LTE',
  target: '100',
  points: '2',
  source: 'ENTERED',
});

/** 004 二(二)3's dimensions; 预算执行率 computed from recorded money (10 points together). */
export const COMMON_2025 = [
  {
    dimension: 'MANAGEMENT_EFFICIENCY',
    name: '预算执行率',
    kind: 'QUANTITATIVE',
    unit: '%',
    comparator: 'GTE',
    target: '90',
    points: '4',
    source: 'BUDGET_EXECUTION_RATE',
  },
  controlRate('三公经费控制率'),
  controlRate('在职人员控制率'),
  {
    dimension: 'MANAGEMENT_EFFICIENCY',
    name: '政府采购执行率',
    kind: 'QUANTITATIVE',
    unit: '%',
    comparator: 'GTE',
    target: '95',
    points: '2',
    source: 'ENTERED',
  },
];

/** The department's 个性 indicators for its duties and key work (90 points). */
export const OWN = [
  {
    category: 'OUTPUT',
    subcategory: 'QUANTITY',
    name: '新建高标准农田面积',
    kind: 'QUANTITATIVE',
    unit: '亩',
    comparator: 'GTE',
    target: '12000',
    points: '50',
  },
  {
    category: 'BENEFIT',
    subcategory: 'ECONOMIC',
    name: '农村居民人均可支配收入增长率',
    kind: 'QUANTITATIVE',
    unit: '%',
    comparator: 'GTE',
    target: '6',
    points: '30',
  },
  {
    category: 'SATISFACTION',
    subcategory: 'SERVICE_RECIPIENT',
    name: '农户满意度',
    kind: 'QUANTITATIVE',
    unit: '%',
    comparator: 'GTE',
    target: '90',
    points: '10',
  },
];

export const goalInput = (name: string) => ({
  year: 2025,
  name,
  implementationPeriodObjective: '推进乡村振兴，提升农业综合生产能力',
  annualObjective: '建成高标准农田1.2万亩，农民收入增长6%，农户满意度不低于90%',
  annualAmount: '1000000.00',
  fiscalAmount: '1000000.00',
  otherAmount: '0.00',
  indicators: OWN,
});

export interface GoalRow {
  id: string;
  status: string;
  rowVersion: number;
  indicators: { id: string; name: string; category: string; points: string | null }[];
}

export async function gql<T>(
  app: TestApp,
  query: string,
  input: Record<string, unknown>,
  as: string,
): Promise<T> {
  const res = await app.gql<Record<string, T>>(query, { input }, { as });
  if (res.errors) throw new Error(`${as}: ${JSON.stringify(res.errors)}`);
  return Object.values(res.data!)[0]!;
}

export const setCommon = (app: TestApp) =>
  must(app, SET_COMMON, { year: 2025, indicators: COMMON_2025 }, 'finance.zhangdian', 'set');

/** DOMAIN §7 row DEPARTMENT: the department submits, finance at its region approves (final) and issues. */
export const DEPARTMENT_REVIEW = [
  ['submitGoal', 'agri.zhangdian'],
  ['approveGoal', 'finance.zhangdian'],
  ['issueGoal', 'finance.zhangdian'],
] as const;

/** Takes a drafted agri department goal through DEPARTMENT_REVIEW; throws when a step is refused. */
export async function reviewAndIssue(app: TestApp, drafted: GoalRow): Promise<GoalRow> {
  let g = drafted;
  for (const [action, as] of DEPARTMENT_REVIEW) {
    g = await must<GoalRow>(
      app,
      GOAL_ACTION(action),
      { id: g.id, expectedVersion: g.rowVersion },
      as,
      'goal',
    );
  }
  return g;
}

/** An agri department goal drafted, submitted, approved and issued by 张店区财政局 (DOMAIN §7). */
export async function issuedDepartmentGoal(app: TestApp, name: string): Promise<GoalRow> {
  return reviewAndIssue(
    app,
    await must<GoalRow>(app, CREATE_DEPT_GOAL, goalInput(name), 'agri.zhangdian', 'goal'),
  );
}

/**
 * The demo's reviewed department self-evaluation of 淄川区农业农村局 with finance's conclusion recorded
 * (优 changed to 良, 004 二(四)): the evaluation's and the reviewing bureau's uuids.
 */
export async function reviewedDepartmentSelfEvaluation(
  app: TestApp,
): Promise<{ id: string; reviewer: string }> {
  const [e] = await app.sql<{ id: string; tenant_id: string; reviewer: string }>(
    `SELECT e.id, e.tenant_id, e.reviewer_organization_id AS reviewer FROM evaluation e
       JOIN performance_goal g ON g.id = e.goal_id
      WHERE e.kind = 'SELF' AND e.status = 'REVIEWED' AND g.scope = 'DEPARTMENT' AND g.name LIKE '淄川区农业农村局%'`,
  );
  await app.sql(
    `INSERT INTO department_self_evaluation_review (tenant_id, evaluation_id, self_grade, confirmed_grade, reviewer_organization_id)
     VALUES ($1, $2, 'EXCELLENT', 'GOOD', $3) ON CONFLICT DO NOTHING`,
    [e!.tenant_id, e!.id, e!.reviewer],
  );
  return { id: e!.id, reviewer: e!.reviewer };
}
