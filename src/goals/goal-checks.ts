import type { RequestContext } from '../common/request-context';
import { GatePurpose } from '../assessment/assessment.enums';
import { fundGateSubject, projectGateSubject } from '../assessment/assessment.gate';
import { assessmentGate } from '../assessment/rules/gate';
import { type Message } from '../common/errors';
import { storedCategoryPoints } from './goal-category-points';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { storedIndicator } from './goal-indicators';
import { GoalEntity } from './goal.entity';
import { GoalStatus, TRANSFER_SCOPES, WorkflowAction } from './goal.enums';
import { checkGoalCompleteness, type GoalDraft } from './rules/completeness';
import { approvalConsistencyErrors } from './goal-consistency';
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
    categoryPoints: storedCategoryPoints(g), // DOMAIN §10.1: the goal's own, else the defaults
    indicators: indicators.map(storedIndicator),
  };
  return checkGoalCompleteness(draft, ['input', 'id']);
}

/**
 * The ex-ante assessment gates for approving the goal (DOMAIN §6): the project's, and — for every goal of
 * a fund's tree, overall, regional or project (DOMAIN §5 Tree integrity) — the fund's. A new major fund not
 * yet assessed blocks all of them, not only its overall goal.
 */
export async function gateErrors(ctx: RequestContext, g: GoalEntity): Promise<Message[]> {
  const [project, fund] = await Promise.all([
    g.projectId ? ctx.loaders.projectById.load(g.projectId) : null,
    g.fundId && TRANSFER_SCOPES.includes(g.scope) ? ctx.loaders.fundById.load(g.fundId) : null,
  ]);
  const subjects = await Promise.all([
    project ? projectGateSubject(ctx, project) : null,
    fund ? fundGateSubject(ctx, fund) : null,
  ]);
  const reasons: Message[] = [];
  for (const subject of subjects) {
    if (!subject) continue;
    const r = assessmentGate(subject, GatePurpose.GOAL_APPROVAL);
    if (!r.passes && !reasons.some((m) => m.zh === r.reason.zh)) reasons.push(r.reason);
  }
  return reasons;
}

const PARENT_BOUND: readonly WorkflowAction[] = [
  WorkflowAction.APPROVE,
  WorkflowAction.ISSUE,
  WorkflowAction.FILE_FOR_RECORD,
];

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
    facts.consistencyErrors = await approvalConsistencyErrors(ctx, g);
  }
  // DOMAIN §5 Tree integrity: approving, issuing or filing a child needs its parent in force.
  if (g.parentGoalId && (action === null || PARENT_BOUND.includes(action))) {
    facts.parentStatus = await ctx.loaders.parentStatusByGoalId.load(g.id);
  }
  return { facts, problems };
}
