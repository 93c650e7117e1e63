import type { SelectQueryBuilder } from 'typeorm';
import { registerScope, subtreePrefix } from '../common/scoped-access';
import { AuditEventEntity } from './audit-event.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    auditEvents(alias?: string): Promise<SelectQueryBuilder<AuditEventEntity>>;
  }
}

/** Audit trail (DOMAIN §15): audit offices and administrators read their subtree (003 第七条). */
registerScope({
  name: 'auditEvents',
  entity: AuditEventEntity,
  alias: 'a',
  rule: (qb, { alias, caller }) =>
    qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: subtreePrefix(caller) }),
});
