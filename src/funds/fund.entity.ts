import { Versioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { AllocationMethod, BudgetBook, FundCategory } from './fund.enums';

/**
 * 专项资金 / 转移支付 — a fund of one competent department, for a year or an implementation period
 * (DOMAIN §4). Money is NUMERIC(14,2) in yuan, read as exact decimal text. `region_id` and `region_path`
 * are the department's, copied by trigger, so subtree scoping is one indexed predicate.
 */
@Entity({ name: 'fund' })
@Check(
  'ck_fund_budget_book',
  `"budget_book" IN ('GENERAL_PUBLIC', 'GOVERNMENT_FUND', 'STATE_CAPITAL', 'SOCIAL_INSURANCE')`,
)
@Check('ck_fund_category', `"category" IN ('SHARED_FISCAL_AUTHORITY', 'SPECIAL_TRANSFER')`)
@Check('ck_fund_allocation_method', `"allocation_method" IN ('FACTOR', 'PROJECT')`)
@Check('ck_fund_period', `"start_year" <= "end_year"`)
@Check(
  'ck_fund_amounts',
  `"upper_level_amount" >= 0 AND "own_level_amount" >= 0 AND "lower_level_amount" >= 0`,
)
@Index('idx_fund_region_path', { synchronize: false })
@Index('idx_fund_organization', ['tenantId', 'organizationId'])
@Index('idx_fund_upper_fund', ['tenantId', 'upperFundId'])
export class FundEntity extends TenantKeyed('pk_fund', Versioned) {
  /** The owning competent department (谁分配预算、谁设定目标, P1). */
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { name: 'budget_book', length: 32 })
  budgetBook!: BudgetBook;

  @Column('varchar', { length: 32 })
  category!: FundCategory;

  @Column('varchar', { name: 'allocation_method', length: 16 })
  allocationMethod!: AllocationMethod;

  /** First and last year covered; equal for an annual fund (专项实施期 otherwise). */
  @Column('integer', { name: 'start_year' })
  startYear!: number;

  @Column('integer', { name: 'end_year' })
  endYear!: number;

  @Column('numeric', { name: 'upper_level_amount', precision: 14, scale: 2 })
  upperLevelAmount!: string;

  @Column('numeric', { name: 'own_level_amount', precision: 14, scale: 2 })
  ownLevelAmount!: string;

  @Column('numeric', { name: 'lower_level_amount', precision: 14, scale: 2 })
  lowerLevelAmount!: string;

  @Column('uuid', { name: 'upper_fund_id', nullable: true })
  upperFundId!: string | null;

  @Column('boolean', { name: 'is_new_major', default: false })
  isNewMajor!: boolean;

  @Column('boolean', { name: 'is_emergency', default: false })
  isEmergency!: boolean;

  @Column('boolean', { name: 'government_pre_approved', default: false })
  governmentPreApproved!: boolean;

  @Column('boolean', { name: 'assessed_at_creation', default: false })
  assessedAtCreation!: boolean;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'fk_fund_organization' },
    { name: 'organization_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_organization' },
  ])
  organization?: OrganizationEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'fk_fund_region' },
    { name: 'region_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_region' },
  ])
  region?: RegionEntity;

  @ManyToOne(() => FundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'fk_fund_upper_fund' },
    { name: 'upper_fund_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_upper_fund' },
  ])
  upperFund?: FundEntity;
}
