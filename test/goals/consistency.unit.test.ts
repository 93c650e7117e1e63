/**
 * The consistency of a decomposition (DOMAIN §5; 002 第十条(二); 003 转移支付 第十五条), pure: children's
 * targets and amounts against the parent's (the combination itself: aggregation-combine.unit.test.ts).
 */
import { Aggregation, Comparator, IndicatorKind } from '../../src/goals/indicator.enums';
import {
  checkConsistency,
  type ChildGoal,
  type ChildIndicator,
  type ConsistencyInput,
  type ParentIndicator,
} from '../../src/goals/rules/consistency';

// DOMAIN §11 worked example: 农村公路提档升级专项资金, 张店区 2025, factor method, 1000万 → A 600万, B 400万.
const WAN = (n: number) => `${n * 10000}.00`;
const Q = IndicatorKind.QUANTITATIVE;

const gte = (
  id: string,
  name: string,
  unit: string,
  target: string,
  aggregation: Aggregation,
): ParentIndicator => ({
  id,
  name,
  kind: Q,
  unit,
  comparator: Comparator.GTE,
  target,
  aggregation,
});

// The overall goal's indicators (DOMAIN §11 table).
const parentIndicators = (): ParentIndicator[] => [
  gte('km', '新改建农村公路里程', 'km', '50', Aggregation.SUM),
  gte('quality', '工程验收合格率', '%', '95', Aggregation.FUND_WEIGHTED_AVERAGE),
  gte('timely', '当年完工率', '%', '90', Aggregation.FUND_WEIGHTED_AVERAGE),
  gte('people', '受益群众人数', '人', '20000', Aggregation.SUM),
  gte('satisfaction', '群众满意度', '%', '90', Aggregation.FUND_WEIGHTED_AVERAGE),
];

const childIndicators = (targets: [string, string, string, string, string]): ChildIndicator[] =>
  parentIndicators().map((p, k) => ({
    name: p.name,
    kind: p.kind,
    unit: p.unit,
    comparator: p.comparator,
    target: targets[k],
    parentIndicatorId: p.id,
  }));

const child = (
  goalId: string,
  wan: number,
  targets: [string, string, string, string, string],
): ChildGoal => ({
  goalId,
  label: goalId,
  annualAmount: WAN(wan),
  indicators: childIndicators(targets),
});

const example = (): ConsistencyInput => ({
  parent: { allocatedAmount: WAN(1000), indicators: parentIndicators() },
  children: [
    child('A', 600, ['30', '95', '90', '12000', '90']),
    child('B', 400, ['20', '95', '90', '8000', '90']),
  ],
});

const indicator = (input: ConsistencyInput, goal: number, id: string) =>
  input.children[goal].indicators.find((i) => i.parentIndicatorId === id)!;
const errorCodes = (input: ConsistencyInput) => checkConsistency(input).errors.map((e) => e.reason);

