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
 * comment (editable and resubmittable again). A department or finance evaluation's SUBMITTED result is
 * preliminary: the evaluated body responds (RESPONDED, 交换意见), the evaluator finalizes it (FINALIZED);
 * a department reports it to finance (REPORTED), which acknowledges it
 * (ACKNOWLEDGED) — 002 第二十六条(二), 第二十八条(二). Anything but DRAFT / RETURNED is frozen (P8).
 */
export enum EvaluationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  REVIEWED = 'REVIEWED',
  RESPONDED = 'RESPONDED',
  FINALIZED = 'FINALIZED',
  REPORTED = 'REPORTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}

/** 评价操作 — every button a UI may show on an evaluation (DOMAIN §16). */
export enum EvaluationAction {
  EDIT = 'EDIT',
  COMMISSION = 'COMMISSION',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
  FINANCE_REVIEW = 'FINANCE_REVIEW',
  RESPOND = 'RESPOND',
  FINALIZE = 'FINALIZE',
  REPORT = 'REPORT',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
}

/** History actions: CREATE and the workflow actions (EDIT is an audit event only). */
export type TransitionAction =
  | 'CREATE'
  | 'COMMISSION'
  | 'SUBMIT'
  | 'APPROVE'
  | 'RETURN'
  | 'RESPOND'
  | 'FINALIZE'
  | 'REPORT'
  | 'ACKNOWLEDGE';

/** 交换意见 — the evaluated body's response to a preliminary result (002 第二十六条(二)6). */
export enum ResponseDecision {
  AGREE = 'AGREE',
  DISAGREE = 'DISAGREE',
}

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
    RESPONDED: {
      description: '已交换意见 — the evaluated body responded to the preliminary result (部门/财政评价)',
    },
    FINALIZED: { description: '最终结论 — the evaluator finalized the result after the exchange of views' },
    REPORTED: { description: '已报送财政 — a department evaluation reported to finance at its level' },
    ACKNOWLEDGED: { description: '财政已接收 — finance acknowledged the reported department evaluation' },
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
    FINANCE_REVIEW: {
      description:
        '乡镇财政审核 — the township finance office passes or returns its region’s compiled self-evaluation result before the fund’s department reviews it (reviewCompiledResultAsFinance; 003 转移支付 第二十三条)',
    },
    RESPOND: {
      description: '交换意见 — the evaluated body responds to the preliminary result (同意/有异议)',
    },
    FINALIZE: { description: '形成最终结论 — the evaluator finalizes the result after the response' },
    REPORT: { description: '报送财政 — the department reports its final evaluation to finance at its level' },
    ACKNOWLEDGE: { description: '财政接收 — finance at the department’s level acknowledges the report' },
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

registerEnumType(ResponseDecision, {
  name: 'EvaluationResponseDecision',
  description: '交换意见 — the evaluated body’s response to a preliminary result (002 第二十六条(二)6)',
  valuesConfig: {
    AGREE: { description: '同意 — agrees with the preliminary result' },
    DISAGREE: { description: '有异议 — disagrees; the text says why' },
  },
});
