/**
 * Shared setup of the framework-fidelity API tests (framework-fidelity-*-api.test.ts; DOMAIN §10 "Department and
 * finance evaluation", 002 附件7, 第二十六条(二), 第二十八条(二)): the evaluation mutations with figures, warnings,
 * response and available actions, a rate framework with its entered figures, and a drafted evaluation of an
 * issued project goal.
 */
import { TestApp } from '../harness/app';
import { projectGoal, roadIndicatorsWithout } from '../harness/goal-fixtures';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import { rateFramework, reportSections, type EvaluationHead } from '../harness/evaluation-fixtures';

export let app: TestApp;
export const { ok, refused, denied } = mutations<EvaluationRow>(() => app, 'evaluation');

export interface EvaluationRow extends EvaluationHead {
  weightJustification: string | null;
  frameworkScores: {
    code: string | null;
    custom: boolean;
    category: string;
    name: string;
    points: string;
    score: string | null;
    ruleText: string | null;
  }[];
  figures: Record<string, string | null> | null;
  warnings: { code: string; message: string; justification: string | null }[];
  response: { decision: string; text: string | null; organization: { name: string } | null } | null;
  availableActions: { action: string; allowed: boolean; code: string | null }[];
}

export const E_FIELDS = `id kind rowVersion status total grade weightJustification
  frameworkScores { code custom category name points score ruleText }
  figures { plannedOutput actualOutput standardOutput plannedCost actualCost budgeted inPlace spent completionRate qualityRate costSavingRate fundArrivalRate budgetExecutionRate }
  warnings { code message justification } response { decision text organization { name } }
  availableActions { action allowed code }`;
export const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const CREATE_DEPT = payload('createDepartmentEvaluation', 'CreateDepartmentEvaluationInput');
export const CREATE_FIN = payload('createFinanceEvaluation', 'CreateFinanceEvaluationInput');
export const SAVE = payload('saveFrameworkEvaluation', 'SaveFrameworkEvaluationInput');
export const SUBMIT = payload('submitEvaluation', 'SubmitEvaluationInput');
export const RESPOND = payload('respondToEvaluation', 'RespondToEvaluationInput');
export const FINALIZE = payload('finalizeEvaluation', 'FinalizeEvaluationInput');
export const REPORT = payload('reportEvaluationToFinance', 'ReportEvaluationToFinanceInput');
export const ACKNOWLEDGE = payload('acknowledgeEvaluationReport', 'AcknowledgeEvaluationReportInput');

export const SECTIONS = reportSections();

/** 100 points, OUTPUT + BENEFIT = 65; the four rate indicators get no typed score. */
export const FRAMEWORK = rateFramework({
  basis: '8',
  reasonableness: '6',
  compliance: '9',
  benefit: '14',
  satisfaction: '8',
});
export const FIGURES = {
  plannedOutput: '50',
  actualOutput: '47',
  standardOutput: '45',
  plannedCost: '1000000.00',
  actualCost: '1100000.00',
  budgeted: '1000000.00',
  inPlace: '950000.00',
  spent: '900000.00',
};

export async function draft(name: string, as = 'transport.chezhan', create = CREATE_DEPT) {
  const goal = await projectGoal(app, { name, indicators: roadIndicatorsWithout('验收合格率') });
  return ok(create, { goalId: goal.id }, as);
}
export const save = (e: EvaluationRow, extra: Record<string, unknown> = {}, as = 'transport.chezhan') =>
  ok(
    SAVE,
    {
      id: e.id,
      expectedVersion: e.rowVersion,
      indicators: FRAMEWORK,
      sections: SECTIONS,
      figures: FIGURES,
      ...extra,
    },
    as,
  );
export const act = (e: EvaluationRow) => ({ id: e.id, expectedVersion: e.rowVersion });
export const allowed = (e: EvaluationRow) => e.availableActions.filter((a) => a.allowed).map((a) => a.action);
export const read = async (id: string, as: string) =>
  (
    await app.gql<{ evaluation: EvaluationRow }>(
      `query($id: ID!) { evaluation(id: $id) { ${E_FIELDS} } }`,
      { id },
      { as },
    )
  ).data!.evaluation;

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useFrameworkFidelityApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => app.stop());
}
