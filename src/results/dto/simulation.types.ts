import { connectionType } from '../../common/pagination';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { DateTime, MoneyScalar, ScoreScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';

@InputType('FactorValueInput', { description: '因素值 — one receiving region’s value of a factor' })
export class FactorValueInput {
  @Field(() => ID, { description: '区划 — the receiving region (global id)' })
  regionId!: string;

  @Field(() => DecimalScalar, { description: '因素值 — the value, e.g. population or road length (≥ 0)' })
  value!: Decimal;
}

@InputType('AllocationFactorInput', { description: '分配因素 — a factor with its weight (DOMAIN §13)' })
export class AllocationFactorInput {
  @Field({ description: '因素名称 — e.g. 人口, 道路里程, 绩效' })
  name!: string;

  @Field(() => DecimalScalar, { description: '权重 — percent of the whole; all weights total exactly 100' })
  weight!: Decimal;

  @Field({
    defaultValue: false,
    description:
      '绩效因素 — the performance factor: values are the regions’ latest result scores (≥ 10%, 003 转移支付 第三十二条)',
  })
  performance!: boolean;

  @Field(() => [FactorValueInput], {
    defaultValue: [],
    description: '因素值 — value per receiving region (ignored for the performance factor)',
  })
  values!: FactorValueInput[];
}

@InputType({
  description: '因素法分配模拟 — simulate next year’s regional shares of a factor-method fund (DOMAIN §13)',
})
export class SimulateFactorAllocationInput {
  @Field(() => ID, { description: '专项资金 — the factor-method fund (global id)' })
  fundId!: string;

  @Field(() => Int, { description: '结果年度 — the year whose results feed the performance factor' })
  year!: number;

  @Field(() => MoneyScalar, { description: '分配金额 — next year’s amount to allocate (元)' })
  amount!: Decimal;

  @Field(() => [AllocationFactorInput], { description: '分配因素 — the factors and their weights' })
  factors!: AllocationFactorInput[];
}

@ObjectType('FactorValue', { description: '因素值 — a region’s value of a factor' })
export class FactorValueType {
  @Field(() => ID, {
    description: '区划 — region (global id); 保留兼容 — kept for compatibility, read `region`',
  })
  regionId!: string;

  @Field(() => DecimalScalar, { description: '因素值 — value' })
  value!: string;
}

@ObjectType('AllocationFactor', { description: '分配因素 — a factor of a simulation with its weight' })
export class AllocationFactorType {
  @Field({ description: '因素名称 — name' })
  name!: string;

  @Field(() => DecimalScalar, { description: '权重 — percent' })
  weight!: string;

  @Field({ description: '绩效因素 — the performance factor (values from results)' })
  performance!: boolean;

  @Field(() => [FactorValueType], { description: '因素值 — per region' })
  values!: FactorValueType[];
}

@ObjectType('SimulatedShare', {
  description: '模拟分配额 — a region’s simulated share beside this year’s allocation (DOMAIN §13)',
})
export class SimulatedShareType {
  @Field(() => ID, {
    description: '区划 — region (global id); 保留兼容 — kept for compatibility, read `region`',
  })
  regionId!: string;

  @Field(() => MoneyScalar, { description: '模拟分配额 — simulated share (元, to the fen)' })
  share!: string;

  @Field(() => MoneyScalar, { description: '本年分配额 — this year’s allocation (元)' })
  current!: string;

  @Field(() => MoneyScalar, { description: '增减额 — share − current (元)' })
  change!: string;

  @Field(() => ScoreScalar, {
    nullable: true,
    description: '绩效得分 — the region’s latest result score used (null: no result, counted as 0)',
  })
  performanceScore!: string | null;
}

@ObjectType('AllocationSimulation', {
  description:
    '因素法分配模拟 — a saved simulation; never applied to allocations (DOMAIN §13; 003 转移支付 第三十二条)',
})
export class AllocationSimulationType {
  @Field(() => ID, { description: '全局标识 — opaque global id' })
  id!: string;

  @Field(() => ID, {
    description: '专项资金 — fund (global id); 保留兼容 — kept for compatibility, read `fund`',
  })
  fundId!: string;

  @Field(() => Int, { description: '结果年度 — year of the results used' })
  resultYear!: number;

  @Field(() => Int, { description: '预算年度 — year simulated for' })
  budgetYear!: number;

  @Field(() => MoneyScalar, { description: '分配金额 — amount allocated (元)' })
  amount!: string;

  @Field(() => [AllocationFactorType], { description: '分配因素 — factors' })
  factors!: AllocationFactorType[];

  @Field(() => [SimulatedShareType], { description: '模拟结果 — shares beside this year’s' })
  shares!: SimulatedShareType[];

  @Field(() => DateTime, { description: '模拟时间 — when it was saved' })
  createdAt!: Date;
}

export const AllocationSimulationConnection = connectionType(
  AllocationSimulationType,
  'AllocationSimulation',
  '因素法分配模拟',
);

@ObjectType({ description: '因素法分配模拟结果 — the saved simulation, or why not' })
export class AllocationSimulationPayload {
  @Field(() => AllocationSimulationType, { nullable: true, description: '模拟 — null on failure' })
  simulation?: AllocationSimulationType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}
