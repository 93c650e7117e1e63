import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { Field, ID, InputType, Int } from 'type-graphql';
import { type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { Grade } from '../../common/grade';
import { GoalIndicatorInput } from '../../goals/dto/goal.inputs';
import { Comparator, IndicatorKind } from '../../goals/indicator.enums';
import { MonitoringReportContentInput } from '../../monitoring/dto/monitoring.inputs';
import { CommonIndicatorSource, DepartmentDimension } from '../department.enums';

@InputType({
  description: '共性指标 — one common indicator finance sets for every department goal (003 第十二条(二))',
})
export class CommonIndicatorInput {
  @Field(() => DepartmentDimension, { description: '维度 — the 004 二(二)3 aspect it measures' })
  dimension!: DepartmentDimension;

  @Field({ description: '指标名称 — e.g. 预算执行率, 三公经费控制率' })
  name!: string;

  @Field(() => IndicatorKind, { description: '指标类型 — quantitative or qualitative' })
  kind!: IndicatorKind;

  @Field(() => String, { nullable: true, description: '计量单位 — unit (quantitative)' })
  unit?: string | null;

  @Field(() => Comparator, { nullable: true, description: '比较方式 — comparator (quantitative)' })
  comparator?: Comparator | null;

  @Field({ description: '指标值 — a decimal as text (quantitative) or a described target' })
  target!: string;

  @Field({ description: '分值 — points in the department goal, 0–100 with at most 2 decimals' })
  points!: string;

  @Field(() => CommonIndicatorSource, {
    defaultValue: CommonIndicatorSource.ENTERED,
    description: '取值来源 — entered, or computed from recorded money (never typed)',
  })
  source!: CommonIndicatorSource;
}

@InputType({
  description: '设定共性指标 — finance sets its region’s common indicators of a year, as a whole',
})
export class SetCommonIndicatorsInput {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => [CommonIndicatorInput], {
    description: '共性指标 — the whole list, replacing the previous one',
  })
  indicators!: CommonIndicatorInput[];
}

@InputType({
  description:
    '新建部门整体绩效目标 — the department’s goal of a year: finance’s common indicators are copied in and locked; the department adds its own (个性) indicators',
})
export class CreateDepartmentGoalInput {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field({ description: '目标名称 — name' })
  name!: string;

  @Field(() => String, { nullable: true, description: '中长期目标 — medium-term objective' })
  implementationPeriodObjective?: string | null;

  @Field(() => String, { nullable: true, description: '年度目标 — annual objective' })
  annualObjective?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '年度预算数 — the department’s annual budget (元)',
  })
  annualAmount?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其中：财政拨款 — fiscal appropriation (元)' })
  fiscalAmount?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其他资金 — other money (元)' })
  otherAmount?: Decimal | null;

  @Field(() => [GoalIndicatorInput], {
    description:
      '个性指标 — the department’s own indicators for its duties and key work (OUTPUT, BENEFIT, SATISFACTION)',
  })
  indicators!: GoalIndicatorInput[];

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description: '新建部门整体自评 — the department opens its self-evaluation of its goal in force',
})
export class CreateDepartmentSelfEvaluationInput {
  @Field(() => ID, { description: '部门整体绩效目标 — the DEPARTMENT goal' })
  goalId!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description:
    '财政审核部门整体自评 — finance at the department’s region confirms the grade, or changes it with a reason (004 二(四)), or returns the self-evaluation',
})
export class ReviewDepartmentSelfEvaluationInput {
  @Field(() => ID, { description: '自评 — the self-evaluation' })
  id!: string;

  @Field(() => Int, { description: '版本 — expected row version' })
  expectedVersion!: number;

  @Field({ description: '退回 — true to return it to the department (a comment is then required)' })
  returnIt!: boolean;

  @Field(() => Grade, {
    nullable: true,
    description: '确定等级 — the grade finance fixes; absent = the self-evaluated grade confirmed',
  })
  grade?: Grade | null;

  @Field(() => String, {
    nullable: true,
    description: '理由/意见 — reason of a changed grade, or the return comment',
  })
  comment?: string | null;
}

@InputType({
  description:
    '年中整体绩效监控 — the June check of a department (unit) overall goal: January to the policy’s check month (004 二(三)1)',
})
export class CreateMidYearCheckInput extends MonitoringReportContentInput {
  @Field(() => ID, { description: '部门（单位）整体绩效目标 — the DEPARTMENT goal in force' })
  goalId!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
