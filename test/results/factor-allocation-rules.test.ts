/**
 * Factor-allocation simulation, pure (DOMAIN §13 "Factor allocation"; 003 转移支付 第三十二条 "权重不低于10%"):
 * weights total exactly 100, the performance factor weighs at least 10%, and the shares add up to the amount
 * exactly by largest-remainder rounding to the fen. Exact decimals throughout; no database.
 */
import { Decimal } from '../../src/common/decimal';
import { factorProblems, factorShares, type Factor } from '../../src/results/rules/factor-allocation';

const d = (s: string) => new Decimal(s);
const factor = (
  name: string,
  weight: string,
  values: Record<string, string>,
  performance = false,
): Factor => ({
  name,
  weight: d(weight),
  performance,
  values: new Map(Object.entries(values).map(([k, v]) => [k, d(v)])),
});
const REGIONS = ['A', 'B', 'C'];

describe('weights (DOMAIN §13; 003 转移支付 第三十二条)', () => {
  test('70% population + 30% performance over three regions is valid', () => {
    const factors = [
      factor('人口', '70', { A: '1', B: '1', C: '1' }),
      factor('绩效', '30', { A: '90', B: '80', C: '70' }, true),
    ];
    expect(factorProblems(factors, REGIONS)).toEqual([]);
  });

  test('weights totalling 99.99 or 100.01 are refused on `factors`', () => {
    for (const w of ['69.99', '70.01']) {
      const problems = factorProblems(
        [factor('人口', w, { A: '1' }), factor('绩效', '30', { A: '1' }, true)],
        REGIONS,
      );
      expect(problems.map((p) => p.field)).toEqual([['factors']]);
      expect(problems[0].message.zh).toContain('100%');
    }
  });

  test('a performance weight of 9.99% is refused; exactly 10% is allowed (003 转移支付 第三十二条)', () => {
    const below = factorProblems(
      [factor('人口', '90.01', { A: '1' }), factor('绩效', '9.99', { A: '1' }, true)],
      REGIONS,
    );
    expect(below.map((p) => p.field)).toEqual([['factors', 1, 'weight']]);
    expect(below[0].message.zh).toContain('003 转移支付 第三十二条');
    const at = factorProblems(
      [factor('人口', '90', { A: '1' }), factor('绩效', '10', { A: '1' }, true)],
      REGIONS,
    );
    expect(at).toEqual([]);
  });

  test('no performance factor, two of them, a negative value, an all-zero factor: each refused', () => {
    expect(factorProblems([factor('人口', '100', { A: '1' })], REGIONS).map((p) => p.field)).toEqual([
      ['factors'],
    ]);
    expect(
      factorProblems(
        [factor('绩效1', '50', { A: '1' }, true), factor('绩效2', '50', { A: '1' }, true)],
        REGIONS,
      ).map((p) => p.field),
    ).toEqual([['factors']]);
    expect(
      factorProblems(
        [factor('人口', '80', { A: '-1', B: '2' }), factor('绩效', '20', { A: '1' }, true)],
        REGIONS,
      ).map((p) => p.field),
    ).toEqual([['factors', 0, 'values']]);
    expect(
      factorProblems([factor('人口', '80', {}), factor('绩效', '20', { A: '1' }, true)], REGIONS).map(
        (p) => p.field,
      ),
    ).toEqual([['factors', 0, 'values']]);
  });
});

describe('shares add up to the amount exactly, largest remainder to the fen (DOMAIN §13)', () => {
  test('100.00 in three equal parts: 33.34 + 33.33 + 33.33 (ties go to the first region)', () => {
    const shares = factorShares(d('100'), REGIONS, [
      factor('人口', '90', { A: '1', B: '1', C: '1' }),
      factor('绩效', '10', { A: '1', B: '1', C: '1' }, true),
    ]);
    expect(shares.map((s) => s.amount.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
  });

  test('worked example: 10,000,000.00 by 70% population (3:2:1) and 30% performance (90:80:70)', () => {
    const shares = factorShares(d('10000000'), REGIONS, [
      factor('人口', '70', { A: '3', B: '2', C: '1' }),
      factor('绩效', '30', { A: '90', B: '80', C: '70' }, true),
    ]);
    // A: 7,000,000 × 3/6 + 3,000,000 × 90/240 = 3,500,000 + 1,125,000 = 4,625,000
    // B: 7,000,000 × 2/6 + 3,000,000 × 80/240 = 2,333,333.333… + 1,000,000 = 3,333,333.333…
    // C: 7,000,000 × 1/6 + 3,000,000 × 70/240 = 1,166,666.666… + 875,000 = 2,041,666.666…
    expect(shares.map((s) => s.amount.toFixed(2))).toEqual(['4625000.00', '3333333.33', '2041666.67']);
    expect(shares.reduce((sum, s) => sum.plus(s.amount), d('0')).toFixed(2)).toBe('10000000.00');
  });

  test('the largest remainder gets the fen, not the largest share', () => {
    // amount 0.05 over weights 70/30 on two regions: A 0.035, B 0.015
    const shares = factorShares(
      d('0.05'),
      ['A', 'B'],
      [factor('人口', '70', { A: '1', B: '0' }), factor('绩效', '30', { A: '0', B: '1' }, true)],
    );
    // floors 0.03 + 0.01 = 0.04; remainders A 0.005, B 0.005 → tie → A (first)
    expect(shares.map((s) => s.amount.toFixed(2))).toEqual(['0.04', '0.01']);
    const uneven = factorShares(
      d('0.05'),
      ['A', 'B'],
      [factor('人口', '64', { A: '1', B: '0' }), factor('绩效', '36', { A: '0', B: '1' }, true)],
    );
    // A 0.032 (remainder 0.002), B 0.018 (remainder 0.008) → B gets the fen
    expect(uneven.map((s) => s.amount.toFixed(2))).toEqual(['0.03', '0.02']);
  });

  test('seven regions with awkward values still total the amount to the fen', () => {
    const regions = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'];
    const values = (xs: string[]) => Object.fromEntries(regions.map((r, i) => [r, xs[i]]));
    const shares = factorShares(d('1234567.89'), regions, [
      factor('人口', '45.5', values(['13', '7', '29', '3', '11', '17', '19'])),
      factor('道路里程', '32.25', values(['1.7', '2.9', '0.3', '5.5', '3.1', '2.2', '0.9'])),
      factor('绩效', '22.25', values(['96.08', '98.40', '61.5', '59.99', '88', '79.99', '90']), true),
    ]);
    expect(shares.reduce((sum, s) => sum.plus(s.amount), d('0')).toFixed(2)).toBe('1234567.89');
    for (const s of shares) expect(s.amount.minus(s.exact).abs().lt(d('0.01'))).toBe(true);
  });
});
