import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { UserError } from '../../common/user-error';
import { EvaluationKind, EvaluationStatus, QualitativeTier, ReviewDecision } from '../evaluation.enums';
import { FrameworkIndicatorEnum, ReportSectionKeyEnum } from '../framework';
import { EvaluationType } from './evaluation.types';

@InputType({ description: '新建评价 — the goal to evaluate' })
export class CreateEvaluationInput {
  @Field(() => ID, { description: '绩效目标 — the goal (an issued goal version)' })
  goalId!: string;
}

@InputType({ description: '资金情况 — money of the evaluated year, in yuan (DOMAIN §4)' })
export class EvaluationMoneyInput {
  @Field(() => DecimalScalar, { description: '预算数（元） — budgeted' })
  budgeted!: Decimal;

  @Field(() => DecimalScalar, { description: '到位数（元） — in place' })
  inPlace!: Decimal;

  @Field(() => DecimalScalar, { description: '执行数（元） — spent' })
  spent!: Decimal;
}

@InputType({ description: '一级指标权重 — category points; all four, totalling 100 (002 第二十一条(一))' })
export class CategoryPointsInput {
  @Field(() => DecimalScalar, { description: '共性指标 — COMMON' })
  common!: Decimal;

  @Field(() => DecimalScalar, { description: '产出指标 — OUTPUT' })
  output!: Decimal;

  @Field(() => DecimalScalar, { description: '效益指标 — BENEFIT' })
  benefit!: Decimal;

  @Field(() => DecimalScalar, { description: '满意度指标 — SATISFACTION' })
  satisfaction!: Decimal;
}

@InputType({ description: '实际完成情况 — one indicator’s actual, as entered' })
export class EvaluationActualInput {
  @Field(() => ID, { description: '绩效指标 — the goal indicator (global id)' })
  indicatorId!: string;

  @Field(() => DecimalScalar, { nullable: true, description: '实际完成值 — actual value (quantitative)' })
  actual?: Decimal | null;

  @Field(() => QualitativeTier, { nullable: true, description: '档次 — tier (qualitative)' })
  tier?: QualitativeTier | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '得分比例 — percentage 0–100 inside the tier, at most 2 decimals (qualitative)',
  })
  percentage?: Decimal | null;

  @Field(() => String, {
    nullable: true,
    description: '说明 — explanation (required below points or over target)',
  })
  explanation?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '原指标值设定明显偏低 — confirm that an over-achievement comes from a target set too low',
  })
  targetSetTooLow?: boolean | null;
}

@InputType({
  description:
    '填报自评 — money, category points and actuals of a DRAFT or RETURNED self-evaluation; actuals replaced as a set',
})
export class SaveEvaluationActualsInput {
  @Field(() => ID, { description: '绩效评价 — the evaluation' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the change is based on (stale → CONFLICT)' })
  expectedVersion!: number;

  @Field(() => EvaluationMoneyInput, {
    nullable: true,
    description: '资金情况 — money (null: not yet known)',
  })
  money?: EvaluationMoneyInput | null;

  @Field(() => String, { nullable: true, description: '资金到位率说明 — why arrival is below 100%' })
  fundArrivalExplanation?: string | null;

  @Field(() => String, { nullable: true, description: '预算执行率说明 — why execution is below 100%' })
  budgetExecutionExplanation?: string | null;

  @Field(() => CategoryPointsInput, {
    nullable: true,
    description: '一级指标权重 — null for the defaults 10/50/30/10',
  })
  categoryPoints?: CategoryPointsInput | null;

  @Field(() => [EvaluationActualInput], {
    description: '实际完成情况 — the actuals, one per indicator at most',
  })
  actuals!: EvaluationActualInput[];
}

@InputType({ description: '评价操作 — submit an evaluation' })
export class EvaluationActionInput {
  @Field(() => ID, { description: '绩效评价 — the evaluation' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the action is based on (stale → CONFLICT)' })
  expectedVersion!: number;
}

@InputType({ description: '审核自评 — the level above accepts or returns a submitted self-evaluation' })
export class ReviewEvaluationInput extends EvaluationActionInput {
  @Field(() => ReviewDecision, { description: '审核意见 — APPROVE or RETURN' })
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: '意见 — comment; required when returning' })
  comment?: string | null;
}

@InputType({
  description: '委托第三方 — commission a third party to carry out the evaluation (002 第十七条)',
})
export class CommissionEvaluationInput extends EvaluationActionInput {
  @Field(() => ID, { description: '第三方机构 — the third-party organization (global id)' })
  thirdPartyOrganizationId!: string;
}

@InputType({ description: '评价指标 — one framework indicator with its points and score' })
export class FrameworkScoreInput {
  @Field(() => FrameworkIndicatorEnum, { description: '三级指标 — framework indicator (002 附件7)' })
  code!: string;

  @Field(() => DecimalScalar, {
    description: '分值 — points (all indicators total 100; OUTPUT + BENEFIT ≥ 60)',
  })
  points!: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: '得分 — score, 0 to the points' })
  score?: Decimal | null;

  @Field(() => String, { nullable: true, description: '评分说明 — why this score' })
  comment?: string | null;
}

@InputType({ description: '评价报告章节 — one section of the report' })
export class ReportSectionInput {
  @Field(() => ReportSectionKeyEnum, { description: '章节 — section key (002 附件8 outline)' })
  key!: string;

  @Field({ description: '正文 — body text' })
  body!: string;
}

@InputType({
  description:
    '填报部门/财政评价 — framework indicators and report sections of a DRAFT or RETURNED evaluation; both replaced as sets',
})
export class SaveFrameworkEvaluationInput {
  @Field(() => ID, { description: '绩效评价 — the evaluation' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the change is based on (stale → CONFLICT)' })
  expectedVersion!: number;

  @Field(() => [FrameworkScoreInput], { description: '评价指标 — the framework indicators used' })
  indicators!: FrameworkScoreInput[];

  @Field(() => [ReportSectionInput], { description: '评价报告 — the report sections written so far' })
  sections!: ReportSectionInput[];
}

@InputType({ description: '绩效评价筛选 — filters on evaluations; all given filters must hold' })
export class EvaluationFilter {
  @Field(() => Int, { nullable: true, description: '年度 — budget year' })
  year?: number;

  @Field(() => EvaluationKind, { nullable: true, description: '评价类型 — kind' })
  kind?: EvaluationKind;

  @Field(() => EvaluationStatus, { nullable: true, description: '状态 — status' })
  status?: EvaluationStatus;

  @Field(() => ID, { nullable: true, description: '绩效目标 — evaluations of this goal' })
  goalId?: string;

  @Field(() => ID, { nullable: true, description: '区划 — evaluations of goals in this region’s subtree' })
  within?: string;
}

@ObjectType({ description: '绩效评价操作结果 — the evaluation after the change, or what went wrong' })
export class EvaluationPayload {
  @Field(() => EvaluationType, { nullable: true, description: '绩效评价 — the evaluation; null on failure' })
  evaluation?: EvaluationType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}
