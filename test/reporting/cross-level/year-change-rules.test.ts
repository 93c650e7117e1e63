/**
 * Year-over-year figures of a cross-level report (DOMAIN §16 "year-over-year"; §4 no floating point on
 * money; §11 a missing figure is never 0).
 */
import { RegionLevel } from '../../../src/auth/principal-kinds';
import { figuresOf } from '../../../src/reporting/cross-level/rules/figures';
import { childLevel, levelsFrom } from '../../../src/reporting/cross-level/rules/report-tree';
import { changeBetween, reportYears } from '../../../src/reporting/cross-level/rules/year-change';

const y2024 = figuresOf({
  goalCount: 3,
  budgeted: '10000000.10',
  inPlace: '9800000.00',
  spent: '9500000.00',
  executionRate: '0.969387755102',
  meanScore: '96.08',
  coverageGoal: '1',
});
const y2025 = figuresOf(
  {
    goalCount: 2,
    budgeted: '10000000.30',
    inPlace: '9000000.00',
    spent: '9000000.00',
    executionRate: '1',
    meanScore: '98.40',
    coverageGoal: null,
  },
  { EXCELLENT: 2, GOOD: 0, FAIR: 0, POOR: 0 },
);

test('the change is exact: 0.1 + 0.2 style sums stay exact, money keeps two decimals', () => {
  const change = changeBetween(y2025, y2024);
  expect(change.budgeted).toBe('0.20');
  expect(change.inPlace).toBe('-800000.00');
  expect(change.spent).toBe('-500000.00');
  expect(change.goalCount).toBe(-1);
  expect(change.executionRate).toBe('0.030612244898');
  expect(change.meanScore).toBe('2.32');
  expect(change.gradeDistribution).toEqual({ EXCELLENT: 2, GOOD: 0, FAIR: 0, POOR: 0 });
});

test('a figure missing in either year has no change (null, never a difference against 0)', () => {
  const change = changeBetween(y2025, y2024);
  expect(change.coverageGoal).toBeNull();
  expect(change.inPlaceRate).toBeNull();
});

test('a region without facts: counts 0, money 0.00, every rate, score and share null', () => {
  const empty = figuresOf(undefined);
  expect(empty.goalCount).toBe(0);
  expect(empty.budgeted).toBe('0.00');
  expect(empty.executionRate).toBeNull();
  expect(empty.meanScore).toBeNull();
  expect(empty.coverageEvaluation).toBeNull();
});

test('report years: previousYears before this year, oldest first', () => {
  expect(reportYears(2025, 2)).toEqual([2023, 2024, 2025]);
  expect(reportYears(2025, 0)).toEqual([2025]);
  expect(levelsFrom(RegionLevel.CITY)).toEqual(['CITY', 'DISTRICT', 'TOWNSHIP']);
  expect(levelsFrom(RegionLevel.TOWNSHIP)).toEqual(['TOWNSHIP']);
  expect(childLevel(RegionLevel.TOWNSHIP)).toBeNull();
});
