import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Grade } from '../../common/grade';
import { MoneyScalar, ScoreScalar } from '../../common/scalars';

@ObjectType('CongressGoal', {
  description: '报人大绩效目标 — a major goal with its draft budget (DOMAIN §13)',
})
export class CongressGoalType {
  @Field(() => ID, {
    description: '绩效目标 — goal (global id); 保留兼容 — kept for compatibility, read `goal`',
  })
  goalId!: string;

  @Field({ description: '名称 — name' })
  name!: string;

  @Field({ description: '目标类型 — TRANSFER_OVERALL 转移支付整体, DEPARTMENT 部门整体, PROJECT 本级项目' })
  scope!: string;

  @Field(() => String, { nullable: true, description: '责任部门 — the responsible department’s name' })
  department!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '预算草案（元） — draft budget amount' })
  amount!: string | null;

  @Field(() => String, { nullable: true, description: '年度绩效目标 — annual objective' })
  objective!: string | null;
}

@ObjectType('CongressResult', {
  description: '报人大评价结果 — a result with its final accounts (DOMAIN §13)',
})
export class CongressResultType {
  @Field(() => ID, {
    description: '评价 — evaluation (global id); 保留兼容 — kept for compatibility, read `evaluation`',
  })
  evaluationId!: string;

  @Field({ description: '名称 — the goal’s name' })
  goalName!: string;

  @Field({ description: '评价类型 — SELF, DEPARTMENT, FINANCE or SPOT_CHECK' })
  kind!: string;

  @Field(() => ScoreScalar, { nullable: true, description: '得分 — score' })
  score!: string | null;

  @Field(() => Grade, { nullable: true, description: '等级 — grade' })
  grade!: Grade | null;

  @Field(() => MoneyScalar, { nullable: true, description: '预算数（元） — budget' })
  budgeted!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '决算支出（元） — spent (final accounts)' })
  spent!: string | null;

  @Field(() => String, { nullable: true, description: '预算执行率（%） — spent ÷ budget × 100, 2 decimals' })
  executionRate!: string | null;
}

@ObjectType('CongressPackage', {
  description:
    '人大报送材料 — a year’s major goals with the draft budget and results with the final accounts for a level (DOMAIN §13; 002 第二十九条; 003 第二十八条)',
})
export class CongressPackageType {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => ID, {
    description: '区划 — region (global id); 保留兼容 — kept for compatibility, read `region`',
  })
  regionId!: string;

  @Field({ description: '区划名称 — region name' })
  regionName!: string;

  @Field({ description: '区划代码 — region code' })
  regionCode!: string;

  @Field(() => MoneyScalar, { description: '预算草案合计（元） — draft budget total of the goals' })
  draftBudgetTotal!: string;

  @Field(() => MoneyScalar, { description: '决算支出合计（元） — spent total of the results' })
  finalAccountsTotal!: string;

  @Field(() => [CongressGoalType], { description: '重大绩效目标 — major goals (at most 200)' })
  goals!: CongressGoalType[];

  @Field(() => [CongressResultType], { description: '绩效评价结果 — results' })
  results!: CongressResultType[];

  @Field(() => Int, { description: '涉密未列入 — classified goals withheld (counted only)' })
  classifiedWithheld!: number;
}
