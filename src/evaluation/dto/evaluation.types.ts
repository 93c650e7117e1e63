import { Field, Int, ObjectType } from 'type-graphql';
import { ActionAvailabilityBase } from '../../common/availability';
import { Grade } from '../../common/grade';
import { Node, registerNodeType } from '../../common/node';
import { connectionType } from '../../common/pagination';
import { DateTime, MoneyScalar, ScoreScalar } from '../../common/scalars';
import { EvaluationEntity } from '../evaluation.entity';
import { EvaluationAction, EvaluationKind, EvaluationStatus } from '../evaluation.enums';

registerNodeType(EvaluationEntity, 'Evaluation');

/** The line types, where modules outside evaluation have imported them from. */
export { ScoreLineType } from './evaluation-lines.types';

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
