import { types } from 'pg';

/** node-postgres' own parser of `timestamptz` text (postgres-date): the reference, and the fallback. */
export const referenceTimestamptz = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (
  text: string,
) => Date | number | null;

/** The digit at `i`, or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The two-digit number at `i`, or -1. */
function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Issue 18: `timestamptz` text as PostgreSQL writes it with DateStyle ISO — `2026-12-06 19:52:54.389123+08`,
 * `+05:30`, `-03:00:00` — read by character codes instead of the three regular expressions of
 * postgres-date, which took 7 % of the whole city tree (two timestamps on each of 6,805 organizations).
 * The same Date to the millisecond (test/db/pg-timestamps.property.test.ts). Anything else
 * — a year before 1000 or after 9999, BC, ±infinity, another DateStyle, a fraction of more than 6 digits —
 * goes to postgres-date unchanged.
 */
export function parseTimestamptz(s: string): Date | number | null {
  const n = s.length;
  const year = digit(s, 0) * 1000 + two(s, 1) * 10 + digit(s, 3);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (
    n < 22 ||
    digit(s, 0) < 1 ||
    two(s, 1) < 0 ||
    digit(s, 3) < 0 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 32 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    (month | day | hour | minute | second) < 0
  ) {
    return referenceTimestamptz(s);
  }
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46 /* . */) {
    // Milliseconds: the first three digits of the fraction, the rest dropped — what `1000 * parseFloat`
    // gives in postgres-date for every fraction of up to 6 digits (checked for all 10⁶ of them).
    let j = i + 1;
    for (let d = digit(s, j), scale = 100; d >= 0; d = digit(s, ++j), scale /= 10) {
      if (scale >= 1) ms += d * scale;
    }
    if (j === i + 1 || j - i > 7) return referenceTimestamptz(s);
    i = j;
  }
  const c = s.charCodeAt(i);
  const sign = c === 43 /* + */ ? 1 : c === 45 /* - */ ? -1 : 0;
  const offsetHours = two(s, i + 1);
  if (sign === 0 || offsetHours < 0) return referenceTimestamptz(s);
  i += 3;
  let offsetSeconds = offsetHours * 3600;
  if (s.charCodeAt(i) === 58 /* : */) {
    const minutes = two(s, i + 1);
    if (minutes < 0) return referenceTimestamptz(s);
    offsetSeconds += minutes * 60;
    i += 3;
    if (s.charCodeAt(i) === 58) {
      const seconds = two(s, i + 1);
      if (seconds < 0) return referenceTimestamptz(s);
      offsetSeconds += seconds;
      i += 3;
    }
  }
  if (i !== n) return referenceTimestamptz(s);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - sign * offsetSeconds * 1000);
}

/** Every `timestamptz` node-postgres reads in this process goes through `parseTimestamptz`. */
export function registerTimestampParser(): void {
  types.setTypeParser(types.builtins.TIMESTAMPTZ, 'text', parseTimestamptz);
}
