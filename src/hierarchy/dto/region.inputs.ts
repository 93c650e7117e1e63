import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { RegionLevel } from '../hierarchy.enums';
import { RegionType } from './hierarchy.types';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ExpectedVersionField } from './expected-version.field';
import { ANY_OF_NOTE } from '../../common/list-filter';

export enum RegionSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(RegionSortField, {
  name: 'RegionSortField',
  description: '行政区划排序字段 — sort key of regions',
  valuesConfig: {
    CODE: { description: '行政区划代码 — division code' },
    NAME: {
      description: '名称 — name, 按拼音排序: Chinese names by pinyin (北京 < 上海 < 淄博), ties by id',
    },
    CREATED_AT: { description: '创建时间 — created at' },
  },
});

@InputType({ description: '行政区划筛选 — filters on regions; all given filters must hold' })
export class RegionFilter {
  @Field(() => [RegionLevel], { nullable: true, description: `层级 — level: ${ANY_OF_NOTE}` })
  level?: RegionLevel[];

  @Field(() => ID, { nullable: true, description: '上级区划 — direct parent region' })
  parentId?: string;

  @Field(() => ID, {
    nullable: true,
    description: '所辖范围 — within the subtree of this region (itself included)',
  })
  within?: string;

  @Field({ nullable: true, description: '行政区划代码 — exact division code' })
  code?: string;

  @Field({ nullable: true, description: '名称包含 — name contains this text' })
  nameContains?: string;
}

export const RegionOrder = orderInput<RegionSortField>(
  RegionSortField,
  'RegionOrder',
  '行政区划排序 — sort order of regions',
);
export type RegionOrder = InstanceType<typeof RegionOrder>;

@InputType({ description: '新建行政区划 — create a district or township under a region of your subtree' })
export class CreateRegionInput {
  @Field(() => ID, {
    description: '上级区划 — parent region (a city for a district, a district for a township)',
  })
  parentId!: string;

  @Field(() => RegionLevel, { description: '层级 — level; must be the one directly under the parent' })
  level!: RegionLevel;

  @Field({ description: '名称 — name' })
  name!: string;

  @Field({ description: '行政区划代码 — division code (6 digits for a district, 9 for a township)' })
  code!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '修改行政区划 — rename or recode a region; regions never move' })
export class UpdateRegionInput {
  @Field(() => ID, { description: '行政区划 — the region' })
  id!: string;

  @ExpectedVersionField()
  expectedVersion!: number;

  @Field({ nullable: true, description: '名称 — new name' })
  name?: string;

  @Field({ nullable: true, description: '行政区划代码 — new division code' })
  code?: string;

  @Field(() => ID, {
    nullable: true,
    description: '上级区划 — must stay the current parent: regions never move',
  })
  parentId?: string;
}

@InputType({ description: '删除行政区划 — delete a region that holds no data' })
export class DeleteRegionInput {
  @Field(() => ID, { description: '行政区划 — the region' })
  id!: string;
}

@ObjectType({ description: '行政区划变更结果 — result of a region mutation' })
export class RegionPayload {
  @Field(() => RegionType, {
    nullable: true,
    description: '行政区划 — the region as saved; null when refused',
  })
  region?: RegionType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '删除结果 — result of a delete' })
export class DeletePayload {
  @Field(() => ID, { nullable: true, description: '已删除的标识 — global id of the deleted object' })
  deletedId?: string | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
