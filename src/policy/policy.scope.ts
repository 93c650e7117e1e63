import type { SelectQueryBuilder } from 'typeorm';
import { registerScope } from '../common/scoped-access';
import { TenantPolicyEntity } from './policy.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    tenantPolicies(alias?: string): Promise<SelectQueryBuilder<TenantPolicyEntity>>;
  }
}

/** 绩效管理参数 (DOMAIN §10.7): the tenant's policy versions, readable by every signed-in caller of the tenant. */
registerScope({ name: 'tenantPolicies', entity: TenantPolicyEntity, alias: 'tp', rule: (qb) => qb });
