import { registerEnumType } from 'type-graphql';

/** 评价类型 (DOMAIN §2, §10): 单位自评, 部门评价, 财政评价(重点评价), 抽查复核. */
export enum EvaluationKind {
  SELF = 'SELF',
  DEPARTMENT = 'DEPARTMENT',
  FINANCE = 'FINANCE',
  SPOT_CHECK = 'SPOT_CHECK',
}

/**
 * 评价状态 (DOMAIN §10): DRAFT → SUBMITTED → REVIEWED (审核, SELF by the level above), or RETURNED with a
 * comment (editable and resubmittable again). A SUBMITTED or REVIEWED evaluation is frozen (P8).
 */
export enum EvaluationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  REVIEWED = 'REVIEWED',
}

/** 评价操作 — every button a UI may show on an evaluation (DOMAIN §16). */
export enum EvaluationAction {
  EDIT = 'EDIT',
  COMMISSION = 'COMMISSION',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
}

/** History actions: CREATE and the workflow actions (EDIT is an audit event only). */
export type TransitionAction = 'CREATE' | 'COMMISSION' | 'SUBMIT' | 'APPROVE' | 'RETURN';

/** 审核意见 — the reviewer's decision on a submitted self-evaluation. */
export enum ReviewDecision {
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
}

/** 定性指标档次 (002 第二十四条; DOMAIN §10.4). */
export enum QualitativeTier {
  ACHIEVED = 'ACHIEVED',
  PARTIAL = 'PARTIAL',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
}

registerEnumType(EvaluationKind, {
  name: 'EvaluationKind',
  description: '评价类型 — kind of evaluation (DOMAIN §10)',
  valuesConfig: {
    SELF: { description: '单位自评 — by the spending unit (谁支出、谁自评, P4)' },
    DEPARTMENT: { description: '部门评价 — by the competent department, on its own projects and funds' },
    FINANCE: { description: '财政评价（重点评价） — by finance, on major items' },
    SPOT_CHECK: { description: '抽查复核 — re-scoring of a sampled self-evaluation (DOMAIN §12)' },
  },
});

registerEnumType(EvaluationStatus, {
  name: 'EvaluationStatus',
  description: '评价状态 — workflow status of an evaluation',
  valuesConfig: {
    DRAFT: { description: '草稿 — being filled in by the evaluator' },
    SUBMITTED: { description: '已提交 — frozen (P8), awaiting review (审核) for a self-evaluation' },
    RETURNED: { description: '已退回 — returned with a comment; editable and resubmittable' },
    REVIEWED: { description: '已审核 — accepted by the level above; final' },
  },
});

registerEnumType(EvaluationAction, {
  name: 'EvaluationAction',
  description: '评价操作 — an action on an evaluation',
  valuesConfig: {
    EDIT: { description: '填报修改 — save actuals, scores or report sections (DRAFT / RETURNED)' },
    COMMISSION: { description: '委托第三方 — commission a third party (部门评价 / 财政评价, DRAFT)' },
    SUBMIT: { description: '提交 — submit; the evaluation is scored and frozen' },
    APPROVE: { description: '审核通过 — the level above accepts a submitted self-evaluation' },
    RETURN: { description: '退回 — the level above returns it with a comment' },
  },
});

registerEnumType(ReviewDecision, {
  name: 'EvaluationReviewDecision',
  description: '审核意见 — decision on a submitted self-evaluation',
  valuesConfig: {
    APPROVE: { description: '审核通过 — accept (REVIEWED)' },
    RETURN: { description: '退回修改 — return to the evaluator with a comment (RETURNED)' },
  },
});

registerEnumType(QualitativeTier, {
  name: 'QualitativeTier',
  description: '定性指标档次 — tier of a qualitative indicator (002 第二十四条)',
  valuesConfig: {
    ACHIEVED: { description: '达成指标 — achieved: 80% (inclusive) to 100% of the points' },
    PARTIAL: { description: '部分达成 — partly achieved: 60% (inclusive) to under 80%' },
    NOT_ACHIEVED: { description: '未达成 — not achieved: 0% to under 60%' },
  },
});
