import { registerEnumType } from 'type-graphql';

/**
 * 事前绩效评估的五个方面 (002 第六条; 003 第八条, 转移支付 第十条; 004 二(一)1; DOMAIN §6). Each gets a
 * conclusion in every assessment.
 */
export enum AssessmentDimension {
  NECESSITY = 'NECESSITY',
  ECONOMY = 'ECONOMY',
  GOAL_REASONABLENESS = 'GOAL_REASONABLENESS',
  FEASIBILITY = 'FEASIBILITY',
  FINANCING_COMPLIANCE = 'FINANCING_COMPLIANCE',
}

/** The dimensions in the order the documents list them. */
export const ASSESSMENT_DIMENSIONS: readonly AssessmentDimension[] = [
  AssessmentDimension.NECESSITY,
  AssessmentDimension.ECONOMY,
  AssessmentDimension.GOAL_REASONABLENESS,
  AssessmentDimension.FEASIBILITY,
  AssessmentDimension.FINANCING_COMPLIANCE,
];

export const dimensionNames: Record<AssessmentDimension, string> = {
  NECESSITY: '立项必要性',
  ECONOMY: '投入经济性',
  GOAL_REASONABLENESS: '绩效目标合理性',
  FEASIBILITY: '实施方案可行性',
  FINANCING_COMPLIANCE: '筹资合规性',
};

/** What is assessed: a new major project/policy, or a new special fund (002 第六条). */
export enum AssessmentSubjectKind {
  PROJECT = 'PROJECT',
  FUND = 'FUND',
}

/** 财政审核结果 — finance's review of an assessment report (002 第七条; 003 第十条; 004 二(一)2). */
export enum ReviewOutcome {
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

/** Where an assessment stands: drafted by the assessor, submitted to finance, then accepted or returned. */
export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

/** The two decisions the ex-ante gate guards (DOMAIN §6). */
export enum GatePurpose {
  PROJECT_LIBRARY = 'PROJECT_LIBRARY',
  GOAL_APPROVAL = 'GOAL_APPROVAL',
}

/** Why the gate answered as it did — a stable code next to the sentence, for UIs and reports. */
export enum GateBasis {
  NOT_REQUIRED = 'NOT_REQUIRED',
  EMERGENCY_EXEMPT = 'EMERGENCY_EXEMPT',
  ASSESSED_AT_CREATION = 'ASSESSED_AT_CREATION',
  ASSESSMENT_PASSED = 'ASSESSMENT_PASSED',
  ASSESSMENT_POOR = 'ASSESSMENT_POOR',
  PRE_APPROVED_PENDING = 'PRE_APPROVED_PENDING',
  AWAITING_FINANCE_REVIEW = 'AWAITING_FINANCE_REVIEW',
  RETURNED_BY_FINANCE = 'RETURNED_BY_FINANCE',
  NOT_ASSESSED = 'NOT_ASSESSED',
}

registerEnumType(AssessmentDimension, {
  name: 'AssessmentDimension',
  description: '事前绩效评估内容 — a dimension of an ex-ante assessment (002 第六条)',
  valuesConfig: {
    NECESSITY: { description: '立项必要性 — necessity of the project or policy' },
    ECONOMY: { description: '投入经济性 — economy of the inputs' },
    GOAL_REASONABLENESS: { description: '绩效目标合理性 — reasonableness of the performance goals' },
    FEASIBILITY: { description: '实施方案可行性 — feasibility of the implementation plan' },
    FINANCING_COMPLIANCE: { description: '筹资合规性 — compliance of the financing' },
  },
});

registerEnumType(AssessmentSubjectKind, {
  name: 'AssessmentSubjectKind',
  description: '评估对象类别 — what an ex-ante assessment is about',
  valuesConfig: {
    PROJECT: { description: '项目（新出台重大政策和项目） — a new major project or policy' },
    FUND: { description: '专项资金（新设专项资金/转移支付） — a new special fund or transfer payment' },
  },
});

registerEnumType(ReviewOutcome, {
  name: 'ReviewOutcome',
  description: '财政审核结果 — outcome of finance’s review of an assessment',
  valuesConfig: {
    ACCEPTED: { description: '审核通过 — accepted; the result counts for the gate' },
    RETURNED: { description: '退回 — returned to the assessor with a comment' },
  },
});

registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  description: '评估状态 — where an ex-ante assessment stands',
  valuesConfig: {
    DRAFT: { description: '草稿 — being written by the assessor' },
    SUBMITTED: { description: '已报送 — submitted, waiting for finance’s review' },
    ACCEPTED: { description: '财政审核通过 — accepted by finance' },
    RETURNED: { description: '财政退回 — returned by finance; the assessor revises and resubmits' },
  },
});

registerEnumType(GatePurpose, {
  name: 'GatePurpose',
  description: '评估关口 — the decision the ex-ante assessment gate guards',
  valuesConfig: {
    PROJECT_LIBRARY: { description: '纳入项目库 — entry into the project library' },
    GOAL_APPROVAL: { description: '绩效目标批复（安排预算） — approval of the goal, i.e. budget' },
  },
});

registerEnumType(GateBasis, {
  name: 'GateBasis',
  description: '评估关口依据 — why the ex-ante assessment gate passes, blocks or marks pending',
  valuesConfig: {
    NOT_REQUIRED: { description: '无需事前评估 — not a new major project, policy or special fund' },
    EMERGENCY_EXEMPT: { description: '应急资金免评 — public-emergency money (疫情防控等) is exempt' },
    ASSESSED_AT_CREATION: { description: '设立时已评估 — fund assessed when set up; no yearly repeat' },
    ASSESSMENT_PASSED: { description: '评估通过 — finance-accepted assessment graded better than 差' },
    ASSESSMENT_POOR: { description: '评估结果差 — finance-accepted assessment graded 差' },
    PRE_APPROVED_PENDING: {
      description: '先行安排、待评估 — pre-approved by the government; assessment pending',
    },
    AWAITING_FINANCE_REVIEW: { description: '待财政审核 — assessment submitted, not yet reviewed' },
    RETURNED_BY_FINANCE: { description: '财政退回 — assessment returned by finance' },
    NOT_ASSESSED: { description: '未开展评估 — no assessment submitted' },
  },
});

/** 事前绩效评估操作 — the workflow actions on an assessment (DOMAIN §6), for `availableActions`. */
export enum AssessmentAction {
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
}

registerEnumType(AssessmentAction, {
  name: 'AssessmentAction',
  description: '事前绩效评估操作 — a workflow action on an ex-ante assessment (DOMAIN §6)',
  valuesConfig: {
    EDIT: { description: '修改 — change a DRAFT or RETURNED assessment (its assessor)' },
    SUBMIT: { description: '报送 — submit it to finance (its assessor)' },
    ACCEPT: {
      description:
        '审核通过 — finance at the subject’s level or above accepts it (P3, never the assessor, P7)',
    },
    RETURN: { description: '退回 — finance returns it with a comment (P3, never the assessor, P7)' },
  },
});
