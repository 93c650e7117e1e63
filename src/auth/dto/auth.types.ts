import { DateTime } from '../../common/scalars';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { OrganizationType, RegionType, TenantType, UserType } from '../../hierarchy/dto/hierarchy.types';

/** What the caller may do, so a UI shows the right menus without re-implementing DOMAIN §8. */
export enum Ability {
  READ_SUBTREE = 'READ_SUBTREE',
  READ_OWN = 'READ_OWN',
  ADMINISTER_HIERARCHY = 'ADMINISTER_HIERARCHY',
  READ_AUDIT_TRAIL = 'READ_AUDIT_TRAIL',
}
registerEnumType(Ability, {
  name: 'Ability',
  description: '权限 — what the caller may do (DOMAIN §8)',
  valuesConfig: {
    READ_SUBTREE: { description: '查看辖区 — reads everything in its region’s subtree (P6)' },
    READ_OWN: { description: '查看本单位 — reads only its own organization’s items (P6)' },
    ADMINISTER_HIERARCHY: {
      description: '系统管理 — creates and edits regions, organizations and users of its subtree',
    },
    READ_AUDIT_TRAIL: { description: '查看审计留痕 — reads the change history of its subtree (003 第七条)' },
  },
});

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

@ObjectType({ description: '当前用户 — the caller, where it sits and what it may do' })
export class Me {
  @Field(() => UserType, { description: '用户 — the caller' })
  user!: UserType;

  @Field(() => OrganizationType, { description: '所在单位 — the caller’s organization' })
  organization!: OrganizationType;

  @Field(() => RegionType, { description: '所在区划 — the region of the caller’s organization' })
  region!: RegionType;

  @Field(() => TenantType, { description: '租户 — the city the caller belongs to' })
  tenant!: TenantType;

  @Field(() => [Ability], { description: '权限 — what the caller may do' })
  abilities!: Ability[];
}
