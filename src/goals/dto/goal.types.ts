import { Field, Int, ObjectType } from 'type-graphql';
import { ActionAvailabilityBase } from '../../common/availability';
import { DecimalScalar } from '../../common/decimal';
import { Node, registerNodeType } from '../../common/node';
import { connectionType } from '../../common/pagination';
import { DateTime, MoneyScalar } from '../../common/scalars';
import { GoalEntity } from '../goal.entity';
import {
  DecompositionMode,
  FilingBasis,
  GoalScope,
  GoalStatus,
  ReviewRole,
  WorkflowAction,
} from '../goal.enums';
import {
  Aggregation,
  Comparator,
  IndicatorCategory,
  IndicatorKind,
  IndicatorSubcategory,
} from '../indicator.enums';

registerNodeType(GoalEntity, 'PerformanceGoal');

@ObjectType('GoalIndicator', {
  implements: Node,
  description:
    '绩效指标 — one indicator of a goal (DOMAIN §5): 一级/二级 category pair, 三级 name, quantitative or qualitative target, points',
})
export class GoalIndicatorType {
  @Field(() => IndicatorCategory, { description: '一级指标 — category' })
  category!: IndicatorCategory;

  @Field(() => IndicatorSubcategory, { description: '二级指标 — subcategory' })
  subcategory!: IndicatorSubcategory;

  @Field({ description: '三级指标 — the indicator’s own name' })
  name!: string;

  @Field(() => IndicatorKind, { description: '指标类型 — quantitative (定量) or qualitative (定性)' })
  kind!: IndicatorKind;

  @Field(() => String, { nullable: true, description: '计量单位 — unit of a quantitative indicator' })
  unit!: string | null;

  @Field(() => Comparator, { nullable: true, description: '比较方式 — ≥, ≤ or = (quantitative)' })
  comparator!: Comparator | null;

  @Field(() => String, {
    nullable: true,
    description: '指标值 — the target: an exact decimal (quantitative) or a described target (qualitative)',
  })
  target!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '分值 — points within its category' })
  points!: string | null;

  @Field(() => Aggregation, {
    nullable: true,
    description: '汇总方式 — how child goals’ indicators linked to this one combine (DOMAIN §5)',
  })
  aggregation!: Aggregation | null;

  @Field(() => String, {
    nullable: true,
    description: '比率分子 — numerator of the target (child of a RATIO_OF_SUMS parent)',
  })
  ratioNumerator!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '比率分母 — denominator of the target (child of a RATIO_OF_SUMS parent)',
  })
  ratioDenominator!: string | null;

  id!: string;
  parentIndicatorId!: string | null;
}

@ObjectType('GoalReviewStep', {
  description: '审核环节 — one step of a goal’s review chain (DOMAIN §7 table); the last is final',
})
export class ReviewStepType {
  @Field(() => Int, { description: '序号 — 1-based position in the chain' })
  index!: number;

  @Field(() => ReviewRole, { description: '审核角色 — the role of this step' })
  role!: ReviewRole;

  @Field({ description: '终审 — the final step (finance at the budget’s level)' })
  final!: boolean;

  @Field({ description: '当前环节 — the goal awaits this step now' })
  current!: boolean;

  organizationId!: string;
}

@ObjectType('GoalTransition', {
  description: '流转记录 — one workflow action on a goal: who, which organization, when, comment (DOMAIN §7)',
})
export class GoalTransitionType {
  @Field(() => WorkflowAction, { description: '操作 — the action taken' })
  action!: WorkflowAction;

  @Field(() => GoalStatus, { description: '原状态 — status before' })
  fromStatus!: GoalStatus;

  @Field(() => GoalStatus, { description: '新状态 — status after' })
  toStatus!: GoalStatus;

  @Field(() => Int, { description: '原环节 — review step before (0 outside review)' })
  fromStep!: number;

  @Field(() => Int, { description: '新环节 — review step after (0 outside review)' })
  toStep!: number;

  @Field(() => Int, { description: '环节总数 — number of steps in the chain' })
  stepCount!: number;

