import type { SelectQueryBuilder } from 'typeorm';
import { canAdminister, hasSubtreeJurisdiction, pathIds } from '../auth/principal';
import { registerScope, subtreePrefix } from '../common/scoped-access';
import { OrganizationEntity } from './organization.entity';
import { RegionEntity } from './region.entity';
import { UserEntity } from './user.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    regions(alias?: string): Promise<SelectQueryBuilder<RegionEntity>>;
    organizations(alias?: string): Promise<SelectQueryBuilder<OrganizationEntity>>;
    users(alias?: string): Promise<SelectQueryBuilder<UserEntity>>;
  }
}

/**
 * 行政区划 (DOMAIN §3, P6): the caller's subtree (finance, departments, audit) plus its own region's
 * ancestors, so breadcrumbs work; units and third parties see their own region and its ancestors only.
 */
registerScope({
  name: 'regions',
  entity: RegionEntity,
  alias: 'r',
  rule: (qb, { alias, caller }) => {
    const ancestors = pathIds(caller.regionPath);
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(`(${alias}.path LIKE :scopePrefix OR ${alias}.id = ANY(:scopeAncestors))`, {
        scopePrefix: subtreePrefix(caller),
        scopeAncestors: ancestors,
      });
    }
    return qb.andWhere(`${alias}.id = ANY(:scopeAncestors)`, { scopeAncestors: ancestors });
  },
});

/** 单位 (DOMAIN §3, P6): the subtree; units and third parties see themselves and their supervising department. */
registerScope({
  name: 'organizations',
  entity: OrganizationEntity,
  alias: 'o',
  rule: (qb, { alias, caller }) => {
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: subtreePrefix(caller) });
    }
    const own = [
      caller.organizationId,
      ...(caller.supervisingDepartmentId ? [caller.supervisingDepartmentId] : []),
    ];
    return qb.andWhere(`${alias}.id = ANY(:scopeOrganizations)`, { scopeOrganizations: own });
  },
});

/** 用户 (DOMAIN §3): tenant administrators see the users of their subtree; everyone else only themselves. */
registerScope({
  name: 'users',
  entity: UserEntity,
  alias: 'u',
  rule: (qb, { alias, caller }) => {
    if (canAdminister(caller)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: subtreePrefix(caller) });
    }
    return qb.andWhere(`${alias}.id = :scopeSelf`, { scopeSelf: caller.userId });
  },
});
