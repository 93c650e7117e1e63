import type { Decimal } from '../common/decimal';
import { msg } from '../common/errors';
import { Validation } from '../common/mutation';
import { actualsOf, checkMoney } from '../evaluation/actuals-input';
import type { ScoringCategory } from '../evaluation/rules/scoring-types';
import type { SelfContent } from '../evaluation/self-scoring';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { RecordSpotCheckInput } from './dto/spot-check.inputs';

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
  const actuals = actualsOf(
    v,
    input.actuals,
    indicators,
    msg('该指标不属于被抽查的绩效目标', 'The indicator is not one of the checked goal’s'),
  );
  checkMoney(v, input.money);
  v.check();
  return {
    money: input.money,
    fundArrivalExplanation: null,
    budgetExecutionExplanation: null,
    categoryPoints,
    actuals,
  };
}
