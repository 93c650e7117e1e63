import type { SelectQueryBuilder } from 'typeorm';
import { canAdminister } from '../auth/principal';
import { RegionLevel } from '../auth/principal-kinds';
import { registerScope, subtreePrefix } from '../common/scoped-access';
import { ReportingLoginEntity } from './reporting-login.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    reportingLogins(alias?: string): Promise<SelectQueryBuilder<ReportingLoginEntity>>;
  }
}

/**
 * 报表只读登录 (DOMAIN §16, P6): tenant administrators see the logins confined to their subtree; a login
 * of the whole tenant (no region) only the administrators whose jurisdiction is the whole tenant (the
 * city's). Everyone else, service accounts included, sees none.
 */
registerScope({
  name: 'reportingLogins',
  entity: ReportingLoginEntity,
  alias: 'rl',
  rule: (qb, { alias, caller }) => {
    if (!canAdminister(caller)) return qb.andWhere('1 = 0');
    return caller.regionLevel === RegionLevel.CITY
      ? qb
      : qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: subtreePrefix(caller) });
  },
});
