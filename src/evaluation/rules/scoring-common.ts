import { formatDecimal } from '../../common/decimal';
import { divBy, roundExact, timesBy, valueOf, type Exact } from './exact';
import { BUDGET_EXECUTION_KEY, FUND_ARRIVAL_KEY, type MoneyFigures } from './scoring-types';

/**
 * The two money-based common lines (DOMAIN §10.2, §4; 附件6 共性指标 预算管理; 附件7 formulas):
 * 资金到位率 = in place ÷ budgeted, 预算执行率 = spent ÷ in place, each scored points × min(rate, 1).
 * The rate is never rounded before use (DOMAIN §10.6).
 */
export interface RateLine {
  key: string;
  name: string;
  inputs: Record<string, string>;
  rule: 'RATE' | 'RATE_NO_BASE';
  ruleText: string;
  /** Exact (a fraction), not yet rounded. */
  raw: Exact;
}

export const COMMON_LINES = [
  { key: FUND_ARRIVAL_KEY, name: '资金到位率', en: 'fund arrival rate', num: 'inPlace', den: 'budgeted' },
  {
    key: BUDGET_EXECUTION_KEY,
    name: '预算执行率',
    en: 'budget execution rate',
    num: 'spent',
    den: 'inPlace',
  },
] as const;

const NUM_NAMES = { inPlace: '到位资金', spent: '实际支出', budgeted: '预算资金' } as const;

/**
 * One rate line. Policy choice: a zero base (nothing budgeted, resp. nothing in place) leaves nothing
 * unmet, so the line scores its full points (rule RATE_NO_BASE) rather than dividing by zero.
 */
export function scoreRateLine(which: 0 | 1, points: Exact, money: MoneyFigures): RateLine {
  const def = COMMON_LINES[which];
  const numerator = money[def.num];
  const denominator = money[def.den];
  const P = formatDecimal(valueOf(points));
  const shown = valueOf(points).toFixed();
  const N = numerator.toFixed();
  const D = denominator.toFixed();
  const base = { key: def.key, name: def.name };
  if (denominator.isZero()) {
    return {
      ...base,
      inputs: { [def.num]: N, [def.den]: D, points: shown },
      rule: 'RATE_NO_BASE',
      ruleText:
        `规则 RATE_NO_BASE：${NUM_NAMES[def.den]}为 0，${def.name}无从计算，得满分 ${P}` +
        ` / rule RATE_NO_BASE: ${def.den} is 0, the ${def.en} has no base; full ${P} points`,
      raw: points,
    };
  }
  const rate = numerator.div(denominator);
  const raw = rate.gte(1) ? points : divBy(timesBy(points, numerator), denominator);
  const s = roundExact(raw, 2).toFixed(2);
  return {
    ...base,
    inputs: { [def.num]: N, [def.den]: D, rate: rate.toFixed(), points: shown },
    rule: 'RATE',
    ruleText:
      `规则 RATE：${def.name} = ${NUM_NAMES[def.num]} ${N} ÷ ${NUM_NAMES[def.den]} ${D} = ${formatDecimal(rate.times(100), 2)}%，` +
      `得分 = ${P} × min(${def.name}, 1) = ${s}` +
      ` / rule RATE: ${def.en} = ${def.num} ${N} ÷ ${def.den} ${D} = ${formatDecimal(rate.times(100), 2)}%, score = ${P} × min(rate, 1) = ${s}`,
    raw,
  };
}
