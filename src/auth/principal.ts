import { OrganizationKind, RegionLevel } from './principal-kinds';
import type { ServiceAccountCredential } from './service-account-token';

/**
 * The caller of a request, loaded once per request after the token is verified (DOMAIN §8, P6).
 */
export interface Principal {
  userId: string;
  login: string;
  displayName: string;
  tenantId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  supervisingDepartmentId: string | null;
  regionId: string;
  regionLevel: RegionLevel;
  /** Materialized path of the caller's region: `/city/district/township/`. */
  regionPath: string;
  isTenantAdmin: boolean;
  /**
   * 服务账号 (issue 14): set when the caller is a service account's token rather than a person — then
   * `userId` is the account's id, `isTenantAdmin` is false and the token's scope limits the root fields
   * (service-account-scope.ts).
   */
  serviceAccount?: ServiceAccountCredential;
}

/**
 * P6 jurisdiction: finance bureaus, competent departments and audit offices act within their region's
 * subtree; implementing units and third parties see only their own items.
 */
export function hasSubtreeJurisdiction(p: Principal): boolean {
  return (
    p.organizationKind === OrganizationKind.FINANCE_BUREAU ||
    p.organizationKind === OrganizationKind.COMPETENT_DEPARTMENT ||
    p.organizationKind === OrganizationKind.AUDIT_OFFICE
  );
}

/** The ids on a materialized path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/**
 * P6: administration needs a subtree to administer — finance bureaus and competent departments;
 * audit offices read their subtree and write nothing (003 第七条); units and third parties see only
 * their own items, so an administrator flag on them grants nothing.
 */
export function canAdminister(p: Principal): boolean {
  return p.isTenantAdmin && hasSubtreeJurisdiction(p) && p.organizationKind !== OrganizationKind.AUDIT_OFFICE;
}
