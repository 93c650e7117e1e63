import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { tenantFk } from '../common/tenant-keyed.entity';
import { HistoryEntry } from '../hierarchy/history-entry.entity';
import { EvaluationEntity } from './evaluation.entity';
import type { EvaluationStatus, TransitionAction } from './evaluation.enums';

/**
 * 流转记录 — one workflow action on an evaluation (DOMAIN §10, §15): who (user and organization), when,
 * the action, the status before and after, and the comment. Append-only (trigger and grants).
 */
@Entity({ name: 'evaluation_transition' })
@Check(
  'ck_evaluation_transition_action',
  `"action" IN ('CREATE', 'COMMISSION', 'SUBMIT', 'APPROVE', 'RETURN', 'RESPOND', 'FINALIZE', 'REPORT', 'ACKNOWLEDGE')`,
)
@Check(
  'ck_evaluation_transition_status',
  `"from_status" IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'RESPONDED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED') AND "to_status" IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'RESPONDED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED')`,
)
@Check('ck_evaluation_transition_return_comment', `"action" <> 'RETURN' OR length(btrim("comment")) > 0`)
@Index('idx_evaluation_transition_evaluation', ['tenantId', 'evaluationId', 'at'])
export class EvaluationTransitionEntity extends HistoryEntry('evaluation_transition') {
  @Column('uuid', { name: 'evaluation_id' })
  evaluationId!: string;

  @Column('varchar', { length: 16 })
  action!: TransitionAction;

  @Column('varchar', { name: 'from_status', length: 16 })
  fromStatus!: EvaluationStatus;

  @Column('varchar', { name: 'to_status', length: 16 })
  toStatus!: EvaluationStatus;

  @Column('text', { nullable: true })
  comment!: string | null;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_transition_evaluation', 'evaluation_id'))
  evaluation?: EvaluationEntity;
}
