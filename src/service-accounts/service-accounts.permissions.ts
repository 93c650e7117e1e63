import { p6TenantAdministrator } from '../auth/rules';

/**
 * Root fields of the service-accounts module (issue 14): tenant administrators of a body that may write
 * (P6; audit offices read and write nothing, 003 第七条), for the organizations of their subtree.
 */
export const serviceAccountPermissions = {
  Query: { serviceAccounts: p6TenantAdministrator },
  Mutation: {
    createServiceAccount: p6TenantAdministrator,
    issueServiceAccountToken: p6TenantAdministrator,
    revokeServiceAccountToken: p6TenantAdministrator,
    deactivateServiceAccount: p6TenantAdministrator,
  },
};
