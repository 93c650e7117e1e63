import { Decimal } from '../common/decimal';
import type { Grade } from '../common/grade';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { RollUpNode } from './rollup-node';
import type { ChildRow, LinkedActualRow, OwnResultRow } from './rollup-data';
import { ratioParts, type RollupChild } from './rules/rollup';

/**
 * The children of a roll-up as the engine reads them (DOMAIN §11): one with its own submitted result, one
 * standing in with its live roll-up, or one missing (listed, never counted as 0).
 */

/** A child with its own submitted (or reviewed) result and its actuals linked to our indicators. */
export function evaluatedChild(c: ChildRow, e: OwnResultRow, rows: readonly LinkedActualRow[]): RollupChild {
  const money =
    e.budgeted != null && e.in_place != null && e.spent != null
      ? { budgeted: new Decimal(e.budgeted), inPlace: new Decimal(e.in_place), spent: new Decimal(e.spent) }
      : null;
  return {
    id: c.id,
    name: c.name,
    weight: new Decimal(c.weight),
    money,
    actuals: rows.map((a) => {
      const value = new Decimal(a.actual);
      const denominator = a.planned_denominator != null ? new Decimal(a.planned_denominator) : null;
      return { indicatorId: a.parent_indicator_id, value, ...ratioParts(value, denominator, a.unit) };
    }),
    total: new Decimal(e.total),
    grade: e.grade as Grade,
    included: true,
    submitted: true,
    reviewed: e.status === 'REVIEWED',
  };
}

/** A child without its own result, standing in with its live roll-up (its actuals mapped to our indicators). */
export function liveChild(c: ChildRow, n: RollUpNode, indicators: GoalIndicatorEntity[]): RollupChild {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return {
    id: c.id,
    name: c.name,
    weight: new Decimal(c.weight),
    money: n.result.money,
    actuals: n.result.actuals.flatMap((a) => {
      const own = byId.get(a.indicatorId);
      if (!own?.parentIndicatorId || !a.combined) return [];
      const denominator = own.ratioDenominator != null ? new Decimal(own.ratioDenominator) : null;
      const value = a.combined.value;
      return [{ indicatorId: own.parentIndicatorId, value, ...ratioParts(value, denominator, own.unit) }];
    }),
    total: n.result.score.total,
    grade: n.result.score.grade,
    included: true,
    submitted: true,
    reviewed: n.basis === 'REVIEWED',
  };
}

export function missingChild(c: ChildRow): RollupChild {
  return {
    id: c.id,
    name: c.name,
    weight: new Decimal(c.weight),
    money: null,
    actuals: [],
    total: null,
    grade: null,
    included: true,
    submitted: false,
    reviewed: false,
  };
}
