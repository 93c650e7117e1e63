/**
 * Pure rules of dual monitoring (DOMAIN §9, §11): INDICATOR_OFF_TRACK, SLOW_EXECUTION (exact, with the
 * per-tenant threshold), the money figures of 附件4–5, the submission check, the level above and the
 * spending side (the roll-up of children's reports: monitoring-rollup-rules.test.ts).
 */
import { Decimal } from '../../src/common/decimal';
import { ErrorCode } from '../../src/common/errors';
import { Comparator, IndicatorKind } from '../../src/goals/indicator.enums';
import { GoalStatus, ReviewRole } from '../../src/goals/goal.enums';
import { OrganizationKind } from '../../src/hierarchy/hierarchy.enums';
import {
  DeviationCause,
  Likelihood,
  MonitoringFlag,
  ProjectedTier,
} from '../../src/monitoring/monitoring.enums';
import {
  combinedOffTrack,
  indicatorOffTrack,
  percentage,
  slowExecution,
} from '../../src/monitoring/rules/flags';
import { reportFindings } from '../../src/monitoring/rules/findings';
import { moneyFigures, totalsToDate } from '../../src/monitoring/rules/money';
import { acknowledgerOf, isInForce, isSpendingSide } from '../../src/monitoring/rules/parties';
import { submissionProblems } from '../../src/monitoring/rules/submission';

const d = (s: string | number) => new Decimal(s);
const quant = (comparator: Comparator, target: string) => ({
  kind: IndicatorKind.QUANTITATIVE,
  comparator,
  target,
});

describe('INDICATOR_OFF_TRACK (DOMAIN §9: the projected full-year value fails the target under its comparator)', () => {
  test('GTE, LTE and EQ are judged exactly, at the boundary too', () => {
    expect(indicatorOffTrack(quant(Comparator.GTE, '12'), { value: d('12') })).toBe(false);
    expect(indicatorOffTrack(quant(Comparator.GTE, '12'), { value: d('11.999') })).toBe(true);
    expect(indicatorOffTrack(quant(Comparator.LTE, '100'), { value: d('100.01') })).toBe(true);
    expect(indicatorOffTrack(quant(Comparator.LTE, '100'), { value: d('99') })).toBe(false);
    expect(indicatorOffTrack(quant(Comparator.EQ, '5'), { value: d('5.0') })).toBe(false);
    expect(indicatorOffTrack(quant(Comparator.EQ, '5'), { value: d('5.1') })).toBe(true);
  });

  test('nothing projected yet, or an unreadable target, is not a verdict (null)', () => {
    expect(indicatorOffTrack(quant(Comparator.GTE, '12'), {})).toBeNull();
    expect(indicatorOffTrack(quant(Comparator.GTE, '约12'), { value: d(12) })).toBeNull();
  });

  test('qualitative (policy choice): off track unless the projected tier is ACHIEVED 达成', () => {
    const q = { kind: IndicatorKind.QUALITATIVE, comparator: null, target: '明显改善' };
    expect(indicatorOffTrack(q, { tier: ProjectedTier.ACHIEVED })).toBe(false);
    expect(indicatorOffTrack(q, { tier: ProjectedTier.PARTIAL })).toBe(true);
    expect(indicatorOffTrack(q, { tier: ProjectedTier.NOT_ACHIEVED })).toBe(true);
    expect(indicatorOffTrack(q, {})).toBeNull();
  });

  test('a combined fraction is compared without dividing first (N ≥ t × D)', () => {
    // 95 × 2 = 190: (100 + 90) ÷ 2 = 95 exactly meets ≥ 95; 189.99 ÷ 2 does not.
    const gte95 = quant(Comparator.GTE, '95');
    expect(combinedOffTrack({ numerator: d(190), denominator: d(2), value: d(95) }, gte95)).toBe(false);
    expect(combinedOffTrack({ numerator: d('189.99'), denominator: d(2), value: d('94.995') }, gte95)).toBe(
      true,
    );
  });
});

