import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/decimal';
import { ScoreScalar } from '../../common/scalars';
import { IndicatorCategory } from '../../goals/indicator.enums';
import { QualitativeTier } from '../evaluation.enums';
import { FrameworkCategoryEnum, FrameworkIndicatorEnum, ReportSectionKeyEnum } from '../framework';

/**
 * The lines of an evaluation (DOMAIN §10): category points, score lines with their inputs, actual values,
 * framework scores and report sections — bounded lists under one evaluation.
 */

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
