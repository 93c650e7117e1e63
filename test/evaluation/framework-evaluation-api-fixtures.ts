/**
 * Shared setup of the department and finance evaluation API tests (framework-evaluation-*-api.test.ts, DOMAIN
 * §10, §8 P6/P7/P8): the evaluation mutations, framework indicators (002 附件7) and report sections (002 附件8),
 * and an issued project goal to evaluate.
 */
import { TestApp } from '../harness/app';
import { projectGoal, roadIndicatorsWithout } from '../harness/goal-fixtures';
import { organizationGid } from '../harness/ids';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import {
  framework9350,
  REPORT_SECTION_KEYS,
  reportSections,
  type EvaluationHead,
} from '../harness/evaluation-fixtures';

export let app: TestApp;
export const { call, ok, refused, denied, expectRefusedFor } = mutations<EvaluationRow>(
  () => app,
  'evaluation',
);

export interface EvaluationRow extends EvaluationHead {
  frameworkScores: { code: string; category: string; name: string; points: string; score: string | null }[];
  reportSections: { key: string; title: string; body: string }[];
  commissionedOrganization: { name: string } | null;
}

export const E_FIELDS =
  'id kind rowVersion status total grade frameworkScores { code category name points score } reportSections { key title body } commissionedOrganization { name }';
export const CREATE_DEPT = `mutation($input: CreateDepartmentEvaluationInput!) { createDepartmentEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const CREATE_FIN = `mutation($input: CreateFinanceEvaluationInput!) { createFinanceEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const SAVE = `mutation($input: SaveFrameworkEvaluationInput!) { saveFrameworkEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const COMMISSION = `mutation($input: CommissionEvaluationInput!) { commissionEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
export const CREATE_SELF = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { id } ${ERRORS} } }`;

export let unitGid = '';
export let thirdPartyGid = '';

export const INDICATORS = roadIndicatorsWithout('验收合格率');

/** A framework of 100 points: DECISION 15, PROCESS 20, OUTPUT 40, BENEFIT 25 (OUTPUT + BENEFIT = 65). */
export const FRAMEWORK = framework9350();
export const SECTION_KEYS = [...REPORT_SECTION_KEYS];
export const SECTIONS = reportSections();

/** An issued PROJECT goal of 车站街道市政道路养护站 (project of 车站街道建设办公室). */
export const issuedGoal = (name: string) => projectGoal(app, { name, indicators: INDICATORS });

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useFrameworkEvaluationApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    unitGid = await organizationGid(app, '车站街道市政道路养护站');
    thirdPartyGid = await organizationGid(app, '山东正信绩效评价咨询有限公司');
  });
  afterAll(async () => app.stop());
}
