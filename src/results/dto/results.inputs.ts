import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';
import { FindingType, RecommendationType } from './results.types';

/** The finding's own 整改时限, shared by every way of opening a finding (DOMAIN §13). */
@InputType('FindingDeadlineInputBase', {
  description: '整改时限（基类） — base of the open-finding inputs; not in the schema itself',
})
abstract class FindingDeadlineInput {
  @Field(() => String, {
    nullable: true,
    description:
      '整改时限 — the finding’s own rectification deadline (YYYY-MM-DD); default 2 months after feedback',
  })
  ownDeadline?: string | null;
}

@InputType({ description: '开具问题 — open a finding on a completed evaluation (DOMAIN §13)' })
export class OpenFindingInput extends FindingDeadlineInput {
  @Field(() => ID, { description: '评价 — the completed evaluation (global id)' })
  evaluationId!: string;

  @Field({ description: '问题描述 — the problem found' })
  description!: string;
}

@InputType({
  description: '对暂缓/停止拨款开具问题 — open a finding on a goal’s current funding hold (DOMAIN §13)',
})
export class OpenFundingHoldFindingInput extends FindingDeadlineInput {
  @Field(() => ID, { description: '绩效目标 — the goal whose funding is held (global id)' })
  goalId!: string;

  @Field({ description: '问题描述 — the problem found' })
  description!: string;
}

@InputType({
  description: '监控发现问题 — open a finding on a monitoring report’s deviation (DOMAIN §9, §13)',
})
export class OpenMonitoringFindingInput extends FindingDeadlineInput {
  @Field(() => ID, { description: '监控报告 — the submitted report with a deviation (global id)' })
  reportId!: string;

  @Field(() => String, {
    nullable: true,
    description: '问题描述 — the problem found; default: the report’s flags and likelihood',
  })
  description?: string | null;
}

@InputType({
  description: '问题操作 — feedback, rectification report, verification or reopening (DOMAIN §13)',
})
export class FindingActionInput {
  @Field(() => ID, { description: '问题 — the finding (global id)' })
  id!: string;

  @Field({ description: '内容 — the feedback, report or comment' })
  text!: string;
}

@InputType({ description: '提出预算建议 — propose next year’s budget recommendations (DOMAIN §13)' })
export class ProposeRecommendationsInput {
  @Field(() => Int, {
    description: '结果年度 — the year of the results; recommendations are for the next year',
  })
  year!: number;

  @Field(() => ID, { nullable: true, description: '专项资金 — only this fund (global id)' })
  fundId?: string | null;
}

@InputType({ description: '处理预算建议 — accept, or override with a change and a reason (DOMAIN §13)' })
export class DecideRecommendationInput {
  @Field(() => ID, { description: '预算建议 — the recommendation (global id)' })
  id!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '调整额 — overriding change (元); absent: accept',
  })
  change?: Decimal | null;

  @Field(() => String, { nullable: true, description: '理由 — required when overriding' })
  reason?: string | null;
}

@ObjectType({ description: '问题操作结果 — the finding, or why not' })
export class FindingPayload {
  @Field(() => FindingType, { nullable: true, description: '问题 — the finding; null on failure' })
  finding?: unknown;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '预算建议结果 — the recommendations proposed, or why not' })
export class ProposeRecommendationsPayload {
  @Field(() => [RecommendationType], { nullable: true, description: '预算建议 — the new recommendations' })
  recommendations?: unknown;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '处理预算建议结果 — the recommendation, or why not' })
export class RecommendationPayload {
  @Field(() => RecommendationType, { nullable: true, description: '预算建议 — the recommendation' })
  recommendation?: unknown;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}
