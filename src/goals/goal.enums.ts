import { registerEnumType } from 'type-graphql';

/**
 * 绩效目标的范围 (DOMAIN §2, §5): own-level project, department-wide, and the three scopes of
 * transfer-payment goals (002 第十条(二); 003 转移支付 第十四条).
 */
export enum GoalScope {
  PROJECT = 'PROJECT',
  DEPARTMENT = 'DEPARTMENT',
  TRANSFER_OVERALL = 'TRANSFER_OVERALL',
  TRANSFER_REGIONAL = 'TRANSFER_REGIONAL',
  TRANSFER_PROJECT = 'TRANSFER_PROJECT',
}

/**
 * 绩效目标状态 (DOMAIN §7). `SUBMITTED` is step 1 of the review chain before anyone has signed;
 * `IN_REVIEW` is step k ≥ 2 (at least one reviewer has approved). `FILED_FOR_RECORD` is the end of the
 * record path (先行下达预算、再报备案, 002 第十二条): effective and frozen like `ISSUED`, but never approved.
 * `WITHDRAWN` ends an adjustment its drafter abandoned before submitting it (DOMAIN §7, §15): frozen and
 * readable, never deleted; version n can then be adjusted again. `REJECTED` is finance's refusal of a goal
 * that stays unacceptable after review (不予受理, 001 三(一)): terminal, frozen, readable, with its reason.
 */
export enum GoalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  ISSUED = 'ISSUED',
  RETURNED = 'RETURNED',
  SUPERSEDED = 'SUPERSEDED',
  FILED_FOR_RECORD = 'FILED_FOR_RECORD',
  WITHDRAWN = 'WITHDRAWN',
  REJECTED = 'REJECTED',
}

/** 绩效目标流程操作 (DOMAIN §7): every button a UI may show on a goal. */
export enum WorkflowAction {
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
  ISSUE = 'ISSUE',
  REQUEST_ADJUSTMENT = 'REQUEST_ADJUSTMENT',
  FILE_FOR_RECORD = 'FILE_FOR_RECORD',
  WITHDRAW_ADJUSTMENT = 'WITHDRAW_ADJUSTMENT',
  REJECT = 'REJECT',
}

/** 分区域绩效目标的分解方式 (DOMAIN §5; 003 转移支付 第十五条(二)). */
export enum DecompositionMode {
  TOP_DOWN = 'TOP_DOWN',
  BOTTOM_UP = 'BOTTOM_UP',
}

/** 审核环节的角色 — the role of one step of a review chain (DOMAIN §7 table). */
export enum ReviewRole {
  SUPERVISING_DEPARTMENT = 'SUPERVISING_DEPARTMENT',
  LOWER_FINANCE = 'LOWER_FINANCE',
  FUND_DEPARTMENT = 'FUND_DEPARTMENT',
  BUDGET_FINANCE = 'BUDGET_FINANCE',
}

/** 先行下达预算的依据 — why a goal is filed for record after its budget was issued (002 第十二条). */
export enum FilingBasis {
  EMERGENCY = 'EMERGENCY',
  TRANSFER_DEFERRED = 'TRANSFER_DEFERRED',
}

/** The scopes of transfer-payment goals (转移支付绩效目标). */
export const TRANSFER_SCOPES: readonly GoalScope[] = [
  GoalScope.TRANSFER_OVERALL,
  GoalScope.TRANSFER_REGIONAL,
  GoalScope.TRANSFER_PROJECT,
];

registerEnumType(GoalScope, {
  name: 'GoalScope',
  description: '绩效目标范围 — scope of a performance goal',
  valuesConfig: {
    PROJECT: { description: '本级预算项目绩效目标 — goal of an own-level budget project' },
    DEPARTMENT: { description: '部门整体绩效目标 — department-wide goal' },
    TRANSFER_OVERALL: { description: '转移支付整体绩效目标 — overall goal of a transfer-payment fund' },
    TRANSFER_REGIONAL: {
      description: '转移支付分区域绩效目标 — regional goal of a factor-method fund, one per receiving region',
    },
    TRANSFER_PROJECT: { description: '转移支付分项目绩效目标 — project goal under a transfer-payment fund' },
  },
});

