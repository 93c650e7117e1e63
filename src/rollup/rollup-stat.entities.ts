import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The roll-up's maintained statistics (migration RollupStatistics1763860000000): derived from the base
 * tables by `rollup_refresh` in the transaction of every change (DOMAIN §11 "always current"). Read-only
 * for the API; declared here so the drift test covers them.
 */
@Entity({ name: 'rollup_population' })
export class RollupPopulationEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_rollup_population' })
  tenantId!: string;

  @PrimaryColumn('uuid', { name: 'parent_goal_id', primaryKeyConstraintName: 'pk_rollup_population' })
  parentGoalId!: string;

  /** Children in force. */
  @Column('integer')
  total!: number;

  /** Σ of their annual amounts (the weights). */
  @Column('numeric', { name: 'total_weight' })
  totalWeight!: string;

  /** Every child in force is a project-level goal (the leaf level). */
  @Column('boolean')
  leaves!: boolean;

  /** A new value on every refresh of this parent (sequence `rollup_version_seq`). */
  @Column('bigint')
  version!: string;
}

@Entity({ name: 'rollup_coverage' })
export class RollupCoverageEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_rollup_coverage' })
  tenantId!: string;

  @PrimaryColumn('uuid', { name: 'parent_goal_id', primaryKeyConstraintName: 'pk_rollup_coverage' })
  parentGoalId!: string;

  /** REVIEWED (true) or SUBMITTED, not yet reviewed (false). */
  @PrimaryColumn('boolean', { primaryKeyConstraintName: 'pk_rollup_coverage' })
  reviewed!: boolean;

  @Column('integer')
  counted!: number;

  @Column('numeric', { name: 'counted_weight' })
  countedWeight!: string;

  @Column('numeric')
  budgeted!: string;

  @Column('numeric', { name: 'in_place' })
  inPlace!: string;

  @Column('numeric')
  spent!: string;

  @Column('numeric', { name: 'scored_weight' })
  scoredWeight!: string;

  @Column('numeric', { name: 'weighted_total' })
  weightedTotal!: string;

  @Column('integer')
  excellent!: number;

  @Column('integer')
  good!: number;

  @Column('integer')
  fair!: number;

  @Column('integer')
  poor!: number;
}

@Entity({ name: 'rollup_indicator_stat' })
export class RollupIndicatorStatEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_rollup_indicator_stat' })
  tenantId!: string;

  @PrimaryColumn('uuid', { name: 'parent_goal_id', primaryKeyConstraintName: 'pk_rollup_indicator_stat' })
  parentGoalId!: string;

  /** The parent goal's indicator the children's linked indicators contribute to. */
  @PrimaryColumn('uuid', { name: 'indicator_id', primaryKeyConstraintName: 'pk_rollup_indicator_stat' })
  indicatorId!: string;

  @PrimaryColumn('boolean', { primaryKeyConstraintName: 'pk_rollup_indicator_stat' })
  reviewed!: boolean;

  @Column('integer')
  n!: number;

  @Column('numeric')
  sum!: string;

  @Column('numeric', { name: 'weighted_sum' })
  weightedSum!: string;

  @Column('numeric')
  weight!: string;

  @Column('numeric')
  min!: string;

  @Column('numeric')
  max!: string;

  @Column('numeric', { nullable: true })
  numerator!: string | null;

  @Column('numeric', { nullable: true })
  denominator!: string | null;

  @Column('integer')
  parts!: number;
}

export const rollUpEntities = [RollupPopulationEntity, RollupCoverageEntity, RollupIndicatorStatEntity];
