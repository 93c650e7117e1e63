import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/decimal';
import { DateTime, MoneyScalar } from '../../common/scalars';
import { ResponseDecision } from '../evaluation.enums';

@ObjectType('FrameworkFigures', {
  description:
    '评价数据 — the entered figures of a department or finance evaluation and the rates computed from them (002 附件7); rates are exact fractions (0.94 = 94%)',
})
export class FrameworkFiguresType {
  @Field(() => DecimalScalar, { nullable: true, description: '计划产出数 — planned output' })
  plannedOutput!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '实际产出数 — actual output' })
  actualOutput!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '质量达标产出数 — output meeting the standard' })
  standardOutput!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '计划成本（元） — planned cost' })
  plannedCost!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '实际成本（元） — actual cost' })
  actualCost!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '预算资金（元） — budgeted' })
  budgeted!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '实际到位资金（元） — in place' })
  inPlace!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '实际支出资金（元） — spent' })
  spent!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '实际完成率 — actual ÷ planned output (computed; a fraction, exact, e.g. 0.95 = 95%; null without both figures)',
  })
  completionRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '质量达标率 — output meeting the standard ÷ actual output (computed; a fraction, exact)',
  })
  qualityRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '成本节约率 — (planned − actual cost) ÷ planned cost (computed; a fraction, exact; negative on an overrun)',
  })
  costSavingRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '资金到位率 — in place ÷ budgeted (computed; a fraction, exact)',
  })
  fundArrivalRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '预算执行率 — spent ÷ in place (computed; a fraction, exact)',
  })
  budgetExecutionRate!: string | null;
}

@ObjectType('EvaluationResponse', {
  description: '交换意见 — the evaluated body’s response to the preliminary result (002 第二十六条(二)6)',
})
export class EvaluationResponseType {
  @Field(() => ResponseDecision, { description: '意见 — AGREE 同意 or DISAGREE 有异议' })
  decision!: ResponseDecision;

  @Field(() => String, { nullable: true, description: '意见说明 — the response text' })
  text!: string | null;

  @Field(() => DateTime, { description: '时间 — when it was recorded' })
  at!: Date;

  organizationId!: string;
}

@ObjectType('EvaluationWarning', {
  description:
    '提示 — a rule the evaluation departs from with a recorded justification, e.g. RESULT_WEIGHT_BELOW_60 (原则上, 002 第二十一条(二))',
})
export class EvaluationWarningType {
  @Field({ description: '提示代码 — stable code, e.g. RESULT_WEIGHT_BELOW_60' })
  code!: string;

  @Field({ description: '提示 — in Chinese' })
  message!: string;

  @Field({ description: '提示（英文） — in English' })
  messageEn!: string;

  @Field(() => String, { nullable: true, description: '说明 — the recorded justification' })
  justification!: string | null;
}