describe('SLOW_EXECUTION (DOMAIN §9 policy choice: more than N percentage points behind M ÷ 12, N = 10 by default)', () => {
  const ten = d(10);
  test('exactly 10 points behind is not slow; a fen more is', () => {
    // June: 50% of the time elapsed; 40% executed is exactly 10 points behind.
    expect(slowExecution(d('400000.00'), d('1000000.00'), 6, ten)).toBe(false);
    expect(slowExecution(d('399999.99'), d('1000000.00'), 6, ten)).toBe(true);
  });

  test('thirds are exact: month 1 of 1,200,000 is 100,000; 0 executed is 8.33 points behind — not slow at 10', () => {
    expect(slowExecution(d(0), d('1200000'), 1, ten)).toBe(false);
    expect(slowExecution(d(0), d('1200000'), 2, ten)).toBe(true);
    expect(slowExecution(d(0), d('1200000'), 1, d(8))).toBe(true);
  });

  test('the threshold is the tenant’s: 30 points tolerates what 10 flags', () => {
    expect(slowExecution(d(300), d(1000), 6, d(30))).toBe(false);
    expect(slowExecution(d(300), d(1000), 6, ten)).toBe(true);
  });

  test('no positive annual budget: no verdict', () => {
    expect(slowExecution(d(0), null, 6, ten)).toBeNull();
    expect(slowExecution(d(0), d(0), 6, ten)).toBeNull();
  });
});

describe('money to date (附件4–5; DOMAIN §4 rates)', () => {
  const months = [
    { year: 2025, month: 1, budgeted: '100000.00', inPlace: '100000.00', spent: '50000.00' },
    { year: 2025, month: 2, budgeted: '100000.00', inPlace: '80000.00', spent: '70000.00' },
    { year: 2025, month: 3, budgeted: '100000.00', inPlace: '100000.00', spent: '100000.00' },
    { year: 2024, month: 1, budgeted: '999.00', inPlace: '999.00', spent: '999.00' },
  ];
  test('January to M of the year only, summed exactly', () => {
    const t = totalsToDate(months, 2025, 2);
    expect([t.budgetToDate.toFixed(2), t.inPlaceToDate.toFixed(2), t.executedToDate.toFixed(2)]).toEqual([
      '200000.00',
      '180000.00',
      '120000.00',
    ]);
  });

  test('rates: executed ÷ budget to date, executed ÷ annual, in place ÷ budgeted, projected ÷ annual', () => {
    const f = moneyFigures(d('1200000'), totalsToDate(months, 2025, 2), d('1100000'));
    expect(f).toMatchObject({
      annualBudget: '1200000.00',
      executionRateToDate: '60.00',
      executionOfAnnualRate: '10.00',
      arrivalRate: '90.00',
      projectedExecution: '1100000.00',
      projectedExecutionRate: '91.67',
    });
    expect(percentage(d(1), d(0))).toBeNull();
  });
});

describe('submission (DOMAIN §9: a flagged report, or one not CERTAIN, needs causes and corrective measures)', () => {
  const line = (offTrack: boolean | null, causes: { cause: DeviationCause; text: string }[] = []) => ({
    name: '养护道路里程',
    offTrack,
    causes,
  });
  const base = {
    likelihood: Likelihood.CERTAIN,
    correctiveMeasures: null,
    projectedExecution: '1000.00',
    flags: [] as MonitoringFlag[],
    lines: [line(false)],
  };

  test('an unflagged, certain report with projections passes', () => {
    expect(submissionProblems(base)).toEqual([]);
  });

  test('likelihood, projected execution and every projection are required', () => {
    const problems = submissionProblems({
      ...base,
      likelihood: null,
      projectedExecution: null,
      lines: [line(null)],
    });
    expect(problems.map((p) => p.field.join('.'))).toEqual([
      'report.likelihood',
      'report.projectedExecution',
      'report.indicators.0.projected',
    ]);
    expect(problems.every((p) => p.code === ErrorCode.BAD_USER_INPUT)).toBe(true);
  });

  test('flagged: each off-track indicator needs a cause with text, and measures are required', () => {
    const flagged = {
      ...base,
      flags: [MonitoringFlag.INDICATOR_OFF_TRACK],
      lines: [line(true), line(false)],
    };
    expect(submissionProblems(flagged).map((p) => p.reason)).toEqual(['CAUSES', 'MEASURES']);
    expect(
      submissionProblems({
        ...flagged,
        correctiveMeasures: '加快施工进度',
        lines: [line(true, [{ cause: DeviationCause.FUNDING, text: '资金未及时到位' }]), line(false)],
      }),
    ).toEqual([]);
  });

  test('SLOW_EXECUTION alone, or likelihood POSSIBLE/IMPOSSIBLE, requires corrective measures', () => {
    expect(
      submissionProblems({ ...base, flags: [MonitoringFlag.SLOW_EXECUTION] }).map((p) => p.reason),
    ).toEqual(['MEASURES']);
    expect(submissionProblems({ ...base, likelihood: Likelihood.POSSIBLE }).map((p) => p.reason)).toEqual([
      'MEASURES',
    ]);
    expect(
      submissionProblems({ ...base, likelihood: Likelihood.IMPOSSIBLE, correctiveMeasures: '调整方案' }),
    ).toEqual([]);
  });
});

