import type { Principal } from './principal';
import type { OrganizationKind, RegionLevel } from './principal-kinds';

/** The caller's organization and region as both sign-in paths read them (a person's or a service token's). */
export interface PlaceRow {
  tenant_id: string;
  organization_id: string;
  kind: OrganizationKind;
  supervising_department_id: string | null;
  region_id: string;
  level: RegionLevel;
  path: string;
}

/** The jurisdiction part of a principal (P6): its tenant, organization and region. */
export function placeOf(
  row: PlaceRow,
): Pick<
  Principal,
  | 'tenantId'
  | 'organizationId'
  | 'organizationKind'
  | 'supervisingDepartmentId'
  | 'regionId'
  | 'regionLevel'
  | 'regionPath'
> {
  return {
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    organizationKind: row.kind,
    supervisingDepartmentId: row.supervising_department_id,
    regionId: row.region_id,
    regionLevel: row.level,
    regionPath: row.path,
  };
}