  @Field(() => ReviewRole, {
    nullable: true,
    description: '审核角色 — the chain role acted in; null for the drafter',
  })
  role!: ReviewRole | null;

  @Field(() => String, { nullable: true, description: '意见 — comment (always given on a return)' })
  comment!: string | null;

  @Field(() => DateTime, { description: '时间 — when' })
  at!: Date;

  @Field(() => Int, { description: '目标版本 — the content version acted on' })
  goalVersion!: number;

  actorOrganizationId!: string;
  actorUserId!: string;
}

@ObjectType('GoalActionAvailability', {
  description:
    '可办理操作 — whether the caller may take one workflow action on the goal now and, if not, why (DOMAIN §7)',
})
export class ActionAvailabilityType extends ActionAvailabilityBase {
  @Field(() => WorkflowAction, { description: '操作 — the action' })
  action!: WorkflowAction;

  @Field(() => [String], {
    description: '明细 — the completeness, gate or consistency errors behind a refusal (Chinese)',
  })
  details!: string[];
}

@ObjectType('GoalCategoryPoints', {
  description:
    '一级指标分值 — the category points in force for a goal (DOMAIN §10.1; 002 第二十一条(一)): its own, or the defaults 共性 10, 产出 50, 效益 30, 满意度 10; they total 100',
})
export class GoalCategoryPointsType {
  @Field(() => DecimalScalar, { description: '共性指标分值 — COMMON points' })
  common!: string;

  @Field(() => DecimalScalar, { description: '产出指标分值 — OUTPUT points' })
  output!: string;

  @Field(() => DecimalScalar, { description: '效益指标分值 — BENEFIT points' })
  benefit!: string;

  @Field(() => DecimalScalar, { description: '满意度指标分值 — SATISFACTION points' })
  satisfaction!: string;

  @Field({ description: '是否自定 — true when the goal sets its own points, false for the defaults' })
  custom!: boolean;
}

@ObjectType('PerformanceGoal', {
  implements: Node,
  description:
    '绩效目标 — one version of a performance goal (DOMAIN §5): scope, subject, objectives, money, indicators, and its review workflow (DOMAIN §7)',
})
export class PerformanceGoalType extends Node {
  @Field(() => GoalScope, { description: '目标范围 — scope' })
  scope!: GoalScope;

  @Field(() => Int, { description: '预算年度 — budget year' })
  year!: number;

  @Field({ description: '目标名称 — name' })
  name!: string;

  @Field(() => DecompositionMode, {
    nullable: true,
    description: '分解方式 — top-down or bottom-up (regional transfer goals)',
  })
  decomposition!: DecompositionMode | null;

  @Field(() => String, { nullable: true, description: '实施期目标 — implementation-period objective' })
  implementationPeriodObjective!: string | null;

  @Field(() => String, { nullable: true, description: '年度目标 — annual objective' })
  annualObjective!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '年度金额（元） — annual amount, yuan' })
  annualAmount!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其中：财政拨款（元） — fiscal appropriation' })
  fiscalAmount!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其中：其他资金（元） — other money' })
  otherAmount!: string | null;

  @Field(() => GoalStatus, { description: '状态 — workflow status' })
  status!: GoalStatus;

  @Field(() => Int, { description: '当前审核环节 — step awaiting action while under review; 0 otherwise' })
  currentStep!: number;

  @Field(() => Int, { description: '目标版本 — content version n (n+1 for an adjustment of n)' })
  goalVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: '调整理由 — why this version adjusts the previous one',
  })
  adjustmentReason!: string | null;

  @Field(() => FilingBasis, {
    nullable: true,
    description: '备案依据 — set when the budget was issued first',
  })
  filingBasis!: FilingBasis | null;

  @Field(() => Int, { description: '版本 — row version, for optimistic concurrency on every change' })
  rowVersion!: number;

  @Field(() => DateTime, { description: '创建时间 — created at' })
  createdAt!: Date;

  @Field(() => DateTime, { description: '更新时间 — last updated at' })
  updatedAt!: Date;
}

export const PerformanceGoalConnection = connectionType(PerformanceGoalType, 'PerformanceGoal', '绩效目标');
