import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { orderInput } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { AllocationMethod, BudgetBook, FundCategory } from '../fund.enums';
import { FundType } from './funds.types';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ANY_OF_NOTE } from '../../common/list-filter';

export enum FundSortField {
  NAME = 'NAME',
  START_YEAR = 'START_YEAR',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(FundSortField, {
  name: 'FundSortField',
  description: '专项资金排序字段 — sort key of funds',
  valuesConfig: {
    NAME: {
      description: '名称 — name, 按拼音排序: Chinese names by pinyin (北京 < 上海 < 淄博), ties by id',
    },
    START_YEAR: { description: '起始年度 — first year' },
    CREATED_AT: { description: '创建时间 — created at' },
  },
});

@InputType({ description: '专项资金筛选 — filters on funds; all given filters must hold' })
export class FundFilter {
  @Field(() => Int, { nullable: true, description: '年度 — funds whose year or period covers this year' })
  year?: number;

  @Field(() => [BudgetBook], { nullable: true, description: `预算类别 — budget book: ${ANY_OF_NOTE}` })
  budgetBook?: BudgetBook[];

  @Field(() => [AllocationMethod], {
    nullable: true,
    description: `资金分配方式 — allocation method: ${ANY_OF_NOTE}`,
  })
  allocationMethod?: AllocationMethod[];

  @Field(() => ID, { nullable: true, description: '主管部门 — owned by this competent department' })
  departmentId?: string;

  @Field(() => ID, {
    nullable: true,
    description: '所辖范围 — funds of departments in this region’s subtree',
  })
  within?: string;

  @Field(() => String, { nullable: true, description: '名称包含 — name contains this text' })
  nameContains?: string;
}

export const FundOrder = orderInput<FundSortField>(
  FundSortField,
  'FundOrder',
  '专项资金排序 — sort order of funds',
);
export type FundOrder = InstanceType<typeof FundOrder>;

@InputType({ description: '实施期 — a multi-year implementation period (专项实施期), both years inclusive' })
export class FundPeriodInput {
  @Field(() => Int, { description: '起始年度 — first year' })
  startYear!: number;

  @Field(() => Int, { description: '结束年度 — last year' })
  endYear!: number;
}

@InputType({ description: '资金来源 — amounts by source, in yuan as decimal strings with at most 2 places' })
export class FundAmountsInput {
  @Field(() => MoneyScalar, { description: '上级资金（元） — upper-level money' })
  upperLevel!: Decimal;

  @Field(() => MoneyScalar, { description: '本级资金（元） — own-level money' })
  ownLevel!: Decimal;

  @Field(() => MoneyScalar, { description: '下级配套资金（元） — lower-level matching money' })
  lowerLevel!: Decimal;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '资金合计（元） — optional; when given it must equal the sum of the sources',
  })
  total?: Decimal | null;
}

@InputType({
  description:
    '新建专项资金 — create a fund owned by your own competent department (P1 谁分配预算、谁设定目标)',
})
export class CreateFundInput {
  @Field({ description: '资金名称 — name' })
  name!: string;

  @Field(() => Int, { nullable: true, description: '年度 — the year of an annual fund; or give period' })
  year?: number | null;

  @Field(() => FundPeriodInput, {
    nullable: true,
    description: '实施期 — implementation period; or give year',
  })
  period?: FundPeriodInput | null;

  @Field(() => BudgetBook, { description: '预算类别 — budget book' })
  budgetBook!: BudgetBook;

  @Field(() => FundCategory, { description: '转移支付类别 — category' })
  category!: FundCategory;

  @Field(() => AllocationMethod, { description: '资金分配方式 — allocation method' })
  allocationMethod!: AllocationMethod;

  @Field(() => FundAmountsInput, { description: '资金来源 — amounts by source' })
  amounts!: FundAmountsInput;

  @Field(() => ID, {
    nullable: true,
    description:
      '上级资金 — the upper-level fund financing this one (a fund of a region above that you can see)',
  })
  upperFundId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: '新增重大政策/项目 — needs an ex-ante assessment',
  })
  isNewMajor!: boolean;

  @Field({ defaultValue: false, description: '应急资金 — emergency fund' })
  isEmergency!: boolean;

  @Field({ defaultValue: false, description: '政府预先批准 — pre-approved by the government' })
  governmentPreApproved!: boolean;

  @Field({ defaultValue: false, description: '设立时已评估 — already assessed when created' })
  assessedAtCreation!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '修改专项资金 — change a fund of your own department; omitted fields stay' })
export class UpdateFundInput {
  @Field(() => ID, { description: '专项资金 — the fund' })
  id!: string;

  @Field(() => Int, {
    description: '基于版本 — the version the change is based on; a stale one is refused (CONFLICT)',
  })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '资金名称 — new name' })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: '年度 — new year (replaces the period)' })
  year?: number | null;

  @Field(() => FundPeriodInput, { nullable: true, description: '实施期 — new period (replaces the year)' })
  period?: FundPeriodInput | null;

  @Field(() => BudgetBook, { nullable: true, description: '预算类别 — new budget book' })
  budgetBook?: BudgetBook | null;

  @Field(() => FundCategory, { nullable: true, description: '转移支付类别 — new category' })
  category?: FundCategory | null;

  @Field(() => AllocationMethod, {
    nullable: true,
    description: '资金分配方式 — new allocation method; refused while the fund has allocations',
  })
  allocationMethod?: AllocationMethod | null;

  @Field(() => FundAmountsInput, {
    nullable: true,
    description:
      '资金来源 — new amounts; upper-level + own-level money may not fall below the allocations (DOMAIN §4)',
  })
  amounts?: FundAmountsInput | null;

  @Field(() => ID, { nullable: true, description: '上级资金 — new upper-level fund' })
  upperFundId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '新增重大政策/项目 — new value' })
  isNewMajor?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '应急资金 — new value' })
  isEmergency?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '政府预先批准 — new value' })
  governmentPreApproved?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '设立时已评估 — new value' })
  assessedAtCreation?: boolean | null;
}

@InputType({
  description: '分配明细 — one allocation: a region (因素法) or a project (项目法), and the amount',
})
export class AllocationInput {
  @Field(() => ID, {
    nullable: true,
    description: '下达地区 — a region directly under the fund’s region (FACTOR)',
  })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: '项目 — a project below the fund’s region (PROJECT)' })
  projectId?: string | null;

  @Field(() => MoneyScalar, { description: '分配金额（元） — amount, above 0, at most 2 places' })
  amount!: Decimal;
}

@InputType({
  description:
    '设置资金分配 — replace a fund’s whole allocation set; the sum may not exceed its upper-level + own-level money (lower-level matching money is not allocated; DOMAIN §4, 003 转移支付 第二条)',
})
export class SetAllocationsInput {
  @Field(() => ID, { description: '专项资金 — the fund' })
  fundId!: string;

  @Field(() => Int, { description: '基于版本 — the fund version the set is based on (CONFLICT when stale)' })
  expectedVersion!: number;

  @Field(() => [AllocationInput], { description: '分配明细 — the complete new set (empty clears it)' })
  allocations!: AllocationInput[];
}

@ObjectType({ description: '专项资金变更结果 — result of a fund mutation' })
export class FundPayload {
  @Field(() => FundType, { nullable: true, description: '专项资金 — the fund as saved; null when refused' })
  fund?: FundType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
