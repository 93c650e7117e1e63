import { scoreSelfEvaluation, type IndicatorActual } from '../../src/evaluation/rules/scoring';
import { d, full, quant, qual, act, single } from './scoring-builders';

describe('self-evaluation scoring of indicators (DOMAIN §10.3–4; 002 第二十四条)', () => {
  test.each([
    // DOMAIN §10.3 GTE: a ≥ t → p; a < t → p × a ÷ t.
    ['GTE', '50', '60', 'GTE_MET', '20.00', false],
    ['GTE', '50', '27', 'GTE_PROPORTIONAL', '10.80', true],
    ['GTE', '90', '80', 'GTE_PROPORTIONAL', '17.78', true], // 20 × 80/90 = 17.777… → 17.78
    // LTE: a ≤ t → p; a > t → p × t ÷ a.
    ['LTE', '100', '100', 'LTE_MET', '20.00', false],
    ['LTE', '100', '125', 'LTE_PROPORTIONAL', '16.00', true],
    // EQ: a = t → p; else p × max(0, 1 − |a − t| ÷ |t|).
    ['EQ', '10', '10', 'EQ_MET', '20.00', false],
    ['EQ', '10', '12', 'EQ_DEVIATION', '16.00', true],
    ['EQ', '10', '8', 'EQ_DEVIATION', '16.00', true],
    ['EQ', '10', '25', 'EQ_DEVIATION', '0.00', true],
    // target 0: GTE → p when a ≥ 0; LTE → p when a ≤ 0; EQ → p when a = 0; else 0.
    ['GTE', '0', '3', 'TARGET_ZERO_MET', '20.00', false],
    ['LTE', '0', '0', 'TARGET_ZERO_MET', '20.00', false],
    ['LTE', '0', '1', 'TARGET_ZERO_MISSED', '0.00', true],
    ['EQ', '0', '0', 'TARGET_ZERO_MET', '20.00', false],
    ['EQ', '0', '2', 'TARGET_ZERO_MISSED', '0.00', true],
  ] as const)(
    '%s target %s actual %s → %s %s (DOMAIN §10.3, 002 第二十四条)',
    (comparator, target, actual, rule, score, explain) => {
      const { line } = single(quant('x', { comparator, target: d(target), points: d(20) }), act('x', actual));
      expect(line.rule).toBe(rule);
      expect(line.score.toFixed(2)).toBe(score);
      expect(line.needsExplanation).toBe(explain);
      expect(line.inputs).toMatchObject({ comparator, target, actual, points: '20' });
      expect(line.ruleText).toMatch(new RegExp(`^规则 ${rule}：.* / rule ${rule}: `));
    },
  );

  test('over target: a ÷ t > 1.2 flags OVER_TARGET, keeps full points and needs an explanation (DOMAIN §10.3)', () => {
    const at = single(quant('x', { target: d(100), points: d(20) }), act('x', '120', { explanation: null }));
    expect(at.line.flags).toEqual([]); // exactly 1.2 is not over
    const { result, line } = single(
      quant('x', { target: d(100), points: d(20) }),
      act('x', '121', { explanation: ' ' }),
    );
    expect(line.flags).toEqual(['OVER_TARGET']);
    expect(line.score.toFixed(2)).toBe('20.00');
    expect(line.needsExplanation).toBe(true);
    expect(result.submissionProblems.map((p) => [p.reason, p.field])).toEqual([
      ['EXPLANATION_REQUIRED', ['actuals', '0', 'explanation']],
    ]);
  });

  test.each([
    ['130', '18.00'], // 20 × (1 − (1.3 − 1.2)) = 18
    ['135', '17.00'],
    ['140', '16.00'], // floor reached exactly
    ['300', '16.00'], // 20 × max(0.8, …) = 16
  ])(
    'target set too low: actual %s of 100 → %s (p × max(0.8, 1 − (a ÷ t − 1.2)), 002 第二十四条)',
    (actual, score) => {
      const { line } = single(
        quant('x', { target: d(100), points: d(20) }),
        act('x', actual, { targetSetTooLow: true }),
      );
      expect(line.rule).toBe('OVER_TARGET_DEDUCTION');
      expect(line.flags).toEqual(['OVER_TARGET']);
      expect(line.score.toFixed(2)).toBe(score);
      expect(line.inputs.targetSetTooLow).toBe('true');
    },
  );

  test('qualitative tiers: ACHIEVED [80,100], PARTIAL [60,80), NOT_ACHIEVED [0,60); score = p × % (DOMAIN §10.4)', () => {
    const score = (tier: 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED', percentage: string) =>
      scoreSelfEvaluation({
        indicators: [
          quant('out'),
          qual('q', { points: d(30) }),
          quant('satisfaction', { category: 'SATISFACTION' }),
        ],
        actuals: [
          act('out', '100'),
          { indicatorId: 'q', tier, percentage: d(percentage), explanation: 'x' },
          act('satisfaction', '100'),
        ],
        money: full,
      });
    const ok = score('PARTIAL', '75.5');
    const line = ok.lines.find((l) => l.key === 'q')!;
    expect(line.rule).toBe('QUALITATIVE_TIER');
    expect(line.score.toFixed(2)).toBe('22.65');
    expect(line.inputs).toMatchObject({ tier: 'PARTIAL', percentage: '75.5' });
    expect(ok.inputProblems).toEqual([]);
    expect(score('ACHIEVED', '100').inputProblems).toEqual([]);
    expect(score('ACHIEVED', '80').inputProblems).toEqual([]);
    expect(score('NOT_ACHIEVED', '0').inputProblems).toEqual([]);
    for (const [tier, pct] of [
      ['ACHIEVED', '79.99'],
      ['ACHIEVED', '100.01'],
      ['PARTIAL', '80'],
      ['PARTIAL', '59'],
      ['NOT_ACHIEVED', '60'],
      ['NOT_ACHIEVED', '-1'],
    ] as const) {
      const refused = score(tier, pct);
      expect(refused.inputProblems.map((p) => [p.reason, p.field])).toEqual([
        ['PERCENTAGE_OUTSIDE_TIER', ['actuals', '1', 'percentage']],
      ]);
    }
  });

  test('qualitative: a percentage without a tier is refused on save; nothing at all is missing on submit', () => {
    const run = (actual: IndicatorActual) =>
      scoreSelfEvaluation({
        indicators: [quant('out'), qual('q')],
        actuals: [act('out', '100'), actual],
        money: full,
      });
    expect(run({ indicatorId: 'q', percentage: d(90) }).inputProblems.map((p) => p.reason)).toEqual([
      'TIER_REQUIRED',
    ]);
    const empty = run({ indicatorId: 'q', explanation: '' });
    expect(empty.inputProblems).toEqual([]);
    expect(empty.submissionProblems.map((p) => [p.reason, p.field])).toEqual([
      ['ACTUAL_REQUIRED', ['actuals']],
    ]);
    expect(empty.submissionProblems[0]!.message.zh).toContain('「q」');
  });
});
