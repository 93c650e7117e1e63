import type { SelectQueryBuilder } from 'typeorm';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { registerScope, subtreePrefix } from '../common/scoped-access';
import { AllocationEntity } from './allocation.entity';
import { FundEntity } from './fund.entity';
import { ProjectEntity } from './project.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    funds(alias?: string): Promise<SelectQueryBuilder<FundEntity>>;
    allocations(alias?: string): Promise<SelectQueryBuilder<AllocationEntity>>;
    projects(alias?: string): Promise<SelectQueryBuilder<ProjectEntity>>;
  }
}

/**
 * 专项资金 (DOMAIN §4, P6): a fund is visible to finance, departments and audit offices whose subtree
 * contains the fund's region (the giving side), or receives money of it — an allocation to a region or
 * project in their subtree, or a project in their subtree financed by it (the receiving side); units see
 * the funds of the projects they implement and the funds allocated to their own region (so that they can
 * apply for them); third parties see no funds until commissioning comes (evaluation issues).
 */
registerScope({
  name: 'funds',
  entity: FundEntity,
  alias: 'f',
  rule: (qb, { alias, caller }) => {
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(
        `(${alias}.region_path LIKE :scopePrefix
          OR EXISTS (SELECT 1 FROM fund_allocation sfa WHERE sfa.tenant_id = ${alias}.tenant_id AND sfa.fund_id = ${alias}.id AND sfa.region_path LIKE :scopePrefix)
          OR EXISTS (SELECT 1 FROM project sfp WHERE sfp.tenant_id = ${alias}.tenant_id AND sfp.fund_id = ${alias}.id AND sfp.region_path LIKE :scopePrefix))`,
        { scopePrefix: subtreePrefix(caller) },
      );
    }
    return qb.andWhere(
      `(EXISTS (SELECT 1 FROM project sfp WHERE sfp.tenant_id = ${alias}.tenant_id AND sfp.fund_id = ${alias}.id AND sfp.implementing_unit_id = :scopeUnit)
        OR EXISTS (SELECT 1 FROM fund_allocation sfr WHERE sfr.tenant_id = ${alias}.tenant_id AND sfr.fund_id = ${alias}.id AND sfr.region_id = :scopeRegion)
        OR EXISTS (SELECT 1 FROM fund_allocation sfa JOIN project sfap ON sfap.tenant_id = sfa.tenant_id AND sfap.id = sfa.project_id
                    WHERE sfa.tenant_id = ${alias}.tenant_id AND sfa.fund_id = ${alias}.id AND sfap.implementing_unit_id = :scopeUnit))`,
      { scopeUnit: caller.organizationId, scopeRegion: caller.regionId },
    );
  },
});

/**
 * 资金分配 (DOMAIN §4, P6): the giving side sees all allocations of its funds, a receiver only those into
 * its own subtree (车站街道 sees its own share of a 张店区 fund, not 公园街道's); units those to their projects.
 */
registerScope({
  name: 'allocations',
  entity: AllocationEntity,
  alias: 'a',
  rule: (qb, { alias, caller }) => {
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(
        `(${alias}.fund_region_path LIKE :scopePrefix OR ${alias}.region_path LIKE :scopePrefix)`,
        {
          scopePrefix: subtreePrefix(caller),
        },
      );
    }
    return qb.andWhere(
      `EXISTS (SELECT 1 FROM project sap WHERE sap.tenant_id = ${alias}.tenant_id AND sap.id = ${alias}.project_id AND sap.implementing_unit_id = :scopeUnit)`,
      { scopeUnit: caller.organizationId },
    );
  },
});

/** 项目 (DOMAIN §4, P6): the subtree by the implementing unit's region; units see the projects they implement. */
registerScope({
  name: 'projects',
  entity: ProjectEntity,
  alias: 'p',
  rule: (qb, { alias, caller }) => {
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: subtreePrefix(caller) });
    }
    return qb.andWhere(`${alias}.implementing_unit_id = :scopeUnit`, { scopeUnit: caller.organizationId });
  },
});
