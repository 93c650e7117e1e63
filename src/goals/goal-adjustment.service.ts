import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { ErrorCode } from '../common/errors';
import { runMutation } from '../common/mutation';
import { staleVersion } from '../common/guarded-update';
import type { RequestAdjustmentInput } from './dto/goal.inputs';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { chainSubjectOf, dirOf } from './goal-subject';
import { insertGoal, insertTransition, snapshot } from './goal.repository';
import { liveAdjustmentOf, visibleGoal } from './goal.query';
import { meanings, notFound, refusalErrors } from './goal.errors';
import { workflowGoal } from './rules/workflow-goal';
import { WorkflowAction } from './goal.enums';
import { buildReviewChain } from './rules/review-chain';
import { decide } from './rules/workflow';
import { headerOf } from './goal-header';
import { refusal } from '../common/refusal';

/**
 * 申请调整 (DOMAIN §7; 002 第十三条; 000 第十四条): an issued or filed goal changes only through version
 * n+1, drafted by the requester with a reason and reviewed by the same chain; n stays in force until n+1
 * is issued. The request is recorded on version n; n itself does not change (it is frozen, P8). After a
 * withdrawal the new request is again version n+1 (same `goal_version`): version numbers count content
 * versions in force, and the withdrawn row keeps its number as history.
 */
export function requestAdjustment(ctx: RequestContext, input: RequestAdjustmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleGoal(ctx, input.id);
    // A withdrawn earlier request does not block a new one (DOMAIN §7): only the live n+1 counts.
    const next = await liveAdjustmentOf(em, current);
    const d = decide(workflowGoal(current, next), caller, WorkflowAction.REQUEST_ADJUSTMENT, {
      reason: input.reason,
    });
    if (!d.ok) {
      if (d.code === ErrorCode.BAD_USER_INPUT) throw refusal(d.code, ['input', 'reason'], d.message);
      return refusalErrors(d);
    }
    if (current.rowVersion !== input.expectedVersion) throw staleVersion();
    const adjustment = d.adjustment;
    if (!adjustment) return notFound();
    const subject = await chainSubjectOf(em, current, adjustment.drafterOrganizationId);
    const chain = buildReviewChain(subject, await dirOf(em, caller.tenantId, subject));
    if (!chain.ok) return refusalErrors(chain);
    const id = randomUUID();
    // Version n+1 starts from version n's indicators; the request is recorded on version n's history.
    const copyIndicators = async () => {
      const indicators = await em.find(GoalIndicatorEntity, {
        where: { tenantId: caller.tenantId, goalId: current.id },
        order: { position: 'ASC' },
      });
      if (indicators.length > 0)
        await em.insert(
          GoalIndicatorEntity,
          indicators.map((i) => ({ ...i, id: randomUUID(), goalId: id })),
        );
      await insertTransition(em, caller, current.id, d.transitionRecord, current.reviewChain.length);
    };
    return insertGoal(
      ctx,
      em,
      {
        id,
        scope: current.scope,
        year: current.year,
        projectId: current.projectId,
        fundId: current.fundId,
        regionId: current.regionId,
        departmentId: current.departmentId,
        parentGoalId: current.parentGoalId,
        decomposition: current.decomposition,
        name: current.name,
        implementationPeriodObjective: current.implementationPeriodObjective,
        annualObjective: current.annualObjective,
        annualAmount: current.annualAmount,
        // DOMAIN §10.1: version n+1 starts from version n's category points, like its indicators.
        commonPoints: current.commonPoints,
        outputPoints: current.outputPoints,
        benefitPoints: current.benefitPoints,
        satisfactionPoints: current.satisfactionPoints,
        fiscalAmount: current.fiscalAmount,
        otherAmount: current.otherAmount,
        // DOMAIN §5: and from its 附件1–3 header.
        ...headerOf(current),
        reviewChain: chain.steps,
        drafterOrganizationId: adjustment.drafterOrganizationId,
        goalVersion: adjustment.version,
        supersedesGoalId: current.id,
        adjustmentReason: adjustment.reason,
        filingBasis: adjustment.filingBasis,
      },
      {
        action: 'REQUEST_ADJUSTMENT',
        children: copyIndicators,
        after: (goal, copied) => ({ ...snapshot(goal, copied), adjusts: current.id }),
      },
    );
  });
}
