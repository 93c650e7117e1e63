import { kindRule as kindRuleOf, p6SignedInWithinJurisdiction } from '../auth/rules';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { p4SpendingSideReports } from '../monitoring/monitoring.permissions';

/** P6: audit offices read department performance and write nothing (003 第七条). */
const auditReadsOnly = { zh: '审计部门只能查阅', en: 'Audit offices only read' };

const kindRule = (
  name: string,
  kind: OrganizationKind | OrganizationKind[],
  principle: string,
  zh: string,
  en: string,
) => kindRuleOf(name, kind, principle, { zh, en }, auditReadsOnly);

/** 003 第十二条(二) "共性指标按区财政部门规定设置": finance sets the common indicators. */
export const p6FinanceSetsCommonIndicators = kindRule(
  'P6 finance sets common indicators',
  OrganizationKind.FINANCE_BUREAU,
  'P6',
  '共性指标由财政部门设定',
  'Common indicators are set by finance',
);

/** P2/P4 (003 第十二条(二), 第二十条(一)): the department drafts and self-evaluates its own overall goal. */
export const p4DepartmentItself = kindRule(
  'P4 the department itself',
  OrganizationKind.COMPETENT_DEPARTMENT,
  'P4',
  '部门整体绩效目标和自评由该部门自行编制和开展',
  'A department drafts and self-evaluates its own overall goal (P2, P4)',
);

/**
 * P2 (003 第十二条(二) "编制部门和单位整体绩效目标"): a department drafts its overall goal, a subordinate unit its
 * unit-wide goal (the goal module's `checkDrafter` requires the unit to have a supervising department).
 */
export const p2DepartmentOrUnitItself = kindRule(
  'P2 the department or unit itself',
  [OrganizationKind.COMPETENT_DEPARTMENT, OrganizationKind.IMPLEMENTING_UNIT],
  'P2',
  '部门（单位）整体绩效目标由该部门或所属单位自行编制',
  'A department or a subordinate unit drafts its own overall goal (P2)',
);

/** P3 (004 二(四) "财政部门审核…确定评价等级"): finance at the department's region reviews its self-evaluation. */
export const p3FinanceReviews = kindRule(
  'P3 finance reviews department self-evaluations',
  OrganizationKind.FINANCE_BUREAU,
  'P3',
  '部门整体自评由同级财政部门审核',
  'Finance at the department’s region reviews its self-evaluation (P3)',
);

/** Root fields of department-wide performance and the principle that admits their callers (DOMAIN §8). */
export const departmentPermissions = {
  Query: {
    departmentCommonIndicators: p6SignedInWithinJurisdiction,
    departmentSelfEvaluationReview: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    setDepartmentCommonIndicators: p6FinanceSetsCommonIndicators,
    createDepartmentGoal: p2DepartmentOrUnitItself,
    // 004 二(三)1: the June check is the goal's spending side's monitoring report (DOMAIN §9, P4).
    createMidYearCheck: p4SpendingSideReports,
    createDepartmentSelfEvaluation: p4DepartmentItself,
    saveDepartmentSelfEvaluation: p4DepartmentItself,
    submitDepartmentSelfEvaluation: p4DepartmentItself,
    reviewDepartmentSelfEvaluation: p3FinanceReviews,
  },
};
