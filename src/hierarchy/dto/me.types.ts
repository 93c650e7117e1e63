import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationType, RegionType, TenantType, UserType } from './hierarchy.types';

/** What the caller may do, so a UI shows the right menus without re-implementing DOMAIN §8. */
export enum Ability {
  READ_SUBTREE = 'READ_SUBTREE',
  READ_OWN = 'READ_OWN',
  ADMINISTER_HIERARCHY = 'ADMINISTER_HIERARCHY',
  READ_AUDIT_TRAIL = 'READ_AUDIT_TRAIL',
  MANAGE_FUNDS = 'MANAGE_FUNDS',
  MANAGE_PROJECTS = 'MANAGE_PROJECTS',
  CREATE_ASSESSMENTS = 'CREATE_ASSESSMENTS',
  REVIEW_ASSESSMENTS = 'REVIEW_ASSESSMENTS',
  ENTER_PROJECT_LIBRARY = 'ENTER_PROJECT_LIBRARY',
  WORK_ON_GOALS = 'WORK_ON_GOALS',
  REPORT_MONITORING = 'REPORT_MONITORING',
  ACKNOWLEDGE_MONITORING = 'ACKNOWLEDGE_MONITORING',
  HOLD_FUNDING = 'HOLD_FUNDING',
  SET_MONITORING_POLICY = 'SET_MONITORING_POLICY',
  SELF_EVALUATE = 'SELF_EVALUATE',
  REVIEW_SELF_EVALUATIONS = 'REVIEW_SELF_EVALUATIONS',
  DEPARTMENT_EVALUATE = 'DEPARTMENT_EVALUATE',
  FINANCE_EVALUATE = 'FINANCE_EVALUATE',
  COMMISSION_THIRD_PARTIES = 'COMMISSION_THIRD_PARTIES',
  FRAMEWORK_EVALUATE = 'FRAMEWORK_EVALUATE',
  RECEIVE_DEPARTMENT_EVALUATIONS = 'RECEIVE_DEPARTMENT_EVALUATIONS',
  COMPILE_RESULTS = 'COMPILE_RESULTS',
  PASS_COMPILED_RESULTS = 'PASS_COMPILED_RESULTS',
  SPOT_CHECK = 'SPOT_CHECK',
  SET_POLICY = 'SET_POLICY',
  DISCLOSE = 'DISCLOSE',
  WORK_ON_FINDINGS = 'WORK_ON_FINDINGS',
  DECIDE_RECOMMENDATIONS = 'DECIDE_RECOMMENDATIONS',
  SET_COMMON_INDICATORS = 'SET_COMMON_INDICATORS',
  DRAFT_DEPARTMENT_GOALS = 'DRAFT_DEPARTMENT_GOALS',
  DEPARTMENT_SELF_EVALUATE = 'DEPARTMENT_SELF_EVALUATE',
  REVIEW_DEPARTMENT_SELF_EVALUATIONS = 'REVIEW_DEPARTMENT_SELF_EVALUATIONS',
  MANAGE_SERVICE_ACCOUNTS = 'MANAGE_SERVICE_ACCOUNTS',
  READ_REPORTS = 'READ_REPORTS',
}
registerEnumType(Ability, {
  name: 'Ability',
  description:
    '权限 — what the caller may do (DOMAIN §8), one value per menu; granted exactly when the permission rule of its operation admits the caller (issue 11 item 5). Record-level checks still apply per object',
  valuesConfig: {
    READ_SUBTREE: { description: '查看辖区 — reads everything in its region’s subtree (P6)' },
    READ_OWN: { description: '查看本单位 — reads only its own organization’s items (P6)' },
    ADMINISTER_HIERARCHY: {
      description:
        '系统管理 — creates and edits regions, organizations and users of its subtree (createRegion)',
    },
    READ_AUDIT_TRAIL: {
      description:
        '查看审计留痕 — reads the change history of its subtree: audit, finance, administrators (auditEvents; 003 第七条)',
    },
    MANAGE_FUNDS: { description: '专项资金管理 — creates funds and their allocations (createFund; P1)' },
    MANAGE_PROJECTS: { description: '项目管理 — creates and edits projects (createProject; P2)' },
    CREATE_ASSESSMENTS: {
      description: '事前绩效评估 — makes ex-ante assessments (createAssessment; DOMAIN §6)',
    },
    REVIEW_ASSESSMENTS: { description: '评估审核 — reviews ex-ante assessments (reviewAssessment; P3)' },
    ENTER_PROJECT_LIBRARY: {
      description: '纳入项目库 — enters projects into the library (enterProjectLibrary)',
    },
    WORK_ON_GOALS: {
      description:
        '绩效目标 — drafts, submits and reviews goals; the workflow decides which (createGoal; P1–P3)',
    },
    REPORT_MONITORING: {
      description:
        '监控填报 — records execution and monitoring reports (createMonitoringReport; DOMAIN §9, P4)',
    },
    ACKNOWLEDGE_MONITORING: {
      description: '监控确认 — acknowledges monitoring reports (acknowledgeMonitoringReport; DOMAIN §9)',
    },
    HOLD_FUNDING: {
      description: '暂缓/停止拨款 — holds and releases funding (setFundingHold; 003 第十八条)',
    },
    SET_MONITORING_POLICY: {
      description: '监控参数 — sets the tenant’s monitoring thresholds (setMonitoringPolicy)',
    },
    SELF_EVALUATE: {
      description:
        '单位自评 — creates self-evaluations as the spending unit (createSelfEvaluation; P4); a department’s own-level projects are decided per project',
    },
    REVIEW_SELF_EVALUATIONS: { description: '自评审核 — reviews self-evaluations (reviewEvaluation; P4)' },
    DEPARTMENT_EVALUATE: {
      description: '部门评价 — creates department evaluations (createDepartmentEvaluation; P7)',
    },
    FINANCE_EVALUATE: { description: '财政评价 — creates finance evaluations (createFinanceEvaluation; P7)' },
    COMMISSION_THIRD_PARTIES: {
      description: '委托第三方 — commissions a third party for an evaluation (commissionEvaluation; P7)',
    },
    FRAMEWORK_EVALUATE: {
      description:
        '开展部门/财政评价 — fills in department and finance evaluations, also as a commissioned third party (saveFrameworkEvaluation)',
    },
    RECEIVE_DEPARTMENT_EVALUATIONS: {
      description:
        '接收部门评价 — acknowledges reported department evaluations (acknowledgeEvaluationReport)',
    },
    COMPILE_RESULTS: {
      description: '汇总确认 — compiles regional and overall results (compileRollUp; DOMAIN §11)',
    },
    PASS_COMPILED_RESULTS: {
      description:
        '审核汇总结果 — passes a compiled regional result as same-level finance (reviewCompiledResultAsFinance)',
    },
    SPOT_CHECK: { description: '抽查复核 — draws and records spot checks (drawSpotCheckSample; DOMAIN §12)' },
    SET_POLICY: { description: '绩效管理参数 — changes the tenant’s policy (updatePolicy; DOMAIN §10.7)' },
    DISCLOSE: {
      description: '信息公开 — publishes, withdraws and classifies disclosures (publishDisclosure; P5)',
    },
    WORK_ON_FINDINGS: {
      description:
        '问题整改 — gives feedback on and answers findings; the workflow decides which (giveFindingFeedback; DOMAIN §13)',
    },
    DECIDE_RECOMMENDATIONS: {
      description:
        '预算安排建议 — proposes and decides budget recommendations, verifies rectifications (proposeRecommendations)',
    },
    SET_COMMON_INDICATORS: {
      description: '部门共性指标 — sets department common indicators (setDepartmentCommonIndicators)',
    },
    DRAFT_DEPARTMENT_GOALS: {
      description:
        '部门整体绩效目标 — drafts its department’s or unit’s overall goal (createDepartmentGoal; P2)',
    },
    DEPARTMENT_SELF_EVALUATE: {
      description:
        '部门整体自评 — self-evaluates its department’s overall goal (createDepartmentSelfEvaluation; P4)',
    },
    REVIEW_DEPARTMENT_SELF_EVALUATIONS: {
      description:
        '审核部门整体自评 — reviews department self-evaluations (reviewDepartmentSelfEvaluation; P3)',
    },
    MANAGE_SERVICE_ACCOUNTS: {
      description:
        '服务账号管理 — creates service accounts for BI tools and integrations, issues and revokes their API tokens (createServiceAccount; issue 14)',
    },
    READ_REPORTS: {
      description:
        '跨级报表 — reads cross-level reports and BI aggregates within jurisdiction (aggregate, regionReport, GET /reports/aggregate.csv; DOMAIN §16, P6)',
    },
  },
});

@ObjectType({ description: '当前用户 — the caller, where it sits and what it may do' })
export class Me {
  @Field(() => UserType, { description: '用户 — the caller' })
  user!: UserType;

  @Field(() => OrganizationType, { description: '所在单位 — the caller’s organization' })
  organization!: OrganizationType;

  @Field(() => RegionType, { description: '所在区划 — the region of the caller’s organization' })
  region!: RegionType;

  @Field(() => TenantType, { description: '租户 — the city the caller belongs to' })
  tenant!: TenantType;

  @Field(() => [Ability], { description: '权限 — what the caller may do' })
  abilities!: Ability[];
}
