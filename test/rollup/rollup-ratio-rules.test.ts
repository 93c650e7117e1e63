import { Grade } from '../../src/common/grade';
/**
 * Issue 9 item 1 — RATIO_OF_SUMS in percent through three levels, as pure rules (DOMAIN §5: the parent is
 * Σnumerators ÷ Σdenominators, never an average of percentages; §11: it works at every level). A child's
 * self-evaluation records its ratio (91.89 %), so `ratioParts` rebuilds its numerator as a count from its
 * planned denominator (91.89 ÷ 100 × 37); `combine` then applies the parent's scale (× 100) once. The old
 * rebuild (91.89 × 37, no ÷ 100) read 9,000.02 % at the overall level and scored full points.
 */
import { Decimal, roundHalfUp } from '../../src/common/decimal';
import { ratioParts, rollUp, type RollupChild, type RollupIndicator } from '../../src/rollup/rules/rollup';
import { Aggregation } from '../../src/goals/indicator.enums';

const d = (s: string | number) => new Decimal(s);
const indicator: RollupIndicator = {
  id: 'quality',
  name: '工程验收合格率',
  category: 'OUTPUT',
  kind: 'QUANTITATIVE',
  comparator: 'GTE',
  target: d(95),
  points: d(15),
  aggregation: Aggregation.RATIO_OF_SUMS,
  unit: '%',
};
const child = (id: string, value: Decimal, plannedDenominator: string): RollupChild => ({
  id,
  name: id,
  weight: d(1),
  money: { budgeted: d(1), inPlace: d(1), spent: d(1) },
  actuals: [{ indicatorId: 'quality', value, ...ratioParts(value, d(plannedDenominator), '%') }],
  total: d(90),
  grade: Grade.EXCELLENT,
  included: true,
  submitted: true,
  reviewed: true,
});
const level = (children: RollupChild[]) =>
  rollUp({ indicators: [indicator], children, basis: 'SUBMITTED' }).actuals[0]!.combined!;

test('ratioParts: a percentage becomes a count of its planned denominator (% ÷ 100, ‰ ÷ 1000, else ÷ 1)', () => {
  // DOMAIN §5 (验收合格 ÷ 验收总数): 95 % of 20 is 19.
  expect(ratioParts(d(95), d(20), '%').numerator!.toFixed()).toBe('19');
  expect(ratioParts(d(950), d(20), '‰').numerator!.toFixed()).toBe('19');
  expect(ratioParts(d('0.95'), d(20), '').numerator!.toFixed()).toBe('19');
  expect(ratioParts(d(95), null, '%')).toEqual({ numerator: null, denominator: null });
});

test('project → region → overall in %: every level reads a percentage (DOMAIN §5, §11)', () => {
  // Level 1: projects (two per region), planned denominators 37 + 41 and 23 + 19; actuals not round.
  const regionA = level([child('a1', d('91.89'), '37'), child('a2', d('87.8'), '41')]);
  const regionB = level([child('b1', d('86.96'), '23'), child('b2', d('94.74'), '19')]);
  const expectA = d('91.89').times(37).plus(d('87.8').times(41)).div(78);
  const expectB = d('86.96').times(23).plus(d('94.74').times(19)).div(42);
  expect(regionA.value.eq(expectA)).toBe(true);
  expect(regionB.value.eq(expectB)).toBe(true);
  // Level 3: the regions (their planned denominators 78 and 42) into the overall goal.
  const overall = level([child('A', regionA.value, '78'), child('B', regionB.value, '42')]);
  const expected = expectA.times(78).plus(expectB.times(42)).div(120);
  expect(roundHalfUp(overall.value, 20).eq(roundHalfUp(expected, 20))).toBe(true);
  expect(overall.value.lt(100)).toBe(true); // the old rebuild read ≈ 9,035 here
  // And the overall goal is scored on it: 15 × a ÷ 95, not full points.
  const scored = rollUp({
    indicators: [indicator],
    // Category points such that the one OUTPUT line carries its own 15 points (DOMAIN §10.1).
    categoryPoints: { COMMON: d(85), OUTPUT: d(15), BENEFIT: d(0), SATISFACTION: d(0) },
    children: [child('A', regionA.value, '78'), child('B', regionB.value, '42')],
    basis: 'SUBMITTED',
  }).score.lines.find((l) => l.key === 'quality')!;
  expect(scored.score.toFixed(2)).toBe(roundHalfUp(d(15).times(expected).div(95), 2).toFixed(2));
  expect(scored.score.lt(15)).toBe(true);
});
