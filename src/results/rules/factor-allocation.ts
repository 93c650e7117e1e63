import { Decimal } from '../../common/decimal';
import { msg, type Message } from '../../common/errors';

/**
 * Factor-allocation simulation (DOMAIN §13 "Factor allocation"; 003 转移支付 第三十二条 "采用因素法分配的转移支付
 * 资金，要将绩效评价结果作为以后年度安排转移支付资金的分配因素，且权重不低于10%"): next year's regional shares
 * of a factor-method fund from weighted factors, each a value per receiving region. Pure and exact: weights
 * are percentages that total exactly 100; each region's share of a factor is its value over the factor's
 * total; the shares are rounded to the fen by the largest-remainder method, so they add up to the amount.
 */

/** The least weight of the performance factor, in percent (003 转移支付 第三十二条 "权重不低于10%"). */
export const MINIMUM_PERFORMANCE_WEIGHT = new Decimal(10);
const HUNDRED = new Decimal(100);
const FEN = new Decimal('0.01');

export interface Factor {
  name: string;
  /** Percent of the whole, e.g. 20 or 12.5. */
  weight: Decimal;
  /** The performance factor (绩效因素): its values are the regions' latest result scores. */
  performance: boolean;
  /** Value per receiving region (region id → value ≥ 0); a region not listed has 0. */
  values: ReadonlyMap<string, Decimal>;
}

export interface FactorProblem {
  /** Path under the input, e.g. ['factors', 1, 'weight']. */
  field: (string | number)[];
  message: Message;
}

/**
 * Everything wrong with a set of factors, each with its field: exactly one performance factor weighted at
 * least 10% (003 转移支付 第三十二条); weights positive, totalling exactly 100; values not negative; every
 * factor with a positive total over the regions (else its share cannot be divided).
 */
export function factorProblems(factors: readonly Factor[], regions: readonly string[]): FactorProblem[] {
  const problems: FactorProblem[] = [];
  if (regions.length === 0)
    problems.push({
      field: ['fundId'],
      message: msg('该资金没有可分配的区域', 'The fund has no receiving regions to allocate to'),
    });
  const performance = factors.filter((f) => f.performance);
  if (performance.length !== 1)
    problems.push({
      field: ['factors'],
      message: msg(
        '须有且只有一个绩效因素（003 转移支付 第三十二条）',
        'Exactly one performance factor is required (003 transfer art. 32)',
      ),
    });
  factors.forEach((f, i) => {
    if (!f.name.trim())
      problems.push({ field: ['factors', i, 'name'], message: msg('请填写因素名称', 'Name the factor') });
    if (f.weight.lte(0) || f.weight.decimalPlaces() > 2)
      problems.push({
        field: ['factors', i, 'weight'],
        message: msg('权重须为正数，至多两位小数', 'A weight is positive, with at most 2 decimals'),
      });
    else if (f.performance && f.weight.lt(MINIMUM_PERFORMANCE_WEIGHT))
      problems.push({
        field: ['factors', i, 'weight'],
        message: msg(
          `绩效因素权重不得低于${MINIMUM_PERFORMANCE_WEIGHT.toString()}%（003 转移支付 第三十二条）`,
          `The performance factor weighs at least ${MINIMUM_PERFORMANCE_WEIGHT.toString()}% (003 transfer art. 32)`,
        ),
      });
    if ([...f.values.values()].some((v) => v.isNegative()))
      problems.push({
        field: ['factors', i, 'values'],
        message: msg('因素值不得为负数', 'Factor values are not negative'),
      });
    else if (regions.length > 0 && totalOf(f, regions).isZero())
      problems.push({
        field: ['factors', i, 'values'],
        message: msg('因素值合计须大于零', 'A factor’s values must total more than zero'),
      });
  });
  const total = factors.reduce((sum, f) => sum.plus(f.weight), new Decimal(0));
  if (!total.eq(HUNDRED))
    problems.push({
      field: ['factors'],
      message: msg(
        `权重合计须为100%，现为${total.toString()}%`,
        `The weights must total exactly 100%, not ${total.toString()}%`,
      ),
    });
  return problems;
}

const totalOf = (f: Factor, regions: readonly string[]) =>
  regions.reduce((sum, r) => sum.plus(f.values.get(r) ?? 0), new Decimal(0));

export interface Share {
  regionId: string;
  /** The exact share before rounding (amount × Σ weight × value ÷ factor total). */
  exact: Decimal;
  /** Rounded to the fen by largest remainder; the shares add up to the amount exactly. */
  amount: Decimal;
}

/**
 * The shares of `amount` (yuan, at most 2 decimals) over `regions` by `factors` (valid per factorProblems):
 * each region gets Σ_f weight_f/100 × value_f,r ÷ Σ_r value_f,r of the amount. Rounding: every share is cut
 * down to the fen; the fen left over go one each to the largest remainders (ties: the order of `regions`),
 * so the shares total the amount exactly (DOMAIN §13 "largest-remainder rounding to the fen").
 */
export function factorShares(
  amount: Decimal,
  regions: readonly string[],
  factors: readonly Factor[],
): Share[] {
  const totals = factors.map((f) => totalOf(f, regions));
  const rows = regions.map((regionId, index) => {
    const exact = factors.reduce(
      (sum, f, i) =>
        sum.plus(
          amount
            .times(f.weight)
            .times(f.values.get(regionId) ?? 0)
            .div(HUNDRED)
            .div(totals[i]),
        ),
      new Decimal(0),
    );
    const floor = exact.toDecimalPlaces(2, Decimal.ROUND_DOWN);
    return { regionId, index, exact, floor, remainder: exact.minus(floor) };
  });
  const floors = rows.reduce((sum, r) => sum.plus(r.floor), new Decimal(0));
  const left = amount.minus(floors).div(FEN).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const bonus = new Set(
    [...rows]
      .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)
      .slice(0, Math.max(left, 0))
      .map((r) => r.regionId),
  );
  return rows.map((r) => ({
    regionId: r.regionId,
    exact: r.exact,
    amount: bonus.has(r.regionId) ? r.floor.plus(FEN) : r.floor,
  }));
}
