import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import { ProjectEntity } from '../funds/project.entity';
import { GoalEntity } from '../goals/goal.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type { EvaluationActionInput, RespondToEvaluationInput } from './dto/evaluation.inputs';
import { enforce } from '../common/decision';
import { decideEvaluation, type EvaluationFacts } from './rules/evaluation-decision';
import { meanings } from './evaluation.errors';
import { updateEvaluation } from './evaluation.repository';
import { text } from './rules/evaluation-guards';
import { visibleEvaluation } from './evaluation.query';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationAction, EvaluationStatus, ResponseDecision } from './evaluation.enums';
import { refusal } from '../common/refusal';

/**
 * 被评价部门（单位） (002 第二十六条(二)6, 第二十八条(二)): the implementing unit of the goal's project, else the
 * organization that drafted the goal (a fund's or a department's own goal).
 */
export async function evaluatedBodyOf(em: EntityManager, e: EvaluationEntity): Promise<string | null> {
  const goal = await em.findOneBy(GoalEntity, { tenantId: e.tenantId, id: e.goalId });
  if (!goal) return null;
  if (!goal.projectId) return goal.drafterOrganizationId;
  const project = await em.findOneBy(ProjectEntity, { tenantId: e.tenantId, id: goal.projectId });
  return project?.implementingUnitId ?? goal.drafterOrganizationId;
}

/** What the availability decision needs, read with the transaction's manager (unscoped, same tenant). */
export async function frameworkFacts(em: EntityManager, e: EvaluationEntity): Promise<EvaluationFacts> {
  const evaluator = await em.findOneBy(OrganizationEntity, {
    tenantId: e.tenantId,
    id: e.evaluatorOrganizationId,
  });
  return { evaluatedBodyId: await evaluatedBodyOf(em, e), evaluatorRegionId: evaluator?.regionId ?? null };
}

/** Refuses unless the caller may take the action now — the same decision as `availableActions`. */
async function allowed(
  ctx: RequestContext,
  em: EntityManager,
  e: EvaluationEntity,
  action: EvaluationAction,
) {
  enforce(decideEvaluation(e, ctx.caller, action, await frameworkFacts(em, e)));
}

/** One workflow step of a department or finance evaluation: decision, guarded update, history, audit. */
function step(
  ctx: RequestContext,
  input: EvaluationActionInput,
  action:
    | EvaluationAction.RESPOND
    | EvaluationAction.FINALIZE
    | EvaluationAction.REPORT
    | EvaluationAction.ACKNOWLEDGE,
  to: EvaluationStatus,
  changes: (e: EvaluationEntity) => Partial<EvaluationEntity>,
  check?: () => void,
  comment?: string | null,
) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await visibleEvaluation(ctx, input.id);
    await allowed(ctx, em, current, action);
    check?.();
    return updateEvaluation(
      ctx,
      em,
      current,
      input.expectedVersion,
      { status: to, ...changes(current) },
      {
        action,
        before: current,
        step: { action, from: current.status, to, comment: comment ?? null },
      },
    );
  });
}

/**
 * 交换意见 (002 第二十六条(二)6 与被评价部门（单位）交换意见): the evaluated body records its response to the
 * preliminary result — AGREE, or DISAGREE with the reason — before the evaluator can finalize it.
 */
export function respondToEvaluation(ctx: RequestContext, input: RespondToEvaluationInput) {
  const reply = text(input.text);
  return step(
    ctx,
    input,
    EvaluationAction.RESPOND,
    EvaluationStatus.RESPONDED,
    () => ({
      responseDecision: input.decision,
      responseText: reply,
      respondedAt: new Date(),
      respondedByOrganizationId: ctx.caller.organizationId,
    }),
    () => {
      if (input.decision === ResponseDecision.DISAGREE && !reply)
        throw refusal(
          ErrorCode.BAD_USER_INPUT,
          ['input', 'text'],
          msg('有异议须说明理由', 'A disagreement needs its reason'),
        );
    },
    reply ?? input.decision,
  );
}

/** 形成最终结论 (002 第二十六条(二)7): the evaluator (or its third party) finalizes after the response. */
export function finalizeEvaluation(ctx: RequestContext, input: EvaluationActionInput) {
  return step(ctx, input, EvaluationAction.FINALIZE, EvaluationStatus.FINALIZED, () => ({
    finalizedAt: new Date(),
  }));
}

/** 报送本级财政部门 (002 第二十八条(二)): the department reports its final evaluation to finance. */
export function reportEvaluationToFinance(ctx: RequestContext, input: EvaluationActionInput) {
  return step(ctx, input, EvaluationAction.REPORT, EvaluationStatus.REPORTED, () => ({
    reportedAt: new Date(),
  }));
}

/** 财政接收 (002 第二十八条(二)): finance at the department's level acknowledges the report. */
export function acknowledgeEvaluationReport(ctx: RequestContext, input: EvaluationActionInput) {
  return step(ctx, input, EvaluationAction.ACKNOWLEDGE, EvaluationStatus.ACKNOWLEDGED, () => ({
    acknowledgedAt: new Date(),
  }));
}
