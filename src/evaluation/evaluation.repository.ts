import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Decimal } from '../common/decimal';
import type { Grade } from '../common/grade';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { recordAudit } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { guardedUpdate } from '../common/guarded-update';
import type { RequestContext } from '../common/request-context';
import { EvaluationActualEntity } from './evaluation-actual.entity';
import type { IndicatorActual, SelfScore } from './rules/scoring-types';
import { EvaluationTransitionEntity } from './evaluation-transition.entity';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationStatus, type TransitionAction } from './evaluation.enums';
import { evaluationLoadersOf } from './evaluation.loaders';

/**
 * The one writer of the Evaluation aggregate (issue 10 item 2; DOMAIN §15): every insert or update of an
 * evaluation row goes through here, in the caller's transaction (`em`), and writes together the row, its
 * append-only history step (evaluation_transition), the audit event with before and after, and drops this
 * request's cached copies — so no service can forget one of them.
 */

export const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

/** The history step of a new evaluation: created as a draft. */
export const CREATED = {
  action: 'CREATE',
  from: EvaluationStatus.DRAFT,
  to: EvaluationStatus.DRAFT,
} as const satisfies EvaluationStep;

/** One workflow step, kept in the append-only history (evaluation_transition). */
export interface EvaluationStep {
  action: TransitionAction;
  from: EvaluationStatus;
  to: EvaluationStatus;
  comment?: string | null;
}

/** One change of an evaluation, as the writer records it. */
export interface EvaluationChange {
  /** The audit action (CREATE, SUBMIT, APPROVE, COMPILE, …). */
  action: string;
  before?: object | null;
  step?: EvaluationStep;
  /** The evaluation's child rows (actuals, framework scores, sections), written after the row. */
  children?: () => Promise<void>;
  /**
   * Submitted in the same change, once the child rows are written (the database freezes a submitted
   * evaluation's rows, P8): the scored columns and the SUBMIT step, recorded after `step`.
   */
  submit?: { columns: QueryDeepPartialEntity<EvaluationEntity>; step: EvaluationStep };
  /** What the audit event shows after the change (default: the evaluation as written). */
  after?: (evaluation: EvaluationEntity) => object | Promise<object>;
}

/** The columns a new evaluation is created with (tenant, status and region path are the writer's). */
export type NewEvaluation = QueryDeepPartialEntity<EvaluationEntity> &
  Pick<EvaluationEntity, 'goalId' | 'kind' | 'year' | 'evaluatorOrganizationId'> & { id?: string };

/**
 * The columns every submission writes (DOMAIN §10.7, P8): the engine's total and grade, the policy whose
 * bands graded it, and the time; a self-scored evaluation adds its stored lines.
 */
export function submittedColumns(score: { total: Decimal; grade: Grade }, policyId: string | null) {
  return { total: score.total.toFixed(2), grade: score.grade, submittedAt: new Date(), policyId };
}

/**
 * The engine's line (score, rule, flags) onto each stored actual of a submitted evaluation (DOMAIN §10.6),
 * in one statement whatever the number of indicators (issue 18: one UPDATE per line made a submission
 * ~15 round trips holding its connection).
 */
export async function storeLineScores(
  em: EntityManager,
  tenantId: string,
  actuals: readonly Pick<EvaluationActualEntity, 'id' | 'indicatorId'>[],
  score: SelfScore,
): Promise<void> {
  const lines = new Map(score.lines.map((l) => [l.key, l]));
  const scored = actuals.flatMap((a) => {
    const line = lines.get(a.indicatorId);
    return line ? [{ id: a.id, line }] : [];
  });
  if (scored.length === 0) return;
  await em.query(
    `UPDATE evaluation_actual a SET score = v.score, rule = v.rule, flags = v.flags
       FROM unnest($2::uuid[], $3::numeric[], $4::varchar[], $5::jsonb[]) AS v(id, score, rule, flags)
      WHERE a.tenant_id = $1 AND a.id = v.id`,
    [
      tenantId,
      scored.map((s) => s.id),
      scored.map((s) => s.line.score.toFixed(2)),
      scored.map((s) => s.line.rule),
      scored.map((s) => JSON.stringify([...s.line.flags])),
    ],
  );
}

