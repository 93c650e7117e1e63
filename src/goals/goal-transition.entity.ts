import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { tenantFk } from '../common/tenant-keyed.entity';
import { HistoryEntry } from '../hierarchy/history-entry.entity';
import { GoalEntity } from './goal.entity';
import type { GoalStatus, ReviewRole, WorkflowAction } from './goal.enums';

/**
 * 流转记录 — one workflow action on a goal version (DOMAIN §7): who (user and organization), when, the
 * action, the status and step before and after, the chain role and the comment. Append-only (trigger and
 * grants), written in the same transaction as the change it records (DOMAIN §15).
 */
@Entity({ name: 'goal_transition' })
@Check(
  'ck_goal_transition_action',
  `"action" IN ('EDIT', 'SUBMIT', 'APPROVE', 'RETURN', 'ISSUE', 'REQUEST_ADJUSTMENT', 'FILE_FOR_RECORD', 'WITHDRAW_ADJUSTMENT', 'REJECT')`,
)
@Check(
  'ck_goal_transition_status',
  `"from_status" IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'ISSUED', 'RETURNED', 'SUPERSEDED', 'FILED_FOR_RECORD', 'WITHDRAWN', 'REJECTED') AND "to_status" IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'ISSUED', 'RETURNED', 'SUPERSEDED', 'FILED_FOR_RECORD', 'WITHDRAWN', 'REJECTED')`,
)
@Check(
  'ck_goal_transition_role',
  `"role" IS NULL OR "role" IN ('SUPERVISING_DEPARTMENT', 'LOWER_FINANCE', 'FUND_DEPARTMENT', 'BUDGET_FINANCE')`,
)
@Check('ck_goal_transition_return_comment', `"action" <> 'RETURN' OR length(btrim("comment")) > 0`)
@Index('idx_goal_transition_goal', ['tenantId', 'goalId', 'at'])
export class GoalTransitionEntity extends HistoryEntry('goal_transition') {
  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('integer', { name: 'goal_version' })
  goalVersion!: number;

  @Column('varchar', { length: 24 })
  action!: WorkflowAction;

  @Column('varchar', { name: 'from_status', length: 24 })
  fromStatus!: GoalStatus;

  @Column('varchar', { name: 'to_status', length: 24 })
  toStatus!: GoalStatus;

  @Column('integer', { name: 'from_step' })
  fromStep!: number;

  @Column('integer', { name: 'to_step' })
  toStep!: number;

  @Column('integer', { name: 'step_count' })
  stepCount!: number;

  @Column('varchar', { length: 32, nullable: true })
  role!: ReviewRole | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_goal_transition_goal', 'goal_id'))
  goal?: GoalEntity;
}
