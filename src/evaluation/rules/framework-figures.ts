import { Decimal, formatDecimal, roundHalfUp } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import type { Problem } from '../../common/problem';

/**
 * The entered figures of a department or finance evaluation and the rates 附件7 defines on them (DOMAIN
 * §10 "Department and finance evaluation", §4): computed exactly (decimal.js, never floats), never typed.
 */
export interface FrameworkFigures {
  /** 计划产出数 */
  plannedOutput: Decimal | null;
  /** 实际产出数 */
  actualOutput: Decimal | null;
  /** 质量达标产出数 */
  standardOutput: Decimal | null;
  /** 计划成本 (yuan) */
  plannedCost: Decimal | null;
  /** 实际成本 (yuan) */
  actualCost: Decimal | null;
  /** 预算资金 (yuan) */
  budgeted: Decimal | null;
  /** 实际到位资金 (yuan) */
  inPlace: Decimal | null;
  /** 实际支出资金 (yuan) */
  spent: Decimal | null;
}

export type FigureKey = keyof FrameworkFigures;

export interface FrameworkRates {
  /** 实际完成率 = 实际产出数 ÷ 计划产出数 */
  completionRate: Decimal | null;
  /** 质量达标率 = 质量达标产出数 ÷ 实际产出数 */
  qualityRate: Decimal | null;
  /** 成本节约率 = (计划成本 − 实际成本) ÷ 计划成本 */
  costSavingRate: Decimal | null;
  /** 资金到位率 = 实际到位资金 ÷ 预算资金 */
  fundArrivalRate: Decimal | null;
  /** 预算执行率 = 实际支出资金 ÷ 实际到位资金 */
  budgetExecutionRate: Decimal | null;
}

interface RateDef {
  rate: keyof FrameworkRates;
  /** The framework indicator the rate scores. */
  code: string;
  name: string;
  en: string;
  num: FigureKey;
  den: FigureKey;
  /** Chinese names of numerator and denominator. */
  numZh: string;
  denZh: string;
}

export const RATE_DEFS: readonly RateDef[] = [
  {
    rate: 'completionRate',
    code: 'COMPLETION_RATE',
    name: '实际完成率',
    en: 'completion rate',
    num: 'actualOutput',
    den: 'plannedOutput',
    numZh: '实际产出数',
    denZh: '计划产出数',
  },
  {
    rate: 'qualityRate',
    code: 'QUALITY_RATE',
    name: '质量达标率',
    en: 'quality rate',
    num: 'standardOutput',
    den: 'actualOutput',
    numZh: '质量达标产出数',
    denZh: '实际产出数',
  },
  {
    rate: 'costSavingRate',
    code: 'COST_SAVING_RATE',
    name: '成本节约率',
    en: 'cost saving rate',
    num: 'actualCost',
    den: 'plannedCost',
    numZh: '实际成本',
    denZh: '计划成本',
  },
  {
    rate: 'fundArrivalRate',
    code: 'FUND_ARRIVAL_RATE',
    name: '资金到位率',
    en: 'fund arrival rate',
    num: 'inPlace',
    den: 'budgeted',
    numZh: '实际到位资金',
    denZh: '预算资金',
  },
  {
    rate: 'budgetExecutionRate',
    code: 'BUDGET_EXECUTION_RATE',
    name: '预算执行率',
    en: 'budget execution rate',
    num: 'spent',
    den: 'inPlace',
    numZh: '实际支出资金',
    denZh: '实际到位资金',
  },
];

const MONEY: readonly FigureKey[] = ['plannedCost', 'actualCost', 'budgeted', 'inPlace', 'spent'];

const problem = (reason: string, key: FigureKey, zh: string, en: string): Problem => ({
  code: ErrorCode.BAD_USER_INPUT,
  reason,
  field: ['figures', key],
  message: msg(zh, en),
});

