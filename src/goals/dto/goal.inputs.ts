import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { orderInput } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { DecompositionMode, FilingBasis, GoalScope, GoalStatus } from '../goal.enums';
import {
  Aggregation,
  Comparator,
  IndicatorCategory,
  IndicatorKind,
  IndicatorSubcategory,
} from '../indicator.enums';
import { PerformanceGoalType } from './goal.types';
import { GoalHeaderInput } from './goal-extra.inputs';
import { MAX_INDICATORS, MaxItems } from '../../common/input-limits';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ANY_OF_NOTE } from '../../common/list-filter';

export enum GoalSortField {
  NAME = 'NAME',
  YEAR = 'YEAR',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(GoalSortField, {
  name: 'GoalSortField',
  description: '绩效目标排序字段 — sort key of goals',
  valuesConfig: {
    NAME: {
      description: '名称 — name, 按拼音排序: Chinese names by pinyin (北京 < 上海 < 淄博), ties by id',
    },
    YEAR: { description: '年度 — budget year' },
    CREATED_AT: { description: '创建时间 — created at' },
  },
});

/** The filters of every list of goals: budget year, and any of some scopes and statuses (issue 11 item 7). */
@InputType('GoalFilterBase', {
  description: '绩效目标筛选（基类） — base of the goal filters; not in the schema itself',
})
export abstract class GoalFilterBase {
  @Field(() => Int, { nullable: true, description: '年度 — budget year' })
  year?: number;

  @Field(() => [GoalScope], { nullable: true, description: `目标范围 — scope: ${ANY_OF_NOTE}` })
  scope?: GoalScope[];

  @Field(() => [GoalStatus], { nullable: true, description: `状态 — status: ${ANY_OF_NOTE}` })
  status?: GoalStatus[];
}

@InputType({ description: '绩效目标筛选 — filters on goals; all given filters must hold' })
export class GoalFilter extends GoalFilterBase {
  @Field(() => ID, { nullable: true, description: '专项资金 — goals of this fund' })
  fundId?: string;

  @Field(() => ID, { nullable: true, description: '区划 — goals whose region lies in this region’s subtree' })
  within?: string;

  @Field(() => ID, { nullable: true, description: '编制单位 — goals drafted by this organization' })
  organizationId?: string;

  @Field({ nullable: true, description: '关键字 — name or objectives contain this text' })
  text?: string;
}

export const GoalOrder = orderInput<GoalSortField>(
  GoalSortField,
  'GoalOrder',
  '绩效目标排序 — sort order of goals',
);
export type GoalOrder = InstanceType<typeof GoalOrder>;

@InputType({ description: '绩效指标 — one indicator as entered' })
export class GoalIndicatorInput {
  @Field(() => IndicatorCategory, { description: '一级指标 — category' })
  category!: IndicatorCategory;

  @Field(() => IndicatorSubcategory, { description: '二级指标 — subcategory (must belong to the category)' })
  subcategory!: IndicatorSubcategory;

  @Field({ description: '三级指标 — the indicator’s own name' })
  name!: string;

  @Field(() => IndicatorKind, { description: '指标类型 — quantitative or qualitative' })
  kind!: IndicatorKind;

  @Field(() => String, { nullable: true, description: '计量单位 — unit (quantitative)' })
  unit?: string | null;

  @Field(() => Comparator, { nullable: true, description: '比较方式 — comparator (quantitative)' })
  comparator?: Comparator | null;

  @Field(() => String, {
    nullable: true,
    description: '指标值 — a decimal as text (quantitative) or a described target (qualitative)',
  })
  target?: string | null;

  @Field(() => String, { nullable: true, description: '分值 — points, 0–100 with at most 2 decimals' })
  points?: string | null;

  @Field(() => Aggregation, { nullable: true, description: '汇总方式 — how linked child indicators combine' })
  aggregation?: Aggregation | null;

  @Field(() => ID, {
    nullable: true,
    description: '关联上级指标 — the parent goal’s indicator this one contributes to (transfer goal tree)',
  })
  parentIndicatorId?: string | null;

  @Field(() => String, { nullable: true, description: '比率分子 — numerator (child of RATIO_OF_SUMS)' })
  ratioNumerator?: string | null;

  @Field(() => String, { nullable: true, description: '比率分母 — denominator (child of RATIO_OF_SUMS)' })
  ratioDenominator?: string | null;
}

@InputType({
  description:
    '一级指标分值 — a goal’s own category points (DOMAIN §10.1; 002 第二十一条(一) 一级指标权重可做适当调整): each a decimal ≥ 0 with at most 2 decimals, the four totalling exactly 100 (default 共性 10, 产出 50, 效益 30, 满意度 10)',
})
export class GoalCategoryPointsInput {
  @Field(() => DecimalScalar, { description: '共性指标分值 — COMMON points (default 10)' })
  common!: Decimal;

  @Field(() => DecimalScalar, { description: '产出指标分值 — OUTPUT points (default 50)' })
  output!: Decimal;

  @Field(() => DecimalScalar, { description: '效益指标分值 — BENEFIT points (default 30)' })
  benefit!: Decimal;

