import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { UserType } from './hierarchy.types';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { ExpectedVersionField } from './expected-version.field';

export enum UserSortField {
  LOGIN = 'LOGIN',
  DISPLAY_NAME = 'DISPLAY_NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(UserSortField, {
  name: 'UserSortField',
  description: '用户排序字段 — sort key of users',
  valuesConfig: {
    LOGIN: { description: '登录名 — login' },
    DISPLAY_NAME: { description: '姓名 — display name, 按拼音排序: Chinese names by pinyin, ties by id' },
    CREATED_AT: { description: '创建时间 — created at' },
  },
});

@InputType({ description: '用户筛选 — filters on users; all given filters must hold' })
export class UserFilter {
  @Field(() => ID, { nullable: true, description: '所在单位 — of this organization' })
  organizationId?: string;

  @Field(() => ID, {
    nullable: true,
    description: '所辖范围 — of organizations in the subtree of this region',
  })
  within?: string;

  @Field({ nullable: true, description: '是否启用 — active or deactivated' })
  isActive?: boolean;

  @Field({ nullable: true, description: '搜索 — login or display name contains this text' })
  search?: string;
}

export const UserOrder = orderInput<UserSortField>(
  UserSortField,
  'UserOrder',
  '用户排序 — sort order of users',
);
export type UserOrder = InstanceType<typeof UserOrder>;

@InputType({ description: '新建用户 — create a user for an organization of your subtree' })
export class CreateUserInput {
  @Field(() => ID, { description: '所在单位 — the organization the user acts for' })
  organizationId!: string;

  @Field({ description: '登录名 — 3–64 characters: lower-case letters, digits, dot, dash, underscore' })
  login!: string;

  @Field({ description: '姓名 — display name' })
  displayName!: string;

  @Field({ description: '初始密码 — initial password, at least 8 characters with a letter and a digit' })
  password!: string;

  @Field({ defaultValue: false, description: '系统管理员 — administers its organization’s subtree' })
  isTenantAdmin!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '修改用户 — change, deactivate or reactivate a user' })
export class UpdateUserInput {
  @Field(() => ID, { description: '用户 — the user' })
  id!: string;

  @ExpectedVersionField()
  expectedVersion!: number;

  @Field({ nullable: true, description: '姓名 — new display name' })
  displayName?: string;

  @Field(() => ID, {
    nullable: true,
    description: '所在单位 — move the user to another organization of your subtree',
  })
  organizationId?: string;

  @Field({ nullable: true, description: '是否启用 — false deactivates: no login, old tokens stop working' })
  isActive?: boolean;

  @Field({ nullable: true, description: '系统管理员 — grant or withdraw administration' })
  isTenantAdmin?: boolean;

  @Field({ nullable: true, description: '新密码 — reset the password' })
  password?: string;
}

@ObjectType({ description: '用户变更结果 — result of a user mutation' })
export class UserPayload {
  @Field(() => UserType, { nullable: true, description: '用户 — the user as saved; null when refused' })
  user?: UserType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
