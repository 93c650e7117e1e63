import { Decimal } from '../../src/common/decimal';
import { Grade } from '../../src/common/grade';
import { mulberry32, nextBelow } from '../../src/evaluation/rules/prng';
import {
  checkSampling,
  drawSample,
  noticeList,
  sampleSize,
  spotCheckFlags,
  type SpotCheckItem,
} from '../../src/spot-check/rules/flags';

const d = (s: string | number): Decimal => new Decimal(s);
const candidates = (n: number) =>
  Array.from({ length: n }, (_, k) => ({ id: `se-${String(k).padStart(3, '0')}` }));
const deadline = new Date('2026-03-31T16:00:00Z');
const item = (over: Partial<SpotCheckItem> = {}): SpotCheckItem => ({
  id: 'x',
  regionId: '370303',
  selfSubmittedAt: new Date('2026-03-01T00:00:00Z'),
  deadline,
  selfTotal: d('85'),
  selfGrade: Grade.GOOD,
  checkTotal: d('82'),
  checkGrade: Grade.GOOD,
  ...over,
});

describe('spot-check sample (DOMAIN §12 policy: 10%, at least 1, from a recorded seed)', () => {
  test('size: ⌈10% × n⌉, at least 1; none of none', () => {
    expect([0, 1, 9, 10, 11, 25, 100].map((n) => sampleSize(d('0.1'), n))).toEqual([0, 1, 1, 1, 2, 3, 10]);
    expect(sampleSize(d(1), 7)).toBe(7);
  });

  test('same seed + same candidates (any order) → same sample; it is recorded, so pinned here', () => {
    const list = candidates(40);
    const first = drawSample(list, 20250101);
    expect(first).toHaveLength(4);
    expect(drawSample([...list].reverse(), 20250101)).toEqual(first);
    // Pinned: the algorithm (sorted by id, mulberry32 partial Fisher–Yates) must never change a recorded sample.
    expect(first.map((c) => c.id)).toEqual(['se-002', 'se-014', 'se-032', 'se-034']);
    expect(drawSample(list, 20250102).map((c) => c.id)).not.toEqual(first.map((c) => c.id));
  });

  test('the sample is a subset without repeats, returned in id order', () => {
    const list = candidates(50);
    const sample = drawSample(list, 7, d('0.3'));
    expect(sample).toHaveLength(15);
    expect(new Set(sample.map((s) => s.id)).size).toBe(15);
    expect(sample.map((s) => s.id)).toEqual([...sample.map((s) => s.id)].sort());
  });

  test('ratio and seed are validated', () => {
    expect(checkSampling(d(0), 1).map((p) => p.reason)).toEqual(['RATIO_INVALID']);
    expect(checkSampling(d('1.5'), -1).map((p) => p.reason)).toEqual(['RATIO_INVALID', 'SEED_INVALID']);
    expect(checkSampling(d('0.1'), 2 ** 32).map((p) => p.reason)).toEqual(['SEED_INVALID']);
    expect(() => drawSample(candidates(3), 1.5)).toThrow(RangeError);
  });

  test('mulberry32 is deterministic and nextBelow stays in range', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    const next = mulberry32(1);
    for (let k = 0; k < 200; k += 1) expect(nextBelow(next, 7)).toBeLessThan(7);
  });
});

describe('spot-check flags and the notice list (DOMAIN §12; 003 第二十一条, 转移支付 第二十四条)', () => {
  test('no flag when self and check agree', () => {
    expect(spotCheckFlags(item())).toMatchObject({ flags: [], gap: d(3) });
  });

  test('MISSING_SELF_EVALUATION: none, or after the deadline (未按要求开展自评)', () => {
    expect(spotCheckFlags(item({ selfSubmittedAt: null, selfTotal: null, selfGrade: null })).flags).toEqual([
      'MISSING_SELF_EVALUATION',
    ]);
    expect(spotCheckFlags(item({ selfSubmittedAt: new Date('2026-04-01T00:00:00Z') })).flags).toEqual([
      'MISSING_SELF_EVALUATION',
    ]);
    expect(spotCheckFlags(item({ selfSubmittedAt: deadline })).flags).toEqual([]);
  });

  test('SCORE_GAP above 10 points (exactly 10 is not), GRADE_DIFFERS (自评和抽评结果差异较大)', () => {
    expect(
      spotCheckFlags(item({ selfTotal: d('92'), selfGrade: Grade.EXCELLENT, checkTotal: d('82') })).flags,
    ).toEqual(['GRADE_DIFFERS']);
    const gap = spotCheckFlags(
      item({ selfTotal: d('92.01'), selfGrade: Grade.EXCELLENT, checkTotal: d('82') }),
    );
    expect(gap.flags).toEqual(['SCORE_GAP', 'GRADE_DIFFERS']);
    expect(gap.gap!.toFixed()).toBe('10.01');
  });

  test('CHECK_POOR (抽评结果为差)', () => {
    expect(
      spotCheckFlags(
        item({ selfTotal: d('62'), selfGrade: Grade.FAIR, checkTotal: d('59.99'), checkGrade: Grade.POOR }),
      ).flags,
    ).toEqual(['GRADE_DIFFERS', 'CHECK_POOR']);
  });

  test('notice list: flagged items, their regions tightened 从严、从紧 (转移支付 第二十四条)', () => {
    const list = noticeList([
      item({ id: 'c', regionId: '370303001' }),
      item({ id: 'b', regionId: '370303002', checkTotal: d('50'), checkGrade: Grade.POOR }),
      item({ id: 'a', regionId: '370303002', selfSubmittedAt: null }),
    ]);
    expect(list.entries.map((e) => [e.id, e.flags])).toEqual([
      ['a', ['MISSING_SELF_EVALUATION']],
      ['b', ['SCORE_GAP', 'GRADE_DIFFERS', 'CHECK_POOR']],
    ]);
    expect(list.tightenRegions).toEqual(['370303002']);
  });
});
