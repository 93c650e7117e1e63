import { registerEnumType } from 'type-graphql';
import { hasSubtreeJurisdiction, type Principal } from '../auth/principal';

/**
 * Who sees which figures of a roll-up (DOMAIN §11 "Who sees what", P6; "jurisdiction covers derived
 * figures"). A roll-up is an aggregate over a parent goal's children; the caller may read the parent and
 * yet not every child (a receiving region reads the overall goal of a fund it receives, 003 转移支付
 * 第十五条(二), but never a sibling region's goal). Totals over all children would then let it compute a
 * sibling's figures by subtraction, so:
 * - FULL (全部下级): the giving side — finance bureaus, competent departments and audit offices whose
 *   jurisdiction holds the parent goal's region (for an overall goal that is the fund's level; above it
 *   too). They see every child row and every aggregate.
 * - OWN_CHILDREN (仅本辖区下级): everyone else who may read the parent (a receiving region, a drafter or
 *   reviewer outside that jurisdiction). They see the child rows whose goal they may read themselves and
 *   the parent's own indicators (targets, points, aggregation); every figure combined over the children
 *   (totals, actuals, money, means, grade distribution, coverage, counts, provisional, flags) is null.
 * Computation never depends on the caller (loaders and caches compute the full roll-up); only what is
 * shown does, here, at the edge.
 */
export enum RollUpVisibility {
  FULL = 'FULL',
  OWN_CHILDREN = 'OWN_CHILDREN',
}
registerEnumType(RollUpVisibility, {
  name: 'RollUpVisibility',
  description: '汇总可见范围 — which figures of a roll-up the caller sees (DOMAIN §11 “Who sees what”, P6)',
  valuesConfig: {
    FULL: {
      description:
        '全部下级 — the giving side (the parent goal’s level and above, its audit office): every child row and every aggregate',
    },
    OWN_CHILDREN: {
      description:
        '仅本辖区下级 — a receiving region: only its own child rows and the parent’s own targets; aggregates over the children are null (no sibling’s figures by subtraction)',
    },
  },
});

/** The giving side of a parent goal is the bodies with jurisdiction over its region (P6). */
export function rollUpVisibility(caller: Principal, parent: { regionPath: string }): RollUpVisibility {
  const giving =
    hasSubtreeJurisdiction(caller) &&
    parent.regionPath !== '' &&
    parent.regionPath.startsWith(caller.regionPath);
  return giving ? RollUpVisibility.FULL : RollUpVisibility.OWN_CHILDREN;
}

/** `value` for the giving side, null for a caller who sees only its own children. */
export function whenFull<T>(visibility: RollUpVisibility, value: T): T | null {
  return visibility === RollUpVisibility.FULL ? value : null;
}
