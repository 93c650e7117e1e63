import fc from 'fast-check';
import { Decimal } from '../../src/common/decimal';
import { gradeOf } from '../../src/common/grade';
import {
  scoreSelfEvaluation,
  type IndicatorActual,
  type ScoringCategory,
  type ScoringIndicator,
} from '../../src/evaluation/rules/scoring';
import { drawSample, sampleSize } from '../../src/spot-check/rules/flags';

/** Property tests of DOMAIN §10 (scoring) and §12 (sampling); decimals are integers of cents, never floats. */
const cents = (n: number | bigint): Decimal => new Decimal(n.toString()).div(100);
const RUNS = { numRuns: 200 };

const categoryArb = fc.constantFrom<ScoringCategory>('COMMON', 'OUTPUT', 'BENEFIT', 'SATISFACTION');
const indicatorArb = fc.record({
  category: categoryArb,
  qualitative: fc.boolean(),
  comparator: fc.constantFrom<'GTE' | 'LTE' | 'EQ'>('GTE', 'LTE', 'EQ'),
  target: fc.integer({ min: 0, max: 1_000_000 }),
  points: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  actual: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
  tier: fc.constantFrom('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED') as fc.Arbitrary<
    'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED'
  >,
  within: fc.integer({ min: 0, max: 1999 }),
  tooLow: fc.boolean(),
});
const TIER_BASE = { ACHIEVED: [8000, 2001], PARTIAL: [6000, 2000], NOT_ACHIEVED: [0, 6000] } as const;

const inputArb = fc.record({
  indicators: fc.array(indicatorArb, { minLength: 0, maxLength: 8 }),
  money: fc.tuple(
    fc.integer({ min: 0, max: 10_000_000 }),
    fc.integer({ min: 0, max: 10_000_000 }),
    fc.integer({ min: 0, max: 10_000_000 }),
  ),
  split: fc.option(
    fc.tuple(
      fc.integer({ min: 0, max: 10000 }),
      fc.integer({ min: 0, max: 10000 }),
      fc.integer({ min: 0, max: 10000 }),
    ),
    { nil: null },
  ),
});

type RawInput = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function build(raw: RawInput) {
  const indicators: ScoringIndicator[] = raw.indicators.map((r, k) => ({
    id: `i${k}`,
    name: `指标${k}`,
    category: r.category,
    kind: r.qualitative ? 'QUALITATIVE' : 'QUANTITATIVE',
    comparator: r.qualitative ? null : r.comparator,
    target: r.qualitative ? null : cents(r.target),
    points: r.points === null ? null : cents(r.points),
  }));
  const actuals: IndicatorActual[] = raw.indicators.flatMap((r, k): IndicatorActual[] => {
    if (r.actual === null) return [];
    if (r.qualitative) {
      const [min, width] = TIER_BASE[r.tier];
      return [{ indicatorId: `i${k}`, tier: r.tier, percentage: cents(min + (r.within % width)) }];
    }
    return [{ indicatorId: `i${k}`, actual: cents(r.actual), targetSetTooLow: r.tooLow, explanation: 'x' }];
  });
  // Custom category points: three cut points of 0..100.00 (in cents), so they always total 100.
  let categoryPoints: Partial<Record<ScoringCategory, Decimal>> | null = null;
  if (raw.split) {
    const [x, y, z] = [...raw.split].sort((p, q) => p - q) as [number, number, number];
    categoryPoints = {
      COMMON: cents(x),
      OUTPUT: cents(y - x),
      BENEFIT: cents(z - y),
      SATISFACTION: cents(10000 - z),
    };
  }
  const [b, i, s] = raw.money;
  return {
    indicators,
    actuals,
    money: { budgeted: cents(b), inPlace: cents(i), spent: cents(s) },
    categoryPoints,
  };
}

/** One OUTPUT indicator of 50 points beside full-scoring others: its line is the one under test. */
function lineScore(
  comparator: 'GTE' | 'LTE' | 'EQ',
  target: Decimal,
  actual: Decimal,
  tooLow = false,
): Decimal {
  const other = (id: string, category: ScoringCategory): ScoringIndicator => ({
    id,
    name: id,
    category,
    kind: 'QUALITATIVE',
    comparator: null,
    target: null,
    points: null,
  });
  const result = scoreSelfEvaluation({
    indicators: [
      {
        id: 'x',
        name: 'x',
        category: 'OUTPUT',
        kind: 'QUANTITATIVE',
        comparator,
        target,
        points: new Decimal(50),
      },
      other('b', 'BENEFIT'),
      other('s', 'SATISFACTION'),
    ],
    actuals: [{ indicatorId: 'x', actual, targetSetTooLow: tooLow }],
    money: { budgeted: new Decimal(1), inPlace: new Decimal(1), spent: new Decimal(1) },
  });
  const line = result.lines.find((l) => l.key === 'x')!;
  expect(line.points.toFixed()).toBe('50');
  return line.score;
}

