import { Field, ID, InputType, Int } from 'type-graphql';
import { type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ProjectAttribute } from '../goal.enums';

@InputType({
  description:
    '不予受理 — finance at the final step refuses a goal that stays unacceptable after review (001 三(一)); terminal',
})
export class RejectGoalInput {
  @Field(() => ID, { description: '绩效目标 — the goal under review at the final step' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the refusal is based on (stale → CONFLICT)' })
  expectedVersion!: number;

  @Field({ description: '不予受理理由 — why the goal is refused (required; kept on the record)' })
  reason!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

/**
 * The 附件1–3 header of a goal (DOMAIN §5). On create, omitted = empty. On update, the whole header omitted
 * = unchanged and null = cleared; inside it, each field omitted = unchanged, null = cleared.
 */
@InputType({
  description:
    '目标表表头 — the 附件1–3 header: project attribute, category, implementation period and its money (附件1); the transfer money split (附件2–3)',
})
export class GoalHeaderInput {
  @Field(() => ProjectAttribute, {
    nullable: true,
    description: '项目属性 — 新增 or 延续 (附件1; PROJECT goals)',
  })
  projectAttribute?: ProjectAttribute | null;

  @Field(() => String, {
    nullable: true,
    description:
      '项目类别 — the project category as the form states it, free text up to 100 characters (附件1)',
  })
  projectCategory?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: '实施期起始年度 — first year of the implementation period (项目实施期 / 专项实施期)',
  })
  periodStartYear?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '实施期截止年度 — last year of the implementation period (≥ the first year)',
  })
  periodEndYear?: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '实施期金额（元） — money for the whole implementation period (附件1; PROJECT goals)',
  })
  periodAmount?: Decimal | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '实施期金额其中：财政拨款（元） — of which fiscal appropriation (附件1)',
  })
  periodFiscalAmount?: Decimal | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '实施期金额其中：其他资金（元） — of which other money (附件1)',
  })
  periodOtherAmount?: Decimal | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '其中：市级（本级）预算资金（元） — of the annual amount, the allocating level’s money (附件2–3; transfer goals)',
  })
  allocatingLevelAmount?: Decimal | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '县级及以下资金（元） — of the annual amount, the lower levels’ own money (附件2–3; transfer goals)',
  })
  lowerLevelAmount?: Decimal | null;
}
