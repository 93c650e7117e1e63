/**
 * The pure rules of results application (DOMAIN §13): due dates with month clamping in Asia/Shanghai, the
 * finding state machine (one `decide()` for mutations and availableActions) and the budget recommendation
 * by grade (001 三(四)2; 003 第二十六条, 转移支付 第三十一条; 004 二(五)).
 */
import { Decimal } from '../../src/common/decimal';
import {
  addMonthsClamped,
  findingDueDates,
  isOverdue,
  shanghaiDateOf,
} from '../../src/results/rules/due-dates';
import {
  availableFindingActions,
  decide,
  FindingAction,
  FindingState,
} from '../../src/results/rules/finding-workflow';
import { minimumCutOf, recommendByGrade, RecommendationAction } from '../../src/results/rules/recommendation';

describe('month arithmetic clamps to the month’s end (DOMAIN §13 "1 month after 01-31 is the last day of February")', () => {
  test.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-11-15', 2, '2026-01-15'],
    ['2025-01-15', 1, '2025-02-15'],
  ])('%s + %i month(s) = %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });
});

describe('calendar dates are taken in Asia/Shanghai (DOMAIN §13)', () => {
  test('15:59:59 UTC is still the same day in Shanghai; 16:00 UTC is the next day', () => {
    expect(shanghaiDateOf(new Date('2025-01-30T15:59:59.999Z'))).toBe('2025-01-30');
    expect(shanghaiDateOf(new Date('2025-01-30T16:00:00.000Z'))).toBe('2025-01-31');
  });

  test('an evaluation completed at 00:30 Shanghai time on 01-31 gets feedback due on 02-28', () => {
    const completedOn = shanghaiDateOf(new Date('2025-01-30T16:30:00Z'));
    expect(findingDueDates(completedOn, null, null).feedbackDueOn).toBe('2025-02-28');
  });
});

describe('due dates (DOMAIN §13; 003 转移支付 第三十三条: 1 month for feedback, 2 months for rectification)', () => {
  test('feedback 1 month after completion; rectification 2 months after feedback, or the own 整改时限', () => {
    expect(findingDueDates('2025-01-31', null, null)).toEqual({
      feedbackDueOn: '2025-02-28',
      rectificationDueOn: '2025-04-28',
    });
    expect(findingDueDates('2025-01-31', '2025-02-10', null).rectificationDueOn).toBe('2025-04-10');
    expect(findingDueDates('2025-01-31', '2025-02-10', '2025-06-30').rectificationDueOn).toBe('2025-06-30');
  });

  test('OVERDUE from the day after a due date, only in the states that wait for it', () => {
    const dues = { feedbackDueOn: '2025-02-28', rectificationDueOn: '2025-04-28' };
    expect(isOverdue(FindingState.OPEN, dues, '2025-02-28')).toBe(false);
    expect(isOverdue(FindingState.OPEN, dues, '2025-03-01')).toBe(true);
    expect(isOverdue(FindingState.FEEDBACK_GIVEN, dues, '2025-04-28')).toBe(false);
    expect(isOverdue(FindingState.FEEDBACK_GIVEN, dues, '2025-04-29')).toBe(true);
    expect(isOverdue(FindingState.REOPENED, dues, '2025-04-29')).toBe(true);
    expect(isOverdue(FindingState.RESPONDED, dues, '2026-01-01')).toBe(false);
    expect(isOverdue(FindingState.VERIFIED, dues, '2026-01-01')).toBe(false);
  });
});