describe('scoring properties (DOMAIN §10)', () => {
  test('every line within 0..its rounded points; total the sum of the rounded lines (§10.2–6)', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const result = scoreSelfEvaluation(build(raw));
        for (const line of result.lines) {
          // Points are exact (§10.2); the score alone is rounded (§10.6), so it never passes round(points).
          expect(line.score.gte(0) && line.score.lte(line.points.toDecimalPlaces(2))).toBe(true);
          expect(line.score.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        const sum = result.lines.reduce((acc, l) => acc.plus(l.score), new Decimal(0));
        expect(result.total.eq(sum)).toBe(true);
        // The total passes 100 by at most the half cent each line's rounding may add.
        expect(result.total.gte(0)).toBe(true);
        expect(result.total.lte(new Decimal(100).plus(new Decimal('0.005').times(result.lines.length)))).toBe(
          true,
        );
        expect(result.grade).toBe(gradeOf(Decimal.min(result.total, 100)));
        // The points the lines carry total 100 (§10.1 redistribution), exact up to the 40th digit of display.
        const points = result.lines.reduce((acc, l) => acc.plus(l.points), new Decimal(0));
        expect(points.toDecimalPlaces(30).toFixed()).toBe('100');
      }),
      RUNS,
    );
  });

  test('GTE: more actual never lowers the score without the over-target deduction (§10.3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (t, a1, a2) => {
          const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
          expect(lineScore('GTE', cents(t), cents(lo)).lte(lineScore('GTE', cents(t), cents(hi)))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test('GTE with the deduction (目标设定偏低): monotone up to 1.2 × target, then non-increasing and never below 80% (§10.3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 0, max: 400_000 }),
        (t, a1, a2) => {
          const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
          const s = (a: number) => lineScore('GTE', cents(t), cents(a), true);
          const over = (a: number) => a * 5 > t * 6; // a ÷ t > 1.2, in integers
          if (!over(hi)) expect(s(lo).lte(s(hi))).toBe(true);
          if (over(lo)) expect(s(lo).gte(s(hi))).toBe(true);
          if (lo >= t) expect(s(lo).gte(40)).toBe(true); // 0.8 × 50
        },
      ),
      RUNS,
    );
  });

  test('LTE: less actual never lowers the score (§10.3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (t, a1, a2) => {
          const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
          expect(lineScore('LTE', cents(t), cents(lo)).gte(lineScore('LTE', cents(t), cents(hi)))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test('rounding is half-up to the cent, against an exact integer reference (§10.6)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (t, a) => {
        fc.pre(a < t);
        // score = 50 × a ÷ t; in cents 5000 × A ÷ T (A, T in cents); half-up: ⌊(2N + D) ÷ 2D⌋.
        const N = 5000n * BigInt(a);
        const D = BigInt(t);
        const expected = (2n * N + D) / (2n * D);
        expect(lineScore('GTE', cents(t), cents(a)).times(100).toFixed()).toBe(expected.toString());
      }),
      RUNS,
    );
  });
});

describe('sampling properties (DOMAIN §12)', () => {
  const idsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 120 });

  test('size is max(1, ⌈ratio × n⌉) (0 of none); a subset without repeats', () => {
    fc.assert(
      fc.property(
        idsArb,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (ids, pct, seed) => {
          const ratio = new Decimal(pct).div(100);
          const sample = drawSample(
            ids.map((id) => ({ id })),
            seed,
            ratio,
          );
          const n = ids.length;
          const expected = n === 0 ? 0 : Math.max(1, Math.floor((pct * n + 99) / 100));
          expect(sample).toHaveLength(expected);
          expect(sampleSize(ratio, n)).toBe(expected);
          expect(new Set(sample.map((s) => s.id)).size).toBe(expected);
          for (const s of sample) expect(ids).toContain(s.id);
        },
      ),
      RUNS,
    );
  });

  test('same seed and same candidates, in any order → the same sample', () => {
    fc.assert(
      fc.property(
        idsArb,
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 100 }),
        (ids, seed, pct) => {
          const ratio = new Decimal(pct).div(100);
          const list = ids.map((id) => ({ id }));
          const shuffled = fc.sample(
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            { seed, numRuns: 1 },
          )[0]!;
          expect(drawSample(shuffled, seed, ratio)).toEqual(drawSample(list, seed, ratio));
        },
      ),
      RUNS,
    );
  });
});
