import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { UserEntity } from '../hierarchy/user.entity';
import type { MonitoringCadence } from './rules/policy';

/** The database's own range checks of a policy (the same as `policyProblems`, DOMAIN §10.7). */
export const POLICY_CHECKS = {
  ck_tenant_policy_bands: `"grade_excellent" <= 100 AND "grade_excellent" > "grade_good" AND "grade_good" > "grade_fair" AND "grade_fair" > 0`,
  ck_tenant_policy_over_target: `"over_target_threshold" > 1 AND "over_target_floor" >= 0 AND "over_target_floor" <= 1`,
  ck_tenant_policy_points: `"slow_execution_threshold" >= 0 AND "slow_execution_threshold" <= 100 AND "spot_check_gap" >= 0 AND "spot_check_gap" <= 100`,
  ck_tenant_policy_ratio: `"spot_check_ratio" > 0 AND "spot_check_ratio" <= 1`,
  ck_tenant_policy_monitoring: `"monitoring_cadence" IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY') AND "monitoring_due_day" BETWEEN 1 AND 28 AND "department_check_month" BETWEEN 1 AND 12`,
  ck_tenant_policy_year: `"year" BETWEEN 2000 AND 2100 AND "version" >= 1`,
} as const;

/**
 * 绩效管理参数 — one version of a tenant's policy (DOMAIN §10 rule 7), in force from `year` on until a later
 * year has its own. Append-only (trigger): a change is a new row with the next version of the tenant, so a
 * result that names the version it was computed with keeps meaning exactly that (DOMAIN §15).
 */
@Entity({ name: 'tenant_policy' })
@Check('ck_tenant_policy_bands', POLICY_CHECKS.ck_tenant_policy_bands)
@Check('ck_tenant_policy_over_target', POLICY_CHECKS.ck_tenant_policy_over_target)
@Check('ck_tenant_policy_points', POLICY_CHECKS.ck_tenant_policy_points)
@Check('ck_tenant_policy_ratio', POLICY_CHECKS.ck_tenant_policy_ratio)
@Check('ck_tenant_policy_monitoring', POLICY_CHECKS.ck_tenant_policy_monitoring)
@Check('ck_tenant_policy_year', POLICY_CHECKS.ck_tenant_policy_year)
@Unique('uq_tenant_policy_version', ['tenantId', 'version'])
@Index('idx_tenant_policy_year', ['tenantId', 'year', 'version'])
export class TenantPolicyEntity extends TenantKeyed('pk_tenant_policy') {
  /** The first budget year it applies to. */
  @Column('integer')
  year!: number;

  /** 1, 2, 3 … per tenant, in the order written. */
  @Column('integer')
  version!: number;

  @Column('numeric', { name: 'grade_excellent', precision: 5, scale: 2 })
  gradeExcellent!: string;

  @Column('numeric', { name: 'grade_good', precision: 5, scale: 2 })
  gradeGood!: string;

  @Column('numeric', { name: 'grade_fair', precision: 5, scale: 2 })
  gradeFair!: string;

  @Column('numeric', { name: 'over_target_threshold', precision: 6, scale: 4 })
  overTargetThreshold!: string;

  @Column('numeric', { name: 'over_target_floor', precision: 5, scale: 4 })
  overTargetFloor!: string;

  @Column('numeric', { name: 'slow_execution_threshold', precision: 5, scale: 2 })
  slowExecutionThreshold!: string;

  @Column('numeric', { name: 'spot_check_ratio', precision: 5, scale: 4 })
  spotCheckRatio!: string;

  @Column('numeric', { name: 'spot_check_gap', precision: 5, scale: 2 })
  spotCheckGap!: string;

  /** 自评截止日期 for `year` (carried to later years by the same calendar day). */
  @Column('date', { name: 'self_evaluation_due_date' })
  selfEvaluationDueDate!: string;

  @Column('varchar', { name: 'monitoring_cadence', length: 16 })
  monitoringCadence!: MonitoringCadence;

  @Column('integer', { name: 'monitoring_due_day' })
  monitoringDueDay!: number;

  @Column('integer', { name: 'department_check_month' })
  departmentCheckMonth!: number;

  /** Why it changed (null for rows carried over from `monitoring_policy`). */
  @Column('text', { nullable: true })
  reason!: string | null;

  /** Who wrote it (null for rows carried over from `monitoring_policy`). */
  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId!: string | null;

  @Column('uuid', { name: 'created_by_organization_id', nullable: true })
  createdByOrganizationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_tenant_policy_user', 'created_by_user_id'))
  createdByUser?: UserEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_tenant_policy_organization', 'created_by_organization_id'))
  createdByOrganization?: OrganizationEntity;
}
