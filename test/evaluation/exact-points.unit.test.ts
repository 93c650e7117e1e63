/**
 * Issue 9 item 2 — points are exact, only each indicator's score is rounded (DOMAIN §10.2, §10.6; 002 第二十一、
 * 二十四条; 附件6). The old engine apportioned points to the cent (50 ÷ 3 → 16.67 / 16.67 / 16.66) and scored
 * from those rounded points: equal weights carried different points, and a score moved by a cent whenever
 * the points' rounding crossed the score's rounding boundary. Decimals are integers of cents, never floats;
 * the reference is exact integer (BigInt) arithmetic.
 */
import fc from 'fast-check';
import { Decimal } from '../../src/common/decimal';
import {
  scoreSelfEvaluation,
  type ScoringCategory,
  type ScoringIndicator,
} from '../../src/evaluation/rules/scoring';
import { indicatorPoints } from '../../src/goals/rules/completeness';
import { IndicatorCategory } from '../../src/goals/indicator.enums';

const RUNS = { numRuns: 300 };
const cents = (n: number | bigint): Decimal => new Decimal(n.toString()).div(100);
const FULL = { budgeted: new Decimal(100), inPlace: new Decimal(100), spent: new Decimal(100) };

const gte = (id: string, category: ScoringCategory, target: Decimal, points: Decimal | null = null) =>
  ({
    id,
    name: id,
    category,
    kind: 'QUANTITATIVE',
    comparator: 'GTE',
    target,
    points,
  }) satisfies ScoringIndicator;

/** k equal GTE lines in OUTPUT (target t, actual a, both in cents) beside one full BENEFIT and SATISFACTION line. */
function equalOutputLines(k: number, t: number, a: number, split?: Record<ScoringCategory, Decimal>) {
  const outputs = Array.from({ length: k }, (_, j) => gte(`o${j}`, 'OUTPUT', cents(t)));
  return scoreSelfEvaluation({
    indicators: [...outputs, gte('b', 'BENEFIT', new Decimal(1)), gte('s', 'SATISFACTION', new Decimal(1))],
    actuals: [
      ...outputs.map((o) => ({ indicatorId: o.id, actual: cents(a), explanation: 'x' })),
      { indicatorId: 'b', actual: new Decimal(1) },
      { indicatorId: 's', actual: new Decimal(1) },
    ],
    money: FULL,
    categoryPoints: split ?? null,
  });
}

/** Half-up of N ÷ D (N ≥ 0, D > 0) in integers: ⌊(2N + D) ÷ 2D⌋. */
const halfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

/** OUTPUT category points in cents (a random split of 100.00 points, or the default 50). */
const outputCentsArb = fc.integer({ min: 1, max: 10000 });
const splitWith = (outputCents: number): Record<ScoringCategory, Decimal> => {
  const rest = 10000 - outputCents; // COMMON gets the rest; BENEFIT and SATISFACTION 0 but present
  return { COMMON: cents(rest), OUTPUT: cents(outputCents), BENEFIT: cents(0), SATISFACTION: cents(0) };
};

