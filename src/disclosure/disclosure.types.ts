import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar, ScoreScalar } from '../common/scalars';
import { LIST_SIZE, listCost } from '../common/list-cost';
import { UserError } from '../common/user-error';
import { connectionType } from '../common/pagination';

/** 公开事项类型 (DOMAIN §14). */
export enum DisclosureSubjectType {
  GOAL = 'GOAL',
  EVALUATION = 'EVALUATION',
}
registerEnumType(DisclosureSubjectType, {
  name: 'DisclosureSubjectType',
  description: '公开事项类型 — what is disclosed (DOMAIN §14)',
  valuesConfig: {
    GOAL: { description: '绩效目标 — an issued performance goal' },
    EVALUATION: { description: '绩效评价结果 — a completed evaluation' },
  },
});

@ObjectType({ description: '信息公开状态 — the disclosure state of a goal or evaluation (DOMAIN §14, P5)' })
export class DisclosureType {
  @Field(() => ID, { description: '事项 — global id of the goal or evaluation' })
  subjectId!: string;

  @Field(() => DisclosureSubjectType, { description: '事项类型 — goal or evaluation' })
  subjectType!: DisclosureSubjectType;

  @Field({ description: '涉密 — classified: never published' })
  classified!: boolean;

  @Field(() => String, { nullable: true, description: '定密理由 — why it is classified' })
  classifiedReason!: string | null;

  @Field(() => String, { nullable: true, description: '公开日期 — date published (YYYY-MM-DD)' })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true, description: '撤回日期 — date withdrawn (YYYY-MM-DD)' })
  withdrawnOn!: string | null;

  /** The responsible department's uuid: `responsibleOrganization` resolves it (disclosure-links.resolver.ts). */
  responsibleOrganizationUuid!: string;
}

@ObjectType({ description: '信息公开操作结果 — the new disclosure state, or why not' })
export class DisclosurePayload {
  @Field(() => DisclosureType, { nullable: true, description: '公开状态 — null on failure' })
  disclosure?: DisclosureType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@InputType({ description: '定密 — mark a goal or evaluation classified (涉密) or lift the mark' })
export class ClassifyInput {
  @Field(() => ID, { description: '事项 — global id of the goal or evaluation' })
  subjectId!: string;

  @Field({ description: '涉密 — true to classify, false to lift the mark' })
  classified!: boolean;

  @Field(() => String, { nullable: true, description: '定密理由 — required when classifying' })
  reason?: string | null;
}

@InputType({ description: '公开/撤回 — publish or withdraw a goal or evaluation on a date' })
export class DisclosureDateInput {
  @Field(() => ID, { description: '事项 — global id of the goal or evaluation' })
  subjectId!: string;

  @Field({ description: '日期 — the date of publication or withdrawal (YYYY-MM-DD)' })
  on!: string;
}

@ObjectType({ description: '待公开事项 — an item due for publication and not yet published (DOMAIN §14)' })
export class PublicationDueItem {
  @Field(() => ID, { description: '事项 — global id of the goal or evaluation' })
  subjectId!: string;

  @Field(() => DisclosureSubjectType, { description: '事项类型 — goal or evaluation' })
  subjectType!: DisclosureSubjectType;

  @Field({ description: '名称 — the goal’s name (for an evaluation, its goal’s)' })
  name!: string;

  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  /** The responsible department's uuid: `responsibleOrganization` resolves it (disclosure-links.resolver.ts). */
  responsibleOrganizationUuid!: string | null;
}

export const PublicationDueItemConnection = connectionType(
  PublicationDueItem,
  'PublicationDueItem',
  '待公开事项',
);

@ObjectType({ description: '公开绩效指标 — a published goal’s indicator and target (DOMAIN §14)' })
export class PublicIndicator {
  @Field({ description: '一级指标 — category' })
  category!: string;

  @Field({ description: '二级指标 — subcategory' })
  subcategory!: string;

