import { RowVersioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { GoalEntity } from '../goals/goal.entity';
import { HistoryEntry } from '../hierarchy/history-entry.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { UserEntity } from '../hierarchy/user.entity';
import type { FundingStatus } from './monitoring.enums';

/**
 * 预算执行 — money in execution of one goal for one month (DOMAIN §4, §9): budgeted 预算数, in place 到位,
 * spent 执行, in yuan. One row per (goal, year, month); totals to date are sums over months 1…M.
 * Recorded on a goal in force only; while funding is held, in-place and spent money cannot grow (trigger).
 */
@Entity({ name: 'goal_execution' })
@Check('ck_goal_execution_month', `"month" BETWEEN 1 AND 12`)
@Check('ck_goal_execution_year', `"year" BETWEEN 2000 AND 2100`)
@Check('ck_goal_execution_amounts', `"budgeted" >= 0 AND "in_place" >= 0 AND "spent" >= 0`)
@Unique('uq_goal_execution_period', ['tenantId', 'goalId', 'year', 'month'])
export class GoalExecutionEntity extends TenantKeyed('pk_goal_execution', RowVersioned) {
  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('integer')
  year!: number;

  @Column('integer')
  month!: number;

  @Column('numeric', { precision: 14, scale: 2 })
  budgeted!: string;

  @Column('numeric', { name: 'in_place', precision: 14, scale: 2 })
  inPlace!: string;

  @Column('numeric', { precision: 14, scale: 2 })
  spent!: string;

  @Column('uuid', { name: 'recorded_by_user_id' })
  recordedByUserId!: string;

  @Column('uuid', { name: 'recorded_by_organization_id' })
  recordedByOrganizationId!: string;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_goal_execution_goal', 'goal_id'))
  goal?: GoalEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_goal_execution_user', 'recorded_by_user_id'))
  recordedByUser?: UserEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_goal_execution_organization', 'recorded_by_organization_id'))
  recordedByOrganization?: OrganizationEntity;
}

/**
 * 暂缓/停止拨款 — one entry of the append-only funding-hold history of a goal (DOMAIN §9; 001 三(二);
 * 003 第十八条): SUSPENDED or STOPPED with a reason, or LIFTED. The latest entry is the current status.
 */
@Entity({ name: 'funding_hold' })
@Check('ck_funding_hold_status', `"status" IN ('SUSPENDED', 'STOPPED', 'LIFTED')`)
@Check('ck_funding_hold_reason', `"status" = 'LIFTED' OR length(btrim("reason")) > 0`)
@Index('idx_funding_hold_goal', ['tenantId', 'goalId', 'at'])
export class FundingHoldEntity extends HistoryEntry('funding_hold') {
  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('varchar', { length: 16 })
  status!: FundingStatus;

  @Column('text', { nullable: true })
  reason!: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_funding_hold_goal', 'goal_id'))
  goal?: GoalEntity;
}
