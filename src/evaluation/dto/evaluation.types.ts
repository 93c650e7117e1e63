import { Field, Int, ObjectType } from 'type-graphql';
import { ActionAvailabilityBase } from '../../common/availability';
import { DecimalScalar } from '../../common/decimal';
import { Grade } from '../../common/grade';
import { Node, registerNodeType } from '../../common/node';
import { connectionType } from '../../common/pagination';
import { DateTime, MoneyScalar, ScoreScalar } from '../../common/scalars';
import { IndicatorCategory } from '../../goals/indicator.enums';
import { EvaluationEntity } from '../evaluation.entity';
import { EvaluationAction, EvaluationKind, EvaluationStatus, QualitativeTier } from '../evaluation.enums';
import { FrameworkCategoryEnum, FrameworkIndicatorEnum, ReportSectionKeyEnum } from '../framework';

registerNodeType(EvaluationEntity, 'Evaluation');

@ObjectType('EvaluationCategoryPoints', {
  description:
    '一级指标权重 — the points of the four categories of a self-evaluation (total 100, 002 第二十一条(一))',
})
export class CategoryPointsType {
  @Field(() => DecimalScalar, { description: '共性指标 — COMMON (default 10)' })
  common!: string;

  @Field(() => DecimalScalar, { description: '产出指标 — OUTPUT (default 50)' })
  output!: string;

  @Field(() => DecimalScalar, { description: '效益指标 — BENEFIT (default 30)' })
  benefit!: string;

  @Field(() => DecimalScalar, { description: '满意度指标 — SATISFACTION (default 10)' })
  satisfaction!: string;
}

@ObjectType('ScoreInput', { description: '计分依据 — one input a score line used, as exact text' })
export class ScoreInputType {
  @Field({ description: '名称 — e.g. target, actual, rate, tier, percentage' })
  name!: string;

  @Field({ description: '取值 — the exact value' })
  value!: string;
}

@ObjectType('ScoreLine', {
  description:
    '得分明细 — one scored line of a self-evaluation: inputs, rule, the rule with its numbers, points and score (DOMAIN §10: every score explains itself)',
})
export class ScoreLineType {
  @Field({
    description: '行标识 — the indicator’s global id, or COMMON:FUND_ARRIVAL / COMMON:BUDGET_EXECUTION',
  })
  key!: string;

  @Field({ description: '指标名称 — name of the indicator or the money line (资金到位率, 预算执行率)' })
  name!: string;

  @Field(() => IndicatorCategory, { description: '一级指标 — category' })
  category!: IndicatorCategory;

  @Field(() => DecimalScalar, { description: '分值 — points the line carries (exact, after redistribution)' })
  points!: string;

  @Field(() => [ScoreInputType], { description: '计分依据 — inputs used' })
  inputs!: ScoreInputType[];

  @Field({ description: '计分规则 — stable rule code, e.g. GTE_PROPORTIONAL, QUALITATIVE_TIER, RATE' })
  rule!: string;

  @Field({ description: '规则说明 — the rule with its formula and numbers, in Chinese' })
  ruleText!: string;

  @Field({ description: '规则说明（英文） — the rule with its formula and numbers, in English' })
  ruleTextEn!: string;

  @Field(() => ScoreScalar, { description: '得分 — rounded half-up to 2 decimals (DOMAIN §10.6)' })
  score!: string;

  @Field(() => [String], { description: '标记 — e.g. OVER_TARGET (完成值高于指标值较多)' })
  flags!: string[];

  @Field({ description: '须说明理由 — below its points or over target: an explanation is required' })
  needsExplanation!: boolean;
}

@ObjectType('EvaluationActual', {
  description: '实际完成情况 — what a self-evaluation reports for one indicator of the goal (附件6)',
})
export class EvaluationActualType {
  @Field(() => DecimalScalar, { nullable: true, description: '实际完成值 — actual value (quantitative)' })
  actual!: string | null;

  @Field(() => QualitativeTier, { nullable: true, description: '档次 — tier (qualitative)' })
  tier!: QualitativeTier | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '得分比例 — percentage inside the tier (qualitative)',
  })
  percentage!: string | null;

  @Field(() => String, { nullable: true, description: '说明 — explanation (偏差原因, 超额原因)' })
  explanation!: string | null;

  @Field({ description: '原指标值设定明显偏低 — over-target confirmed as a target set too low (deduction)' })
  targetSetTooLow!: boolean;

  @Field(() => ScoreScalar, { nullable: true, description: '得分 — stored on submission' })
  score!: string | null;

  @Field(() => String, { nullable: true, description: '计分规则 — rule applied, stored on submission' })
  rule!: string | null;

  @Field(() => [String], { description: '标记 — flags stored on submission' })
  flags!: string[];

  indicatorId!: string;
  evaluationId!: string;
}

@ObjectType('EvaluationFrameworkScore', {
  description: '评价指标得分 — one framework indicator of a department or finance evaluation (002 附件7)',
})
export class FrameworkScoreType {
  @Field(() => FrameworkIndicatorEnum, {
    nullable: true,
    description: '三级指标 — the reference indicator of 附件7; null for a custom indicator',
  })
  code!: string | null;

