import { ErrorCode, msg, type Message } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { Validation } from '../common/mutation';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { EvaluationActualInput, EvaluationMoneyInput } from './dto/evaluation.inputs';
import { text } from './rules/evaluation-guards';
import type { IndicatorActual } from './rules/scoring-types';

/**
 * Entered actuals as engine input (DOMAIN §10), shared by self-evaluations, spot checks and compiled
 * results: each must name an indicator of the evaluated goal (`notOfGoal` says which goal), and a
 * percentage has at most 2 decimals. Problems go to `v` with their field paths; the engine checks the rest.
 */
export function actualsOf(
  v: Validation,
  entered: readonly EvaluationActualInput[],
  indicators: readonly GoalIndicatorEntity[],
  notOfGoal: Message,
  path: readonly string[] = ['input', 'actuals'],
): IndicatorActual[] {
  const known = new Set(indicators.map((i) => i.id));
  return entered.map((a, k) => {
    const id = idOfType(a.indicatorId, 'GoalIndicator');
    if (!id || !known.has(id))
      v.add(ErrorCode.BAD_USER_INPUT, [...path, String(k), 'indicatorId'], notOfGoal);
    if (a.percentage != null && a.percentage.decimalPlaces() > 2) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        [...path, String(k), 'percentage'],
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
}

/** Money in yuan (DOMAIN §4): ≥ 0, at most 2 decimals, within NUMERIC(14,2). */
export function checkMoney(v: Validation, money: EvaluationMoneyInput): void {
  for (const key of ['initialBudget', 'budgeted', 'inPlace', 'spent'] as const) {
    const value = money[key];
    if (value == null) continue; // 年初预算数 is optional (DOMAIN §10.8)
    if (value.decimalPlaces() > 2 || value.isNegative() || value.greaterThanOrEqualTo('1e12')) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'money', key],
        msg('金额须为不小于0、最多两位小数的数（元）', 'An amount is ≥ 0 yuan with at most two decimals'),
      );
    }
  }
}
