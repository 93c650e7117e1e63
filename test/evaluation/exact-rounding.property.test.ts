/**
 * DOMAIN §10.6 (002 附件6: 四舍五入 to two decimals, only each indicator's score): `roundExact` rounds the exact
 * fraction n ÷ d half-up by integer division with remainder (issue 18: no 1,000-digit expansion). The
 * reference is exact BigInt arithmetic on the same fraction, ties included.
 */
import fc from 'fast-check';
import { exact, roundExact } from '../../src/evaluation/rules/exact';

const RUNS = { numRuns: 500 };

/** n ÷ d half-up (away from zero) to `places` decimals, exactly, with integers scaled by 10^scale. */
function reference(n: bigint, nScale: number, d: bigint, dScale: number, places: number): string {
  // value = (n / 10^nScale) / (d / 10^dScale) = n·10^dScale / (d·10^nScale); times 10^places
  const num = n * 10n ** BigInt(dScale + places);
  const den = d * 10n ** BigInt(nScale);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  const digits = q.toString().padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}

const asDecimal = (v: bigint, scale: number): string => {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
};

describe('roundExact (DOMAIN §10.6)', () => {
  it('equals exact integer rounding of n ÷ d for any finite decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 8 }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 4 }),
        (n, nScale, d, dScale, places) => {
          const got = roundExact(exact(asDecimal(n, nScale), asDecimal(d, dScale)), places);
          expect(got.toFixed(places)).toBe(reference(n, nScale, d, dScale, places));
        },
      ),
      RUNS,
    );
  });

  it('rounds an exact tie k.xx5 up, however the fraction is written', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (k, d) => {
        // (k·10 + 5) / 1000 is a tie at two decimals; written as ((k·10 + 5)·d) ÷ (1000·d)
        const n = (k * 10n + 5n) * d;
        const got = roundExact(exact(n.toString(), (1000n * d).toString()));
        expect(got.toFixed(2)).toBe(reference(k * 10n + 5n, 3, 1n, 0, 2));
      }),
      RUNS,
    );
  });

  it('rounds a negative value away from zero on a tie and towards it otherwise', () => {
    expect(roundExact(exact('-1.005')).toFixed(2)).toBe('-1.01');
    expect(roundExact(exact('-1.0049999')).toFixed(2)).toBe('-1.00');
    expect(roundExact(exact(-50, 3)).toFixed(2)).toBe('-16.67');
    expect(roundExact(exact(50, 3)).toFixed(2)).toBe('16.67');
    expect(roundExact(exact(10, 3), 0).toFixed(0)).toBe('3');
  });
});
