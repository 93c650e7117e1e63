import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 报表事实 — one live goal's reporting fact (migration ReportingFacts1763891000000; DOMAIN §16): derived from
 * the base tables by `reporting_refresh_goals` in the transaction of every change. Read-only for the API
 * (the BI aggregate sums it, src/reporting/aggregate.sql.ts); declared here so the drift test covers it.
 */
@Entity({ name: 'reporting_goal_fact' })
@Index('idx_reporting_goal_fact_path', { synchronize: false })
@Index('idx_reporting_goal_fact_year', ['tenantId', 'year'])
@Index('idx_reporting_goal_fact_cell', ['tenantId', 'regionId', 'year'])
export class ReportingGoalFactEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_reporting_goal_fact' })
  tenantId!: string;

  @PrimaryColumn('uuid', { name: 'goal_id', primaryKeyConstraintName: 'pk_reporting_goal_fact' })
  goalId!: string;

  @Column('integer')
  year!: number;

  @Column('varchar', { length: 24 })
  scope!: string;

  @Column('varchar', { length: 24 })
  status!: string;

  /** Issued or filed for record (DOMAIN §7). */
  @Column('boolean', { name: 'in_force' })
  inForce!: boolean;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('varchar', { name: 'region_level', length: 16 })
  regionLevel!: string;

  @Column('uuid', { name: 'city_id' })
  cityId!: string;

  @Column('uuid', { name: 'district_id', nullable: true })
  districtId!: string | null;

  @Column('uuid', { name: 'township_id', nullable: true })
  townshipId!: string | null;

  @Column('uuid', { name: 'fund_id', nullable: true })
  fundId!: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  sector!: string | null;

  @Column('varchar', { name: 'budget_book', length: 32, nullable: true })
  budgetBook!: string | null;

  @Column('uuid', { name: 'drafter_organization_id' })
  drafterOrganizationId!: string;

  @Column('uuid', { name: 'implementing_unit_id', nullable: true })
  implementingUnitId!: string | null;

  /** The goal's annual amount (0 when unset): the weight of coverage and fund-weighted scores. */
  @Column('numeric', { precision: 14, scale: 2 })
  weight!: string;

  @Column('numeric', { precision: 16, scale: 2 })
  budgeted!: string;

  @Column('numeric', { name: 'in_place', precision: 16, scale: 2 })
  inPlace!: string;

  @Column('numeric', { precision: 16, scale: 2 })
  spent!: string;

  @Column('integer', { name: 'common_indicators' })
  commonIndicators!: number;

  @Column('integer', { name: 'output_indicators' })
  outputIndicators!: number;

  @Column('integer', { name: 'benefit_indicators' })
  benefitIndicators!: number;

  @Column('integer', { name: 'satisfaction_indicators' })
  satisfactionIndicators!: number;

  @Column('boolean')
  monitored!: boolean;

  @Column('boolean')
  flagged!: boolean;

  @Column('boolean', { name: 'self_evaluated' })
  selfEvaluated!: boolean;

  @Column('numeric', { name: 'self_total', precision: 5, scale: 2, nullable: true })
  selfTotal!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  grade!: string | null;

  @Column('boolean')
  evaluated!: boolean;
}

export const reportingEntities = [ReportingGoalFactEntity];