/** The scored actuals of an evaluation, one row per indicator with the engine's line (score, rule, flags). */
export async function insertScoredActuals(
  em: EntityManager,
  tenantId: string,
  evaluationId: string,
  actuals: readonly IndicatorActual[],
  score: SelfScore,
): Promise<void> {
  const lines = new Map(score.lines.map((l) => [l.key, l]));
  if (actuals.length === 0) return;
  await em.insert(
    EvaluationActualEntity,
    actuals.map((a) => {
      const line = lines.get(a.indicatorId);
      return {
        tenantId,
        id: randomUUID(),
        evaluationId,
        indicatorId: a.indicatorId,
        actual: a.actual != null ? a.actual.toFixed() : null,
        tier: a.tier ?? null,
        percentage: a.percentage != null ? a.percentage.toFixed(2) : null,
        explanation: a.explanation ?? null,
        targetSetTooLow: a.targetSetTooLow ?? false,
        score: line ? line.score.toFixed(2) : null,
        rule: line?.rule ?? null,
        flags: line ? [...line.flags] : [],
      };
    }),
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

/** Drops this request's cached copies of an evaluation (and of its goal's list). */
function invalidate(ctx: RequestContext, evaluation: Pick<EvaluationEntity, 'id' | 'goalId'>): void {
  const loaders = evaluationLoadersOf(ctx);
  const id = evaluation.id;
  for (const byEvaluation of [
    loaders.evaluationById,
    loaders.actualsByEvaluationId,
    loaders.frameworkByEvaluationId,
    loaders.sectionsByEvaluationId,
    loaders.transitionsByEvaluationId,
  ])
    byEvaluation.clear(id);
  loaders.evaluationsByGoalId.clear(evaluation.goalId);
}

/**
 * The record of a change (DOMAIN §15) whose row is written: the child rows, the history step, the
 * evaluation as written (fresh caches) and the audit event with before and after.
 */
async function record(
  ctx: RequestContext,
  em: EntityManager,
  id: string,
  change: EvaluationChange,
): Promise<{ evaluation: EvaluationEntity }> {
  const caller = ctx.caller;
  if (change.children) await change.children();
  const s = change.step;
  if (s) await insertTransition(em, caller, id, s.action, s.from, s.to, s.comment ?? null);
  if (change.submit) {
    const { columns, step } = change.submit;
    await em.update(
      EvaluationEntity,
      { tenantId: caller.tenantId, id },
      { ...columns, status: step.to, rowVersion: () => 'row_version + 1' },
    );
    await insertTransition(em, caller, id, step.action, step.from, step.to, step.comment ?? null);
  }
  const evaluation = await em.findOneByOrFail(EvaluationEntity, { tenantId: caller.tenantId, id });
  invalidate(ctx, evaluation);
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

/** A new evaluation: a DRAFT row in the caller's tenant, its CREATE step, its audit event. */
export async function insertEvaluation(
  ctx: RequestContext,
  em: EntityManager,
  row: NewEvaluation,
  change: Omit<EvaluationChange, 'step'> & { step?: EvaluationStep } = { action: 'CREATE' },
): Promise<{ evaluation: EvaluationEntity }> {
  const id = row.id ?? randomUUID();
  await em.insert(EvaluationEntity, {
    status: EvaluationStatus.DRAFT,
    ...row,
    tenantId: ctx.caller.tenantId,
    id,
    regionPath: '', // filled by the database from the goal (DOMAIN §3)
  } as QueryDeepPartialEntity<EvaluationEntity>);
  return record(ctx, em, id, { ...change, step: change.step ?? CREATED });
}

/**
 * A change of an evaluation guarded by its rowVersion (DOMAIN §15: a stale edit is a CONFLICT and writes
 * nothing), recorded with its step and audit event.
 */
export async function updateEvaluation(
  ctx: RequestContext,
  em: EntityManager,
  current: EvaluationEntity,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<EvaluationEntity>,
  change: EvaluationChange,
): Promise<{ evaluation: EvaluationEntity }> {
  await guardedUpdate(em, EvaluationEntity, current, expectedVersion, changes, ROW_VERSION);
  return record(ctx, em, current.id, { before: current, ...change });
}

/**
 * A change of an evaluation's content or history whose row the database updates by itself (e.g. child
 * rows only, or a trigger-maintained column), recorded like any other.
 */
export const recordEvaluationChange = record;
