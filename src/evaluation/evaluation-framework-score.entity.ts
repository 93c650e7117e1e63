import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { EvaluationEntity } from './evaluation.entity';
import type { FrameworkCategory } from './rules/framework';

/**
 * 评价指标 — one framework indicator of a department or finance evaluation (DOMAIN §10; 002 附件7): its
 * category and code, the points the evaluator gives it, the score and a comment. Replaced as a set while
 * the evaluation is DRAFT/RETURNED; frozen afterwards (P8).
 */
@Entity({ name: 'evaluation_framework_score' })
@Check('ck_evaluation_framework_score_category', `"category" IN ('DECISION', 'PROCESS', 'OUTPUT', 'BENEFIT')`)
@Check(
  'ck_evaluation_framework_score_points',
  `"points" >= 0 AND "points" <= 100 AND ("score" IS NULL OR ("score" >= 0 AND "score" <= "points"))`,
)
@Unique('uq_evaluation_framework_score_code', ['tenantId', 'evaluationId', 'code'])
export class EvaluationFrameworkScoreEntity extends TenantKeyed('pk_evaluation_framework_score') {
  @Column('uuid', { name: 'evaluation_id' })
  evaluationId!: string;

  /** Order on the form, 0-based. */
  @Column('integer')
  position!: number;

  @Column('varchar', { length: 16 })
  category!: FrameworkCategory;

  @Column('varchar', { length: 48 })
  code!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('numeric', { precision: 5, scale: 2 })
  points!: string;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  score!: string | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_framework_score_evaluation', 'evaluation_id'))
  evaluation?: EvaluationEntity;
}
