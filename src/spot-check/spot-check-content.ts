import { ErrorCode, msg } from '../common/errors';
import type { Decimal } from '../common/decimal';
import { idOfType } from '../common/global-id';
import { Validation } from '../common/mutation';
import type { ScoringCategory } from '../evaluation/rules/scoring-types';
import type { SelfContent } from '../evaluation/self-scoring';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { RecordSpotCheckInput } from './dto/spot-check.inputs';

const text = (s: string | null | undefined): string | null =>
  s == null || s.trim() === '' ? null : s.trim();

/**
 * The checker's input as engine content (DOMAIN §10, §12): the same shape as a self-evaluation's —
 * indicator ids of the goal, percentages with at most 2 decimals, money ≥ 0 with at most 2 decimals —
 * scored with the self-evaluation's category points. Malformed values are refused with their fields.
 */
export function checkContent(
  input: RecordSpotCheckInput,
  indicators: readonly GoalIndicatorEntity[],
  categoryPoints: Record<ScoringCategory, Decimal> | null,
): SelfContent {
  const v = new Validation();
  const known = new Set(indicators.map((i) => i.id));
  const actuals = input.actuals.map((a, k) => {
    const id = idOfType(a.indicatorId, 'GoalIndicator');
    if (!id || !known.has(id)) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'actuals', String(k), 'indicatorId'],
        msg('该指标不属于被抽查的绩效目标', 'The indicator is not one of the checked goal’s'),
      );
    }
    if (a.percentage != null && a.percentage.decimalPlaces() > 2) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'actuals', String(k), 'percentage'],
        msg('得分比例最多保留两位小数', 'A percentage has at most two decimal places'),
      );
    }
    return {
      indicatorId: id ?? a.indicatorId,
      actual: a.actual ?? null,
      tier: a.tier ?? null,
      percentage: a.percentage ?? null,
      explanation: text(a.explanation),
      targetSetTooLow: a.targetSetTooLow ?? false,
    };
  });
  for (const key of ['budgeted', 'inPlace', 'spent'] as const) {
    const value = input.money[key];
    if (value.decimalPlaces() > 2 || value.isNegative() || value.greaterThanOrEqualTo('1e12')) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'money', key],
        msg('金额须为不小于0、最多两位小数的数（元）', 'An amount is ≥ 0 yuan with at most two decimals'),
      );
    }
  }
  v.check();
  return {
    money: input.money,
    fundArrivalExplanation: null,
    budgetExecutionExplanation: null,
    categoryPoints,
    actuals,
  };
}