/**
 * Checks the figures and computes every rate whose two figures are given. Refused (BAD_USER_INPUT with the
 * figure's path): a negative figure, money with more than 2 decimals, a zero base of a rate whose
 * numerator is given (division by zero), and more output meeting the standard than actual output.
 */
export function frameworkRates(f: FrameworkFigures): { rates: FrameworkRates; problems: Problem[] } {
  const problems: Problem[] = [];
  for (const key of Object.keys(f) as FigureKey[]) {
    const v = f[key];
    if (v == null) continue;
    if (!v.isFinite() || v.isNegative() || v.gte('1e12') || (MONEY.includes(key) && v.decimalPlaces() > 2))
      problems.push(
        problem(
          'FIGURE_INVALID',
          key,
          '数值须为不小于 0 的数（金额最多两位小数，单位元）',
          'A figure is ≥ 0 (money in yuan, at most two decimals)',
        ),
      );
  }
  const rates = {} as FrameworkRates;
  for (const def of RATE_DEFS) {
    const num = f[def.num];
    const den = f[def.den];
    rates[def.rate] = null;
    if (num == null || den == null || problems.some((p) => p.field[1] === def.num || p.field[1] === def.den))
      continue;
    if (den.isZero()) {
      problems.push(
        problem(
          'RATE_DIVISION_BY_ZERO',
          def.den,
          `${def.denZh}为 0，无法计算${def.name}（附件7）`,
          `The ${def.en} cannot be computed: ${def.den} is 0 (附件7)`,
        ),
      );
      continue;
    }
    rates[def.rate] = def.rate === 'costSavingRate' ? den.minus(num).div(den) : num.div(den);
  }
  const { standardOutput: s, actualOutput: a } = f;
  if (s != null && a != null && s.gt(a))
    problems.push(
      problem(
        'STANDARD_OVER_ACTUAL',
        'standardOutput',
        '质量达标产出数不能多于实际产出数',
        'Output meeting the standard cannot exceed the actual output',
      ),
    );
  return { rates, problems };
}

export interface ComputedScore {
  score: Decimal;
  rate: Decimal;
  ruleText: string;
}

/**
 * The score of a rate indicator from its computed rate (policy choice, DOMAIN §10.2–3 applied to 附件7):
 * a rate scores points × min(rate, 1), as the self-evaluation's money lines; 成本节约率 is a cost — lower is
 * better (LTE, §10.3) — so saving or breaking even scores the points and an overrun scores points × 计划成本
 * ÷ 实际成本. Rounded half-up to 2 decimals (§10.6). Null when the indicator has no rate or it is unknown.
 */
export function computedScore(
  code: string | null,
  points: Decimal,
  f: FrameworkFigures,
  rates: FrameworkRates,
): ComputedScore | null {
  const def = RATE_DEFS.find((d) => d.code === code);
  const rate = def ? rates[def.rate] : null;
  if (!def || rate == null) return null;
  const pct = `${formatDecimal(rate.times(100), 2)}%`;
  if (def.rate === 'costSavingRate') {
    const planned = f.plannedCost!;
    const actual = f.actualCost!;
    const raw = rate.isNegative() ? points.times(planned).div(actual) : points;
    const score = roundHalfUp(raw, 2);
    return {
      score,
      rate,
      ruleText: `${def.name} = (${planned.toFixed()} − ${actual.toFixed()}) ÷ ${planned.toFixed()} = ${pct}，得分 ${score.toFixed(2)} / ${def.en} ${pct}, score ${score.toFixed(2)}`,
    };
  }
  const score = roundHalfUp(rate.gte(1) ? points : points.times(rate), 2);
  return {
    score,
    rate,
    ruleText: `${def.name} = ${def.numZh} ÷ ${def.denZh} = ${pct}，得分 = ${formatDecimal(points)} × min(${def.name}, 1) = ${score.toFixed(2)} / ${def.en} ${pct}, score ${score.toFixed(2)}`,
  };
}
