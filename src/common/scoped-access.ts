import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { canAdminister, hasSubtreeJurisdiction, pathIds, type Principal } from '../auth/principal';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { UserEntity } from '../hierarchy/user.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import type { RequestDb } from '../db/request-db';

/** Thrown when tenant data is read without a caller: scoping fails closed (STYLE principle 3). */
export class MissingScopeError extends Error {
  constructor() {
    super('Tenant data was read without a principal in the request context');
  }
}

/**
 * The one way to read tenant data (DOMAIN §3, §8 P6). Every builder starts with the tenant and the
 * caller's jurisdiction, as single indexed predicates on the materialized path:
 * - regions: the caller's subtree (finance, departments, audit) plus its own region's ancestors, so
 *   breadcrumbs work; units and third parties see their own region and its ancestors only;
 * - organizations: the subtree; units and third parties see themselves and their supervising department;
 * - users: tenant administrators see the users of their subtree; everyone else sees only themselves.
 * Row-level security repeats the tenant predicate in PostgreSQL (defence in depth).
 */
export class ScopedAccess {
  constructor(
    private readonly db: RequestDb,
    private readonly principal: Principal | null,
  ) {}

  get caller(): Principal {
    if (!this.principal) throw new MissingScopeError();
    return this.principal;
  }

  async manager(): Promise<EntityManager> {
    if (!this.principal) throw new MissingScopeError();
    return this.db.manager();
  }

  async regions(alias = 'r'): Promise<SelectQueryBuilder<RegionEntity>> {
    const p = this.caller;
    const qb = await this.base(RegionEntity, alias);
    const ancestors = pathIds(p.regionPath);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(`(${alias}.path LIKE :scopePrefix OR ${alias}.id = ANY(:scopeAncestors))`, {
        scopePrefix: `${p.regionPath}%`,
        scopeAncestors: ancestors,
      });
    }
    return qb.andWhere(`${alias}.id = ANY(:scopeAncestors)`, { scopeAncestors: ancestors });
  }

  async organizations(alias = 'o'): Promise<SelectQueryBuilder<OrganizationEntity>> {
    const p = this.caller;
    const qb = await this.base(OrganizationEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: `${p.regionPath}%` });
    }
    const own = [p.organizationId, ...(p.supervisingDepartmentId ? [p.supervisingDepartmentId] : [])];
    return qb.andWhere(`${alias}.id = ANY(:scopeOrganizations)`, { scopeOrganizations: own });
  }

  async users(alias = 'u'): Promise<SelectQueryBuilder<UserEntity>> {
    const p = this.caller;
    const qb = await this.base(UserEntity, alias);
    if (canAdminister(p)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: `${p.regionPath}%` });
    }
    return qb.andWhere(`${alias}.id = :scopeSelf`, { scopeSelf: p.userId });
  }

  /** Audit trail (DOMAIN §15): audit offices and administrators read their subtree (003 第七条). */
  async auditEvents(alias = 'a'): Promise<SelectQueryBuilder<AuditEventEntity>> {
    const p = this.caller;
    const qb = await this.base(AuditEventEntity, alias);
    return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: `${p.regionPath}%` });
  }

  /** The subtree the caller may administer (tenant administrators), as a path prefix. */
  adminPrefix(): string {
    return `${this.caller.regionPath}%`;
  }

  private async base<T extends ObjectLiteral>(
    entity: new () => T,
    alias: string,
  ): Promise<SelectQueryBuilder<T>> {
    const p = this.caller;
    const em = await this.db.manager();
    return em
      .createQueryBuilder(entity, alias)
      .where(`${alias}.tenant_id = :scopeTenant`, { scopeTenant: p.tenantId });
  }
}
