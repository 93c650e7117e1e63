/**
 * Shared setup of the self-evaluation API tests (self-evaluation-*-api.test.ts, DOMAIN §10, §8, §15): the
 * evaluation mutations, an issued project goal of 车站街道市政道路养护站, full actuals for it, and an
 * evaluation brought to draft or submitted.
 */
import { TestApp } from '../harness/app';
import { projectGoal as arrangeProjectGoal, ROAD_INDICATORS } from '../harness/goal-fixtures';
import { organizationGid } from '../harness/ids';
import { mutations, type UserErrorRow, USER_ERRORS as ERRORS } from '../harness/mutations';

export let app: TestApp;
export const { call, ok, refused, denied, expectRefusedFor } = mutations<EvaluationRow>(
  () => app,
  'evaluation',
);

export interface Line {
  key: string;
  name: string;
  category: string;
  points: string;
  rule: string;
  ruleText: string;
  score: string;
  inputs: { name: string; value: string }[];
}
export interface EvaluationRow {
  id: string;
  rowVersion: number;
  status: string;
  total: string | null;
  grade: string | null;
  reviewer: { name: string } | null;
  scoreLines: Line[];
}
export type Payload = { evaluation: EvaluationRow | null; userErrors: UserErrorRow[] };

export const E_FIELDS =
  'id rowVersion status total grade reviewer { name } scoreLines { key name category points rule ruleText score inputs { name value } }';
export const CREATE_SELF = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const SAVE = `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const REVIEW = `mutation($input: ReviewEvaluationInput!) { reviewEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;

export let unitGid = '';

export const INDICATORS = ROAD_INDICATORS;

/** A PROJECT goal of 车站街道市政道路养护站, taken through its review chain up to `until`. */
export const projectGoal = (name: string, until: 'DRAFT' | 'ISSUED' = 'ISSUED') =>
  arrangeProjectGoal(app, { name, unitId: unitGid, indicators: INDICATORS, otherAmount: '50000.00', until });

export type Goal = Awaited<ReturnType<typeof projectGoal>>;

/** The complete actuals of the happy path (DOMAIN §10 rules 3–5). */
export function fullActuals(goal: Goal, overrides: Record<number, Record<string, unknown>> = {}) {
  const [km, quality, traffic, satisfaction] = goal.indicators.map((i) => i.id);
  const rows: Record<string, unknown>[] = [
    { indicatorId: km, actual: '12.5' },
    { indicatorId: quality, actual: '96' },
    {
      indicatorId: traffic,
      tier: 'ACHIEVED',
      percentage: '90',
      explanation: '个别路段仍有坑槽，明年继续整治',
    },
    { indicatorId: satisfaction, actual: '92' },
  ];
  return rows.map((r, k) => ({ ...r, ...(overrides[k] ?? {}) }));
}

export function saveInput(e: EvaluationRow, goal: Goal, extra: Record<string, unknown> = {}) {
  return {
    id: e.id,
    expectedVersion: e.rowVersion,
    money: { budgeted: '850000.00', inPlace: '850000.00', spent: '800000.00' },
    budgetExecutionExplanation: '部分工程款按合同于次年初结算',
    actuals: fullActuals(goal),
    ...extra,
  };
}

/** An issued goal with a DRAFT self-evaluation by its unit. */
export async function draftEvaluation(name: string) {
  const goal = await projectGoal(name);
  const evaluation = await ok(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan');
  return { goal, evaluation };
}

export async function submitted(name: string) {
  const { goal, evaluation } = await draftEvaluation(name);
  const saved = await ok(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
  const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
  return { goal, evaluation: done };
}

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useSelfEvaluationApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    unitGid = await organizationGid(app, '车站街道市政道路养护站');
  });
  afterAll(async () => app.stop());
}