  @Field({ description: '三级指标 — indicator name' })
  name!: string;

  @Field(() => String, { nullable: true, description: '计量单位 — unit' })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: '比较方式 — comparator' })
  comparator!: string | null;

  @Field(() => String, { nullable: true, description: '指标值 — target' })
  target!: string | null;
}

/**
 * The fields every published item shows (DOMAIN §14): id, year, region, publishing department, date. A base
 * class only: type-graphql emits reachable types, so it stays out of the schema.
 */
@ObjectType('PublicItemBase', {
  description: '公开事项（基类） — base of the published goal and evaluation; not in the schema itself',
})
abstract class PublicItem {
  @Field(() => ID, { description: '公开编号 — global id of the item' })
  id!: string;

  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field({ description: '区划代码 — region code' })
  regionCode!: string;

  @Field({ description: '区划 — region name' })
  regionName!: string;

  @Field({ description: '公开部门 — the responsible department’s name (谁主管、谁公开)' })
  organizationName!: string;

  @Field({ description: '公开日期 — date published' })
  publishedOn!: string;
}

@ObjectType({ description: '公开绩效目标 — a published goal, disclosure fields only (DOMAIN §14)' })
export class PublicGoal extends PublicItem {
  @Field({ description: '名称 — name' })
  name!: string;

  @Field(() => String, { nullable: true, description: '年度目标 — annual objective' })
  annualObjective!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '年度资金总额（元） — annual amount' })
  annualAmount!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '财政资金（元） — fiscal amount' })
  fiscalAmount!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其他资金（元） — other amount' })
  otherAmount!: string | null;

  @Field(() => [PublicIndicator], {
    description: '绩效指标 — indicators with targets',
    complexity: listCost(LIST_SIZE.indicators),
  })
  indicators!: PublicIndicator[];
}

@ObjectType({
  description: '公开绩效评价结果 — a published evaluation result, disclosure fields only (DOMAIN §14)',
})
export class PublicEvaluation extends PublicItem {
  @Field({ description: '项目/资金名称 — the evaluated goal’s name' })
  goalName!: string;

  @Field({ description: '评价类型 — SELF, DEPARTMENT, FINANCE or SPOT_CHECK' })
  kind!: string;

  @Field(() => ScoreScalar, { nullable: true, description: '评分 — total score' })
  score!: string | null;

  @Field(() => String, { nullable: true, description: '等级 — grade' })
  grade!: string | null;
}

export const PublicGoalConnection = connectionType(PublicGoal, 'PublicGoal', '公开绩效目标');
export const PublicEvaluationConnection = connectionType(
  PublicEvaluation,
  'PublicEvaluation',
  '公开绩效评价结果',
);

@ObjectType({ description: '公开评价结果分布 — published results of one kind and grade (DOMAIN §14)' })
export class PublicResultGroup {
  @Field({ description: '评价类型 — SELF, DEPARTMENT, FINANCE or SPOT_CHECK' })
  kind!: string;

  @Field({ description: '等级 — grade' })
  grade!: string;

  @Field(() => Int, { description: '项数 — number of published results' })
  count!: number;

  @Field(() => ScoreScalar, { nullable: true, description: '平均分 — mean score, 2 decimals' })
  meanScore!: string | null;
}

@ObjectType({
  description:
    '公开绩效结果 — the published evaluation results of a region’s subtree and year as counts per kind and grade; readable without signing in (DOMAIN §14; 002 第二十九条; 003 第二十七条)',
})
export class PublicResults {
  @Field({ description: '区划代码 — region code' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '区划 — region name (null: nothing published)' })
  regionName!: string | null;

  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => Int, { description: '公开结果数 — published results counted' })
  publishedCount!: number;

  @Field(() => [PublicResultGroup], {
    description: '分布 — by kind and grade',
    complexity: listCost(16),
  })
  groups!: PublicResultGroup[];
}