describe('finding workflow (DOMAIN §13: OPEN → FEEDBACK_GIVEN → RESPONDED → VERIFIED or REOPENED)', () => {
  const none = { isFeedbackGiver: false, isResponder: false, isVerifier: false };
  const giver = { ...none, isFeedbackGiver: true };
  const responder = { ...none, isResponder: true };
  const verifier = { ...none, isVerifier: true };

  test('each step by its body, in order', () => {
    expect(decide(FindingState.OPEN, FindingAction.GIVE_FEEDBACK, giver)).toEqual({
      allowed: true,
      to: FindingState.FEEDBACK_GIVEN,
    });
    expect(decide(FindingState.FEEDBACK_GIVEN, FindingAction.RESPOND, responder)).toMatchObject({
      to: FindingState.RESPONDED,
    });
    expect(decide(FindingState.RESPONDED, FindingAction.VERIFY, verifier)).toMatchObject({
      to: FindingState.VERIFIED,
    });
    expect(decide(FindingState.RESPONDED, FindingAction.REOPEN, verifier)).toMatchObject({
      to: FindingState.REOPENED,
    });
    expect(decide(FindingState.REOPENED, FindingAction.RESPOND, responder)).toMatchObject({
      to: FindingState.RESPONDED,
    });
  });

  test('the wrong body is FORBIDDEN; the wrong state (verifying before a response) a WORKFLOW_VIOLATION', () => {
    expect(decide(FindingState.OPEN, FindingAction.GIVE_FEEDBACK, responder)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect(decide(FindingState.FEEDBACK_GIVEN, FindingAction.RESPOND, giver)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(decide(FindingState.FEEDBACK_GIVEN, FindingAction.VERIFY, verifier)).toMatchObject({
      code: 'WORKFLOW_VIOLATION',
    });
    expect(decide(FindingState.VERIFIED, FindingAction.REOPEN, verifier)).toMatchObject({
      code: 'WORKFLOW_VIOLATION',
    });
  });

  test('availableActions is the same decide() over every action', () => {
    const actions = availableFindingActions(FindingState.RESPONDED, verifier);
    expect(actions.filter((a) => a.decision.allowed).map((a) => a.action)).toEqual([
      FindingAction.VERIFY,
      FindingAction.REOPEN,
    ]);
  });
});

describe('budget linkage by grade (DOMAIN §13 "Budget linkage")', () => {
  const amount = new Decimal('10000000.00');
  test('EXCELLENT / GOOD support (001 三(四)2); FAIR may reduce; POOR reduce or cancel (004 二(五))', () => {
    for (const grade of ['EXCELLENT', 'GOOD'] as const)
      expect(recommendByGrade({ grade, evaluationKind: 'SELF', transferFund: false, amount }).action).toBe(
        RecommendationAction.SUPPORT,
      );
    expect(
      recommendByGrade({ grade: 'FAIR', evaluationKind: 'SELF', transferFund: true, amount }).action,
    ).toBe(RecommendationAction.MAY_REDUCE);
    const poor = recommendByGrade({
      grade: 'POOR',
      evaluationKind: 'DEPARTMENT',
      transferFund: true,
      amount,
    });
    expect(poor).toMatchObject({ action: RecommendationAction.REDUCE_OR_CANCEL, minimumCut: null });
    expect(poor.rule).toContain('004 二(五)');
  });

  test('a transfer fund whose FINANCE evaluation is POOR: cut ≥ 10% as an amount (003 转移支付 第三十一条)', () => {
    const r = recommendByGrade({ grade: 'POOR', evaluationKind: 'FINANCE', transferFund: true, amount });
    expect(r.action).toBe(RecommendationAction.CUT_AT_LEAST);
    expect(r.minimumCut!.toFixed(2)).toBe('1000000.00');
    expect(r.change.toFixed(2)).toBe('-1000000.00');
    expect(r.rule).toContain('003 转移支付 第三十一条');
  });

  test('the minimum cut is rounded up to the fen, never below the share', () => {
    expect(minimumCutOf(new Decimal('100.05'), new Decimal('0.10')).toFixed(2)).toBe('10.01');
    expect(minimumCutOf(new Decimal('123.45'), new Decimal('0.10')).toFixed(2)).toBe('12.35');
  });
});
