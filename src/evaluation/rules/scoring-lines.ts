import type { Decimal } from '../../common/decimal';
import { cmp, exact, roundExact, valueOf, ZERO_EXACT, type Exact } from './exact';
import { ErrorCode, msg, type Message } from '../../common/errors';
import type { Problem } from '../../common/problem';
import {
  scoreQualitative,
  isTier,
  percentageInTier,
  tierRangeText,
  TIER_RANGES,
} from './scoring-qualitative';
import { scoreQuantitative, type OverTargetPolicy } from './scoring-quantitative';
import type { IndicatorActual, ScoreLine, ScoringIndicator } from './scoring-types';

/** The actual entered for an indicator and its index in `input.actuals` (for field paths). */
export interface IndexedActual {
  actual: IndicatorActual;
  index: number;
}

export interface LineOutcome {
  line: ScoreLine;
  /** Whether the indicator has a usable actual (else: ACTUAL_REQUIRED on submission). */
  hasActual: boolean;
  inputProblems: Problem[];
}

const bad = (reason: string, field: string[], message: Message): Problem => ({
  code: ErrorCode.BAD_USER_INPUT,
  reason,
  field,
  message,
});

const zeroLine = (rule: string, zh: string, en: string) => ({
  rule,
  ruleText: `规则 ${rule}：${zh} / rule ${rule}: ${en}`,
  raw: ZERO_EXACT,
});

function finiteNonNegative(d: Decimal | null | undefined): d is Decimal {
  return d !== null && d !== undefined && d.isFinite() && !d.isNegative();
}

/**
 * Scores one goal indicator (DOMAIN §10.3–4) with the points it carries. Values that cannot be scored
 * (negative, not finite, percentage outside its tier, tier missing) are input problems; the line then
 * scores 0 so the rest of the table can still be shown.
 */
export function scoreIndicatorLine(
  indicator: ScoringIndicator,
  indicatorIndex: number,
  points: Exact,
  entry: IndexedActual | undefined,
  overTargetPolicy?: OverTargetPolicy,
): LineOutcome {
  const problems: Problem[] = [];
  const at = (field: string) => ['actuals', String(entry?.index ?? 0), field];
  const name = `「${indicator.name}」`;
  const shownPoints = valueOf(points);
  const inputs: Record<string, string> = { points: shownPoints.toFixed() };
  let outcome: { rule: string; ruleText: string; raw: Exact; overTarget?: boolean };
  let hasActual = false;

  if (indicator.kind === 'QUANTITATIVE') {
    const { comparator, target } = indicator;
    if (comparator) inputs.comparator = comparator;
    if (target) inputs.target = target.toFixed();
    const actual = entry?.actual.actual;
    if (actual !== null && actual !== undefined)
      inputs.actual = actual.isFinite() ? actual.toFixed() : actual.toString();
    if (!comparator || !finiteNonNegative(target)) {
      problems.push(
        bad(
          'INDICATOR_INCOMPLETE',
          ['indicators', String(indicatorIndex)],
          msg(
            `定量指标${name}须有比较方式和不小于 0 的指标值才能计分`,
            `Quantitative indicator "${indicator.name}" needs a comparator and a target ≥ 0 to be scored`,
          ),
        ),
      );
      outcome = zeroLine(
        'INDICATOR_INCOMPLETE',
        '指标缺少比较方式或指标值，计 0 分',
        'the indicator lacks a comparator or target; 0 points',
      );
    } else if (actual === null || actual === undefined) {
      outcome = zeroLine(
        'NO_ACTUAL',
        '尚未填报实际完成值，暂计 0 分',
        'no actual value reported yet; 0 points for now',
      );
    } else if (!finiteNonNegative(actual)) {
      problems.push(
        bad(
          'ACTUAL_INVALID',
          at('actual'),
          msg(
            `指标${name}的实际完成值须为不小于 0 的数`,
            `The actual value of "${indicator.name}" must be a number ≥ 0`,
          ),
        ),
      );
      outcome = zeroLine('INVALID_INPUT', '实际完成值无效，计 0 分', 'the actual value is invalid; 0 points');
    } else {
      hasActual = true;
      const tooLow = entry?.actual.targetSetTooLow === true;
      outcome = scoreQuantitative(points, comparator, target, actual, tooLow, overTargetPolicy);
      if (outcome.overTarget) inputs.targetSetTooLow = String(tooLow);
    }
  } else {
    const tier = entry?.actual.tier ?? null;
    const percentage = entry?.actual.percentage ?? null;
    if (tier !== null) inputs.tier = String(tier);
    if (percentage !== null)
      inputs.percentage = percentage.isFinite() ? percentage.toFixed() : percentage.toString();
    if (tier === null && percentage === null) {
      outcome = zeroLine('NO_ACTUAL', '尚未评定档次，暂计 0 分', 'no tier judged yet; 0 points for now');
    } else if (tier === null || !isTier(tier)) {
      problems.push(
        bad(
          'TIER_REQUIRED',
          at('tier'),
          msg(
            `定性指标${name}须选择档次（达成、部分达成、未达成）`,
            `Qualitative indicator "${indicator.name}" needs a tier (ACHIEVED, PARTIAL, NOT_ACHIEVED)`,
          ),
        ),
      );
      outcome = zeroLine('INVALID_INPUT', '未选择档次，计 0 分', 'no tier chosen; 0 points');
    } else if (percentage === null) {
      outcome = zeroLine(
        'NO_ACTUAL',
        '尚未填写档次内的百分比，暂计 0 分',
        'no percentage inside the tier yet; 0 points for now',
      );
    } else if (!percentageInTier(tier, percentage)) {
      problems.push(
        bad(
          'PERCENTAGE_OUTSIDE_TIER',
          at('percentage'),
          msg(
            `指标${name}的百分比 ${percentage.toString()} 不在档次「${TIER_RANGES[tier].name}」${tierRangeText(tier)}% 内`,
            `The percentage ${percentage.toString()} of "${indicator.name}" lies outside tier ${tier} ${tierRangeText(tier)}%`,
          ),
        ),
      );
      outcome = zeroLine(
        'INVALID_INPUT',
        '百分比不在所选档次内，计 0 分',
        'the percentage lies outside its tier; 0 points',
      );
    } else {
      hasActual = true;
      outcome = scoreQualitative(points, tier, percentage);
    }
  }

  // DOMAIN §10.6: the score alone is rounded, half-up to 2 decimals, from the exact value.
  const score = roundExact(outcome.raw, 2);
  const overTarget = outcome.overTarget === true;
  return {
    line: {
      key: indicator.id,
      name: indicator.name,
      category: indicator.category,
      points: shownPoints,
      inputs,
      rule: outcome.rule,
      ruleText: outcome.ruleText,
      score,
      flags: overTarget ? ['OVER_TARGET'] : [],
      needsExplanation: cmp(exact(score), points) < 0 || overTarget,
    },
    hasActual,
    inputProblems: problems,
  };
}
