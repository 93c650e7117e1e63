import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { Decimal, money } from '../common/decimal';
import type { Message } from '../common/errors';
import type { GoalIndicatorEntity } from './goal-indicator.entity';
import { storedIndicator } from './goal-indicators';
import type { GoalEntity } from './goal.entity';
import { GoalScope, GoalStatus } from './goal.enums';
import { checkConsistency, type ChildGoal, type ConsistencyReport } from './rules/consistency';
import { isWithin } from './rules/workflow-refusal';
import { parentInForce } from './rules/workflow-types';

/** One decomposition checked (DOMAIN §5 Consistency): the parent, the children counted, the report. */
export interface Decomposition {
  parent: GoalEntity;
  parentIndicators: GoalIndicatorEntity[];
  children: GoalEntity[];
  /** Every recipient of the fund's allocations has a goal counted (or the money is fully covered). */
  complete: boolean;
  allocated: string;
  childrenTotal: string;
  report: ConsistencyReport;
}

/** Still in the running: not replaced, withdrawn or refused (those leave the tree). */
const gone = (s: GoalStatus) =>
  s === GoalStatus.SUPERSEDED || s === GoalStatus.WITHDRAWN || s === GoalStatus.REJECTED;

/**
 * Who judges a decomposition: a body whose jurisdiction covers the parent goal's region — the fund's
 * department and finance at the allocating level, or the township bodies over a regional goal's projects.
 * They see every sibling (P6), so the check and its report never depend on a partial view; lower reviewers
 * (a township co-signing its own regional goal) judge their own goal, and get no report (null).
 */
export function judgesDecomposition(ctx: RequestContext, parent: GoalEntity): boolean {
  const caller = ctx.caller;
  return hasSubtreeJurisdiction(caller) && isWithin(parent.regionPath, caller.regionPath);
}

/**
 * 分区域（分项目）绩效目标汇总后，应与整体绩效目标的相关内容保持对应关系 (002 第十条(二); DOMAIN §5): the
 * parent's decomposition as it stands — its children in force (approved, issued or filed; a pending
 * adjustment in force stands for the version it adjusts) plus `candidate`, the goal being approved or
 * reviewed. Null when the caller does not judge it or nothing is there to check.
 */
export async function decompositionOf(
  ctx: RequestContext,
  parent: GoalEntity,
  candidate: GoalEntity | null,
): Promise<Decomposition | null> {
  if (!judgesDecomposition(ctx, parent)) return null;
  const replaced = new Set([candidate?.id, candidate?.supersedesGoalId].filter((id) => !!id));
  const inForce = (await ctx.loaders.goalsByParentId.load(parent.id)).filter(
    (c) => parentInForce(c.status) && !replaced.has(c.id),
  );
  const adjusted = new Set(inForce.map((c) => c.supersedesGoalId).filter((id) => id !== null));
  const children = inForce.filter((c) => !adjusted.has(c.id));
  if (candidate && !gone(candidate.status)) children.push(candidate);
  if (children.length === 0) return null;

  const projectKind = parent.scope === GoalScope.TRANSFER_REGIONAL;
  const overall = parent.scope === GoalScope.TRANSFER_OVERALL && parent.fundId;
  const [parentIndicators, childIndicators, regions, projects, allocations] = await Promise.all([
    ctx.loaders.indicatorsByGoalId.load(parent.id),
    ctx.loaders.indicatorsByGoalId.loadMany(children.map((c) => c.id)),
    ctx.loaders.regionById.loadMany(children.map((c) => c.regionId)),
    ctx.loaders.projectById.loadMany(children.flatMap((c) => (c.projectId ? [c.projectId] : []))),
    overall ? ctx.loaders.allocationsByFundId.load(parent.fundId as string) : Promise.resolve([]),
  ]);
  const named = <T extends { name: string }>(x: T | Error | null | undefined) =>
    x && !(x instanceof Error) ? x.name : null;
  const projectNames = new Map(
    projects.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.name] as const] : [])),
  );
  const childGoals: ChildGoal[] = children.map((c, k) => {
    const rows = childIndicators[k];
    const label =
      (c.scope === GoalScope.TRANSFER_PROJECT
        ? (projectNames.get(c.projectId ?? '') ?? null)
        : named(regions[k])) ?? c.name;
    return {
      goalId: c.id,
      label,
      annualAmount: c.annualAmount ?? '0',
      // 附件3 其中：市级预算资金 — the child's share of this fund, when stated.
      fundAmount: c.allocatingLevelAmount,
      indicators: Array.isArray(rows) ? rows.map(storedIndicator) : [],
    };
  });
  const share = (c: ChildGoal) => new Decimal(c.fundAmount ?? c.annualAmount);
  const childrenTotal = childGoals.reduce((s, c) => s.plus(share(c)), new Decimal(0));
  let allocated: Decimal;
  let complete: boolean;
  if (overall) {
    allocated = allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
    // Complete once every region (factor method) or project (project method) allocated to has its goal.
    complete = allocations.every((a) =>
      children.some((c) =>
        a.projectId ? c.projectId === a.projectId : c.regionId === a.regionId && !c.projectId,
      ),
    );
  } else {
    allocated = new Decimal(parent.allocatingLevelAmount ?? parent.annualAmount ?? '0');
    complete = childrenTotal.gte(allocated);
  }
  const report = checkConsistency({
    parent: {
      allocatedAmount: money(allocated),
      indicators: parentIndicators.map((i) => ({ id: i.id, ...storedIndicator(i) })),
    },
    children: childGoals,
    childKind: projectKind || children.every((c) => c.projectId) ? 'PROJECT' : 'REGIONAL',
    complete,
    moneyBlocks: !projectKind,
  });
  return {
    parent,
    parentIndicators,
    children,
    complete,
    allocated: money(allocated),
    childrenTotal: money(childrenTotal),
    report,
  };
}

/**
 * The consistency errors that block approving `g` (DOMAIN §5: the check runs whenever any goal of the
 * tree is approved): as a child, its parent's decomposition with its siblings in force plus itself; as a
 * parent, its own decomposition over the children in force.
 */
export async function approvalConsistencyErrors(ctx: RequestContext, g: GoalEntity): Promise<Message[]> {
  const parent = g.parentGoalId ? await ctx.loaders.goalById.load(g.parentGoalId) : null;
  const [asChild, asParent] = await Promise.all([
    parent ? decompositionOf(ctx, parent, g) : null,
    TRANSFER_PARENT.includes(g.scope) ? decompositionOf(ctx, g, null) : null,
  ]);
  return [asChild, asParent].flatMap((d) => (d ? d.report.errors.map((e) => e.message) : []));
}

const TRANSFER_PARENT: readonly GoalScope[] = [GoalScope.TRANSFER_OVERALL, GoalScope.TRANSFER_REGIONAL];

/** The report the `consistency` field shows for `g`: its place in its parent's tree, else its own tree. */
export async function consistencyFor(ctx: RequestContext, g: GoalEntity): Promise<Decomposition | null> {
  if (g.parentGoalId) {
    const parent = await ctx.loaders.goalById.load(g.parentGoalId);
    return parent ? decompositionOf(ctx, parent, g) : null;
  }
  return TRANSFER_PARENT.includes(g.scope) ? decompositionOf(ctx, g, null) : null;
}
