import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { UserError } from '../../common/user-error';
import { EvaluationActualInput, EvaluationMoneyInput } from '../../evaluation/dto/evaluation.inputs';
import { SpotCheckItemType, SpotCheckSampleType } from './spot-check.types';
import { MAX_INDICATORS, MaxItems } from '../../common/input-limits';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';

@InputType({
  description: '抽取抽查样本 — draw a spot-check sample of submitted self-evaluations (DOMAIN §12)',
})
export class DrawSpotCheckSampleInput {
  @Field(() => Int, { description: '年度 — the budget year whose self-evaluations are checked' })
  year!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '抽查比例 — ratio in (0, 1], default 0.10 (policy choice)',
  })
  ratio?: Decimal | null;

  @Field(() => Int, { nullable: true, description: '最少抽查数 — at least this many, default 1' })
  minimum?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '随机种子 — seed ≥ 0; generated and recorded when absent',
  })
  seed?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: '范围 — a region in the caller’s jurisdiction; default the caller’s own',
  })
  within?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description: '录入抽查复核 — re-score a drawn self-evaluation as a SPOT_CHECK evaluation (DOMAIN §12)',
})
export class RecordSpotCheckInput {
  @Field(() => ID, { description: '抽查对象 — the spot-check item' })
  itemId!: string;

  @Field(() => Int, {
    description: '基于版本 — the item’s rowVersion the check is based on (stale → CONFLICT)',
  })
  expectedVersion!: number;

  @MaxItems(MAX_INDICATORS)
  @Field(() => [EvaluationActualInput], {
    description: '实际完成情况 — the checker’s actuals, one per indicator of the goal (at most 500)',
  })
  actuals!: EvaluationActualInput[];

  @Field(() => EvaluationMoneyInput, { description: '资金情况 — money as verified by the checker' })
  money!: EvaluationMoneyInput;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ObjectType({ description: '抽取抽查样本结果 — the drawn sample, or why not' })
export class DrawSpotCheckSamplePayload {
  @Field(() => SpotCheckSampleType, { nullable: true, description: '抽查样本 — the sample; null on failure' })
  sample?: unknown;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '录入抽查复核结果 — the checked item, or why not' })
export class RecordSpotCheckPayload {
  @Field(() => SpotCheckItemType, {
    nullable: true,
    description: '抽查对象 — the item, CHECKED with its flags; null on failure',
  })
  item?: unknown;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}
