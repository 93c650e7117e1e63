import { Extensions, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';
import {
  EvaluationKind,
  EvaluationStatus,
  QualitativeTier,
  ResponseDecision,
  ReviewDecision,
} from '../evaluation.enums';
import { ReportSectionKeyEnum } from '../framework';
import { EvaluationType } from './evaluation.types';
import { MAX_INDICATORS, MaxItems } from '../../common/input-limits';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ANY_OF_NOTE } from '../../common/list-filter';

@InputType({ description: '新建评价 — the goal to evaluate' })
export class CreateEvaluationInput {
  @Field(() => ID, { description: '绩效目标 — the goal (an issued goal version)' })
  goalId!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '资金情况 — money of the evaluated year, in yuan (DOMAIN §4)' })
export class EvaluationMoneyInput {
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '年初预算数（元） — the budget at the start of the year (附件6); informational, rates use 全年预算数',
  })
  initialBudget?: Decimal | null;

  @Field(() => MoneyScalar, {
    description: '全年预算数（元） — the full-year budget (附件6), the base of the rates (DOMAIN §10.8)',
  })
  budgeted!: Decimal;

  @Field(() => MoneyScalar, { description: '到位数（元） — in place' })
  inPlace!: Decimal;

  @Field(() => MoneyScalar, { description: '执行数（元） — spent' })
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

@InputType({ description: '评价报告章节 — one section of the report' })
export class ReportSectionInput {
  @Field(() => ReportSectionKeyEnum, { description: '章节 — section key (002 附件8 outline)' })
  key!: string;

  @Field({ description: '正文 — body text' })
  body!: string;
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
    description: '资金情况 — money; omitted keeps it, null clears it (not yet known)',
  })
  money?: EvaluationMoneyInput | null;

  @Field(() => String, {
    nullable: true,
    description: '资金到位率说明 — why arrival is below 100%; omitted keeps it, null clears it',
  })
  fundArrivalExplanation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '预算执行率说明 — why execution is below 100%; omitted keeps it, null clears it',
  })
  budgetExecutionExplanation?: string | null;

  @Field(() => CategoryPointsInput, {
    nullable: true,
    description:
      '一级指标权重 — omitted keeps them; null for the goal’s own category points (一级指标分值; the defaults 10/50/30/10 unless the goal sets others)',
  })
  categoryPoints?: CategoryPointsInput | null;

  @MaxItems(MAX_INDICATORS)
  @Field(() => [EvaluationActualInput], {
    description: '实际完成情况 — the actuals, one per indicator at most (at most 500)',
  })
  actuals!: EvaluationActualInput[];

  @Field(() => String, {
    nullable: true,
    description:
      '年度总体目标 — the annual objective of the 附件6 form (copied from the goal on creation); omitted keeps it, null or "" clears it',
  })
  annualObjective?: string | null;

  @Extensions({ textKind: 'multiline' })
  @Field(() => String, {
    nullable: true,
    description:
      '实际完成情况（文字） — what was achieved, as text (附件6); omitted keeps it, null or "" clears it',
  })
  achievement?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '整改措施 — rectification measures, required to submit when the execution rate is low or the grade POOR (002 第二十八条(一)); omitted keeps them, null or "" clears them',
  })
  rectificationMeasures?: string | null;

  @Field(() => [ReportSectionInput], {
    nullable: true,
    description:
      '自评报告 — the self-evaluation report as sections of the 002 outline (附件8), replaced as a set; omitted keeps it, null removes it',
  })
  reportSections?: ReportSectionInput[] | null;
}

@InputType({ description: '评价操作 — submit an evaluation' })
export class EvaluationActionInput {
  @Field(() => ID, { description: '绩效评价 — the evaluation' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the action is based on (stale → CONFLICT)' })
  expectedVersion!: number;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
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

@InputType({
  description: '交换意见 — the evaluated body responds to the preliminary result (002 第二十六条(二)6)',
})
export class RespondToEvaluationInput extends EvaluationActionInput {
  @Field(() => ResponseDecision, { description: '意见 — AGREE 同意 or DISAGREE 有异议' })
  decision!: ResponseDecision;

  @Field(() => String, {
    nullable: true,
    description: '意见说明 — the response text; required when disagreeing',
  })
  text?: string | null;
}

@InputType({ description: '绩效评价筛选 — filters on evaluations; all given filters must hold' })
export class EvaluationFilter {
  @Field(() => Int, { nullable: true, description: '年度 — budget year' })
  year?: number;

  @Field(() => [EvaluationKind], { nullable: true, description: `评价类型 — kind: ${ANY_OF_NOTE}` })
  kind?: EvaluationKind[];

  @Field(() => [EvaluationStatus], { nullable: true, description: `状态 — status: ${ANY_OF_NOTE}` })
  status?: EvaluationStatus[];

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
