import { Field, ID, InputType } from 'type-graphql';
import { EvaluationActualInput } from '../evaluation/dto/evaluation.inputs';
import { RollUpBasis } from './rollup.types';
import { MAX_INDICATORS, MaxItems } from '../common/input-limits';
import { IdempotencyKeyField } from '../idempotency/idempotency-key.field';

@InputType({
  description:
    '汇总确认 — compile a regional or overall transfer goal’s result from its children (DOMAIN §11; 003 转移支付 第二十三条)',
})
export class CompileRollUpInput {
  @Field(() => ID, { description: '绩效目标 — the regional or overall transfer goal' })
  goalId!: string;

  @Field(() => RollUpBasis, {
    defaultValue: RollUpBasis.REVIEWED,
    description: '汇总口径 — count reviewed children only (default, 审核后汇总) or every submitted one',
  })
  basis!: RollUpBasis;

  @MaxItems(MAX_INDICATORS)
  @Field(() => [EvaluationActualInput], {
    defaultValue: [],
    description:
      '汇总人填报 — qualitative tiers and explanations per indicator (at most 500); actuals of linked indicators come from the roll-up and are ignored here',
  })
  entries!: EvaluationActualInput[];

  @Field(() => String, { nullable: true, description: '资金到位率说明 — why arrival is below 100%' })
  fundArrivalExplanation?: string | null;

  @Field(() => String, { nullable: true, description: '预算执行率说明 — why execution is below 100%' })
  budgetExecutionExplanation?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
