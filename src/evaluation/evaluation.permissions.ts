import { or } from 'graphql-shield';
import { p4OwnLevelDepartment } from '../funds/own-level-permissions';
import { kindRule as kindRuleOf, p6SignedInWithinJurisdiction } from '../auth/rules';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';

/** P6: audit offices read evaluations and write nothing (003 第七条). */
const auditReadsOnly = { zh: '审计部门只能查阅绩效评价', en: 'Audit offices only read evaluations' };

const kindRule = (
  name: string,
  allowed: readonly OrganizationKind[],
  principle: string,
  zh: string,
  en: string,
) => kindRuleOf(name, allowed, principle, { zh, en }, auditReadsOnly);

/** P4 谁支出、谁自评 (002 第十七条): the spending unit fills in and submits its self-evaluation. */
export const p4SpendingUnit = kindRule(
  'P4 spending unit self-evaluates',
  [OrganizationKind.IMPLEMENTING_UNIT],
  'P4',
  '单位自评由使用资金的项目实施单位开展（谁支出、谁自评）',
  'The spending unit carries out its own self-evaluation (P4)',
);

/**
 * The level above (审核): the project's competent department reviews a self-evaluation; the fund's
 * department a compiled regional result; finance the overall result the fund's department submits
 * (DOMAIN §11). The service checks the evaluation's own reviewer.
 */
export const p4SelfReviewer = kindRule(
  'P4 the level above reviews self-evaluations',
  [OrganizationKind.COMPETENT_DEPARTMENT, OrganizationKind.FINANCE_BUREAU],
  'P4',
  '单位自评由上一级审核：项目主管部门、资金主管部门或财政部门',
  'The level above reviews a self-evaluation: the competent department, the fund’s department or finance (P4)',
);

/** P7 (002 第十七条): department evaluations by the competent department, never by the implementing unit. */
export const p7DepartmentEvaluator = kindRule(
  'P7 department evaluator',
  [OrganizationKind.COMPETENT_DEPARTMENT],
  'P7',
  '部门评价由业务主管部门开展，评价主体与项目实施主体相分离',
  'A competent department carries out department evaluations; the evaluator is never the implementing unit (P7)',
);

/** P7: finance evaluations by finance, never by the implementing unit. */
export const p7FinanceEvaluator = kindRule(
  'P7 finance evaluator',
  [OrganizationKind.FINANCE_BUREAU],
  'P7',
  '财政评价由财政部门开展，评价主体与项目实施主体相分离',
  'Finance carries out finance evaluations; the evaluator is never the implementing unit (P7)',
);

/** P7: the evaluating department or finance commissions a third party (002 第十七条). */
export const p7Commissioner = kindRule(
  'P7 commissioner',
  [OrganizationKind.COMPETENT_DEPARTMENT, OrganizationKind.FINANCE_BUREAU],
  'P7',
  '由开展评价的部门或财政部门委托第三方机构',
  'The evaluating department or finance commissions a third party (P7)',
);

/** P7: a department or finance evaluation is filled in by its evaluator or the commissioned third party. */
export const p7FrameworkEvaluator = kindRule(
  'P7 department, finance or commissioned third party',
  [OrganizationKind.COMPETENT_DEPARTMENT, OrganizationKind.FINANCE_BUREAU, OrganizationKind.THIRD_PARTY],
  'P7',
  '部门评价和财政评价由评价单位或受托第三方开展，不由项目实施单位开展',
  'Department and finance evaluations are carried out by the evaluator or its third party, never the implementing unit (P7)',
);

/** Anyone who evaluates (the service decides which evaluation by its kind): not an audit office. */
export const p6Evaluator = kindRule(
  'P6 evaluator: not an audit office',
  [
    OrganizationKind.IMPLEMENTING_UNIT,
    OrganizationKind.COMPETENT_DEPARTMENT,
    OrganizationKind.FINANCE_BUREAU,
    OrganizationKind.THIRD_PARTY,
  ],
  'P6',
  '审计部门只能查阅绩效评价',
  'Audit offices only read evaluations',
);

/** 交换意见 (002 第二十六条(二)6): the evaluated body — a unit, a department or finance; the service checks which. */
export const p7EvaluatedBody = kindRule(
  'P7 evaluated body responds',
  [
    OrganizationKind.IMPLEMENTING_UNIT,
    OrganizationKind.COMPETENT_DEPARTMENT,
    OrganizationKind.FINANCE_BUREAU,
  ],
  'P7',
  '由被评价单位交换意见',
  'The evaluated body responds to the preliminary result (P7)',
);

/** 002 第二十八条(二): finance at the department's level receives its department evaluations. */
export const p6FinanceReceives = kindRule(
  'P6 finance receives department evaluations',
  [OrganizationKind.FINANCE_BUREAU],
  'P6',
  '部门评价结果由本级财政部门接收',
  'Finance at the department’s level acknowledges a reported department evaluation',
);

/** Root fields of the evaluation module and the principle that admits their callers (DOMAIN §8). */
export const evaluationPermissions = {
  Query: {
    evaluation: p6SignedInWithinJurisdiction,
    evaluations: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    // P4, and a department's own-level project it runs itself (002 第十六条; src/funds/own-level-permissions.ts).
    createSelfEvaluation: or(p4SpendingUnit, p4OwnLevelDepartment),
    saveEvaluationActuals: or(p4SpendingUnit, p4OwnLevelDepartment),
    submitEvaluation: p6Evaluator,
    reviewEvaluation: p4SelfReviewer,
    createDepartmentEvaluation: p7DepartmentEvaluator,
    createFinanceEvaluation: p7FinanceEvaluator,
    commissionEvaluation: p7Commissioner,
    saveFrameworkEvaluation: p7FrameworkEvaluator,
    respondToEvaluation: p7EvaluatedBody,
    finalizeEvaluation: p7FrameworkEvaluator,
    reportEvaluationToFinance: p7DepartmentEvaluator,
    acknowledgeEvaluationReport: p6FinanceReceives,
  },
};
