import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { FundEntity } from './fund.entity';
import { ProjectEntity } from './project.entity';

/**
 * 资金分配 — one allocation of a fund (DOMAIN §4): to a child region (因素法) or to a project (项目法).
 * `fund_region_path` is the allocating fund's path (its department sees every allocation) and
 * `region_path` the receiving region's or project's path (each receiver sees its own), both copied by
 * trigger. A fund's allocations are replaced as a set, guarded by the fund's version.
 */
@Entity({ name: 'fund_allocation' })
@Unique('uq_fund_allocation_region', ['tenantId', 'fundId', 'regionId'])
@Unique('uq_fund_allocation_project', ['tenantId', 'fundId', 'projectId'])
@Check('ck_fund_allocation_target', `("region_id" IS NULL) <> ("project_id" IS NULL)`)
@Check('ck_fund_allocation_amount', `"amount" > 0`)
@Index('idx_fund_allocation_region_path', { synchronize: false })
@Index('idx_fund_allocation_fund_region_path', { synchronize: false })
export class AllocationEntity extends TenantKeyed('pk_fund_allocation') {
  @Column('uuid', { name: 'fund_id' })
  fundId!: string;

  @Column('text', { name: 'fund_region_path' })
  fundRegionPath!: string;

  @Column('uuid', { name: 'region_id', nullable: true })
  regionId!: string | null;

  @Column('uuid', { name: 'project_id', nullable: true })
  projectId!: string | null;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('numeric', { precision: 14, scale: 2 })
  amount!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => FundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_fund_allocation_fund',
    },
    { name: 'fund_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_allocation_fund' },
  ])
  fund?: FundEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_fund_allocation_region',
    },
    { name: 'region_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_allocation_region' },
  ])
  region?: RegionEntity;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_fund_allocation_project',
    },
    {
      name: 'project_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_fund_allocation_project',
    },
  ])
  project?: ProjectEntity;
}
