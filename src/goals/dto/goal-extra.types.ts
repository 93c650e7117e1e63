import { Field, Int, ObjectType } from 'type-graphql';
import type { GoalEntity } from '../goal.entity';
import type { GoalIndicatorEntity } from '../goal-indicator.entity';
import { GoalIndicatorType, PerformanceGoalType } from './goal.types';
import { MoneyScalar } from '../../common/scalars';
import { ProjectAttribute } from '../goal.enums';
import { Aggregation, Comparator } from '../indicator.enums';

@ObjectType('GoalHeader', {
  description:
    '目标表表头 — the 附件1–3 header of a goal (DOMAIN §5): project attribute, category, implementation period and its money; the transfer money split',
})
export class GoalHeaderType {
  @Field(() => ProjectAttribute, { nullable: true, description: '项目属性 — 新增 / 延续 (附件1)' })
  projectAttribute!: ProjectAttribute | null;

  @Field(() => String, { nullable: true, description: '项目类别 — project category (附件1)' })
  projectCategory!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: '实施期起始年度 — first year of the implementation period',
  })
  periodStartYear!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '实施期截止年度 — last year of the implementation period',
  })
  periodEndYear!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '实施期金额（元） — implementation-period amount',
  })
  periodAmount!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '其中：财政拨款（元） — of which fiscal appropriation',
  })
  periodFiscalAmount!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其中：其他资金（元） — of which other money' })
  periodOtherAmount!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '其中：市级（本级）预算资金（元） — the allocating level’s money in the annual amount (附件2–3)',
  })
  allocatingLevelAmount!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '县级及以下资金（元） — the lower levels’ own money in the annual amount (附件2–3)',
  })
  lowerLevelAmount!: string | null;
}

@ObjectType('GoalConsistencyLine', {
  description:
    '分解一致性（指标） — one linked parent indicator: the children’s targets combined by its aggregation against its target',
})
export class GoalConsistencyLineType {
  @Field(() => GoalIndicatorType, {
    description:
      '上级指标 — the parent goal’s indicator (replaces parentIndicatorId; its id is the global id)',
  })
  parentIndicator!: GoalIndicatorEntity;

  @Field({ description: '指标名称 — the parent indicator’s name' })
  name!: string;

  @Field(() => Aggregation, { nullable: true, description: '汇总方式 — how the children combine' })
  aggregation!: Aggregation | null;

  @Field(() => Comparator, { nullable: true, description: '比较方式 — the parent’s comparator' })
  comparator!: Comparator | null;

  @Field(() => String, {
    nullable: true,
    description:
      '下级汇总值 — the children’s targets combined (≈ when rounded); null when they cannot be combined',
  })
  combined!: string | null;

  @Field(() => String, { nullable: true, description: '上级指标值 — the parent’s target' })
  target!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '是否满足 — the combined value meets the target; null when not checked numerically',
  })
  meets!: boolean | null;

  @Field(() => Int, { description: '关联下级目标数 — child goals linking an indicator to this one' })
  linkedChildren!: number;
}

@ObjectType('GoalConsistencyMoney', {
  description: '分解一致性（资金） — the children’s money against the allocation (DOMAIN §4–5)',
})
export class GoalConsistencyMoneyType {
  @Field(() => MoneyScalar, {
    description:
      '下级金额合计（元） — the children’s money (其中市级预算资金 where stated, else the annual amount)',
  })
  childrenTotal!: string;

  @Field(() => MoneyScalar, {
    description: '分配金额（元） — the fund’s allocations (overall parent) or the parent goal’s money',
  })
  allocated!: string;

  @Field({ description: '是否相符 — equal; while incomplete, not above the allocation' })
  meets!: boolean;
}

@ObjectType('GoalConsistencyProblem', { description: '一致性问题 — one error or warning of the check' })
export class GoalConsistencyProblemType {
  @Field({ description: '原因代码 — stable reason, e.g. TARGET_NOT_MET, TARGET_PENDING, MONEY_MISMATCH' })
  reason!: string;

  @Field({ description: '说明 — the message in Chinese, with the indicator and the numbers' })
  message!: string;

  @Field({ description: '说明（英文） — the message in English' })
  messageEn!: string;
}

@ObjectType('GoalConsistencyReport', {
  description:
    '分解一致性报告 — 分区域（分项目）绩效目标汇总后应与整体绩效目标保持对应关系 (002 第十条(二); DOMAIN §5): the parent’s decomposition counting its children in force plus this goal, as the check at approval sees it',
})
export class GoalConsistencyReportType {
  @Field(() => PerformanceGoalType, {
    description:
      '上级目标 — the goal whose decomposition is checked (replaces parentGoalId; the report is shown only to callers who may read it)',
  })
  parentGoal!: GoalEntity;

  @Field(() => Int, { description: '计入下级目标数 — child goals counted (in force, plus this goal)' })
  childCount!: number;

  @Field({
    description:
      '分解完整 — every region or project allocated to has a goal counted (or the money is covered); while not, shortfalls are warnings',
  })
  complete!: boolean;

  @Field({ description: '通过 — no error: approval is not blocked by consistency' })
  ok!: boolean;

  @Field(() => [GoalConsistencyLineType], { description: '指标核对 — one line per linked parent indicator' })
  indicators!: GoalConsistencyLineType[];

  @Field(() => GoalConsistencyMoneyType, { description: '资金核对 — the money check' })
  money!: GoalConsistencyMoneyType;

  @Field(() => [GoalConsistencyProblemType], { description: '错误 — problems that block approval' })
  errors!: GoalConsistencyProblemType[];

  @Field(() => [GoalConsistencyProblemType], { description: '提示 — warnings shown to the reviewer' })
  warnings!: GoalConsistencyProblemType[];
}
