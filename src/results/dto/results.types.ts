import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Grade } from '../../common/grade';
import { Node } from '../../common/node';
import { connectionType } from '../../common/pagination';
import { DateTime, MoneyScalar } from '../../common/scalars';
import { FindingAction, FindingState } from '../rules/finding-workflow';
import { RecommendationAction } from '../rules/recommendation';
import { RecommendationStatus } from '../recommendation.service';

registerEnumType(FindingState, {
  name: 'FindingState',
  valuesConfig: {
    OPEN: { description: '待反馈 — opened, awaiting feedback' },
    FEEDBACK_GIVEN: { description: '已反馈 — feedback given, awaiting the rectification report' },
    RESPONDED: { description: '已报送整改 — rectification reported, awaiting verification' },
    VERIFIED: { description: '已核实 — finance verified the rectification' },
    REOPENED: { description: '已退回整改 — finance found the rectification insufficient' },
  },
  description:
    '问题状态 — OPEN 待反馈, FEEDBACK_GIVEN 已反馈, RESPONDED 已报送整改, VERIFIED 已核实, REOPENED 已退回整改 (DOMAIN §13)',
});
registerEnumType(FindingAction, {
  name: 'FindingAction',
  valuesConfig: {
    GIVE_FEEDBACK: { description: '反馈 — the evaluating body gives feedback' },
    RESPOND: { description: '报送整改 — the evaluated body reports its rectification' },
    VERIFY: { description: '核实 — finance verifies' },
    REOPEN: { description: '退回整改 — finance reopens' },
  },
  description: '问题操作 — GIVE_FEEDBACK 反馈, RESPOND 报送整改, VERIFY 核实, REOPEN 退回整改 (DOMAIN §13)',
});
registerEnumType(RecommendationAction, {
  name: 'RecommendationAction',
  valuesConfig: {
    SUPPORT: { description: '优先保障 — support with priority, commend (EXCELLENT/GOOD)' },
    MAY_REDUCE: { description: '视情况核减 — improve, may be reduced (FAIR)' },
    REDUCE_OR_CANCEL: { description: '调减或取消 — reduce or cancel (POOR)' },
    CUT_AT_LEAST: {
      description: '压减不低于最低比例 — cut by at least the minimum (transfer fund, FINANCE POOR)',
    },
    REDUCE_FURTHER: { description: '进一步调减 — reduce further: finding not rectified' },
    RECOVER_IDLE: { description: '收回沉淀资金 — recover long-idle money (003 第二十六条)' },
    TIGHTEN: {
      description:
        '从严、从紧 — tighten the region’s transfers: flagged spot check (003 转移支付 第二十四条)',
    },
  },
  description:
    '预算建议 — SUPPORT 优先保障, MAY_REDUCE 视情况核减, REDUCE_OR_CANCEL 调减或取消, CUT_AT_LEAST 压减不低于最低比例, REDUCE_FURTHER 整改不到位进一步调减, RECOVER_IDLE 收回沉淀资金, TIGHTEN 从严从紧 (DOMAIN §13)',
});
registerEnumType(RecommendationStatus, {
  name: 'RecommendationStatus',
  valuesConfig: {
    PROPOSED: { description: '已提出 — proposed' },
    ACCEPTED: { description: '已采纳 — accepted by finance' },
    OVERRIDDEN: { description: '已调整 — overridden by finance with a reason' },
  },
  description: '建议状态 — PROPOSED 已提出, ACCEPTED 财政采纳, OVERRIDDEN 财政调整 (DOMAIN §13)',
});

@ObjectType({ description: '可执行操作 — whether the caller may take an action now, and why not' })
export class FindingActionAvailability {
  @Field(() => FindingAction, { description: '操作 — the action' })
  action!: FindingAction;

  @Field({ description: '允许 — the caller may take it now' })
  allowed!: boolean;

  @Field(() => String, { nullable: true, description: '错误码 — why not (FORBIDDEN, WORKFLOW_VIOLATION)' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: '原因 — why not, in Chinese' })
  reason!: string | null;
}

@ObjectType('Finding', {
  implements: Node,
  description:
    '问题与整改 — a finding from a completed evaluation, its feedback and rectification (DOMAIN §13)',
})
export class FindingType {
  @Field(() => ID, { description: '全局标识 — opaque global id' })
  id!: string;

  @Field({
    description: '来源类型 — EVALUATION (any kind, spot checks included) or FUNDING_HOLD 暂缓/停止拨款',
  })
  sourceKind!: string;

  @Field(() => ID, {
    description:
      '来源 — the source’s global id (Evaluation, MonitoringReport or FundingHold); 保留兼容 — kept for compatibility, read `source`',
  })
  sourceId!: string;

  @Field(() => ID, {
    description: '绩效目标 — the goal’s global id; 保留兼容 — kept for compatibility, read `goal`',
  })
  goalId!: string;

  @Field(() => Int, { description: '年度 — the budget year of the result' })
  year!: number;

  @Field(() => Grade, { nullable: true, description: '评价等级 — the source’s grade' })
  grade!: Grade | null;

  @Field({ description: '问题描述 — the problem found' })
  description!: string;

  @Field(() => FindingState, { description: '状态 — workflow state' })
  state!: FindingState;

  @Field({ description: '逾期 — past a due date, computed from today in Asia/Shanghai (never stored)' })
  overdue!: boolean;

  @Field({ description: '完成日期 — the source’s completion date (YYYY-MM-DD, Asia/Shanghai)' })
  completedOn!: string;

