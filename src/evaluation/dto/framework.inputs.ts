import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { MAX_INDICATORS, MaxItems } from '../../common/input-limits';
import { MoneyScalar, ScoreScalar } from '../../common/scalars';
import { FrameworkCategoryEnum, FrameworkIndicatorEnum } from '../framework';
import { ReportSectionInput } from './evaluation.inputs';

/** The inputs of a framework evaluation (部门评价/财政评价 by the 002 framework, DOMAIN §10.5). */
@InputType({ description: '评价指标 — one framework indicator with its points and score' })
export class FrameworkScoreInput {
  @Field(() => FrameworkIndicatorEnum, {
    nullable: true,
    description:
      '三级指标 — a reference indicator of 002 附件7; null for a custom indicator (category and name)',
  })
  code?: string | null;

  @Field(() => FrameworkCategoryEnum, {
    nullable: true,
    description: '一级指标（自定义指标） — category of a custom indicator (DECISION/PROCESS/OUTPUT/BENEFIT)',
  })
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '指标名称（自定义指标） — name of a custom indicator, 1–200 characters',
  })
  name?: string | null;

  @Field(() => DecimalScalar, {
    description: '分值 — points (all indicators total 100; OUTPUT + BENEFIT ≥ 60)',
  })
  points!: Decimal;

  @Field(() => ScoreScalar, { nullable: true, description: '得分 — score, 0 to the points' })
  score?: Decimal | null;

  @Field(() => String, { nullable: true, description: '评分说明 — why this score' })
  comment?: string | null;
}

@InputType({
  description:
    '评价数据 — entered figures of a department or finance evaluation (附件7); every rate is computed from them',
})
export class FrameworkFiguresInput {
  @Field(() => DecimalScalar, { nullable: true, description: '计划产出数 — planned output' })
  plannedOutput?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '实际产出数 — actual output' })
  actualOutput?: Decimal | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '质量达标产出数 — output meeting the quality standard',
  })
  standardOutput?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '计划成本（元） — planned cost, yuan' })
  plannedCost?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '实际成本（元） — actual cost, yuan' })
  actualCost?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '预算资金（元） — budgeted, yuan' })
  budgeted?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '实际到位资金（元） — in place, yuan' })
  inPlace?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '实际支出资金（元） — spent, yuan' })
  spent?: Decimal | null;
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

  @MaxItems(MAX_INDICATORS)
  @Field(() => [FrameworkScoreInput], {
    description: '评价指标 — the framework indicators used (at most 500)',
  })
  indicators!: FrameworkScoreInput[];

  @Field(() => [ReportSectionInput], { description: '评价报告 — the report sections written so far' })
  sections!: ReportSectionInput[];

  @Field(() => FrameworkFiguresInput, {
    nullable: true,
    description:
      '评价数据 — the figures the rates are computed from (实际完成率, 质量达标率, 成本节约率, 资金到位率, 预算执行率); replaced as a whole, null for none',
  })
  figures?: FrameworkFiguresInput | null;

  @Extensions({ textKind: 'multiline' })
  @Field(() => String, {
    nullable: true,
    description:
      '权重说明 — why OUTPUT + BENEFIT carry under 60 points (原则上不低于60%, 002 第二十一条(二)); required then',
  })
  weightJustification?: string | null;
}
