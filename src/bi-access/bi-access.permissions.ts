import { p6TenantAdministrator } from '../auth/rules';

/**
 * Root fields of the BI SQL access (issue 14, DOMAIN §16): tenant administrators of a body that may
 * write (P6; audit offices read and write nothing, 003 第七条), for their own subtree only — the region
 * check is in the service (administeredRegion) and the list's scope (bi-access.scope.ts).
 */
export const biAccessPermissions = {
  Query: { reportingLogins: p6TenantAdministrator },
  Mutation: {
    createReportingLogin: p6TenantAdministrator,
    revokeReportingLogin: p6TenantAdministrator,
  },
};