describe('parties (DOMAIN §7 chain, §9 "acknowledged by the level above"; P4)', () => {
  const step = (index: number, role: ReviewRole, organizationId: string) => ({
    index,
    organizationId,
    organizationKind: OrganizationKind.COMPETENT_DEPARTMENT,
    regionId: 'r',
    role,
    final: false,
  });
  test('the first reviewer above the reporting side; a LOWER_FINANCE co-signature is skipped', () => {
    expect(
      acknowledgerOf([
        step(1, ReviewRole.SUPERVISING_DEPARTMENT, 'dept'),
        step(2, ReviewRole.BUDGET_FINANCE, 'fin'),
      ]),
    ).toBe('dept');
    expect(
      acknowledgerOf([
        step(1, ReviewRole.LOWER_FINANCE, 's-fin'),
        step(2, ReviewRole.FUND_DEPARTMENT, 'r-dept'),
        step(3, ReviewRole.BUDGET_FINANCE, 'r-fin'),
      ]),
    ).toBe('r-dept');
    expect(acknowledgerOf([step(1, ReviewRole.BUDGET_FINANCE, 'fin')])).toBe('fin');
    expect(acknowledgerOf([])).toBeNull();
  });

  test('spending side: drafter, the project’s unit, or a department supervising either — nobody else', () => {
    const side = { drafterId: 'unit', drafterSupervisorId: 'dept', unitId: 'unit', unitSupervisorId: 'dept' };
    expect(['unit', 'dept'].map((o) => isSpendingSide(o, side))).toEqual([true, true]);
    expect(['finance', 'other-dept', 'other-unit'].some((o) => isSpendingSide(o, side))).toBe(false);
  });

  test('in force: ISSUED and FILED_FOR_RECORD only', () => {
    expect(Object.values(GoalStatus).filter(isInForce)).toEqual([
      GoalStatus.ISSUED,
      GoalStatus.FILED_FOR_RECORD,
    ]);
  });
});

describe('report findings (DOMAIN §9): flags of a report', () => {
  test('an off-track line raises INDICATOR_OFF_TRACK; slow money raises SLOW_EXECUTION; missing lines read null', () => {
    const indicators = [
      { id: 'km', name: '里程', ...quant(Comparator.GTE, '12') },
      { id: 'q', name: '合格率', ...quant(Comparator.GTE, '95') },
    ];
    const f = reportFindings({
      annualBudget: '1200000.00',
      month: 6,
      toDate: { budgetToDate: d(600000), inPlaceToDate: d(600000), executedToDate: d(300000) },
      projectedExecution: '1000000.00',
      threshold: d(10),
      indicators,
      lines: [{ indicatorId: 'km', projectedValue: '10', projectedTier: null, causes: [] }],
    });
    expect(f.lines.map((l) => l.offTrack)).toEqual([true, null]);
    expect(f.flags).toEqual([MonitoringFlag.INDICATOR_OFF_TRACK, MonitoringFlag.SLOW_EXECUTION]);
    expect(f.money.executionOfAnnualRate).toBe('25.00');
  });
});
