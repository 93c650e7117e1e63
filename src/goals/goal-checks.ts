import type { RequestContext } from '../app/context';
import { GatePurpose } from '../assessment/assessment.enums';
import { fundGateSubject, projectGateSubject } from '../assessment/assessment.gate';
import { assessmentGate } from '../assessment/rules/gate';
import { Decimal as DecimalValue, money } from '../common/decimal';
import { type Message } from '../common/errors';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { storedIndicator } from './goal-indicators';
import { GoalEntity } from './goal.entity';
import { GoalScope, GoalStatus, WorkflowAction } from './goal.enums';
import { checkGoalCompleteness, type GoalDraft } from './rules/completeness';
import { checkConsistency } from './rules/consistency';
import { type Problem } from './rules/indicator-rules';
import { type WorkflowFacts } from './rules/workflow';

/** Completeness of a stored goal (DOMAIN §5; 002 第十条(四)). */
export function completenessProblems(g: GoalEntity, indicators: readonly GoalIndicatorEntity[]): Problem[] {
  const draft: GoalDraft = {
    scope: g.scope,
    implementationPeriodObjective: g.implementationPeriodObjective,
    annualObjective: g.annualObjective,
    annualAmount: g.annualAmount,
    fiscalAmount: g.fiscalAmount,
    otherAmount: g.otherAmount,
    indicators: indicators.map(storedIndicator),
  };
  return checkGoalCompleteness(draft, ['input', 'id']);
}

/** The ex-ante assessment gate for approving the goal (DOMAIN §6): the project's, or the fund's. */
export async function gateErrors(ctx: RequestContext, g: GoalEntity): Promise<Message[]> {
  let subject = null;
  if (g.projectId) {
    const project = await ctx.loaders.projectById.load(g.projectId);
    subject = project ? await projectGateSubject(ctx, project) : null;
  } else if (g.scope === GoalScope.TRANSFER_OVERALL && g.fundId) {
    const fund = await ctx.loaders.fundById.load(g.fundId);
    subject = fund ? await fundGateSubject(ctx, fund) : null;
  }
  if (!subject) return [];
  const r = assessmentGate(subject, GatePurpose.GOAL_APPROVAL);
  return r.passes ? [] : [r.reason];
}

/**
 * 分解一致性 (DOMAIN §5): approving an overall transfer goal checks its regional goals — each linked
 * indicator's children combined by the parent's aggregation must meet the parent's target, and the
 * children's money must add up to the fund's allocations. Errors block the approval.
 */
export async function consistencyErrors(ctx: RequestContext, g: GoalEntity): Promise<Message[]> {
  if (g.scope !== GoalScope.TRANSFER_OVERALL || !g.fundId) return [];
  const current = (await ctx.loaders.goalsByParentId.load(g.id)).filter(
    (c) =>
      c.status !== GoalStatus.SUPERSEDED &&
      c.status !== GoalStatus.WITHDRAWN &&
      c.scope === GoalScope.TRANSFER_REGIONAL,
  );
  // A region counts once: while its adjustment (n+1) is pending, the adjustment stands for it, not n.
  const adjusted = new Set(current.map((c) => c.supersedesGoalId).filter((id) => id !== null));
  const children = current.filter((c) => !adjusted.has(c.id));
  if (children.length === 0) return [];
  const [parentIndicators, childIndicators, regions, allocations] = await Promise.all([
    ctx.loaders.indicatorsByGoalId.load(g.id),
    ctx.loaders.indicatorsByGoalId.loadMany(children.map((c) => c.id)),
    ctx.loaders.regionById.loadMany(children.map((c) => c.regionId)),
    ctx.loaders.allocationsByFundId.load(g.fundId),
  ]);
  const allocated = allocations.reduce((sum, a) => sum.plus(a.amount), new DecimalValue(0));
  const report = checkConsistency({
    parent: {
      allocatedAmount: money(allocated),
      indicators: parentIndicators.map((i) => ({ id: i.id, ...storedIndicator(i) })),
    },
    children: children.map((c, k) => {
      const rows = childIndicators[k];
      const region = regions[k];
      return {
        goalId: c.id,
        label: region && !(region instanceof Error) ? region.name : c.name,
        annualAmount: c.annualAmount ?? '0',
        indicators: Array.isArray(rows) ? rows.map(storedIndicator) : [],
      };
    }),
    childKind: 'REGIONAL',
  });
  return report.errors.map((e) => e.message);
}

/** The facts `decide` needs for one action (only those it looks at). */
export async function factsFor(
  ctx: RequestContext,
  g: GoalEntity,
  action: WorkflowAction | null,
): Promise<{ facts: WorkflowFacts; problems: Problem[] }> {
  let problems: Problem[] = [];
  const facts: WorkflowFacts = {};
  if (action === null || action === WorkflowAction.SUBMIT || action === WorkflowAction.FILE_FOR_RECORD) {
    if (g.status === GoalStatus.DRAFT || g.status === GoalStatus.RETURNED) {
      problems = completenessProblems(g, await ctx.loaders.indicatorsByGoalId.load(g.id));
      facts.completenessErrors = problems.map((p) => p.message);
    }
  }
  if (
    (action === null || action === WorkflowAction.APPROVE) &&
    (g.status === GoalStatus.SUBMITTED || g.status === GoalStatus.IN_REVIEW)
  ) {
    facts.gateErrors = await gateErrors(ctx, g);
    facts.consistencyErrors = await consistencyErrors(ctx, g);
  }
  return { facts, problems };
}