  @Field(() => DecimalScalar, { description: '满意度指标分值 — SATISFACTION points (default 10)' })
  satisfaction!: Decimal;
}

/**
 * The optional content of a goal, shared by creating and updating it. On update (issue 11 item 1) each
 * field omitted = unchanged and null = cleared.
 */
@InputType({
  description:
    '绩效目标可选内容 — the optional content of a goal (base of create and update); on update omitted = unchanged, null = cleared',
})
abstract class GoalContentInput {
  @Field(() => String, { nullable: true, description: '实施期目标 — implementation-period objective' })
  implementationPeriodObjective?: string | null;

  @Field(() => String, { nullable: true, description: '年度目标 — annual objective' })
  annualObjective?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '年度金额（元） — annual amount' })
  annualAmount?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其中：财政拨款（元） — fiscal appropriation' })
  fiscalAmount?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其中：其他资金（元） — other money' })
  otherAmount?: Decimal | null;

  @Field(() => GoalCategoryPointsInput, {
    nullable: true,
    description:
      '一级指标分值 — the goal’s own category points, totalling 100 (DOMAIN §10.1); on create omitted or null = the defaults 10/50/30/10; on update omitted = unchanged, null = back to the defaults',
  })
  categoryPoints?: GoalCategoryPointsInput | null;

  @Field(() => GoalHeaderInput, {
    nullable: true,
    description:
      '目标表表头 — the 附件1–3 header (project attribute, category, implementation period and its money; the transfer money split); on create omitted = empty; on update omitted = unchanged, null = cleared, and inside it each field omitted = unchanged, null = cleared',
  })
  header?: GoalHeaderInput | null;
}

@InputType({
  description:
    '新建绩效目标 — drafted by the body P1/P2 name for its subject (DOMAIN §8); created as DRAFT with its review chain',
})
export class CreateGoalInput extends GoalContentInput {
  @Field({ description: '目标名称 — name' })
  name!: string;

  @MaxItems(MAX_INDICATORS)
  @Field(() => [GoalIndicatorInput], {
    description: '绩效指标 — the indicators, in form order (at most 500)',
  })
  indicators!: GoalIndicatorInput[];

  @Field(() => GoalScope, { description: '目标范围 — scope' })
  scope!: GoalScope;

  @Field(() => Int, { description: '预算年度 — budget year' })
  year!: number;

  @Field(() => ID, { nullable: true, description: '项目 — the project (PROJECT, TRANSFER_PROJECT)' })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: '专项资金 — the fund (transfer scopes)' })
  fundId?: string | null;

  @Field(() => ID, { nullable: true, description: '区划 — the receiving region (TRANSFER_REGIONAL)' })
  regionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: '上级目标 — the parent goal (overall → regional → project)',
  })
  parentGoalId?: string | null;

  @Field(() => DecompositionMode, { nullable: true, description: '分解方式 — TRANSFER_REGIONAL only' })
  decomposition?: DecompositionMode | null;

  @Field(() => FilingBasis, {
    nullable: true,
    description:
      '先行下达预算的依据 — set when the budget was issued before the goal (002 第十二条): EMERGENCY for an emergency fund’s goal, TRANSFER_DEFERRED for a regional or project transfer goal reported after the money; such a goal is filed for record (fileGoalForRecord) instead of reviewed',
  })
  filingBasis?: FilingBasis | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description:
    '修改绩效目标 — change the content of a DRAFT or RETURNED goal, by its drafter: a field omitted is unchanged, an explicit null clears it (name and indicators cannot be cleared: null is BAD_USER_INPUT); indicators given are replaced as a set',
})
export class UpdateGoalInput extends GoalContentInput {
  @Field(() => String, {
    nullable: true,
    description: '目标名称 — name; omitted = unchanged (null is refused: a goal always has a name)',
  })
  name?: string | null;

  @MaxItems(MAX_INDICATORS)
  @Field(() => [GoalIndicatorInput], {
    nullable: true,
    description:
      '绩效指标 — the indicators, in form order (at most 500), replaced as a set; omitted = unchanged (null is refused; [] removes all)',
  })
  indicators?: GoalIndicatorInput[] | null;

  @Field(() => ID, { description: '绩效目标 — the goal' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the change is based on (stale → CONFLICT)' })
  expectedVersion!: number;
}

@InputType({
  description: '绩效目标流程操作 — submit, approve, return or issue a goal (DOMAIN §7)',
})
export class GoalActionInput {
  @Field(() => ID, { description: '绩效目标 — the goal' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the action is based on (stale → CONFLICT)' })
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: '意见 — comment; required when returning, kept on the record when approving',
  })
  comment?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description:
    '申请调整 — request version n+1 of an issued or filed goal, with a reason (DOMAIN §7; 002 第十三条)',
})
export class RequestAdjustmentInput {
  @Field(() => ID, { description: '绩效目标 — the issued goal version n' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the request is based on (stale → CONFLICT)' })
  expectedVersion!: number;

  @Field({ description: '调整理由 — why the goal must change (required)' })
  reason!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ObjectType({ description: '绩效目标操作结果 — the goal after the change, or what went wrong' })
export class GoalPayload {
  @Field(() => PerformanceGoalType, { nullable: true, description: '绩效目标 — the goal; null on failure' })
  goal?: PerformanceGoalType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}
