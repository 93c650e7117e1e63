import { GoalStatus, ReviewRole } from '../../goals/goal.enums';
import type { ReviewStep } from '../../goals/rules/review-chain';

/** Goals in force (DOMAIN §7): issued, or filed for record after an emergency/transfer issue (002 第十二条). */
export const IN_FORCE: readonly GoalStatus[] = [GoalStatus.ISSUED, GoalStatus.FILED_FOR_RECORD];

export const isInForce = (status: GoalStatus): boolean => IN_FORCE.includes(status);

/** The bodies on a goal's spending side: its drafter and, for project goals, the implementing unit. */
export interface SpendingSide {
  drafterId: string;
  drafterSupervisorId: string | null;
  unitId: string | null;
  unitSupervisorId: string | null;
}

/**
 * Who records money in execution and drafts monitoring reports (DOMAIN §9; P4 谁支出、谁自评, 002 第十七条;
 * 002 第十四条 "各级预算部门…按要求报送"): the goal's drafter, the implementing unit of its project, or the
 * competent department supervising either of them (the unit's department may report for it, as P2 lets
 * it draft for it). Finance, audit offices and third parties never do.
 */
export function isSpendingSide(organizationId: string, side: SpendingSide): boolean {
  return [side.drafterId, side.drafterSupervisorId, side.unitId, side.unitSupervisorId].includes(
    organizationId,
  );
}

/**
 * The level above that acknowledges a monitoring report (DOMAIN §9 "acknowledged by the level above").
 * Policy choice: the first reviewer of the goal's own review chain (DOMAIN §7) that reviews on behalf of
 * the level above — the supervising department for project goals, the fund's department for bottom-up
 * regional goals, finance for overall, top-down regional and department goals. A LOWER_FINANCE step is
 * S's co-signature of its own region's goal (会同, 003 转移支付 第十五条(二)), not the level above, so it is
 * skipped. Null when the goal has no chain (never reviewed).
 */
export function acknowledgerOf(chain: readonly ReviewStep[]): string | null {
  const step = chain.find((s) => s.role !== ReviewRole.LOWER_FINANCE) ?? chain[chain.length - 1];
  return step?.organizationId ?? null;
}
