import { DateTime } from '../../common/scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';

@InputType({ description: '登录 — sign in with tenant code, login and password' })
export class LoginInput {
  @Field(() => String, {
    nullable: true,
    description:
      '租户代码 — the code of the user’s city (e.g. 370300); logins are unique per city only. May be omitted when the deployment has one city or DEFAULT_TENANT is configured',
  })
  tenant?: string | null;

  @Field({ description: '登录名 — login' })
  login!: string;

  @Field({ description: '密码 — password' })
  password!: string;
}

@ObjectType({ description: '登录结果 — a bearer token, or why signing in failed' })
export class LoginPayload {
  @Field(() => String, {
    nullable: true,
    description: '访问令牌 — bearer token for the Authorization header',
  })
  token?: string | null;

  @Field(() => DateTime, { nullable: true, description: '过期时间 — when the token expires' })
  expiresAt?: Date | null;

  @Field(() => [UserError], { description: '操作错误 — one generic message for a wrong login or password' })
  userErrors!: UserError[];
}
