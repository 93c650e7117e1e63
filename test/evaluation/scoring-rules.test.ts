import { Decimal } from '../../src/common/decimal';
import { Grade } from '../../src/common/grade';
import {
  BUDGET_EXECUTION_KEY,
  FUND_ARRIVAL_KEY,
  scoreSelfEvaluation,
  type SelfScoringInput,
} from '../../src/evaluation/rules/scoring';
import { d, full, quant, act, base, baseActuals, single } from './scoring-builders';

describe('self-evaluation scoring (DOMAIN §10; 002 第二十一、二十四、二十五条)', () => {
  test('default category points 10/50/30/10, COMMON as two 5-point money lines (DOMAIN §10.1–2)', () => {
    const result = scoreSelfEvaluation({
      indicators: [quant('out'), ...base()],
      actuals: [act('out', '100'), ...baseActuals()],
      money: full,
    });
    expect(result.lines.map((l) => [l.key, l.points.toFixed()])).toEqual([
      [FUND_ARRIVAL_KEY, '5'],
      [BUDGET_EXECUTION_KEY, '5'],
      ['out', '50'],
      ['benefit', '30'],
      ['satisfaction', '10'],
    ]);
    expect(result.total.toFixed(2)).toBe('100.00');
    expect(result.grade).toBe(Grade.EXCELLENT);
    expect(result.inputProblems).toEqual([]);
    expect(result.submissionProblems).toEqual([]);
  });

  test('money lines: arrival = in place ÷ budgeted, execution = spent ÷ in place, capped at 1 (DOMAIN §10.2, 附件7)', () => {
    const { result } = single(quant('out'), act('out', '100'), {
      budgeted: d(400),
      inPlace: d(380),
      spent: d(400),
    });
    const [arrival, execution] = result.lines;
    expect(arrival!.score.toFixed(2)).toBe('4.75'); // 5 × 380/400
    expect(arrival!.rule).toBe('RATE');
    expect(arrival!.inputs).toMatchObject({ inPlace: '380', budgeted: '400', rate: '0.95' });
    expect(arrival!.ruleText).toContain('380 ÷ 预算资金 400 = 95%');
    expect(execution!.score.toFixed(2)).toBe('5.00'); // spent > in place → min(rate, 1)
    expect(arrival!.needsExplanation).toBe(true);
    expect(execution!.needsExplanation).toBe(false);
    // DOMAIN §10.5: the arrival line scores below its points → explanation needed to submit.
    expect(result.submissionProblems.map((p) => [p.reason, p.field])).toEqual([
      ['EXPLANATION_REQUIRED', ['actuals']],
    ]);
  });

  test('a money line explanation is given through an actual keyed by the line key', () => {
    const result = scoreSelfEvaluation({
      indicators: [quant('out'), ...base()],
      actuals: [
        act('out', '100'),
        ...baseActuals(),
        { indicatorId: FUND_ARRIVAL_KEY, explanation: '上级资金未到位' },
      ],
      money: { budgeted: d(400), inPlace: d(380), spent: d(380) },
    });
    expect(result.inputProblems).toEqual([]);
    expect(result.submissionProblems).toEqual([]);
  });

  test('zero base: nothing budgeted scores the arrival line in full (policy RATE_NO_BASE)', () => {
    const { result } = single(quant('out'), act('out', '100'), {
      budgeted: d(0),
      inPlace: d(0),
      spent: d(0),
    });
    expect(result.lines.slice(0, 2).map((l) => [l.rule, l.score.toFixed(2)])).toEqual([
      ['RATE_NO_BASE', '5.00'],
      ['RATE_NO_BASE', '5.00'],
    ]);
  });

  test('negative money is refused on save', () => {
    const { result } = single(quant('out'), act('out', '100'), {
      budgeted: d(-1),
      inPlace: d(0),
      spent: d(0),
    });
    expect(result.inputProblems.map((p) => [p.reason, p.field])).toEqual([
      ['MONEY_INVALID', ['money', 'budgeted']],
    ]);
  });

  test('equal split when no points are given; the remainder split when some are (DOMAIN §10.2)', () => {
    const result = scoreSelfEvaluation({
      indicators: [
        quant('a'),
        quant('b'),
        quant('c'),
        quant('e', { category: 'BENEFIT', points: d(12) }),
        quant('f', { category: 'BENEFIT' }),
        quant('g', { category: 'BENEFIT' }),
        quant('s', { category: 'SATISFACTION' }),
      ],
      actuals: ['a', 'b', 'c', 'e', 'f', 'g', 's'].map((id) => act(id, '100')),
      money: full,
    });
    // DOMAIN §10.2: points are exact — 50 ÷ 3 on each OUTPUT line (equal weights, equal points), never
    // 16.67/16.67/16.66; BENEFIT: 12, then 18 ÷ 2 = 9 each. §10.6: only scores are rounded, so the three
    // fully met OUTPUT lines score 16.67 each and the total (the sum of rounded scores) is 100.01.
    const third = new Decimal(50).div(3).toFixed();
    expect(result.lines.map((l) => l.points.toFixed())).toEqual([
      '5',
      '5',
      third,
      third,
      third,
      '12',
      '9',
      '9',
      '10',
    ]);
    expect(result.lines.map((l) => l.score.toFixed(2)).slice(2, 5)).toEqual(['16.67', '16.67', '16.67']);
    expect(result.total.toFixed(2)).toBe('100.01');
  });

  test('a category with no indicators hands its points on in proportion (DOMAIN §10.1 policy choice)', () => {
    const result = scoreSelfEvaluation({
      indicators: [quant('out'), quant('b', { category: 'BENEFIT' })],
      actuals: [act('out', '100'), act('b', '100')],
      money: full,
    });
    // SATISFACTION's 10 go to COMMON 10 : OUTPUT 50 : BENEFIT 30 → exactly 100/9 (two money lines of
    // 50/9 each — equal weights, equal points), 500/9 and 300/9 (DOMAIN §10.1–2: never rounded).
    const ninths = (k: number) => new Decimal(k).div(9).toFixed();
    expect(result.lines.map((l) => [l.key, l.points.toFixed()])).toEqual([
      [FUND_ARRIVAL_KEY, ninths(50)],
      [BUDGET_EXECUTION_KEY, ninths(50)],
      ['out', ninths(500)],
      ['b', ninths(300)],
    ]);
    // Scores 5.56 + 5.56 + 55.56 + 33.33 (each rounded half-up once, DOMAIN §10.6).
    expect(result.lines.map((l) => l.score.toFixed(2))).toEqual(['5.56', '5.56', '55.56', '33.33']);
    expect(result.total.toFixed(2)).toBe('100.01');
  });

  test('custom category points must total 100; otherwise refused and the defaults used (DOMAIN §10.1)', () => {
    const input: SelfScoringInput = {
      indicators: [quant('out'), ...base()],
      actuals: [act('out', '100'), ...baseActuals()],
      money: full,
      categoryPoints: { COMMON: d(20), OUTPUT: d(40), BENEFIT: d(30), SATISFACTION: d(10) },
    };
    expect(scoreSelfEvaluation(input).lines.map((l) => l.points.toFixed())).toEqual([
      '10',
      '10',
      '40',
      '30',
      '10',
    ]);
    const wrong = scoreSelfEvaluation({ ...input, categoryPoints: { COMMON: d(20), OUTPUT: d(50) } });
    expect(wrong.inputProblems.map((p) => [p.reason, p.field])).toEqual([
      ['CATEGORY_POINTS_TOTAL', ['categoryPoints']],
    ]);
    expect(wrong.inputProblems[0]!.message.zh).toContain('现为 70');
    expect(wrong.lines.map((l) => l.points.toFixed())).toEqual(['5', '5', '50', '30', '10']);
  });

  test('goal COMMON indicators (department goals) replace the two money lines (policy choice)', () => {
    const result = scoreSelfEvaluation({
      indicators: [
        quant('c1', { category: 'COMMON', points: d(6) }),
        quant('c2', { category: 'COMMON', points: d(4) }),
        quant('out'),
        ...base(),
      ],
      actuals: ['c1', 'c2', 'out', 'benefit', 'satisfaction'].map((id) => act(id, '100')),
      money: { budgeted: d(0), inPlace: d(0), spent: d(0) },
    });
    expect(result.lines.map((l) => [l.key, l.points.toFixed()])).toEqual([
      ['c1', '6'],
      ['c2', '4'],
      ['out', '50'],
      ['benefit', '30'],
      ['satisfaction', '10'],
    ]);
    // A money line key is then unknown.
    const extra = scoreSelfEvaluation({
      indicators: [quant('c1', { category: 'COMMON' })],
      actuals: [{ indicatorId: FUND_ARRIVAL_KEY }],
      money: full,
    });
    expect(extra.inputProblems.map((p) => p.reason)).toContain('UNKNOWN_INDICATOR');
  });

  test('indicator points that do not fit their category are refused, like the goal check (DOMAIN §10.2)', () => {
    const result = scoreSelfEvaluation({
      indicators: [quant('a', { points: d(20) }), quant('b', { points: d(20) }), ...base()],
      actuals: [act('a', '100'), act('b', '100'), ...baseActuals()],
      money: full,
    });
    expect(result.inputProblems.map((p) => [p.reason, p.field])).toEqual([
      ['INDICATOR_POINTS_TOTAL', ['indicators']],
    ]);
    expect(result.inputProblems[0]!.message.zh).toBe('产出指标各指标分值合计 40，应等于该类分值 50');
  });

  test('refuses to save: unknown indicator, duplicate actual, negative actual, bad points', () => {
    const result = scoreSelfEvaluation({
      indicators: [quant('out', { points: d('-1') }), ...base()],
      actuals: [act('nope', '1'), act('benefit', '-5'), act('benefit', '1')],
      money: full,
    });
    expect(result.inputProblems.map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['UNKNOWN_INDICATOR', 'actuals.0.indicatorId'],
      ['DUPLICATE_ACTUAL', 'actuals.2.indicatorId'],
      ['INDICATOR_POINTS_INVALID', 'indicators.0.points'],
      ['ACTUAL_INVALID', 'actuals.1.actual'],
    ]);
    for (const p of result.inputProblems) expect(p.message.en.length).toBeGreaterThan(0);
  });

  test('refuses to submit: missing actual and missing explanation, naming the indicator (DOMAIN §10.5, 001 三(三)1)', () => {
    const result = scoreSelfEvaluation({
      indicators: [quant('out', { name: '里程' }), ...base()],
      actuals: [act('benefit', '50', { explanation: null }), act('satisfaction', '100')],
      money: full,
    });
    expect(result.inputProblems).toEqual([]);
    expect(result.submissionProblems.map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['ACTUAL_REQUIRED', 'actuals'],
      ['EXPLANATION_REQUIRED', 'actuals.0.explanation'],
    ]);
    expect(result.submissionProblems[0]!.message.zh).toContain('里程');
    expect(result.lines.find((l) => l.key === 'out')!.rule).toBe('NO_ACTUAL');
  });

  test('rounding half-up per line; total is the sum of rounded lines; grade bands (DOMAIN §10.6–7, 002 第二十五条)', () => {
    // 15 × 90/95 = 14.2105… → 14.21; 10 × 85/90 = 9.4444… → 9.44; 20 × 0.5/0.8 = 12.5 exactly.
    const result = scoreSelfEvaluation({
      indicators: [
        quant('q', { target: d(95), points: d(15) }),
        quant('h', { target: d('0.8'), points: d(35) }),
        quant('b', { category: 'BENEFIT', target: d(8), points: d(30) }),
        quant('s', { category: 'SATISFACTION', target: d(90) }),
      ],
      actuals: [act('q', '90'), act('h', '0.5'), act('b', '1'), act('s', '85')],
      money: full,
    });
    expect(result.lines.map((l) => l.score.toFixed(2))).toEqual([
      '5.00',
      '5.00',
      '14.21',
      '21.88',
      '3.75',
      '9.44',
    ]);
    expect(result.total.toFixed(2)).toBe('59.28');
    expect(result.grade).toBe(Grade.POOR);
  });
});
