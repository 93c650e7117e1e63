import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { recordAudit } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { guardedUpdate } from '../common/guarded-update';
import type { RequestContext } from '../common/request-context';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { GoalTransitionEntity } from './goal-transition.entity';
import { GoalEntity } from './goal.entity';
import { GoalStatus } from './goal.enums';
import type { TransitionRecord } from './rules/workflow';

/**
 * The one writer of the PerformanceGoal aggregate (issue 10 item 2; DOMAIN §7, §15): every insert or update
 * of a goal row goes through here, in the caller's transaction (`em`), and writes together the row, its
 * child rows (indicators), its append-only history step (goal_transition), the audit event with before and
 * after, and drops this request's cached copies — so no service can forget one of them.
 */

export const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

/** One workflow step for the history: the pure workflow's record and the chain length it ran on. */
export interface GoalStep {
  record: TransitionRecord;
  stepCount: number;
}

export interface GoalChange {
  /** The audit action (CREATE, UPDATE, SUBMIT, SUPERSEDE, REQUEST_ADJUSTMENT, …). */
  action: string;
  before?: object | null;
  step?: GoalStep;
  /** The goal's child rows (indicators), written after the row. */
  children?: () => Promise<void>;
  /** What the audit event shows after the change (default: the goal with its indicators). */
  after?: (goal: GoalEntity, indicators: GoalIndicatorEntity[]) => object;
}

/** The columns a new goal is created with (tenant, status, step and region path are the writer's). */
export type NewGoal = QueryDeepPartialEntity<GoalEntity> & { id?: string };

/** The goal as audited: the row with its indicators. */
export const snapshot = (g: GoalEntity, indicators: readonly GoalIndicatorEntity[]) => ({
  ...g,
  indicators: indicators.map((i) => ({ ...i })),
});

export async function insertTransition(
  em: EntityManager,
  caller: Principal,
  goalId: string,
  r: TransitionRecord,
  stepCount: number,
) {
  await em.insert(GoalTransitionEntity, {
    tenantId: caller.tenantId,
    id: randomUUID(),
    goalId,
    goalVersion: r.version,
    action: r.action,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    fromStep: r.fromStep,
    toStep: r.toStep,
    stepCount,
    role: r.role,
    actorUserId: caller.userId,
    actorOrganizationId: caller.organizationId,
    comment: r.comment,
  });
}

/** Drops this request's cached copies of a goal, and the "next version" of the goal it adjusts. */
function invalidate(ctx: RequestContext, goal: Pick<GoalEntity, 'id' | 'supersedesGoalId'>): void {
  const l = ctx.loaders;
  l.goalById.clear(goal.id);
  l.indicatorsByGoalId.clear(goal.id);
  l.transitionsByGoalId.clear(goal.id);
  l.adjustmentByGoalId.clear(goal.id);
  if (goal.supersedesGoalId) l.adjustmentByGoalId.clear(goal.supersedesGoalId);
}

/** The goal as written with its indicators, fresh from the transaction. */
export async function reload(ctx: RequestContext, em: EntityManager, id: string) {
  const tenantId = ctx.caller.tenantId;
  const goal = await em.findOneByOrFail(GoalEntity, { tenantId, id });
  invalidate(ctx, goal);
  const indicators = await em.find(GoalIndicatorEntity, {
    where: { tenantId, goalId: id },
    order: { position: 'ASC' },
  });
  return { goal, indicators };
}

async function record(ctx: RequestContext, em: EntityManager, id: string, change: GoalChange) {
  const caller = ctx.caller;
  if (change.children) await change.children();
  if (change.step) await insertTransition(em, caller, id, change.step.record, change.step.stepCount);
  const { goal, indicators } = await reload(ctx, em, id);
  await recordAudit(em, caller, {
    entityType: 'PerformanceGoal',
    entityId: id,
    action: change.action,
    regionPath: goal.regionPath,
    before: change.before ?? null,
    after: change.after ? change.after(goal, indicators) : snapshot(goal, indicators),
  });
  return { goal };
}

/** A new goal: a DRAFT row at step 0 in the caller's tenant, its indicators, its audit event. */
export async function insertGoal(
  ctx: RequestContext,
  em: EntityManager,
  row: NewGoal,
  change: GoalChange = { action: 'CREATE' },
): Promise<{ goal: GoalEntity }> {
  const id = row.id ?? randomUUID();
  await em.insert(GoalEntity, {
    status: GoalStatus.DRAFT,
    currentStep: 0,
    ...row,
    tenantId: ctx.caller.tenantId,
    id,
    regionPath: '', // filled by the database from the subject (DOMAIN §3)
  } as QueryDeepPartialEntity<GoalEntity>);
  return record(ctx, em, id, change);
}

/**
 * A change of a goal guarded by its rowVersion (DOMAIN §15: a stale edit is a CONFLICT and writes
 * nothing), recorded with its indicators, history step and audit event.
 */
export async function updateGoalRow(
  ctx: RequestContext,
  em: EntityManager,
  current: GoalEntity,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<GoalEntity>,
  change: GoalChange,
): Promise<{ goal: GoalEntity }> {
  await guardedUpdate(em, GoalEntity, current, expectedVersion, changes, ROW_VERSION);
  return record(ctx, em, current.id, { before: current, ...change });
}
