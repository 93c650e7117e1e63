import { Decimal, formatDecimal } from '../../common/decimal';
import { divBy, roundExact, timesBy, valueOf, ZERO_EXACT, type Exact } from './exact';

/**
 * Quantitative indicator scoring (DOMAIN §10.3; 002 第二十四条: 完成指标值的，记该指标所赋全部分值；…
 * 未完成指标值的，按照完成值与指标值的比例记分；完成值高于指标值较多的，要分析原因，如果是由于原指标值设定明显偏低
 * 造成的，要按照偏离度适度调减分值). Exact: every formula does one division at the end.
 */

export type QuantitativeComparator = 'GTE' | 'LTE' | 'EQ';

export interface QuantitativeScore {
  rule: string;
  ruleText: string;
  /** Exact (a fraction), not yet rounded. */
  raw: Exact;
  overTarget: boolean;
}

/** Policy choice (DOMAIN §10.3): a ÷ t above 1.2 is 完成值高于指标值较多. */
export const OVER_TARGET_THRESHOLD = new Decimal('1.2');
/** Policy choice (DOMAIN §10.3): the deduction for a target set too low never goes below 80% of the points. */
export const OVER_TARGET_FLOOR = new Decimal('0.8');

/** The tenant policy's over-target threshold (ratio a ÷ t) and floor (DOMAIN §10.3, §10.7). */
export interface OverTargetPolicy {
  threshold: Decimal;
  floor: Decimal;
}

export const DEFAULT_OVER_TARGET: Readonly<OverTargetPolicy> = {
  threshold: OVER_TARGET_THRESHOLD,
  floor: OVER_TARGET_FLOOR,
};

const f = (d: Decimal): string => formatDecimal(d, 4);
const two = (e: Exact): string => roundExact(e, 2).toFixed(2);

function line(rule: string, zh: string, en: string, raw: Exact, overTarget = false): QuantitativeScore {
  return { rule, ruleText: `规则 ${rule}：${zh} / rule ${rule}: ${en}`, raw, overTarget };
}

/**
 * Scores one quantitative indicator with points p, target t ≥ 0 and actual a ≥ 0 (negatives are refused
 * before scoring). `targetSetTooLow`: the over-target was confirmed as 原指标值设定明显偏低.
 */
export function scoreQuantitative(
  p: Exact,
  comparator: QuantitativeComparator,
  t: Decimal,
  a: Decimal,
  targetSetTooLow: boolean,
  policy: OverTargetPolicy = DEFAULT_OVER_TARGET,
): QuantitativeScore {
  const { threshold: TH, floor: FL } = policy;
  const pct = f(TH.times(100));
  const P = f(valueOf(p));
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
          ZERO_EXACT,
        );
  }
  switch (comparator) {
    case 'GTE': {
      if (a.lt(t)) {
        const raw = divBy(timesBy(p, a), t); // a ≥ 0, t > 0: never below 0
        return line(
          'GTE_PROPORTIONAL',
          `实际值 ${A} < 指标值 ${T}，得分 = ${P} × ${A} ÷ ${T} = ${two(raw)}`,
          `actual ${A} < target ${T}, score = ${P} × ${A} ÷ ${T} = ${two(raw)}`,
          raw,
        );
      }
      const over = a.gt(t.times(TH)); // a ÷ t > threshold (1.2), cross-multiplied
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
          `实际值 ${A} 超过指标值 ${T} 的 ${pct}%（完成值高于指标值较多），得满分 ${P}，须说明原因`,
          `actual ${A} exceeds ${pct}% of target ${T} (over target), full ${P} points; explain why`,
          p,
          true,
        );
      }
      // p × max(0.8, 1 − (a ÷ t − 1.2)) = p × max(0.8, (2.2t − a) ÷ t)
      const factorNumerator = t.times(TH.plus(1)).minus(a);
      const floorNumerator = t.times(FL);
      const raw = factorNumerator.gt(floorNumerator) ? divBy(timesBy(p, factorNumerator), t) : timesBy(p, FL);
      return line(
        'OVER_TARGET_DEDUCTION',
        `实际值 ${A} 超过指标值 ${T} 的 ${pct}%，经确认原指标值设定明显偏低，按偏离度调减：得分 = ${P} × max(${f(FL)}, 1 − (${A} ÷ ${T} − ${f(TH)})) = ${two(raw)}`,
        `actual ${A} exceeds ${pct}% of target ${T}, confirmed target set too low, reduced by the deviation: score = ${P} × max(${f(FL)}, 1 − (${A} ÷ ${T} − ${f(TH)})) = ${two(raw)}`,
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
      const raw = divBy(timesBy(p, t), a);
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
      const raw = divBy(timesBy(p, Decimal.max(t.abs().minus(a.minus(t).abs()), 0)), t.abs());
      return line(
        'EQ_DEVIATION',
        `实际值 ${A} ≠ 指标值 ${T}，得分 = ${P} × max(0, 1 − |${A} − ${T}| ÷ ${T}) = ${two(raw)}`,
        `actual ${A} ≠ target ${T}, score = ${P} × max(0, 1 − |${A} − ${T}| ÷ ${T}) = ${two(raw)}`,
        raw,
      );
    }
  }
}
