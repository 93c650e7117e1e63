/**
 * Ranking and the further budget-linkage rules, pure (DOMAIN §13 "Ranking and reports", "Budget linkage";
 * 001 三(四)3; 003 第二十六条 "长期沉淀资金一律收回", 转移支付 第二十四条 "从严、从紧"). No database.
 */
import { Decimal } from '../../src/common/decimal';
import { competitionRanking } from '../../src/results/rules/ranking';
import {
  IDLE_MONTHS,
  longIdleAmount,
  RecommendationAction,
  recommendForIdleMoney,
  recommendForSpotCheckFlag,
} from '../../src/results/rules/recommendation';

const d = (s: string) => new Decimal(s);

describe('competition ranking: ties share a rank, the next rank skips (DOMAIN §13; 001 三(四)3)', () => {
  test('98.40, 96.08, 96.08, 61.50 rank 1, 2, 2, 4; equal scores listed by name', () => {
    const ranked = competitionRanking([
      { id: '3', name: '乙镇', score: d('96.08') },
      { id: '1', name: '甲镇', score: d('61.5') },
      { id: '2', name: '丙镇', score: d('98.40') },
      { id: '4', name: '丁镇', score: d('96.080') },
    ]);
    expect(ranked.map((r) => [r.rank, r.item.id])).toEqual([
      [1, '2'],
      [2, '4'],
      [2, '3'],
      [4, '1'],
    ]);
  });

  test('scores differing in the third decimal are not tied (exact decimals)', () => {
    const ranked = competitionRanking([
      { id: 'a', name: 'a', score: d('80.001') },
      { id: 'b', name: 'b', score: d('80.000') },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
  });
});

describe('long-idle money is recovered (DOMAIN §13; 003 第二十六条)', () => {
  const m = (month: number, inPlace: string, spent: string) => ({
    month,
    inPlace: d(inPlace),
    spent: d(spent),
  });

  test(`money in place ${IDLE_MONTHS}+ months by year end and still unspent is idle (first in, first spent)`, () => {
    expect(IDLE_MONTHS).toBe(6);
    // 100 in March, 20 in October, 50 spent in November: 50 of March's money sat 9 months → 50.00
    expect(longIdleAmount([m(3, '100', '0'), m(10, '20', '0'), m(11, '0', '50')]).toFixed(2)).toBe('50.00');
    // Money in place in July (5 months before year end) is not long-idle yet.
    expect(longIdleAmount([m(7, '100', '0')]).toFixed(2)).toBe('0.00');
    // All spent: nothing idle.
    expect(longIdleAmount([m(1, '100', '60'), m(12, '0', '40')]).toFixed(2)).toBe('0.00');
  });

  test('the recommendation recovers at least the idle amount, citing 003 第二十六条', () => {
    const r = recommendForIdleMoney(d('12345.67'));
    expect(r.action).toBe(RecommendationAction.RECOVER_IDLE);
    expect(r.minimumCut!.toFixed(2)).toBe('12345.67');
    expect(r.change.toFixed(2)).toBe('-12345.67');
    expect(r.rule).toContain('003 第二十六条');
  });
});

test('a flagged spot check tightens the region’s transfers 从严、从紧 (DOMAIN §12; 003 转移支付 第二十四条)', () => {
  const r = recommendForSpotCheckFlag(['SCORE_GAP', 'CHECK_POOR']);
  expect(r.action).toBe(RecommendationAction.TIGHTEN);
  expect(r.rule).toContain('003 转移支付 第二十四条');
  expect(r.rule).toContain('从严、从紧');
  expect(r.minimumCut).toBeNull();
});
