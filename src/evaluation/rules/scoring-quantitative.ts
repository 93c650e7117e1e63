import { Decimal, formatDecimal, roundHalfUp } from '../../common/decimal';

/**
 * Quantitative indicator scoring (DOMAIN §10.3; 002 第二十四条: 完成指标值的，记该指标所赋全部分值；…
 * 未完成指标值的，按照完成值与指标值的比例记分；完成值高于指标值较多的，要分析原因，如果是由于原指标值设定明显偏低
 * 造成的，要按照偏离度适度调减分值). Exact: every formula does one division at the end.
 */

export type QuantitativeComparator = 'GTE' | 'LTE' | 'EQ';

export interface QuantitativeScore {
  rule: string;
  ruleText: string;
  /** Exact, not yet rounded. */
  raw: Decimal;
  overTarget: boolean;
}

/** Policy choice (DOMAIN §10.3): a ÷ t above 1.2 is 完成值高于指标值较多. */
export const OVER_TARGET_THRESHOLD = new Decimal('1.2');
/** Policy choice (DOMAIN §10.3): the deduction for a target set too low never goes below 80% of the points. */
export const OVER_TARGET_FLOOR = new Decimal('0.8');

const f = (d: Decimal): string => formatDecimal(d, 4);
const two = (d: Decimal): string => roundHalfUp(d, 2).toFixed(2);

function line(rule: string, zh: string, en: string, raw: Decimal, overTarget = false): QuantitativeScore {
  return { rule, ruleText: `规则 ${rule}：${zh} / rule ${rule}: ${en}`, raw, overTarget };
}

/**
 * Scores one quantitative indicator with points p, target t ≥ 0 and actual a ≥ 0 (negatives are refused
 * before scoring). `targetSetTooLow`: the over-target was confirmed as 原指标值设定明显偏低.
 */
export function scoreQuantitative(
  p: Decimal,
  comparator: QuantitativeComparator,
  t: Decimal,
  a: Decimal,
  targetSetTooLow: boolean,
): QuantitativeScore {
  const P = f(p);
  const A = f(a);
  const T = f(t);
  if (t.isZero()) {
    // DOMAIN §10.3: target 0 — GTE → p when a ≥ 0; LTE → p when a ≤ 0; EQ → p when a = 0; else 0.
    const met = comparator === 'GTE' ? a.gte(0) : comparator === 'LTE' ? a.lte(0) : a.isZero();
    const sym = comparator === 'GTE' ? '≥' : comparator === 'LTE' ? '≤' : '=';
    return met
      ? line(
          'TARGET_ZERO_MET',
          `指标值为 0，实际值 ${A} ${sym} 0，得满分 ${P}`,
          `target 0, actual ${A} ${sym} 0, full ${P} points`,
          p,
        )
      : line(
          'TARGET_ZERO_MISSED',
          `指标值为 0，实际值 ${A} 不满足 ${sym} 0，得 0 分`,
          `target 0, actual ${A} fails ${sym} 0, 0 points`,
          new Decimal(0),
        );
  }
  switch (comparator) {
    case 'GTE': {
      if (a.lt(t)) {
        const raw = Decimal.max(p.times(a).div(t), 0);
        return line(
          'GTE_PROPORTIONAL',
          `实际值 ${A} < 指标值 ${T}，得分 = ${P} × ${A} ÷ ${T} = ${two(raw)}`,
          `actual ${A} < target ${T}, score = ${P} × ${A} ÷ ${T} = ${two(raw)}`,
          raw,
        );
      }
      const over = a.gt(t.times(OVER_TARGET_THRESHOLD)); // a ÷ t > 1.2, cross-multiplied
      if (!over) {
        return line(
          'GTE_MET',
          `实际值 ${A} ≥ 指标值 ${T}，得满分 ${P}`,
          `actual ${A} ≥ target ${T}, full ${P} points`,
          p,
        );
      }
      if (!targetSetTooLow) {
        return line(
          'GTE_MET',
          `实际值 ${A} 超过指标值 ${T} 的 120%（完成值高于指标值较多），得满分 ${P}，须说明原因`,
          `actual ${A} exceeds 120% of target ${T} (over target), full ${P} points; explain why`,
          p,
          true,
        );
      }
      // p × max(0.8, 1 − (a ÷ t − 1.2)) = p × max(0.8, (2.2t − a) ÷ t)
      const factorNumerator = t.times(OVER_TARGET_THRESHOLD.plus(1)).minus(a);
      const floorNumerator = t.times(OVER_TARGET_FLOOR);
      const raw = factorNumerator.gt(floorNumerator)
        ? p.times(factorNumerator).div(t)
        : p.times(OVER_TARGET_FLOOR);
      return line(
        'OVER_TARGET_DEDUCTION',
        `实际值 ${A} 超过指标值 ${T} 的 120%，经确认原指标值设定明显偏低，按偏离度调减：得分 = ${P} × max(0.8, 1 − (${A} ÷ ${T} − 1.2)) = ${two(raw)}`,
        `actual ${A} exceeds 120% of target ${T}, confirmed target set too low, reduced by the deviation: score = ${P} × max(0.8, 1 − (${A} ÷ ${T} − 1.2)) = ${two(raw)}`,
        raw,
        true,
      );
    }
    case 'LTE': {
      if (a.lte(t)) {
        return line(
          'LTE_MET',
          `实际值 ${A} ≤ 指标值 ${T}，得满分 ${P}`,
          `actual ${A} ≤ target ${T}, full ${P} points`,
          p,
        );
      }
      const raw = p.times(t).div(a);
      return line(
        'LTE_PROPORTIONAL',
        `实际值 ${A} > 指标值 ${T}，得分 = ${P} × ${T} ÷ ${A} = ${two(raw)}`,
        `actual ${A} > target ${T}, score = ${P} × ${T} ÷ ${A} = ${two(raw)}`,
        raw,
      );
    }
    case 'EQ': {
      if (a.eq(t)) {
        return line(
          'EQ_MET',
          `实际值 ${A} = 指标值 ${T}，得满分 ${P}`,
          `actual ${A} = target ${T}, full ${P} points`,
          p,
        );
      }
      // p × max(0, 1 − |a − t| ÷ |t|) = p × max(0, |t| − |a − t|) ÷ |t|
      const raw = p.times(Decimal.max(t.abs().minus(a.minus(t).abs()), 0)).div(t.abs());
      return line(
        'EQ_DEVIATION',
        `实际值 ${A} ≠ 指标值 ${T}，得分 = ${P} × max(0, 1 − |${A} − ${T}| ÷ ${T}) = ${two(raw)}`,
        `actual ${A} ≠ target ${T}, score = ${P} × max(0, 1 − |${A} − ${T}| ÷ ${T}) = ${two(raw)}`,
        raw,
      );
    }
  }
}
