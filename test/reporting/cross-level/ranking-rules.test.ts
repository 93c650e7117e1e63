/**
 * Ranking of a node's children (DOMAIN §13 "Ranking and reports", §16 "comparisons … ranking"; 001 三(四)3):
 * competition ranking "1224" (并列), ties stated, children without the figure not ranked (never as 0, §11).
 */
import { competitionRank } from '../../../src/reporting/cross-level/rules/ranking';

const c = (key: string, value: string | null) => ({ key, value });

test('equal values share a rank and the next rank skips: 1, 2, 2, 4', () => {
  const ranked = competitionRank([c('D', '70'), c('B', '90'), c('C', '90'), c('A', '98.4')]);
  expect(ranked.map((r) => [r.key, r.rank, r.tied, r.tieSize])).toEqual([
    ['A', 1, false, 1],
    ['B', 2, true, 2],
    ['C', 2, true, 2],
    ['D', 4, false, 1],
  ]);
});

test('values compare as exact decimals: "90.5" equals "90.50", 0.1 + 0.2 style noise cannot split a tie', () => {
  const ranked = competitionRank([
    c('A', '90.5'),
    c('B', '90.50'),
    c('C', '0.3'),
    c('D', '0.30000000000000004'),
  ]);
  expect(ranked.map((r) => [r.key, r.rank])).toEqual([
    ['A', 1],
    ['B', 1],
    ['D', 3],
    ['C', 4],
  ]);
  expect(ranked[0].tied && ranked[1].tied).toBe(true);
  // The values are returned as given, not re-printed.
  expect(ranked.map((r) => r.value)).toEqual(['90.5', '90.50', '0.30000000000000004', '0.3']);
});

test('a tie of three at the top: 1, 1, 1, 4; all equal: everyone first', () => {
  expect(competitionRank([c('A', '1'), c('B', '1'), c('C', '1'), c('D', '0')]).map((r) => r.rank)).toEqual([
    1, 1, 1, 4,
  ]);
  const all = competitionRank([c('B', '0.95'), c('A', '0.9500')]);
  expect(all.map((r) => [r.key, r.rank, r.tieSize])).toEqual([
    ['A', 1, 2],
    ['B', 1, 2],
  ]);
});

test('a child without the figure is not ranked (rank null), listed last, not counted in the ranks', () => {
  const ranked = competitionRank([c('Z', null), c('A', '80'), c('Y', null), c('B', '85')]);
  expect(ranked.map((r) => [r.key, r.rank, r.tied, r.tieSize])).toEqual([
    ['B', 1, false, 1],
    ['A', 2, false, 1],
    ['Y', null, false, 0],
    ['Z', null, false, 0],
  ]);
  expect(competitionRank([])).toEqual([]);
});

test('a negative change ranks below zero (a year-over-year figure may be negative)', () => {
  expect(competitionRank([c('A', '-0.05'), c('B', '0'), c('C', '-0.5')]).map((r) => r.key)).toEqual([
    'B',
    'A',
    'C',
  ]);
});

test('a value that is not a decimal is a programming error, not a silent 0', () => {
  expect(() => competitionRank([c('A', '1e3')])).toThrow(/Not a decimal/);
});
