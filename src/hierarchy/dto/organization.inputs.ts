import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { OrganizationKind, Sector } from '../hierarchy.enums';
import { OrganizationType } from './hierarchy.types';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ExpectedVersionField } from './expected-version.field';
import { ANY_OF_NOTE } from '../../common/list-filter';

export enum OrganizationSortField {
  NAME = 'NAME',
  KIND = 'KIND',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(OrganizationSortField, {
  name: 'OrganizationSortField',
  description: '单位排序字段 — sort key of organizations',
  valuesConfig: {
    NAME: {
      description: '名称 — name, 按拼音排序: Chinese names by pinyin (北京 < 上海 < 淄博), ties by id',
    },
    KIND: { description: '单位类型 — kind' },
    CREATED_AT: { description: '创建时间 — created at' },
  },
});

@InputType({ description: '单位筛选 — filters on organizations; all given filters must hold' })
export class OrganizationFilter {
  @Field(() => [OrganizationKind], { nullable: true, description: `单位类型 — kind: ${ANY_OF_NOTE}` })
  kind?: OrganizationKind[];

  @Field(() => [Sector], { nullable: true, description: `行业 — sector: ${ANY_OF_NOTE}` })
  sector?: Sector[];

  @Field(() => ID, { nullable: true, description: '所在区划 — located in exactly this region' })
  regionId?: string;

  @Field(() => ID, { nullable: true, description: '所辖范围 — located in the subtree of this region' })
  within?: string;

  @Field(() => ID, { nullable: true, description: '主管部门 — supervised by this department' })
  supervisingDepartmentId?: string;

  @Field({ nullable: true, description: '名称包含 — name contains this text' })
  nameContains?: string;
}

export const OrganizationOrder = orderInput<OrganizationSortField>(
  OrganizationSortField,
  'OrganizationOrder',
  '单位排序 — sort order of organizations',
);
export type OrganizationOrder = InstanceType<typeof OrganizationOrder>;

@InputType({ description: '新建单位 — create an organization in a region of your subtree' })
export class CreateOrganizationInput {
  @Field(() => ID, { description: '所在区划 — the region it is located in' })
  regionId!: string;

  @Field(() => OrganizationKind, { description: '单位类型 — kind' })
  kind!: OrganizationKind;

  @Field({ description: '名称 — name' })
  name!: string;

  @Field(() => Sector, { nullable: true, description: '行业 — sector; required for a competent department' })
  sector?: Sector;

  @Field(() => ID, {
    nullable: true,
    description: '主管部门 — supervising competent department of an implementing unit (same region or above)',
  })
  supervisingDepartmentId?: string;

  @Field({ nullable: true, description: '统一社会信用代码 — unified social credit code (18 characters)' })
  creditCode?: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '修改单位 — change an organization; it cannot move to another region' })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: '单位 — the organization' })
  id!: string;

  @ExpectedVersionField()
  expectedVersion!: number;

  @Field({ nullable: true, description: '名称 — new name' })
  name?: string;

  @Field(() => Sector, { nullable: true, description: '行业 — new sector' })
  sector?: Sector;

  @Field(() => ID, {
    nullable: true,
    description: '主管部门 — new supervising department (implementing units)',
  })
  supervisingDepartmentId?: string;

  @Field({ nullable: true, description: '统一社会信用代码 — new credit code' })
  creditCode?: string;
}

@InputType({ description: '删除单位 — delete an organization that has no users and supervises no units' })
export class DeleteOrganizationInput {
  @Field(() => ID, { description: '单位 — the organization' })
  id!: string;
}

@ObjectType({ description: '单位变更结果 — result of an organization mutation' })
export class OrganizationPayload {
  @Field(() => OrganizationType, {
    nullable: true,
    description: '单位 — the organization as saved; null when refused',
  })
  organization?: OrganizationType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
