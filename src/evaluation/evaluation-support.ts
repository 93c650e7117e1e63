import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ErrorCode, msg, type Message } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { ConstraintMeanings } from '../common/mutation';
import type { Problem } from '../common/problem';
import { abortWith, userError, UserErrorsAbort } from '../common/user-error';
import { GoalEntity } from '../goals/goal.entity';
import { GoalStatus } from '../goals/goal.enums';
import { EvaluationTransitionEntity } from './evaluation-transition.entity';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationStatus, type TransitionAction } from './evaluation.enums';
import { evaluationLoadersOf } from './evaluation.loaders';

/** What the database's refusals mean to the caller (the triggers repeat the service's checks). */
export const meanings: ConstraintMeanings = {
  ck_evaluation_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该评价当前状态不允许此操作', 'The evaluation’s status does not allow this'),
  },
  ck_evaluation_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已提交的评价不能修改（P8）', 'A submitted evaluation cannot be changed (P8)'),
  },
  ck_evaluation_content_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已提交的评价不能修改（P8）', 'A submitted evaluation cannot be changed (P8)'),
  },
  ck_evaluation_commission_once: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('评价只能在草稿阶段委托一次', 'An evaluation is commissioned once, while a draft'),
  },
  uq_evaluation_self_goal: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'goalId'],
    message: msg('该绩效目标已有单位自评', 'This goal already has a self-evaluation'),
  },
};

export const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

export const notFound = (field: string[] = ['input', 'id']): never =>
  abortWith(ErrorCode.NOT_FOUND, field, msg('未找到该绩效评价', 'Evaluation not found'));

/** A refusal that names the principle of DOMAIN §8 behind it. */
export function refuse(code: ErrorCode, field: string[], message: Message, principle?: string): never {
  throw new UserErrorsAbort([userError(code, field, message, principle ?? null)]);
}

/** Problems of the pure rules as user errors under `input` (nothing written). */
export function problemsAbort(problems: readonly Problem[], code?: ErrorCode): never {
  throw new UserErrorsAbort(problems.map((p) => userError(code ?? p.code, ['input', ...p.field], p.message)));
}

/** The evaluation a global id names, if the caller sees it (P6: out of view reads as missing). */
export async function visibleEvaluation(ctx: RequestContext, globalId: string): Promise<EvaluationEntity> {
  const id = idOfType(globalId, 'Evaluation');
  const evaluation = id ? await evaluationLoadersOf(ctx).evaluationById.load(id) : null;
  return evaluation ?? notFound();
}

/** The goal a global id names, if the caller sees it. */
export async function visibleGoal(ctx: RequestContext, globalId: string): Promise<GoalEntity> {
  const id = idOfType(globalId, 'PerformanceGoal');
  const goal = id ? await ctx.loaders.goalById.load(id) : null;
  return (
    goal ??
    abortWith(ErrorCode.NOT_FOUND, ['input', 'goalId'], msg('未找到该绩效目标', 'Performance goal not found'))
  );
}

/** A goal in force: issued with its budget, or filed for record (002 第十二条) — and not superseded. */
export function requireGoalInForce(goal: GoalEntity): void {
  if (goal.status === GoalStatus.ISSUED || goal.status === GoalStatus.FILED_FOR_RECORD) return;
  refuse(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'goalId'],
    msg(
      `绩效目标尚未批复下达（当前状态 ${goal.status}），不能填报实际完成情况或开展评价`,
      `Actuals for a goal not issued: the goal is ${goal.status}, so it cannot be evaluated yet`,
    ),
  );
}

export const isEditable = (e: EvaluationEntity) =>
  e.status === EvaluationStatus.DRAFT || e.status === EvaluationStatus.RETURNED;

/** DRAFT and RETURNED evaluations are edited and submitted; a submitted one is frozen (P8). */
export function requireEditable(e: EvaluationEntity): void {
  if (isEditable(e)) return;
  refuse(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'id'],
    msg(
      `评价已提交（${e.status}），不能再修改；如需修改须由审核单位退回（P8）`,
      `The evaluation is ${e.status} and frozen; only a return by the reviewer reopens it (P8)`,
    ),
    'P8',
  );
}

export async function insertTransition(
  em: EntityManager,
  caller: Principal,
  evaluationId: string,
  action: TransitionAction,
  from: EvaluationStatus,
  to: EvaluationStatus,
  comment: string | null = null,
): Promise<void> {
  await em.insert(EvaluationTransitionEntity, {
    tenantId: caller.tenantId,
    id: randomUUID(),
    evaluationId,
    action,
    fromStatus: from,
    toStatus: to,
    actorUserId: caller.userId,
    actorOrganizationId: caller.organizationId,
    comment,
  });
}

/** The evaluation as written, with this request's cached copies dropped. */
export async function reload(ctx: RequestContext, em: EntityManager, id: string): Promise<EvaluationEntity> {
  const loaders = evaluationLoadersOf(ctx);
  loaders.evaluationById.clear(id);
  loaders.actualsByEvaluationId.clear(id);
  loaders.frameworkByEvaluationId.clear(id);
  loaders.sectionsByEvaluationId.clear(id);
  loaders.transitionsByEvaluationId.clear(id);
  const evaluation = await em.findOneByOrFail(EvaluationEntity, { tenantId: ctx.caller.tenantId, id });
  loaders.evaluationsByGoalId.clear(evaluation.goalId);
  return evaluation;
}

/** The history step of a new evaluation: created as a draft. */
export const CREATED = {
  action: 'CREATE',
  from: EvaluationStatus.DRAFT,
  to: EvaluationStatus.DRAFT,
} as const satisfies EvaluationChange['step'];

/** One change of an evaluation, as `recordEvaluationChange` records it. */
export interface EvaluationChange {
  /** The audit action (CREATE, SUBMIT, APPROVE, COMPILE, …). */
  action: string;
  before?: object | null;
  /** The workflow step, kept in the append-only history (evaluation_transition). */
  step?: { action: TransitionAction; from: EvaluationStatus; to: EvaluationStatus; comment?: string | null };
  /** What the audit event shows after the change (default: the evaluation as written). */
  after?: (evaluation: EvaluationEntity) => object | Promise<object>;
}

/**
 * The record of a change (DOMAIN §15), in the mutation's transaction: the history row of a workflow
 * step, the evaluation as written, and the audit event with before and after.
 */
export async function recordEvaluationChange(
  ctx: RequestContext,
  em: EntityManager,
  id: string,
  change: EvaluationChange,
): Promise<{ evaluation: EvaluationEntity }> {
  const caller = ctx.caller;
  const s = change.step;
  if (s) await insertTransition(em, caller, id, s.action, s.from, s.to, s.comment ?? null);
  const evaluation = await reload(ctx, em, id);
  await recordAudit(em, caller, {
    entityType: 'Evaluation',
    entityId: id,
    action: change.action,
    regionPath: evaluation.regionPath,
    before: change.before ?? null,
    after: change.after ? await change.after(evaluation) : evaluation,
  });
  return { evaluation };
}

/** Trimmed text, or null when blank. */
export const text = (s: string | null | undefined): string | null =>
  s == null || s.trim() === '' ? null : s.trim();