describe('consistency of a decomposition (DOMAIN §5; 002 第十条(二); 003 转移支付 第十五条)', () => {
  test('the worked example is consistent', () => {
    const report = checkConsistency(example());
    expect(report).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(report.combined.map((c) => [c.parentIndicatorId, c.combined, c.meets])).toEqual([
      ['km', '50', true],
      ['quality', '95', true],
      ['timely', '90', true],
      ['people', '20000', true],
      ['satisfaction', '90', true],
    ]);
  });

  test('A builds 25 km: SUM 45 < 50, with the numbers in zh and en', () => {
    const input = example();
    indicator(input, 0, 'km').target = '25';
    const report = checkConsistency(input);
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    const [error] = report.errors;
    expect(error).toMatchObject({
      reason: 'TARGET_NOT_MET',
      parentIndicatorId: 'km',
      childGoalIds: ['A', 'B'],
    });
    expect(error.field).toEqual(['parent', 'indicators', '0']);
    expect(error.message.zh).toBe('新改建农村公路里程: 分区域目标合计 45 km < 整体目标 50 km (A 25, B 20)');
    expect(error.message.en).toBe(
      '新改建农村公路里程: regional targets total 45 km < overall target 50 km (A 25, B 20)',
    );
  });

  test('money: 600 + 300 ≠ 1000, to the fen', () => {
    const input = example();
    input.children[1].annualAmount = WAN(300);
    const [error] = checkConsistency(input).errors;
    expect(error.reason).toBe('MONEY_MISMATCH');
    expect(error.message.zh).toBe(
      '资金: 分区域目标金额合计 9000000.00 ≠ 分配总额 10000000.00 (A 6000000.00, B 3000000.00)',
    );
    input.children[1].annualAmount = '3999999.99';
    expect(errorCodes(input)).toEqual(['MONEY_MISMATCH']);
  });

  test("money counts a child's share of this fund when its goal also holds matching money", () => {
    const input = example();
    input.children[1].annualAmount = WAN(500);
    input.children[1].fundAmount = WAN(400);
    expect(errorCodes(input)).toEqual([]);
    input.children[1].fundAmount = '400';
    expect(errorCodes(input)).toEqual(['MONEY_MISMATCH']);
    input.children[1].fundAmount = '4000000.001';
    expect(errorCodes(input)).toEqual(['AMOUNT_INVALID']);
  });

  // FWA weights are exact: (100×600 + 90×400) ÷ 1000 = 96.
  test('fund-weighted average is exact', () => {
    const input = example();
    indicator(input, 0, 'quality').target = '100';
    indicator(input, 1, 'quality').target = '90';
    const quality = input.parent.indicators[1];
    quality.target = '96';
    expect(checkConsistency(input).combined[1]).toMatchObject({ combined: '96', meets: true });
    quality.target = '96.01';
    const [error] = checkConsistency(input).errors;
    expect(error.message.zh).toBe(
      '工程验收合格率: 分区域目标按资金加权平均 96% < 整体目标 96.01% (A 100（资金 6000000.00）, B 90（资金 4000000.00）)',
    );
    expect(error.message.en).toMatch(
      /fund-weighted average 96% < overall target 96.01% \(A 100 \(amount 6000000.00\)/,
    );
  });

  test('an LTE parent: children combined must not exceed the target', () => {
    const input = example();
    const cost = input.parent.indicators[0];
    Object.assign(cost, {
      name: '每公里造价',
      unit: '万元/km',
      comparator: Comparator.LTE,
      target: '80',
      aggregation: Aggregation.MAX,
    });
    for (const [goal, target] of [
      [0, '75'],
      [1, '80'],
    ] as const) {
      Object.assign(indicator(input, goal, 'km'), { unit: '万元/km', comparator: Comparator.LTE, target });
    }
    expect(checkConsistency(input).ok).toBe(true);
    indicator(input, 1, 'km').target = '85';
    expect(checkConsistency(input).errors[0].message.zh).toBe(
      '每公里造价: 分区域目标最大值 85 万元/km > 整体目标 80 万元/km (A 75, B 85)',
    );
  });

  test('RATIO_OF_SUMS: Σ验收合格 ÷ Σ验收总数, never an average of percentages', () => {
    const input = example();
    Object.assign(input.parent.indicators[1], { aggregation: Aggregation.RATIO_OF_SUMS, target: '95' });
    // A 19 of 20 (95%), B 90 of 100 (90%): average 92.5 but the ratio of sums is 109 / 120 = 90.83…%.
    Object.assign(indicator(input, 0, 'quality'), {
      target: '95',
      ratio: { numerator: '19', denominator: '20' },
    });
    Object.assign(indicator(input, 1, 'quality'), {
      target: '90',
      ratio: { numerator: '90', denominator: '100' },
    });
    const report = checkConsistency(input);
    expect(report.errors[0].message.zh).toBe(
      '工程验收合格率: 分区域目标分子合计÷分母合计 ≈90.8333% < 整体目标 95% (A 19/20, B 90/100)',
    );
    indicator(input, 1, 'quality').ratio = { numerator: '96', denominator: '100' };
    indicator(input, 1, 'quality').target = '96';
    expect(checkConsistency(input).combined[1]).toMatchObject({ combined: '≈95.8333', meets: true });
    indicator(input, 1, 'quality').ratio = null;
    expect(errorCodes(input)).toEqual(['RATIO_PARTS_REQUIRED']);
  });

  test.each([
    [Aggregation.MIN, Comparator.GTE, '90', true],
    [Aggregation.MIN, Comparator.GTE, '91', false],
    [Aggregation.MAX, Comparator.GTE, '98', true],
    [Aggregation.MAX, Comparator.GTE, '98.5', false],
    [Aggregation.AVERAGE, Comparator.GTE, '94', true],
    [Aggregation.AVERAGE, Comparator.EQ, '94', true],
    [Aggregation.AVERAGE, Comparator.GTE, '94.01', false],
    [Aggregation.FUND_WEIGHTED_AVERAGE, Comparator.EQ, '94.8', true],
  ])('%s %s %s meets: %s (A 98 on 600万, B 90 on 400万)', (aggregation, comparator, target, meets) => {
    const input = example();
    Object.assign(input.parent.indicators[4], { aggregation, comparator, target });
    Object.assign(indicator(input, 0, 'satisfaction'), { target: '98', comparator: Comparator.EQ });
    Object.assign(indicator(input, 1, 'satisfaction'), { target: '90', comparator: Comparator.EQ });
    expect(checkConsistency(input).ok).toBe(meets);
  });

  test('a child indicator of a different kind or unit is an error; so is a contrary comparator', () => {
    const input = example();
    indicator(input, 0, 'km').unit = '公里';
    indicator(input, 1, 'people').kind = IndicatorKind.QUALITATIVE;
    indicator(input, 1, 'timely').comparator = Comparator.LTE;
    const errors = checkConsistency(input).errors;
    expect(errors.map((e) => [e.reason, e.field.join('.')])).toEqual([
      ['UNIT_MISMATCH', 'children.0.indicators.0.unit'],
      ['COMPARATOR_MISMATCH', 'children.1.indicators.2.comparator'],
      ['KIND_MISMATCH', 'children.1.indicators.3.kind'],
    ]);
    expect(errors[0].message.zh).toBe(
      'A「新改建农村公路里程」：计量单位“公里”与上级指标「新改建农村公路里程」的“km”不一致',
    );
  });

  test('full-width ％ and surrounding spaces read as the same unit', () => {
    const input = example();
    indicator(input, 0, 'quality').unit = ' ％ ';
    expect(checkConsistency(input).ok).toBe(true);
  });

  test('unlinked and partly linked parent indicators are warnings, not errors', () => {
    const input = example();
    input.parent.indicators.push(gte('extra', '群众出行时间缩短', '分钟', '10', Aggregation.AVERAGE));
    input.children[1].indicators = input.children[1].indicators.filter(
      (i) => i.parentIndicatorId !== 'quality',
    );
    const report = checkConsistency(input);
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => [w.reason, w.parentIndicatorId, w.childGoalIds])).toEqual([
      ['PARTIAL_LINKS', 'quality', ['B']],
      ['UNLINKED_PARENT_INDICATOR', 'extra', []],
    ]);
  });

  test('a link to a missing parent indicator, and an ambiguous double link under an average, are errors', () => {
    const input = example();
    input.children[0].indicators.push({ ...indicator(input, 0, 'km'), parentIndicatorId: 'nope' });
    input.children[0].indicators.push({ ...indicator(input, 0, 'quality'), name: '桥梁验收合格率' });
    expect(errorCodes(input).sort()).toEqual(['AMBIGUOUS_LINKS', 'UNKNOWN_PARENT_INDICATOR']);
  });

  test('two indicators of one child linked to a SUM parent both count', () => {
    const input = example();
    indicator(input, 0, 'km').target = '20';
    input.children[0].indicators.push({ ...indicator(input, 0, 'km'), name: '改建里程', target: '10' });
    expect(checkConsistency(input).combined[0]).toMatchObject({ combined: '50', meets: true });
  });

  test('a qualitative parent indicator is left to the reviewer with a warning', () => {
    const input = example();
    input.parent.indicators.push({
      id: 'q',
      name: '管护机制',
      kind: IndicatorKind.QUALITATIVE,
      target: '建立',
    });
    input.children[0].indicators.push({
      name: '管护机制',
      kind: IndicatorKind.QUALITATIVE,
      target: '建立',
      parentIndicatorId: 'q',
    });
    input.children[1].indicators.push({
      name: '管护机制',
      kind: IndicatorKind.QUALITATIVE,
      target: '建立',
      parentIndicatorId: 'q',
    });
    expect(checkConsistency(input).warnings.map((w) => w.reason)).toEqual(['QUALITATIVE_NOT_CHECKED']);
  });

  test('project children are worded as 分项目目标', () => {
    const input = { ...example(), childKind: 'PROJECT' as const };
    indicator(input, 1, 'people').target = '7000';
    expect(checkConsistency(input).errors[0].message.zh).toBe(
      '受益群众人数: 分项目目标合计 19000 人 < 上级目标 20000 人 (A 12000, B 7000)',
    );
  });
});
