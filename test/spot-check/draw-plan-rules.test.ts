/**
 * The parameters of a spot-check draw (DOMAIN §12 抽查复核; 003 第二十一条, 转移支付 第二十四条): ratio
 * (10%, at least 1 — policy choice), minimum, year, recorded seed; the draw with a minimum around the
 * engine's reproducible sampling (src/spot-check/rules/flags.ts).
 */
import { Decimal } from '../../src/common/decimal';
import { drawSample } from '../../src/spot-check/rules/flags';
import {
  DEFAULT_MINIMUM,
  drawPlanProblems,
  drawWithMinimum,
  GENERATED_SEED_LIMIT,
  newSeed,
  sampleSizeOf,
} from '../../src/spot-check/rules/draw-plan';

const ids = (n: number) =>
  Array.from({ length: n }, (_, k) => ({ id: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}` }));
const d = (s: string) => new Decimal(s);
const plan = { year: 2024, ratio: d('0.1'), minimum: DEFAULT_MINIMUM, seed: 7, currentYear: 2026 };

describe('sample size (DOMAIN §12: a ratio, 10%, at least 1)', () => {
  test('⌈ratio × n⌉, at least the minimum, never more than n; nothing of nothing', () => {
    expect(sampleSizeOf(d('0.1'), 1, 12)).toBe(2); // ⌈1.2⌉
    expect(sampleSizeOf(d('0.1'), 1, 10)).toBe(1);
    expect(sampleSizeOf(d('0.1'), 1, 3)).toBe(1); // ⌈0.3⌉ = 1, also the minimum
    expect(sampleSizeOf(d('0.5'), 1, 11)).toBe(6);
    expect(sampleSizeOf(d('0.1'), 4, 12)).toBe(4); // the minimum lifts it
    expect(sampleSizeOf(d('0.1'), 20, 12)).toBe(12); // never more than there are
    expect(sampleSizeOf(d('1'), 1, 12)).toBe(12);
    expect(sampleSizeOf(d('0.1'), 1, 0)).toBe(0);
  });
});

describe('the draw (DOMAIN §12: drawn reproducibly from a recorded seed)', () => {
  const pool = ids(57);

  test('same seed and same candidates give the same sample, whatever their order', () => {
    const a = drawWithMinimum(pool, 12345, d('0.1'), 1);
    const b = drawWithMinimum([...pool].reverse(), 12345, d('0.1'), 1);
    expect(a).toHaveLength(6);
    expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
  });

  test('another seed gives another sample', () => {
    const a = drawWithMinimum(pool, 1, d('0.1'), 1).map((c) => c.id);
    const b = drawWithMinimum(pool, 2, d('0.1'), 1).map((c) => c.id);
    expect(b).not.toEqual(a);
  });

  test('without a lifting minimum it is exactly the engine’s draw', () => {
    for (const seed of [0, 1, 99, 2 ** 31 - 1]) {
      expect(drawWithMinimum(pool, seed, d('0.1'), 1)).toEqual(drawSample(pool, seed, d('0.1')));
    }
  });

  test('a minimum draws exactly that many, and keeps what the ratio alone drew', () => {
    for (let n = 1; n <= 40; n += 1) {
      const candidates = ids(n);
      for (let m = 1; m <= n; m += 1) {
        const drawn = drawWithMinimum(candidates, n * 31 + m, d('0.0001'), m);
        expect(drawn).toHaveLength(m);
        expect(new Set(drawn.map((c) => c.id)).size).toBe(m);
      }
    }
    const byRatio = drawWithMinimum(pool, 5, d('0.1'), 1).map((c) => c.id);
    const lifted = drawWithMinimum(pool, 5, d('0.1'), 20).map((c) => c.id);
    expect(lifted).toHaveLength(20);
    expect(lifted).toEqual(expect.arrayContaining(byRatio));
  });

  test('generated seeds are recorded as integers that fit a GraphQL Int', () => {
    for (let k = 0; k < 50; k += 1) {
      const seed = newSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed < GENERATED_SEED_LIMIT).toBe(true);
    }
  });
});

describe('bad parameters are refused with their field', () => {
  const fieldsOf = (p: Partial<typeof plan>) =>
    drawPlanProblems({ ...plan, ...p }).map((x) => x.field.join('.'));

  test('a valid plan has no problem', () => {
    expect(drawPlanProblems(plan)).toEqual([]);
    expect(fieldsOf({ ratio: d('1'), minimum: 3, year: 2026 })).toEqual([]);
  });

  test('ratio outside (0, 1] or finer than 4 decimals', () => {
    for (const r of ['0', '-0.1', '1.0001', '2', '0.12345'])
      expect(fieldsOf({ ratio: d(r) })).toEqual(['ratio']);
  });

  test('minimum below 1 or not an integer', () => {
    for (const m of [0, -1, 1.5]) expect(fieldsOf({ minimum: m })).toEqual(['minimum']);
  });

  test('year before 2000 or after the current year', () => {
    for (const y of [1999, 2027, 2024.5]) expect(fieldsOf({ year: y })).toEqual(['year']);
  });

  test('seed outside the engine’s range; several problems at once', () => {
    expect(fieldsOf({ seed: -1 })).toEqual(['seed']);
    expect(fieldsOf({ ratio: d('0'), minimum: 0, year: 1999 })).toEqual(['ratio', 'minimum', 'year']);
  });
});
