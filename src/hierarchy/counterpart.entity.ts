import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from './organization.entity';
import { RegionEntity } from './region.entity';

/**
 * 对口业务主管部门 — which department of a child region answers for an upper department's funds there
 * (DOMAIN §3; 003 转移支付 第六–八条): an explicit, editable mapping, one counterpart per (upper department,
 * child region); one township office may answer for several district departments. `region_id` is the
 * counterpart's region (a direct child of the upper department's region), kept for one-key lookups.
 */
@Entity({ name: 'organization_counterpart' })
@Unique('uq_organization_counterpart_region', ['tenantId', 'upperOrganizationId', 'regionId'])
@Check('ck_organization_counterpart_distinct', `"upper_organization_id" <> "counterpart_organization_id"`)
@Index('idx_organization_counterpart_counterpart', ['tenantId', 'counterpartOrganizationId'])
@Index('idx_organization_counterpart_region', ['tenantId', 'regionId'])
export class OrganizationCounterpartEntity extends TenantKeyed('pk_organization_counterpart') {
  /** The upper-level (e.g. district) competent department whose funds are answered for. */
  @Column('uuid', { name: 'upper_organization_id' })
  upperOrganizationId!: string;

  /** The department of the child region (e.g. a township office) that answers for them. */
  @Column('uuid', { name: 'counterpart_organization_id' })
  counterpartOrganizationId!: string;

  /** The counterpart's region (a direct child of the upper department's region). */
  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_organization_counterpart_upper',
    },
    {
      name: 'upper_organization_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_organization_counterpart_upper',
    },
  ])
  upperOrganization?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_organization_counterpart_counterpart',
    },
    {
      name: 'counterpart_organization_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_organization_counterpart_counterpart',
    },
  ])
  counterpartOrganization?: OrganizationEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_organization_counterpart_region',
    },
    {
      name: 'region_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_organization_counterpart_region',
    },
  ])
  region?: RegionEntity;
}
