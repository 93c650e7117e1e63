import { Decimal, formatDecimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import { problem, type Problem } from '../../common/problem';
import { scoringCategoryNames } from './category-points';
import type { MoneyFigures, ScoringCategory, ScoringIndicator } from './scoring-types';

/** Money figures (DOMAIN §4): finite and ≥ 0. Reports problems; returns whether all are valid. */
export function checkMoney(money: MoneyFigures, problems: Problem[]): boolean {
  let valid = true;
  for (const key of ['budgeted', 'inPlace', 'spent'] as const) {
    const d = money[key];
    if (d.isFinite() && !d.isNegative()) continue;
    valid = false;
    problems.push(
      problem(
        ErrorCode.BAD_USER_INPUT,
        ['money', key],
        msg(
          `资金数 ${key} 须为不小于 0 的数，现为 ${d.toString()}`,
          `Money ${key} must be ≥ 0, not ${d.toString()}`,
        ),
        { reason: 'MONEY_INVALID' },
      ),
    );
  }
  return valid;
}

/**
 * DOMAIN §10.2 (as the goal module's checkPointTotals): given points never exceed the category's; if every
 * indicator has points they total exactly the category's; if some have none, the others stay below it.
 */
export function checkPointTotals(
  category: ScoringCategory,
  nominal: Decimal,
  given: readonly (Decimal | null)[],
  indicators: readonly ScoringIndicator[],
): Problem[] {
  if (indicators.length === 0) return [];
  const fixed = given.reduce<Decimal>((s, p) => s.plus(p ?? 0), new Decimal(0));
  const open = given.filter((p) => p === null).length;
  const wrong = open === 0 ? !fixed.eq(nominal) : !fixed.lt(nominal);
  if (!wrong || (open > 0 && fixed.isZero())) return [];
  const name = scoringCategoryNames[category];
  return [
    {
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'INDICATOR_POINTS_TOTAL',
      field: ['indicators'],
      message:
        open === 0
          ? msg(
              `${name}各指标分值合计 ${formatDecimal(fixed)}，应等于该类分值 ${formatDecimal(nominal)}`,
              `${category} indicators' points total ${formatDecimal(fixed)}; they must equal ${formatDecimal(nominal)}`,
            )
          : msg(
              `${name}已指定的分值合计 ${formatDecimal(fixed)}，须小于该类分值 ${formatDecimal(nominal)}`,
              `${category} indicators' given points total ${formatDecimal(fixed)}; they must stay below ${formatDecimal(nominal)}`,
            ),
    },
  ];
}
