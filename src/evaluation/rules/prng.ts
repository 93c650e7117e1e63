/**
 * A small, well-known PRNG for reproducible draws (DOMAIN §12: 抽查 from a recorded seed): mulberry32
 * (Tommy Ettinger, public domain), on 32-bit integers only — no floating point decides anything. The
 * algorithm is kept here, not taken from a package, so an upgrade can never change a recorded sample.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const TWO_POW_32 = 0x1_0000_0000;

/** An unbiased integer in [0, bound) from a uint32 source, by rejection (bound ≤ 2^32). */
export function nextBelow(next: () => number, bound: number): number {
  if (!Number.isInteger(bound) || bound <= 0 || bound > TWO_POW_32)
    throw new RangeError(`Bad bound ${bound}`);
  const limit = TWO_POW_32 - (TWO_POW_32 % bound);
  for (;;) {
    const x = next();
    if (x < limit) return x % bound;
  }
}
