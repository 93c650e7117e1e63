import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from '../harness/app';
export { uuidOf } from '../harness/ids';

/**
 * Arranging spot checks (DOMAIN §12): issued PROJECT goals of a year for the projects of a demo unit, put
 * through the goal triggers' states as the owner (DRAFT → SUBMITTED → APPROVED → ISSUED, DOMAIN §7), and
 * SUBMITTED self-evaluations made by the unit itself through the evaluation API (P4).
 */

export const YEAR = 2024;
import { USER_ERRORS as ERRORS, type UserErrorRow } from '../harness/mutations';
export { ERRORS, type UserErrorRow };

export interface ArrangedGoal {
  goalId: string;
  indicatorIds: [string, string, string];
  unitLogin: string;
  regionId: string;
}

/** The three indicators: OUTPUT ≥ 100 (50 points), BENEFIT ≥ 100 (30), SATISFACTION ≥ 90 (10); COMMON 10 from money. */
const INDICATORS: [string, string, string, string][] = [
  ['OUTPUT', 'QUANTITY', '道路养护里程', '100'],
  ['BENEFIT', 'SOCIAL', '受益群众人数', '100'],
  ['SATISFACTION', 'SERVICE_RECIPIENT', '群众满意度', '90'],
];

export async function tenantOf(app: TestApp, login: string): Promise<string> {
  const [row] = await app.sql<{ t: string }>('SELECT tenant_id AS t FROM app_user WHERE login = $1', [login]);
  return row!.t;
}

/**
 * An issued PROJECT goal (default year 2024) for a project the unit of `unitLogin` implements — its first,
 * or the one named — arranged as the owner through the goal triggers.
 */
export async function issuedGoal(
  app: TestApp,
  unitLogin: string,
  name: string,
  options: { year?: number; project?: string } = {},
): Promise<ArrangedGoal> {
  const [p] = await app.sql<{ id: string }>(
    `SELECT p.id FROM project p JOIN app_user u ON u.organization_id = p.implementing_unit_id
      WHERE u.login = $1 AND ($2::text IS NULL OR p.name = $2) ORDER BY p.created_at, p.id LIMIT 1`,
    [unitLogin, options.project ?? null],
  );
  if (!p) throw new Error(`no project of ${unitLogin}`);
  return issuedGoalOf(app, p.id, unitLogin, name, options.year ?? YEAR);
}

/** An issued PROJECT goal of the project `projectId` (owner: DRAFT → SUBMITTED → APPROVED → ISSUED, DOMAIN §7). */
export async function issuedGoalOf(
  app: TestApp,
  projectId: string,
  unitLogin: string,
  name: string,
  year = YEAR,
): Promise<ArrangedGoal> {
  const [p] = await app.sql<{ tenant: string; region: string; unit: string }>(
    'SELECT tenant_id AS tenant, region_id AS region, implementing_unit_id AS unit FROM project WHERE id = $1',
    [projectId],
  );
  const goalId = randomUUID();
  await app.sql(
    `INSERT INTO performance_goal (tenant_id, id, scope, year, project_id, region_id, name, annual_objective,
       implementation_period_objective, annual_amount, fiscal_amount, other_amount, status, drafter_organization_id)
     VALUES ($1, $2, 'PROJECT', $3, $4, $5, $6, '完成年度养护任务', '完成养护任务', 100000, 100000, 0, 'DRAFT', $7)`,
    [p!.tenant, goalId, year, projectId, p!.region, name, p!.unit],
  );
  const indicatorIds = INDICATORS.map(() => randomUUID()) as [string, string, string];
  for (const [k, [category, subcategory, indicatorName, target]] of INDICATORS.entries()) {
    await app.sql(
      `INSERT INTO goal_indicator (tenant_id, id, goal_id, position, category, subcategory, name, kind, unit, comparator, target)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'QUANTITATIVE', '项', 'GTE', $8)`,
      [p!.tenant, indicatorIds[k], goalId, k + 1, category, subcategory, indicatorName, target],
    );
  }
  await app.sql(`UPDATE performance_goal SET status = 'SUBMITTED', current_step = 1 WHERE id = $1`, [goalId]);
  await app.sql(`UPDATE performance_goal SET status = 'APPROVED', current_step = 0 WHERE id = $1`, [goalId]);
  await app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [goalId]);
  return { goalId, indicatorIds, unitLogin, regionId: p!.region };
}

/**
 * A SUBMITTED self-evaluation written as the owner through the evaluation triggers (DRAFT, then
 * SUBMITTED with total and grade) — for an evaluator the API would not admit as a spending unit.
 */
export async function ownerSelfEvaluation(app: TestApp, goal: ArrangedGoal, evaluatorOrganizationId: string) {
  const id = randomUUID();
  await app.sql(
    `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id, region_path,
       budgeted, in_place, spent)
     SELECT tenant_id, $2, id, 'SELF', year, 'DRAFT', $3, '', 100000, 100000, 100000 FROM performance_goal WHERE id = $1`,
    [goal.goalId, id, evaluatorOrganizationId],
  );
  await app.sql(
    `UPDATE evaluation SET status = 'SUBMITTED', total = 100, grade = 'EXCELLENT', submitted_at = now() WHERE id = $1`,
    [id],
  );
  return id;
}

export const MONEY = { budgeted: '100000', inPlace: '100000', spent: '100000' };

