import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from './organization.entity';
import { UserEntity } from './user.entity';

/**
 * One entry of an append-only history (goal and evaluation transitions, funding holds; DOMAIN §15): a
 * tenant row keyed `pk_<table>` that records who acted — the user and the organization it acted for, each
 * a foreign key inside the tenant (`fk_<table>_actor_user`, `fk_<table>_actor_organization`) — and when
 * (`at`, the clock time of the write). Inherited by the entity, like `TenantKeyed`: the database is the
 * same as with the columns written out.
 */
export function HistoryEntry(table: string) {
  abstract class HistoryEntryRow extends TenantKeyed(`pk_${table}`) {
    @Column('uuid', { name: 'actor_user_id' })
    actorUserId!: string;

    @Column('uuid', { name: 'actor_organization_id' })
    actorOrganizationId!: string;

    @Column('timestamptz', { default: () => 'clock_timestamp()' })
    at!: Date;

    @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
    @JoinColumn(tenantFk(`fk_${table}_actor_user`, 'actor_user_id'))
    actorUser?: UserEntity;

    @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
    @JoinColumn(tenantFk(`fk_${table}_actor_organization`, 'actor_organization_id'))
    actorOrganization?: OrganizationEntity;
  }
  return HistoryEntryRow;
}
