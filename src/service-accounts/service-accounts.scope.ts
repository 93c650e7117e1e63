import type { SelectQueryBuilder } from 'typeorm';
import { canAdminister } from '../auth/principal';
import { registerScope, subtreePrefix, through } from '../common/scoped-access';
import { ServiceAccountEntity, ServiceAccountTokenEntity } from './service-account.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    serviceAccounts(alias?: string): Promise<SelectQueryBuilder<ServiceAccountEntity>>;
    serviceAccountTokens(alias?: string): Promise<SelectQueryBuilder<ServiceAccountTokenEntity>>;
  }
}

/**
 * 服务账号 (issue 14, P6): tenant administrators see the accounts of the organizations of their subtree —
 * by the organization's current place in the tree; everyone else (service accounts included) sees none.
 */
registerScope({
  name: 'serviceAccounts',
  entity: ServiceAccountEntity,
  alias: 'sa',
  rule: (qb, { alias, caller }) => {
    if (!canAdminister(caller)) return qb.andWhere('1 = 0');
    return qb.andWhere(
      `${alias}.organization_id IN (SELECT so.id FROM organization so WHERE so.tenant_id = :scopeTenant AND so.region_path LIKE :scopePrefix)`,
      { scopePrefix: subtreePrefix(caller) },
    );
  },
});

/** API 令牌: visible with their account. */
registerScope({
  name: 'serviceAccountTokens',
  entity: ServiceAccountTokenEntity,
  alias: 'sat',
  rule: through(ServiceAccountEntity, 'service_account_id'),
});
