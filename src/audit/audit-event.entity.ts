import { Column, Entity, Index } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';

/**
 * 审计留痕 — append-only history of every change (DOMAIN §15): who, which organization, when, what,
 * before and after. The app role may INSERT and SELECT only (see the migration's grants).
 */
@Entity({ name: 'audit_event' })
@Index('idx_audit_event_region_path', { synchronize: false })
@Index('idx_audit_event_entity', ['tenantId', 'entityType', 'entityId'])
export class AuditEventEntity extends TenantKeyed('pk_audit_event') {
  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' })
  occurredAt!: Date;

  @Column('uuid', { name: 'actor_user_id' })
  actorUserId!: string;

  @Column('uuid', { name: 'actor_organization_id' })
  actorOrganizationId!: string;

  @Column('varchar', { name: 'entity_type', length: 64 })
  entityType!: string;

  @Column('uuid', { name: 'entity_id' })
  entityId!: string;

  @Column('varchar', { length: 64 })
  action!: string;

  /** Region path of the changed object, for audit offices reading their subtree (003 第七条). */
  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('jsonb', { nullable: true })
  before!: object | null;

  @Column('jsonb', { nullable: true })
  after!: object | null;
}
