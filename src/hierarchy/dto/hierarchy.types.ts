import { Field, ObjectType } from 'type-graphql';
import { Node, registerNodeType } from '../../common/node';
import { VersionedNode } from '../../common/versioned-node';
import { connectionType } from '../../common/pagination';
import { OrganizationKind, RegionLevel, Sector } from '../hierarchy.enums';
import { OrganizationEntity } from '../organization.entity';
import { RegionEntity } from '../region.entity';
import { UserEntity } from '../user.entity';

registerNodeType(RegionEntity, 'Region');
registerNodeType(OrganizationEntity, 'Organization');
registerNodeType(UserEntity, 'User');

@ObjectType('Tenant', { description: '租户 — one city’s whole tree; nothing crosses between tenants' })
export class TenantType {
  @Field({ description: '租户标识 — tenant id' })
  id!: string;

  @Field({ description: '名称 — name of the city' })
  name!: string;
}

@ObjectType('Region', {
  implements: Node,
  description: '行政区划 — a node of the administrative tree (DOMAIN §3)',
})
export class RegionType extends VersionedNode {
  @Field({ description: '名称 — name, e.g. 张店区' })
  name!: string;

  @Field({ description: '行政区划代码 — division code, 6 digits (city, district) or 9 digits (township)' })
  code!: string;

  @Field(() => RegionLevel, { description: '层级 — level' })
  level!: RegionLevel;
}

@ObjectType('Organization', {
  implements: Node,
  description: '单位/部门 — a body located in a region (DOMAIN §2)',
})
export class OrganizationType extends VersionedNode {
  @Field({ description: '名称 — name, e.g. 张店区交通运输局' })
  name!: string;

  @Field(() => OrganizationKind, { description: '单位类型 — kind' })
  kind!: OrganizationKind;

  @Field(() => Sector, { nullable: true, description: '行业 — sector (required for competent departments)' })
  sector!: Sector | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 — unified social credit code' })
  creditCode!: string | null;
}

@ObjectType('User', { implements: Node, description: '用户 — a person acting for one organization' })
export class UserType extends VersionedNode {
  @Field({ description: '登录名 — login name (unique across all tenants)' })
  login!: string;

  @Field({ description: '姓名 — display name' })
  displayName!: string;

  @Field({ description: '是否启用 — active; a deactivated user cannot sign in or use an old token' })
  isActive!: boolean;

  @Field({ description: '系统管理员 — administers regions, organizations and users of its subtree' })
  isTenantAdmin!: boolean;
}

export const RegionConnection = connectionType(RegionType, 'Region', '行政区划');
export const OrganizationConnection = connectionType(OrganizationType, 'Organization', '单位');
export const UserConnection = connectionType(UserType, 'User', '用户');