  @Field({ description: '反馈期限 — feedback due, 1 month after completion (YYYY-MM-DD)' })
  feedbackDueOn!: string;

  @Field({
    description:
      '整改期限 — written rectification due: the own 整改时限, else 2 months after feedback (YYYY-MM-DD)',
  })
  rectificationDueOn!: string;

  @Field(() => String, { nullable: true, description: '整改时限 — the finding’s own deadline (YYYY-MM-DD)' })
  ownDeadline!: string | null;

  @Field(() => String, { nullable: true, description: '反馈意见 — the feedback' })
  feedback!: string | null;

  @Field(() => String, { nullable: true, description: '反馈日期 — when feedback was given (YYYY-MM-DD)' })
  feedbackGivenOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '整改报告 — the evaluated body’s rectification report',
  })
  response!: string | null;

  @Field(() => String, { nullable: true, description: '报送日期 — when it was reported (YYYY-MM-DD)' })
  respondedOn!: string | null;

  @Field(() => String, { nullable: true, description: '核实意见 — finance’s verification comment' })
  verificationComment!: string | null;

  @Field(() => String, { nullable: true, description: '核实日期 — when finance verified (YYYY-MM-DD)' })
  verifiedOn!: string | null;

  @Field(() => ID, {
    description:
      '反馈单位 — the evaluating body (organization global id); 保留兼容 — kept for compatibility, read `feedbackOrganization`',
  })
  feedbackOrganizationId!: string;

  @Field(() => ID, {
    description:
      '整改单位 — the evaluated body (organization global id); 保留兼容 — kept for compatibility, read `responsibleOrganization`',
  })
  responsibleOrganizationId!: string;

  @Field(() => ID, {
    description:
      '核实单位 — finance at the level (organization global id); 保留兼容 — kept for compatibility, read `verifierOrganization`',
  })
  verifierOrganizationId!: string;

  @Field(() => [FindingActionAvailability], { description: '可执行操作 — the caller’s actions now' })
  availableActions!: FindingActionAvailability[];

  @Field(() => Int, { description: '版本 — row version' })
  rowVersion!: number;

  @Field(() => DateTime, { description: '创建时间 — when it was opened' })
  createdAt!: Date;
}

@ObjectType('BudgetRecommendation', {
  implements: Node,
  description: '预算安排建议 — next year’s budget recommendation for a subject, with its basis (DOMAIN §13)',
})
export class RecommendationType {
  @Field(() => ID, { description: '全局标识 — opaque global id' })
  id!: string;

  @Field(() => Int, { description: '预算年度 — the year the recommendation is for' })
  budgetYear!: number;

  @Field({ description: '对象类型 — FUND 专项资金, REGION 分区域, PROJECT 项目, DEPARTMENT 部门' })
  subjectKind!: string;

  @Field(() => ID, {
    description: '绩效目标 — the subject’s goal (global id); 保留兼容 — kept for compatibility, read `goal`',
  })
  goalId!: string;

  @Field(() => ID, {
    nullable: true,
    description: '专项资金 — the fund (global id); 保留兼容 — kept for compatibility, read `fund`',
  })
  fundId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: '项目 — the project (global id); 保留兼容 — kept for compatibility, read `project`',
  })
  projectId!: string | null;

  @Field(() => ID, {
    description: '区划 — the region (global id); 保留兼容 — kept for compatibility, read `region`',
  })
  regionId!: string;

  @Field(() => ID, {
    nullable: true,
    description: '部门 — the department (global id); 保留兼容 — kept for compatibility, read `department`',
  })
  departmentId!: string | null;

  @Field({
    description:
      '依据类型 — EVALUATION (a result), FINDING (unrectified), IDLE_MONEY 沉淀资金 (the goal) or SPOT_CHECK (a flagged item)',
  })
  basisKind!: string;

  @Field(() => ID, {
    description:
      '依据 — the Evaluation, Finding, PerformanceGoal or SpotCheckItem (global id); 保留兼容 — kept for compatibility, read `basis`',
  })
  basisId!: string;

  @Field(() => Grade, { nullable: true, description: '等级 — the basis’s grade' })
  grade!: Grade | null;

  @Field(() => RecommendationAction, { description: '建议 — the recommended action' })
  action!: RecommendationAction;

  @Field({ description: '依据条款 — the rule, by document and article' })
  rule!: string;

  @Field(() => MoneyScalar, { description: '本年金额 — this year’s amount (元)' })
  currentAmount!: string;

  @Field(() => MoneyScalar, { description: '建议调整额 — the recommended change (元; negative = cut)' })
  recommendedChange!: string;

  @Field(() => MoneyScalar, { nullable: true, description: '最低压减额 — the least cut as an amount (元)' })
  minimumCut!: string | null;

  @Field(() => RecommendationStatus, { description: '状态 — PROPOSED, ACCEPTED or OVERRIDDEN' })
  status!: RecommendationStatus;

  @Field(() => MoneyScalar, { nullable: true, description: '确定调整额 — the change finance decided (元)' })
  decidedChange!: string | null;

  @Field(() => String, { nullable: true, description: '调整理由 — finance’s reason for overriding' })
  decisionReason!: string | null;
}

export const FindingConnection = connectionType(FindingType, 'Finding', '问题清单');
export const BudgetRecommendationConnection = connectionType(
  RecommendationType,
  'BudgetRecommendation',
  '预算安排建议',
);
