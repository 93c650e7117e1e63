import { money, type Decimal } from '../../common/decimal';
import type { GoalEntity } from '../goal.entity';
import { GoalStatus } from '../goal.enums';
import type { WorkflowGoal } from './workflow';

/**
 * A goal row as the pure workflow sees it (DOMAIN §7). `next` is the live version that adjusts this one,
 * if any (`liveAdjustmentOf`): while it is not yet in force, another adjustment is pending. A withdrawn
 * one never counts (DOMAIN §7, §15: it is kept, but version n may be adjusted again).
 */
export function workflowGoal(g: GoalEntity, next: GoalEntity | null = null): WorkflowGoal {
  return {
    id: g.id,
    tenantId: g.tenantId,
    scope: g.scope,
    version: g.goalVersion,
    status: g.status,
    step: g.currentStep,
    chain: g.reviewChain,
    drafterOrganizationId: g.drafterOrganizationId,
    regionPath: g.regionPath,
    filingBasis: g.filingBasis,
    adjusts: g.supersedesGoalId ? g.goalVersion - 1 : null,
    adjustmentPending:
      next !== null && next.status !== GoalStatus.SUPERSEDED && next.status !== GoalStatus.WITHDRAWN,
  };
}

/** Money as stored (NUMERIC as a string with two decimals), or null. */
export const amount = (d: Decimal | null | undefined): string | null => (d == null ? null : money(d));

/** Trimmed text, or null when blank. */
export const text = (s: string | null | undefined): string | null =>
  s == null || s.trim() === '' ? null : s.trim();