describe('points are exact; only scores are rounded (DOMAIN §10.2, §10.6)', () => {
  test('three equal OUTPUT indicators at half their target score 8.33 each (old: 8.34, 8.34, 8.33)', () => {
    // DOMAIN §10.2 "Two indicators with equal weight always carry equal points": 50 ÷ 3 each, exactly.
    // 50/3 × 50/100 = 8.333… → 8.33. The old engine scored 16.67 × 0.5 = 8.335 → 8.34 on two lines and
    // 16.66 × 0.5 = 8.33 on the third: equal indicators with equal actuals got different scores.
    const result = equalOutputLines(3, 10000, 5000);
    const out = result.lines.filter((l) => l.category === 'OUTPUT');
    expect(out.map((l) => l.points.eq(out[0]!.points))).toEqual([true, true, true]);
    expect(out[0]!.points.times(3).toDecimalPlaces(30).toFixed()).toBe('50');
    expect(out.map((l) => l.score.toFixed(2))).toEqual(['8.33', '8.33', '8.33']);
  });

  test('a score exactly on a half cent rounds up, even when its points are 10 ÷ 3 (never 3.33…3)', () => {
    // DOMAIN §10.6 (half-up) with §10.2 (exact points): SATISFACTION 10 split three ways is 10/3 each;
    // actual 3015 of target 10000 → 10/3 × 0.3015 = 1.005 exactly → 1.01. With 40-digit points
    // (3.333…3 × 0.3015 = 1.00499…) it would be 1.00; with cent points (3.34 / 3.33) 1.01 or 1.00.
    const sat = ['s1', 's2', 's3'].map((id) => gte(id, 'SATISFACTION', new Decimal(10000)));
    const result = scoreSelfEvaluation({
      indicators: [gte('o', 'OUTPUT', new Decimal(1)), gte('b', 'BENEFIT', new Decimal(1)), ...sat],
      actuals: [
        { indicatorId: 'o', actual: new Decimal(1) },
        { indicatorId: 'b', actual: new Decimal(1) },
        ...sat.map((s) => ({ indicatorId: s.id, actual: new Decimal(3015), explanation: 'x' })),
      ],
      money: FULL,
    });
    const lines = result.lines.filter((l) => l.category === 'SATISFACTION');
    expect(lines.map((l) => l.score.toFixed(2))).toEqual(['1.01', '1.01', '1.01']);
  });

  test('property: every line scores half-up of its exact points × actual ÷ target (BigInt reference)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        outputCentsArb,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (k, outputCents, t, a) => {
          fc.pre(a < t);
          const result = equalOutputLines(k, t, a, splitWith(outputCents));
          // Each OUTPUT line carries outputCents ÷ (100 k) points; its score in cents is outputCents × a ÷ (k t).
          const expected = halfUp(BigInt(outputCents) * BigInt(a), BigInt(k) * BigInt(t));
          for (const line of result.lines.filter((l) => l.category === 'OUTPUT'))
            expect(line.score.times(100).toFixed()).toBe(expected.toString());
        },
      ),
      RUNS,
    );
  });

  test('property (fast-check finds it): rounding the points first changes scores — the old bug', () => {
    // The old rule: points apportioned to the cent, then scored. Search for a case where that differs
    // from the exact score; fast-check must find one, and the engine must give the exact one there.
    const check = fc.check(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 10000 }), (t, a) => {
        fc.pre(a < t);
        const exactCents = halfUp(5000n * BigInt(a), 3n * BigInt(t)); // 50/3 × a/t, in cents
        const roundedPointsCents = halfUp(1667n * BigInt(a), BigInt(t)); // 16.67 × a/t, in cents
        return exactCents === roundedPointsCents;
      }),
      { seed: 9, numRuns: 2000 },
    );
    expect(check.failed).toBe(true);
    const [t, a] = check.counterexample!;
    const result = equalOutputLines(3, t * 100, a * 100);
    const exactCents = halfUp(5000n * BigInt(a), 3n * BigInt(t));
    for (const line of result.lines.filter((l) => l.category === 'OUTPUT'))
      expect(line.score.times(100).toFixed()).toBe(exactCents.toString());
  });

  test('property: equal weights carry equal points and, with equal actuals, equal scores (§10.2)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        outputCentsArb,
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 0, max: 200000 }),
        (k, outputCents, t, a) => {
          const out = equalOutputLines(k, t, a, splitWith(outputCents)).lines.filter(
            (l) => l.category === 'OUTPUT',
          );
          for (const l of out) {
            expect(l.points.eq(out[0]!.points)).toBe(true);
            expect(l.score.eq(out[0]!.score)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('the goal module and the scorer agree on every indicator’s points (DOMAIN §10.1–2)', () => {
  const categories = ['OUTPUT', 'BENEFIT', 'SATISFACTION'] as const;
  const lineArb = fc.record({
    category: fc.constantFrom(...categories),
    points: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
  });
  test('property: completeness `indicatorPoints` = the scorer’s line points (every category present)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 3, maxLength: 12 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 })), {
          nil: null,
        }),
        (raw, cut) => {
          // Every category has at least one line, so nothing is redistributed (§10.1 policy aside).
          const lines = [...categories.map((category) => ({ category, points: null })), ...raw];
          let split: Record<ScoringCategory, string> | null = null;
          if (cut) {
            const [x, y] = cut[0] <= cut[1] ? cut : [cut[1], cut[0]];
            split = {
              COMMON: cents(x).toFixed(),
              OUTPUT: cents(y - x).toFixed(),
              BENEFIT: cents(10000 - y).toFixed(),
              SATISFACTION: '0',
            };
          }
          const indicators = lines.map((l, k) => ({
            ...gte(`i${k}`, l.category, new Decimal(1), l.points === null ? null : cents(l.points)),
          }));
          const scored = scoreSelfEvaluation({
            indicators,
            actuals: [],
            money: FULL,
            categoryPoints: split
              ? (Object.fromEntries(Object.entries(split).map(([c, p]) => [c, new Decimal(p)])) as Record<
                  ScoringCategory,
                  Decimal
                >)
              : null,
          });
          const goal = indicatorPoints(
            lines.map((l) => ({
              category: IndicatorCategory[l.category],
              points: l.points === null ? null : cents(l.points).toFixed(),
            })),
            split,
          );
          const byKey = new Map(scored.lines.map((l) => [l.key, l.points]));
          goal.forEach((p, k) => expect(byKey.get(`i${k}`)!.eq(p)).toBe(true));
        },
      ),
      RUNS,
    );
  });
});
