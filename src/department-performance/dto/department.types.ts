import { DateTime } from '../../common/scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Grade } from '../../common/grade';
import { UserError } from '../../common/user-error';
import { Comparator, IndicatorKind } from '../../goals/indicator.enums';
import { CommonIndicatorSource, DepartmentDimension } from '../department.enums';

@ObjectType({
  description: '共性指标 — a common indicator of a department goal, set by finance (003 第十二条(二))',
})
export class CommonIndicatorType {
  @Field(() => ID, { description: '标识 — opaque global id' })
  id!: string;

  @Field(() => DepartmentDimension, { description: '维度 — the 004 二(二)3 aspect' })
  dimension!: DepartmentDimension;

  @Field({ description: '指标名称 — name' })
  name!: string;

  @Field(() => IndicatorKind, { description: '指标类型 — kind' })
  kind!: IndicatorKind;

  @Field(() => String, { nullable: true, description: '计量单位 — unit' })
  unit!: string | null;

  @Field(() => Comparator, { nullable: true, description: '比较方式 — comparator' })
  comparator!: Comparator | null;

  @Field({ description: '指标值 — target' })
  target!: string;

  @Field({ description: '分值 — points' })
  points!: string;

  @Field(() => CommonIndicatorSource, { description: '取值来源 — entered or computed' })
  source!: CommonIndicatorSource;
}

@ObjectType({
  description: '共性指标集 — finance’s common indicators of a year for the departments of its region',
})
export class CommonIndicatorSetType {
  @Field(() => ID, { description: '标识 — opaque global id' })
  id!: string;

  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => ID, {
    description:
      '所属区划 — the region whose finance set it (region global id); 保留兼容 — kept for compatibility, read `region`',
  })
  regionId!: string;

  @Field({ description: '分值合计 — the points the common indicators carry together (共性 category points)' })
  totalPoints!: string;

  @Field(() => Int, { description: '版本 — row version' })
  rowVersion!: number;

  @Field(() => [CommonIndicatorType], { description: '共性指标 — in order' })
  indicators!: CommonIndicatorType[];
}

@ObjectType({ description: '设定共性指标结果 — the set, or why not' })
export class CommonIndicatorSetPayload {
  @Field(() => CommonIndicatorSetType, { nullable: true, description: '共性指标集 — null on failure' })
  set?: CommonIndicatorSetType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

@ObjectType({
  description:
    '财政审核结论 — finance’s review of a department self-evaluation: the grade confirmed or changed (004 二(四))',
})
export class DepartmentSelfEvaluationReviewType {
  @Field(() => Grade, { description: '自评等级 — the grade the department’s self-evaluation reached' })
  selfGrade!: Grade;

  @Field(() => Grade, { description: '确定等级 — the grade finance fixed' })
  confirmedGrade!: Grade;

  @Field({ description: '是否调整 — whether finance changed the grade' })
  changed!: boolean;

  @Field(() => String, { nullable: true, description: '调整理由 — reason of a changed grade' })
  reason!: string | null;

  @Field(() => ID, {
    description:
      '审核单位 — the reviewing finance bureau (organization global id); 保留兼容 — kept for compatibility, read `reviewerOrganization`',
  })
  reviewerOrganizationId!: string;

  @Field(() => DateTime, { description: '审核时间 — when finance reviewed it' })
  reviewedAt!: Date;
}