/** Actuals as the evaluation inputs take them: output, benefit, satisfaction. */
export function actualsFor(goal: ArrangedGoal, [output, benefit, satisfaction]: [string, string, string]) {
  return [output, benefit, satisfaction].map((actual, k) => ({
    indicatorId: toGlobalId('GoalIndicator', goal.indicatorIds[k]),
    actual,
    explanation: '抽查核实 / verified',
  }));
}

interface EvaluationPayload {
  evaluation: { id: string; rowVersion: number; status: string } | null;
  userErrors: UserErrorRow[];
}

/**
 * A self-evaluation by the unit through the API (P4): created, filled in with every target met (100
 * points, EXCELLENT) unless other actuals are given, and submitted unless `submit` is false.
 */
export async function selfEvaluate(
  app: TestApp,
  goal: ArrangedGoal,
  options: { actuals?: [string, string, string]; submit?: boolean } = {},
): Promise<string> {
  const as = goal.unitLogin;
  const created = await app.gql<{ createSelfEvaluation: EvaluationPayload }>(
    `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { id rowVersion status } ${ERRORS} } }`,
    { input: { goalId: toGlobalId('PerformanceGoal', goal.goalId) } },
    { as },
  );
  const evaluation = created.data?.createSelfEvaluation.evaluation;
  if (!evaluation) throw new Error(`createSelfEvaluation failed: ${JSON.stringify(created)}`);
  const saved = await app.gql<{ saveEvaluationActuals: EvaluationPayload }>(
    `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { evaluation { id rowVersion status } ${ERRORS} } }`,
    {
      input: {
        id: evaluation.id,
        expectedVersion: evaluation.rowVersion,
        money: MONEY,
        actuals: actualsFor(goal, options.actuals ?? ['100', '100', '90']),
      },
    },
    { as },
  );
  const draft = saved.data?.saveEvaluationActuals.evaluation;
  if (!draft) throw new Error(`saveEvaluationActuals failed: ${JSON.stringify(saved)}`);
  if (options.submit === false) return draft.id;
  const submitted = await app.gql<{ submitEvaluation: EvaluationPayload }>(
    `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { id rowVersion status } ${ERRORS} } }`,
    { input: { id: draft.id, expectedVersion: draft.rowVersion } },
    { as },
  );
  if (submitted.data?.submitEvaluation.evaluation?.status !== 'SUBMITTED') {
    throw new Error(`submitEvaluation failed: ${JSON.stringify(submitted)}`);
  }
  return draft.id;
}

/** Every table's digest: TestApp.tableDigests covers the whole schema, the spot-check tables included. */
export const allDigests = (app: TestApp): Promise<Record<string, string>> => app.tableDigests();

export const SAMPLE_FIELDS = `id year ratio minimum seed candidateCount sampledCount missingCount scoreGapThreshold deadlinePassed
  region { code } drawnBy { name }
  items { id position sampled status flags rowVersion goal { id } region { code } selfEvaluation { id } selfTotal selfGrade checkTotal checkGrade }`;

export const DRAW = `mutation($input: DrawSpotCheckSampleInput!) { drawSpotCheckSample(input: $input) { sample { ${SAMPLE_FIELDS} } ${ERRORS} } }`;
export const RECORD = `mutation($input: RecordSpotCheckInput!) { recordSpotCheck(input: $input) { item { id status flags rowVersion selfTotal selfGrade checkTotal checkGrade checkEvaluation { id kind status total grade } } ${ERRORS} } }`;

export interface ItemRow {
  id: string;
  position: number;
  sampled: boolean;
  status: string;
  flags: string[];
  rowVersion: number;
  goal: { id: string } | null;
  region: { code: string } | null;
  selfEvaluation: { id: string } | null;
  selfTotal: string | null;
  selfGrade: string | null;
  checkTotal: string | null;
  checkGrade: string | null;
}

export interface SampleRow {
  id: string;
  year: number;
  ratio: string;
  minimum: number;
  seed: number;
  candidateCount: number;
  sampledCount: number;
  missingCount: number;
  scoreGapThreshold: string;
  deadlinePassed: boolean;
  region: { code: string } | null;
  drawnBy: { name: string } | null;
  items: ItemRow[];
}

export type DrawResult = { drawSpotCheckSample: { sample: SampleRow | null; userErrors: UserErrorRow[] } };

/**
 * A project whose implementing unit is 张店区农业农村局 itself (own-level, DOMAIN §3), its goal issued and
 * self-evaluated by it — the body P7 (002 第十七条) keeps from checking its own work.
 */
export async function agriSelfImplementedGoal(app: TestApp): Promise<ArrangedGoal> {
  const [agri] = await app.sql<{ id: string; tenant: string; region: string }>(
    `SELECT o.id, o.tenant_id AS tenant, o.region_id AS region FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.login = 'agri.zhangdian'`,
  );
  const projectId = randomUUID();
  await app.sql(
    `INSERT INTO project (tenant_id, id, name, department_id, implementing_unit_id, region_id, region_path, year,
       annual_amount, fiscal_amount, other_amount, is_new) VALUES ($1, $2, '农业局自建项目', $3, $3, $4, '', $5, 100000, 100000, 0, true)`,
    [agri!.tenant, projectId, agri!.id, agri!.region, YEAR],
  );
  const goal = await issuedGoalOf(app, projectId, 'agri.zhangdian', '农业局自建项目目标');
  await ownerSelfEvaluation(app, goal, agri!.id);
  return goal;
}
