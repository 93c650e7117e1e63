import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { EvaluationEntity } from './evaluation.entity';
import type { QualitativeTier } from './rules/scoring-types';

/**
 * 实际完成值 — what a self-evaluation reports for one indicator of the goal (DOMAIN §10; 附件6): the actual
 * value (quantitative, exact NUMERIC) or the tier and percentage (qualitative), the explanation, whether
 * an over-achievement was confirmed as 原指标值设定明显偏低, and on submit the engine's score, rule and flags.
 * Replaced as a set while the evaluation is DRAFT/RETURNED; frozen by trigger afterwards (P8).
 */
@Entity({ name: 'evaluation_actual' })
@Check('ck_evaluation_actual_tier', `"tier" IS NULL OR "tier" IN ('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED')`)
@Check(
  'ck_evaluation_actual_percentage',
  `"percentage" IS NULL OR ("percentage" >= 0 AND "percentage" <= 100)`,
)
@Check('ck_evaluation_actual_score', `"score" IS NULL OR ("score" >= 0 AND "score" <= 100)`)
@Unique('uq_evaluation_actual_indicator', ['tenantId', 'evaluationId', 'indicatorId'])
export class EvaluationActualEntity extends TenantKeyed('pk_evaluation_actual') {
  @Column('uuid', { name: 'evaluation_id' })
  evaluationId!: string;

  @Column('uuid', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('numeric', { nullable: true })
  actual!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  tier!: QualitativeTier | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  percentage!: string | null;

  @Column('text', { nullable: true })
  explanation!: string | null;

  @Column('boolean', { name: 'target_set_too_low', default: false })
  targetSetTooLow!: boolean;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  score!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  rule!: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  flags!: string[];

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_actual_evaluation', 'evaluation_id'))
  evaluation?: EvaluationEntity;

  @ManyToOne(() => GoalIndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_actual_indicator', 'indicator_id'))
  indicator?: GoalIndicatorEntity;
}
