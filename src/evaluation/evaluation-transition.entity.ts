import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { tenantFk } from '../goals/goal.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { UserEntity } from '../hierarchy/user.entity';
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
export class EvaluationTransitionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_evaluation_transition' })
  tenantId!: string;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_evaluation_transition' })
  id!: string;

  @Column('uuid', { name: 'evaluation_id' })
  evaluationId!: string;

  @Column('varchar', { length: 16 })
  action!: TransitionAction;

  @Column('varchar', { name: 'from_status', length: 16 })
  fromStatus!: EvaluationStatus;

  @Column('varchar', { name: 'to_status', length: 16 })
  toStatus!: EvaluationStatus;

  @Column('uuid', { name: 'actor_user_id' })
  actorUserId!: string;

  @Column('uuid', { name: 'actor_organization_id' })
  actorOrganizationId!: string;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  at!: Date;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_transition_evaluation', 'evaluation_id'))
  evaluation?: EvaluationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_transition_actor_user', 'actor_user_id'))
  actorUser?: UserEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_transition_actor_organization', 'actor_organization_id'))
  actorOrganization?: OrganizationEntity;
}
