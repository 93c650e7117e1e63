import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { guardedUpdate } from '../common/guarded-update';
import type { RequestContext } from '../common/request-context';
import type { GoalEntity } from '../goals/goal.entity';
import { FundingHoldEntity, GoalExecutionEntity } from './execution.entity';
import { FundingStatus } from './monitoring.enums';
import { monitoringLoaders } from './monitoring.loaders';

/**
 * The one writer of money in execution and funding holds (issue 10 item 2; DOMAIN §9, §15): the row, its
 * audit event and the request's cached lists of the goal change together, in the caller's transaction
 * (`em`). No other code inserts or updates `goal_execution` or `funding_hold`.
 */

const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

/** A month's money as recorded, with who recorded it. */
export type ExecutionValues = Pick<
  GoalExecutionEntity,
  'budgeted' | 'inPlace' | 'spent' | 'recordedByUserId' | 'recordedByOrganizationId'
>;

/**
 * 登记 / 更正: records month (year, month) of the goal, or corrects the month already recorded
 * (`existing`, under the version the correction was based on: stale → CONFLICT); audited as RECORD or CORRECT.
 */
export async function writeExecution(
  ctx: RequestContext,
  em: EntityManager,
  goal: GoalEntity,
  period: { year: number; month: number },
  values: ExecutionValues,
  existing: { row: GoalExecutionEntity; expectedVersion: number } | null,
): Promise<GoalExecutionEntity> {
  const id = existing?.row.id ?? randomUUID();
  if (existing) {
    await guardedUpdate(em, GoalExecutionEntity, existing.row, existing.expectedVersion, values, ROW_VERSION);
  } else {
    await em.insert(GoalExecutionEntity, {
      tenantId: goal.tenantId,
      id,
      goalId: goal.id,
      ...period,
      ...values,
    });
  }
  await recordAudit(em, ctx.caller, {
    entityType: 'GoalExecution',
    entityId: id,
    action: existing ? 'CORRECT' : 'RECORD',
    regionPath: goal.regionPath,
    before: existing?.row ?? null,
    after: { goalId: goal.id, ...period, ...values },
  });
  monitoringLoaders(ctx).executionsByGoalId.clear(goal.id);
  return em.findOneByOrFail(GoalExecutionEntity, { tenantId: goal.tenantId, id });
}

/**
 * 暂缓 / 停止 / 恢复拨款: appends a funding-hold entry of the goal, the caller as actor; audited as the
 * status (LIFT for a lifting), with the hold it replaces as `before`.
 */
export async function insertFundingHold(
  ctx: RequestContext,
  em: EntityManager,
  goal: GoalEntity,
  entry: { status: FundingStatus; reason: string | null },
  current: FundingHoldEntity | null,
): Promise<FundingHoldEntity> {
  const id = randomUUID();
  await em.insert(FundingHoldEntity, {
    tenantId: goal.tenantId,
    id,
    goalId: goal.id,
    ...entry,
    actorUserId: ctx.caller.userId,
    actorOrganizationId: ctx.caller.organizationId,
  });
  await recordAudit(em, ctx.caller, {
    entityType: 'FundingHold',
    entityId: id,
    action: entry.status === FundingStatus.LIFTED ? 'LIFT' : entry.status,
    regionPath: goal.regionPath,
    before: current ? { status: current.status, reason: current.reason } : null,
    after: { goalId: goal.id, ...entry },
  });
  monitoringLoaders(ctx).holdsByGoalId.clear(goal.id);
  return em.findOneByOrFail(FundingHoldEntity, { tenantId: goal.tenantId, id });
}
