import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/decimal';
import { connectionType } from '../../common/pagination';
import { DateTime, MoneyScalar } from '../../common/scalars';
import { FundingStatus } from '../monitoring.enums';

@ObjectType('GoalExecution', {
  description: '预算执行 — money of one goal for one month (DOMAIN §4, §9): 预算数, 到位, 执行 in yuan',
})
export class GoalExecutionType {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => Int, { description: '月份 — month (1–12)' })
  month!: number;

  @Field(() => MoneyScalar, { description: '预算数 — budgeted this month (yuan)' })
  budgeted!: string;

  @Field(() => MoneyScalar, { description: '到位资金 — money in place this month (yuan)' })
  inPlace!: string;

  @Field(() => MoneyScalar, { description: '执行（支出）数 — money spent this month (yuan)' })
  spent!: string;

  @Field(() => Int, { description: '行版本 — row version, for expectedVersion when correcting the month' })
  rowVersion!: number;

  @Field(() => DateTime, { description: '登记时间 — when last recorded' })
  updatedAt!: Date;
}

@ObjectType('ExecutionTotals', {
  description: '累计执行 — a goal’s money from January to a month (DOMAIN §4, §9), with rates',
})
export class ExecutionTotalsType {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => Int, { description: '截至月份 — through this month (1–12)' })
  throughMonth!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '年度预算数 — annual budget (the goal’s annual amount)',
  })
  annualBudget!: string | null;

  @Field(() => MoneyScalar, { description: '1-M月预算数 — budgeted to date' })
  budgetToDate!: string;

  @Field(() => MoneyScalar, { description: '1-M月到位数 — in place to date' })
  inPlaceToDate!: string;

  @Field(() => MoneyScalar, { name: 'spentToDate', description: '1-M月执行（支出）数 — spent to date' })
  executedToDate!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '1-M月执行率 (%) — executed ÷ budgeted to date (附件4), 2 places for display',
  })
  executionRateToDate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '预算执行进度 (%) — executed to date ÷ annual budget (附件5; SLOW_EXECUTION basis), 2 places',
  })
  executionOfAnnualRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '资金到位率 (%) — in place ÷ budgeted to date (DOMAIN §4), 2 places',
  })
  arrivalRate!: string | null;
}

@ObjectType('MonitoringMoney', {
  description: '资金投入 — the money figures of a monitoring report (附件4–5), frozen on submission',
})
export class MonitoringMoneyType extends ExecutionTotalsType {
  @Field(() => MoneyScalar, {
    nullable: true,
    description: '全年预计执行数 — projected full-year execution',
  })
  projectedExecution!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计执行率 (%) — projected execution ÷ annual budget, 2 places for display',
  })
  projectedExecutionRate!: string | null;
}

@ObjectType('FundingHold', {
  description: '暂缓/停止拨款记录 — one entry of a goal’s funding-hold history (DOMAIN §9; 003 第十八条)',
})
export class FundingHoldType {
  @Field(() => FundingStatus, { description: '拨款状态 — SUSPENDED 暂缓, STOPPED 停止, or LIFTED 恢复' })
  status!: FundingStatus;

  @Field(() => String, { nullable: true, description: '原因 — the reason (required for a hold)' })
  reason!: string | null;

  @Field(() => DateTime, { description: '时间 — when' })
  at!: Date;

  actorOrganizationId!: string;
}

/** `PerformanceGoal.executions` as a connection (issue 11 item 7). */
export const GoalExecutionConnection = connectionType(GoalExecutionType, 'GoalExecution', '预算执行');

/** `PerformanceGoal.fundingHolds` as a connection (issue 11 item 7). */
export const FundingHoldConnection = connectionType(FundingHoldType, 'FundingHold', '拨款控制记录');
