/**
 * The tenant policy's pure rules (DOMAIN §10 rule 7): validation with field paths, due dates in the tenant's
 * time zone and carried across years, and the scoring engine taking the policy's bands and over-target
 * threshold/floor as input (002 第二十五条 "具体分值和等级可根据不同评价内容确定"; §10.3).
 */
import { Decimal } from '../../src/common/decimal';
import { scoreSelfEvaluation } from '../../src/evaluation/rules/scoring';
import { scoreQuantitative } from '../../src/evaluation/rules/scoring-quantitative';
import { exact } from '../../src/evaluation/rules/exact';
import {
  carryDueDate,
  defaultPolicyValues,
  dueDatePassed,
  monitoringDueAt,
  policyProblems,
  scoringPolicyOf,
} from '../../src/policy/rules/policy';
import { DEFAULT_POLICY_NUMBERS } from './policy-fixtures';

const d = (s: string) => new Decimal(s);
const base = defaultPolicyValues(2025);

describe('policyProblems (DOMAIN §10.7)', () => {
  test('the defaults are valid and are today’s constants', () => {
    expect(policyProblems(2025, base)).toEqual([]);
    expect(base).toMatchObject(DEFAULT_POLICY_NUMBERS);
  });
  test.each([
    [{ gradeGood: '90' }, 'gradeGood'],
    [{ gradeFair: '80' }, 'gradeFair'],
    [{ gradeExcellent: '0' }, 'gradeExcellent'],
    [{ slowExecutionThreshold: '-0.01' }, 'slowExecutionThreshold'],
    [{ spotCheckRatio: '0' }, 'spotCheckRatio'],
    [{ spotCheckRatio: '1.0001' }, 'spotCheckRatio'],
    [{ spotCheckGap: '100.5' }, 'spotCheckGap'],
    [{ overTargetThreshold: '1' }, 'overTargetThreshold'],
    [{ overTargetFloor: '-0.1' }, 'overTargetFloor'],
    [{ selfEvaluationDueDate: '2026-13-01' }, 'selfEvaluationDueDate'],
    [{ selfEvaluationDueDate: '2025-12-31' }, 'selfEvaluationDueDate'],
    [{ monitoringDueDay: 0 }, 'monitoringDueDay'],
  ])('%j → %s', (change, field) => {
    expect(policyProblems(2025, { ...base, ...change }).map((p) => p.field)).toEqual([[field]]);
  });
  test('ratio exactly 1 is allowed ((0, 1])', () => {
    expect(policyProblems(2025, { ...base, spotCheckRatio: '1' })).toEqual([]);
  });
});

describe('due dates (DOMAIN §11, §12; calendar dates in Asia/Shanghai, §13)', () => {
  test('a due date is met through the whole day in Shanghai', () => {
    const p = { selfEvaluationDueDate: '2026-03-31' };
    expect(dueDatePassed(p, new Date('2026-03-31T15:59:59Z'))).toBe(false); // 23:59:59 in Shanghai
    expect(dueDatePassed(p, new Date('2026-03-31T16:00:00Z'))).toBe(true); // 1 April 00:00 in Shanghai
  });
  test('carried to a later year by the same calendar day; 29 February becomes 28 February', () => {
    expect(carryDueDate('2026-04-30', 2025, 2027)).toBe('2028-04-30');
    expect(carryDueDate('2028-02-29', 2027, 2028)).toBe('2029-02-28');
  });
  test('the monitoring report for December is due in January of the next year', () => {
    expect(monitoringDueAt(2025, 12, 10).toISOString()).toBe('2026-01-10T16:00:00.000Z');
  });
});

describe('the scoring engine takes the policy (DOMAIN §10.3, §10.7; 002 第二十五条)', () => {
  const input = {
    indicators: [
      {
        id: 'km',
        name: '里程',
        category: 'OUTPUT' as const,
        kind: 'QUANTITATIVE' as const,
        comparator: 'GTE' as const,
        target: d('100'),
        points: null,
      },
    ],
    actuals: [{ indicatorId: 'km', actual: d('90'), explanation: '天气影响' }],
    money: { budgeted: d('100'), inPlace: d('100'), spent: d('100') },
  };
  test('92.5 points: EXCELLENT under the default bands, GOOD when finance raises 优 to 95', () => {
    const byDefault = scoreSelfEvaluation(input);
    const strict = scoreSelfEvaluation({
      ...input,
      policy: scoringPolicyOf({ ...base, gradeExcellent: '95', gradeGood: '85' }),
    });
    expect(byDefault.total.toFixed(2)).toBe(strict.total.toFixed(2));
    expect(byDefault.grade).toBe('EXCELLENT');
    expect(strict.grade).toBe('GOOD');
  });
  test('over target: 140 of 100 is flagged at 1.2, not at 1.5; the deduction uses the floor', () => {
    const p = exact(d('20'));
    expect(scoreQuantitative(p, 'GTE', d('100'), d('140'), false).overTarget).toBe(true);
    const relaxed = { threshold: d('1.5'), floor: d('0.9') };
    expect(scoreQuantitative(p, 'GTE', d('100'), d('140'), false, relaxed).overTarget).toBe(false);
    // p × max(0.9, 1 − (2.5 − 1.5)) = 20 × 0.9 = 18 when the target was set too low
    const deducted = scoreQuantitative(p, 'GTE', d('100'), d('250'), true, relaxed);
    expect(deducted.rule).toBe('OVER_TARGET_DEDUCTION');
    expect(deducted.ruleText).toContain('150%');
  });
});
