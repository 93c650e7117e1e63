import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { PerformanceGoalType } from '../../goals/dto/goal.types';
import { FundingHoldType, GoalExecutionType } from './monitoring-money.types';
import { MonitoringPolicyType } from './monitoring-rollup.types';
import { MonitoringReportType } from './monitoring.types';

@ObjectType({ description: '预算执行登记结果 — the month recorded, or what went wrong' })
export class RecordExecutionPayload {
  @Field(() => GoalExecutionType, { nullable: true, description: '预算执行 — the month; null on failure' })
  execution?: GoalExecutionType | null;

  @Field(() => PerformanceGoalType, { nullable: true, description: '绩效目标 — the goal; null on failure' })
  goal?: PerformanceGoalType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '拨款控制结果 — the hold entry written, or what went wrong' })
export class FundingHoldPayload {
  @Field(() => FundingHoldType, {
    nullable: true,
    description: '拨款状态记录 — the new entry; null on failure',
  })
  hold?: FundingHoldType | null;

  @Field(() => PerformanceGoalType, { nullable: true, description: '绩效目标 — the goal; null on failure' })
  goal?: PerformanceGoalType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '监控报告操作结果 — the report after the change, or what went wrong' })
export class MonitoringReportPayload {
  @Field(() => MonitoringReportType, {
    nullable: true,
    description: '监控报告 — the report; null on failure',
  })
  report?: MonitoringReportType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '监控参数设置结果 — the policy after the change, or what went wrong' })
export class MonitoringPolicyPayload {
  @Field(() => MonitoringPolicyType, {
    nullable: true,
    description: '监控参数 — the policy; null on failure',
  })
  policy?: MonitoringPolicyType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}