registerEnumType(GoalStatus, {
  name: 'GoalStatus',
  description: '绩效目标状态 — workflow status of a goal version',
  valuesConfig: {
    DRAFT: { description: '草稿 — being drafted; editable by the drafter' },
    SUBMITTED: { description: '已提交 — submitted, awaiting the first reviewer (step 1)' },
    IN_REVIEW: { description: '审核中 — under review at step k of n (k ≥ 2)' },
    APPROVED: { description: '已审定 — approved by finance at the budget level, awaiting issue' },
    ISSUED: { description: '已批复下达 — issued with the budget; frozen, changed only by adjustment' },
    RETURNED: { description: '已退回 — returned with comments; editable and resubmittable' },
    SUPERSEDED: { description: '已被调整替代 — replaced by a later issued version; still readable' },
    FILED_FOR_RECORD: {
      description: '已备案 — filed for record after the budget was issued first (002 第十二条); frozen',
    },
    WITHDRAWN: {
      description:
        '已撤回 — an adjustment request withdrawn by its drafter before submission; frozen, still readable',
    },
    REJECTED: {
      description:
        '不予受理 — refused by finance at the final step after review (001 三(一) 经审核仍不合格的，可不予受理); terminal, with a reason',
    },
  },
});

registerEnumType(WorkflowAction, {
  name: 'WorkflowAction',
  description: '绩效目标流程操作 — an action on a goal',
  valuesConfig: {
    EDIT: { description: '编辑 — change the goal’s content (drafter, while draft or returned)' },
    SUBMIT: { description: '提交审核 — send the goal into its review chain' },
    APPROVE: { description: '审核通过 — approve at the current step of the chain' },
    RETURN: { description: '退回修改 — return to the drafter with a comment' },
    ISSUE: {
      description: '批复下达 — issue the approved goal with the budget (finance at the budget level)',
    },
    REQUEST_ADJUSTMENT: { description: '申请调整 — request a new version of an issued goal, with a reason' },
    FILE_FOR_RECORD: {
      description: '报送备案 — file the goal for record after the budget was issued first (002 第十二条)',
    },
    WITHDRAW_ADJUSTMENT: {
      description:
        '撤回调整申请 — the drafter abandons an adjustment (version n+1) still in draft or returned; version n can be adjusted again',
    },
    REJECT: {
      description:
        '不予受理 — finance at the final step refuses a goal that stays unacceptable after review, with a reason (001 三(一)); terminal',
    },
  },
});

registerEnumType(DecompositionMode, {
  name: 'DecompositionMode',
  description: '分区域绩效目标分解方式 — how a regional goal is set',
  valuesConfig: {
    TOP_DOWN: { description: '自上而下 — the fund’s department decomposes the overall goal itself' },
    BOTTOM_UP: {
      description: '自下而上 — the lower level reports its regional goal against stated requirements',
    },
  },
});

registerEnumType(ReviewRole, {
  name: 'ReviewRole',
  description: '审核角色 — the role of a step in a goal’s review chain',
  valuesConfig: {
    SUPERVISING_DEPARTMENT: { description: '主管部门审核 — the competent department of the spending unit' },
    LOWER_FINANCE: {
      description: '下级财政部门审核（会同） — finance of the receiving region (co-signs regional goals)',
    },
    FUND_DEPARTMENT: {
      description: '资金主管部门审核 — the fund’s competent department at the allocating level',
    },
    BUDGET_FINANCE: { description: '财政部门审定 — finance at the budget’s level; the final step' },
  },
});

registerEnumType(FilingBasis, {
  name: 'FilingBasis',
  description: '先行下达预算的依据 — why the budget was issued before the goal',
  valuesConfig: {
    EMERGENCY: {
      description: '应对公共突发事件资金 — emergency funds: budget first, goal filed with finance afterwards',
    },
    TRANSFER_DEFERRED: {
      description: '转移支付目标未能同步下达 — regional/project goals reported for record after the transfer',
    },
  },
});

/** 项目属性 (附件1): a new project or one continuing from earlier years. */
export enum ProjectAttribute {
  NEW = 'NEW',
  CONTINUING = 'CONTINUING',
}

registerEnumType(ProjectAttribute, {
  name: 'ProjectAttribute',
  description: '项目属性 — project attribute on the 附件1 goal form',
  valuesConfig: {
    NEW: { description: '新增 — a new project' },
    CONTINUING: { description: '延续 — a project continuing from earlier years' },
  },
});
