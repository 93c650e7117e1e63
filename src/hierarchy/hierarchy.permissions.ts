import { p6SignedInWithinJurisdiction, p6TenantAdministrator } from '../auth/rules';

/** Root fields of the hierarchy module and the principle that admits their callers (DOMAIN §8). */
export const hierarchyPermissions = {
  Query: {
    me: p6SignedInWithinJurisdiction,
    region: p6SignedInWithinJurisdiction,
    regions: p6SignedInWithinJurisdiction,
    organization: p6SignedInWithinJurisdiction,
    organizations: p6SignedInWithinJurisdiction,
    user: p6SignedInWithinJurisdiction,
    users: p6TenantAdministrator,
  },
  Mutation: {
    createRegion: p6TenantAdministrator,
    updateRegion: p6TenantAdministrator,
    deleteRegion: p6TenantAdministrator,
    createOrganization: p6TenantAdministrator,
    updateOrganization: p6TenantAdministrator,
    deleteOrganization: p6TenantAdministrator,
    setCounterpart: p6TenantAdministrator,
    removeCounterpart: p6TenantAdministrator,
    createUser: p6TenantAdministrator,
    updateUser: p6TenantAdministrator,
  },
};
