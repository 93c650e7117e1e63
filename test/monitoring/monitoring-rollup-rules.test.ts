/**
 * Pure rules of the monitoring roll-up (DOMAIN §9 last bullet, §11): children's reports combined by each
 * parent indicator's aggregation (SUM, fund-weighted average, ratio of sums), money summed, coverage and
 * provisional results when a child has not reported. Split from monitoring-rules.test.ts.
 */
import { Decimal } from '../../src/common/decimal';
import { Aggregation, Comparator, IndicatorKind } from '../../src/goals/indicator.enums';
import { MonitoringFlag, ProjectedTier } from '../../src/monitoring/monitoring.enums';
import { rollUp, type RollupChild } from '../../src/monitoring/rules/rollup';

const d = (s: string | number) => new Decimal(s);

describe('monitoring roll-up (DOMAIN §9 last bullet, §11)', () => {
  const parents = [
    {
      id: 'km',
      kind: IndicatorKind.QUANTITATIVE,
      unit: '公里',
      comparator: Comparator.GTE,
      target: '50',
      aggregation: Aggregation.SUM,
    },
    {
      id: 'q',
      kind: IndicatorKind.QUANTITATIVE,
      unit: '%',
      comparator: Comparator.GTE,
      target: '95',
      aggregation: Aggregation.FUND_WEIGHTED_AVERAGE,
    },
    {
      id: 'pass',
      kind: IndicatorKind.QUANTITATIVE,
      unit: '%',
      comparator: Comparator.GTE,
      target: '90',
      aggregation: Aggregation.RATIO_OF_SUMS,
    },
    {
      id: 'road',
      kind: IndicatorKind.QUALITATIVE,
      unit: null,
      comparator: null,
      target: '明显改善',
      aggregation: null,
    },
  ];
  const child = (
    id: string,
    weight: string,
    km: string,
    q: string,
    passed: [string, string],
    tier: ProjectedTier,
    money: string[] | null,
  ): RollupChild => ({
    goalId: id,
    weight: d(weight),
    links: ['km', 'q', 'pass', 'road'].map((p) => ({ indicatorId: `${id}-${p}`, parentIndicatorId: p })),
    report: money && {
      annualBudget: d(money[0]),
      budgetToDate: d(money[1]),
      inPlaceToDate: d(money[2]),
      executedToDate: d(money[3]),
      projectedExecution: d(money[4]),
      lines: new Map([
        [`${id}-km`, { value: d(km), numerator: null, denominator: null, tier: null }],
        [`${id}-q`, { value: d(q), numerator: null, denominator: null, tier: null }],
        [`${id}-pass`, { value: d(0), numerator: d(passed[0]), denominator: d(passed[1]), tier: null }],
        [`${id}-road`, { value: null, numerator: null, denominator: null, tier }],
      ]),
    },
  });

  test('the §11 example shape: SUM, fund-weighted average, ratio of sums, money summed, full coverage', () => {
    const r = rollUp(
      parents,
      [
        child('A', '600', '27', '100', ['9', '10'], ProjectedTier.ACHIEVED, [
          '600',
          '300',
          '300',
          '285',
          '570',
        ]),
        child('B', '400', '20', '90', ['8', '10'], ProjectedTier.ACHIEVED, [
          '400',
          '200',
          '190',
          '190',
          '380',
        ]),
      ],
      6,
      d(10),
    );
    expect(r.indicators.map((i) => [i.indicatorId, i.combined, i.offTrack])).toEqual([
      ['km', '47', true], // 27 + 20 < 50
      ['q', '96', false], // (100×600 + 90×400) ÷ 1000
      ['pass', '85', true], // 100 × 17 ÷ 20 — never the average of 90% and 80%
      ['road', null, false],
    ]);
    expect(
      [r.annualBudget, r.inPlaceToDate, r.executedToDate, r.projectedExecution].map((x) => x.toFixed()),
    ).toEqual(['1000', '490', '475', '950']);
    expect({
      count: r.reportedCount,
      of: r.childCount,
      share: r.moneyShare,
      provisional: r.provisional,
    }).toEqual({
      count: 2,
      of: 2,
      share: '100.00',
      provisional: false,
    });
    expect(r.flags).toEqual([MonitoringFlag.INDICATOR_OFF_TRACK]);
  });

  test('a missing child is not counted as 0: provisional, coverage by count and money, flags on what reported', () => {
    const r = rollUp(
      parents,
      [
        child('A', '600', '50', '100', ['10', '10'], ProjectedTier.PARTIAL, [
          '600',
          '300',
          '300',
          '100',
          '570',
        ]),
        child('B', '400', '0', '0', ['0', '1'], ProjectedTier.ACHIEVED, null),
      ],
      6,
      d(10),
    );
    expect(r.reportedCount).toBe(1);
    expect(r.moneyShare).toBe('60.00');
    expect(r.provisional).toBe(true);
    expect(r.indicators.find((i) => i.indicatorId === 'km')).toMatchObject({
      combined: '50',
      offTrack: false,
      contributions: 1,
    });
    expect(r.indicators.find((i) => i.indicatorId === 'road')?.offTrack).toBe(true);
    // 100 of 600 executed by June: 16.67% vs 50% elapsed.
    expect(r.flags).toEqual([MonitoringFlag.INDICATOR_OFF_TRACK, MonitoringFlag.SLOW_EXECUTION]);
  });

  test('no reports at all: nothing combined, no money flag, provisional', () => {
    const r = rollUp(
      parents,
      [child('A', '600', '0', '0', ['0', '1'], ProjectedTier.ACHIEVED, null)],
      6,
      d(10),
    );
    expect(r.indicators.map((i) => i.failure)).toEqual([
      'NO_CONTRIBUTIONS',
      'NO_CONTRIBUTIONS',
      'NO_CONTRIBUTIONS',
      'NO_CONTRIBUTIONS',
    ]);
    expect(r.flags).toEqual([]);
    expect(r.provisional).toBe(true);
  });
});