  @Field({ description: '自定义指标 — a custom indicator beside the 17 reference ones' })
  custom!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      '计分规则 — how a rate indicator’s score was computed from the figures, in Chinese (null: scored by hand)',
  })
  ruleText!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '计分规则（英文） — the same in English (null: scored by hand)',
  })
  ruleTextEn!: string | null;

  @Field(() => FrameworkCategoryEnum, { description: '一级指标 — framework category' })
  category!: string;

  @Field({ description: '指标名称 — name' })
  name!: string;

  @Field(() => DecimalScalar, { description: '分值 — points set by the evaluator' })
  points!: string;

  @Field(() => ScoreScalar, { nullable: true, description: '得分 — score (0 to the points)' })
  score!: string | null;

  @Field(() => String, { nullable: true, description: '评分说明 — why this score' })
  comment!: string | null;
}

@ObjectType('EvaluationReportSection', {
  description: '评价报告章节 — one section of the report, keyed by the outline of 002 附件8',
})
export class ReportSectionType {
  @Field(() => ReportSectionKeyEnum, { description: '章节 — the section key' })
  key!: string;

  @Field({ description: '章节标题 — title in the outline' })
  title!: string;

  @Field({ description: '正文 — body text' })
  body!: string;
}

@ObjectType('EvaluationTransition', {
  description: '评价流转记录 — one action on an evaluation: who, which organization, when, comment',
})
export class EvaluationTransitionType {
  @Field({ description: '操作 — CREATE, COMMISSION, SUBMIT, APPROVE or RETURN' })
  action!: string;

  @Field(() => EvaluationStatus, { description: '原状态 — status before' })
  fromStatus!: EvaluationStatus;

  @Field(() => EvaluationStatus, { description: '新状态 — status after' })
  toStatus!: EvaluationStatus;

  @Field(() => String, { nullable: true, description: '意见 — comment (always given on a return)' })
  comment!: string | null;

  @Field(() => DateTime, { description: '时间 — when' })
  at!: Date;

  actorOrganizationId!: string;
}

@ObjectType('EvaluationActionAvailability', {
  description: '可办理操作 — whether the caller may take one action on the evaluation now and, if not, why',
})
export class EvaluationActionAvailabilityType extends ActionAvailabilityBase {
  @Field(() => EvaluationAction, { description: '操作 — the action' })
  action!: EvaluationAction;

  @Field(() => [String], {
    description:
      '明细 — the missing items behind a refusal (Chinese), exactly as the mutation would report them (e.g. each 须说明理由 of a SUBMIT)',
  })
  details!: string[];
}

@ObjectType('Evaluation', {
  implements: Node,
  description:
    '绩效评价 — a SELF (单位自评), DEPARTMENT (部门评价), FINANCE (财政评价) or SPOT_CHECK (抽查复核) evaluation of a goal (DOMAIN §10)',
})
export class EvaluationType extends Node {
  @Field(() => EvaluationKind, { description: '评价类型 — kind' })
  kind!: EvaluationKind;

  @Field(() => Int, { description: '年度 — the goal’s budget year' })
  year!: number;

  @Field(() => EvaluationStatus, { description: '状态 — workflow status' })
  status!: EvaluationStatus;

  @Field(() => MoneyScalar, { nullable: true, description: '年初预算数（元） — initial budget (附件6)' })
  initialBudget!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '全年预算数（元） — full-year budget (附件6), the base of the rates; budgeted (预算数)',
  })
  budgeted!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '到位数（元） — in place' })
  inPlace!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '执行数（元） — spent' })
  spent!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '资金到位率说明 — why the fund arrival rate is below 100%',
  })
  fundArrivalExplanation!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '预算执行率说明 — why the budget execution rate is below 100%',
  })
  budgetExecutionExplanation!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '年度总体目标 — the annual objective (附件6 绩效目标 年度目标), copied from the goal',
  })
  annualObjective!: string | null;

  @Field(() => String, { nullable: true, description: '实际完成情况 — what was achieved, as text (附件6)' })
  achievement!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '整改措施 — rectification measures (002 第二十八条(一))',
  })
  rectificationMeasures!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '权重说明 — why OUTPUT + BENEFIT carry under 60 points (002 第二十一条(二) 原则上)',
  })
  weightJustification!: string | null;

  @Field(() => DateTime, { nullable: true, description: '形成最终结论时间 — finalized at' })
  finalizedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: '报送财政时间 — reported to finance at' })
  reportedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: '财政接收时间 — acknowledged by finance at' })
  acknowledgedAt!: Date | null;

  @Field(() => ScoreScalar, { nullable: true, description: '总分 — total, set on submission' })
  total!: string | null;

  @Field(() => Grade, { nullable: true, description: '评价等级 — grade, set on submission (002 第二十五条)' })
  grade!: Grade | null;

  @Field(() => Int, { description: '版本 — row version, for optimistic concurrency on every change' })
  rowVersion!: number;

  @Field(() => DateTime, { nullable: true, description: '提交时间 — submitted at' })
  submittedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: '审核时间 — reviewed (accepted or returned) at' })
  reviewedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: '委托时间 — commissioned to a third party at' })
  commissionedAt!: Date | null;

  @Field(() => DateTime, { description: '创建时间 — created at' })
  createdAt!: Date;

  @Field(() => DateTime, { description: '更新时间 — last updated at' })
  updatedAt!: Date;
}

export const EvaluationConnection = connectionType(EvaluationType, 'Evaluation', '绩效评价');
