import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { orderInput } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { ProjectLibraryStatus } from '../fund.enums';
import { ProjectType } from './funds.types';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ANY_OF_NOTE } from '../../common/list-filter';

export enum ProjectSortField {
  NAME = 'NAME',
  YEAR = 'YEAR',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ProjectSortField, {
  name: 'ProjectSortField',
  description: '项目排序字段 — sort key of projects',
  valuesConfig: {
    NAME: {
      description: '名称 — name, 按拼音排序: Chinese names by pinyin (北京 < 上海 < 淄博), ties by id',
    },
    YEAR: { description: '预算年度 — budget year' },
    CREATED_AT: { description: '创建时间 — created at' },
  },
});

@InputType({ description: '项目筛选 — filters on projects; all given filters must hold' })
export class ProjectFilter {
  @Field(() => Int, { nullable: true, description: '预算年度 — budget year' })
  year?: number;

  @Field(() => ID, { nullable: true, description: '专项资金 — financed by this fund' })
  fundId?: string;

  @Field(() => ID, { nullable: true, description: '实施单位 — carried out by this unit' })
  implementingUnitId?: string;

  @Field(() => ID, { nullable: true, description: '主管部门 — owned by this competent department' })
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: '所辖范围 — implemented in this region’s subtree' })
  within?: string;

  @Field(() => [ProjectLibraryStatus], {
    nullable: true,
    description: `项目库状态 — library status: ${ANY_OF_NOTE}`,
  })
  libraryStatus?: ProjectLibraryStatus[];

  @Field(() => String, { nullable: true, description: '名称包含 — name contains this text' })
  nameContains?: string;
}

export const ProjectOrder = orderInput<ProjectSortField>(
  ProjectSortField,
  'ProjectOrder',
  '项目排序 — sort order of projects',
);
export type ProjectOrder = InstanceType<typeof ProjectOrder>;

@InputType({
  description:
    '新建项目 — by the implementing unit itself, or by a competent department over it (P2 谁申请资金、谁编制目标); created as CANDIDATE',
})
export class CreateProjectInput {
  @Field({ description: '项目名称 — name' })
  name!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '实施单位 — the implementing unit (yourself, or a unit in your department’s subtree); omit it (or name your own department) for an own-level project the competent department runs itself (本级, 002 第十六条 “部门本级”)',
  })
  implementingUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: '专项资金 — the fund financing it, if any' })
  fundId?: string | null;

  @Field(() => Int, { description: '预算年度 — budget year' })
  year!: number;

  @Field(() => MoneyScalar, { description: '财政拨款（元） — fiscal appropriation' })
  fiscalAmount!: Decimal;

  @Field(() => MoneyScalar, { description: '其他资金（元） — other money' })
  otherAmount!: Decimal;

  @Field(() => Boolean, { description: '新增项目 — new (true) or continuing (false)' })
  isNew!: boolean;

  @Field({ defaultValue: false, description: '需事前绩效评估 — requires an ex-ante assessment' })
  requiresAssessment!: boolean;

  @Field({
    defaultValue: false,
    description:
      '政府先行安排 — pre-approved by the government (002 第七条): may enter the library before its assessment and is listed as assessment pending',
  })
  governmentPreApproved!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '修改项目 — change a project; omitted fields stay' })
export class UpdateProjectInput {
  @Field(() => ID, { description: '项目 — the project' })
  id!: string;

  @Field(() => Int, {
    description: '基于版本 — the version the change is based on; a stale one is refused (CONFLICT)',
  })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '项目名称 — new name' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: '专项资金 — new financing fund' })
  fundId?: string | null;

  @Field(() => Int, { nullable: true, description: '预算年度 — new budget year' })
  year?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: '财政拨款（元） — new fiscal appropriation' })
  fiscalAmount?: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: '其他资金（元） — new other money' })
  otherAmount?: Decimal | null;

  @Field(() => Boolean, { nullable: true, description: '新增项目 — new value' })
  isNew?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '需事前绩效评估 — new value' })
  requiresAssessment?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '政府先行安排 — new value' })
  governmentPreApproved?: boolean | null;
}

@ObjectType({ description: '项目变更结果 — result of a project mutation' })
export class ProjectPayload {
  @Field(() => ProjectType, { nullable: true, description: '项目 — the project as saved; null when refused' })
  project?: ProjectType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
