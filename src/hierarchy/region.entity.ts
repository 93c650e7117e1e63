import { Versioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { RegionLevel } from './hierarchy.enums';
import { TenantEntity } from './tenant.entity';

/**
 * 行政区划 — a node of the administrative tree (DOMAIN §3).
 * `path` is the materialized path of ids (`/city/district/township/`); subtree membership is the single
 * indexed predicate `path LIKE prefix || '%'` (index `idx_region_path`, text_pattern_ops). Regions never
 * move, so the path is immutable.
 */
@Entity({ name: 'region' })
@Unique('uq_region_code', ['tenantId', 'code'])
@Check('ck_region_level', `"level" IN ('CITY', 'DISTRICT', 'TOWNSHIP')`)
@Check('ck_region_root', `("level" = 'CITY') = ("parent_id" IS NULL)`)
@Index('idx_region_path', { synchronize: false })
@Index('uq_region_city', { synchronize: false })
@Index('idx_region_parent', ['tenantId', 'parentId'])
export class RegionEntity extends TenantKeyed('pk_region', Versioned) {
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;

  @Column('varchar', { length: 16 })
  level!: RegionLevel;

  @Column('varchar', { length: 100 })
  name!: string;

  /** 行政区划代码: 6 digits (city, district/county), 9 digits (township); unique per tenant. */
  @Column('varchar', { length: 12 })
  code!: string;

  @Column('text')
  path!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_region_tenant' })
  tenant?: TenantEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'fk_region_parent' },
    { name: 'parent_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_region_parent' },
  ])
  parent?: RegionEntity;
}
