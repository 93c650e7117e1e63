import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { IndicatorDefinition } from './indicator-definition.entity';
import { GoalEntity } from './goal.entity';
import type { Aggregation, IndicatorCategory, IndicatorSubcategory } from './indicator.enums';

/**
 * 绩效指标 — one indicator of a goal version (DOMAIN §5): category/subcategory (a fixed pair, checked),
 * its own name, QUANTITATIVE (unit, comparator, decimal target kept as text) or QUALITATIVE (described
 * target), points, and for transfer goals the link to the parent goal's indicator, the aggregation (on
 * parents) and a ratio's numerator/denominator (on children of RATIO_OF_SUMS). Replaced as a set while
 * the goal is DRAFT/RETURNED; frozen by trigger afterwards.
 */
@Entity({ name: 'goal_indicator' })
@Check(
  'ck_goal_indicator_pair',
  `("category" = 'COMMON' AND "subcategory" = 'BUDGET_MANAGEMENT') OR ("category" = 'OUTPUT' AND "subcategory" IN ('QUANTITY', 'QUALITY', 'TIMELINESS', 'COST')) OR ("category" = 'BENEFIT' AND "subcategory" IN ('ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABILITY')) OR ("category" = 'SATISFACTION' AND "subcategory" IN ('SERVICE_RECIPIENT', 'PUBLIC'))`,
)
@Check('ck_goal_indicator_kind', `"kind" IN ('QUANTITATIVE', 'QUALITATIVE')`)
@Check('ck_goal_indicator_comparator', `"comparator" IS NULL OR "comparator" IN ('GTE', 'LTE', 'EQ')`)
@Check(
  'ck_goal_indicator_aggregation',
  `"aggregation" IS NULL OR "aggregation" IN ('SUM', 'FUND_WEIGHTED_AVERAGE', 'RATIO_OF_SUMS', 'AVERAGE', 'MIN', 'MAX')`,
)
@Check('ck_goal_indicator_points', `"points" IS NULL OR ("points" >= 0 AND "points" <= 100)`)
@Check('ck_goal_indicator_ratio', `("ratio_numerator" IS NULL) = ("ratio_denominator" IS NULL)`)
@Unique('uq_goal_indicator_position', ['tenantId', 'goalId', 'position'])
@Index('idx_goal_indicator_parent', ['tenantId', 'parentIndicatorId'])
export class GoalIndicatorEntity extends TenantKeyed('pk_goal_indicator', IndicatorDefinition) {
  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  /** Order on the form, 0-based. */
  @Column('integer')
  position!: number;

  @Column('varchar', { length: 16 })
  category!: IndicatorCategory;

  @Column('varchar', { length: 24 })
  subcategory!: IndicatorSubcategory;

  @Column('text', { nullable: true })
  target!: string | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  points!: string | null;

  @Column('uuid', { name: 'parent_indicator_id', nullable: true })
  parentIndicatorId!: string | null;

  @Column('varchar', { length: 24, nullable: true })
  aggregation!: Aggregation | null;

  @Column('text', { name: 'ratio_numerator', nullable: true })
  ratioNumerator!: string | null;

  @Column('text', { name: 'ratio_denominator', nullable: true })
  ratioDenominator!: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_goal_indicator_goal', 'goal_id'))
  goal?: GoalEntity;

  @ManyToOne(() => GoalIndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_goal_indicator_parent', 'parent_indicator_id'))
  parentIndicator?: GoalIndicatorEntity;
}
