import type { SelectQueryBuilder } from 'typeorm';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { registerScope, subtreePrefix } from '../common/scoped-access';
import { SpotCheckSampleEntity } from './spot-check-sample.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    spotCheckSamples(alias?: string): Promise<SelectQueryBuilder<SpotCheckSampleEntity>>;
  }
}

/**
 * 抽查样本 (DOMAIN §12, P6): finance, departments and audit offices see the samples drawn in their subtree
 * (audit offices read, 003 第七条) and those their own body drew; units and third parties see none. Items
 * are read through this predicate on their sample.
 */
registerScope({
  name: 'spotCheckSamples',
  entity: SpotCheckSampleEntity,
  alias: 'scs',
  rule: (qb, { alias, caller }) => {
    if (!hasSubtreeJurisdiction(caller)) return qb.andWhere('1 = 0');
    return qb.andWhere(
      `(${alias}.region_path LIKE :scopePrefix OR ${alias}.drawn_by_organization_id = :scopeOrg)`,
      {
        scopePrefix: subtreePrefix(caller),
        scopeOrg: caller.organizationId,
      },
    );
  },
});
