/**
 * Issue 18: the character-code reader of `timestamptz` text (src/db/pg-timestamps.ts) gives the same
 * answer as node-postgres' own (postgres-date) for every text PostgreSQL writes with DateStyle ISO, and
 * hands everything else to it unchanged.
 */
import fc from 'fast-check';
import { parseTimestamptz, referenceTimestamptz } from '../../src/db/pg-timestamps';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A timestamptz as PostgreSQL prints it: fraction of 0–6 digits, offset ±HH, ±HH:MM or ±HH:MM:SS. */
const timestamptz = fc
  .record({
    year: fc.integer({ min: 1000, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.stringMatching(/^\d{0,6}$/),
    sign: fc.constantFrom('+', '-'),
    offset: fc.tuple(
      fc.integer({ min: 0, max: 15 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
    ),
    offsetParts: fc.integer({ min: 1, max: 3 }),
  })
  .map((t) => {
    const fraction = t.fraction.replace(/0+$/, ''); // PostgreSQL drops trailing zeros
    const offset = t.offset
      .slice(0, t.offsetParts)
      .map((p) => pad(p, 2))
      .join(':');
    return (
      `${t.year}-${pad(t.month, 2)}-${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}` +
      `${fraction ? `.${fraction}` : ''}${t.sign}${offset}`
    );
  });

const same = (text: string) => {
  const ours = parseTimestamptz(text);
  const reference = referenceTimestamptz(text);
  expect(ours instanceof Date ? ours.getTime() : ours).toEqual(
    reference instanceof Date ? reference.getTime() : reference,
  );
};

test('every ISO timestamptz reads as the same instant as postgres-date reads it', () => {
  fc.assert(
    fc.property(timestamptz, (text) => same(text)),
    { numRuns: 20_000 },
  );
});

test('the texts PostgreSQL writes in practice, to the millisecond', () => {
  for (const text of [
    '2026-12-06 19:52:54.389123+00',
    '2026-12-06 19:52:54+08',
    '2026-01-01 00:00:00.5+05:30',
    '1901-12-13 20:45:52-03:00:00',
    '1900-01-01 08:05:43+08:05:43',
    '2026-02-28 23:59:59.999999-12',
    '2026-06-30 12:00:00.035+00',
  ]) {
    same(text);
    expect(parseTimestamptz(text)).toBeInstanceOf(Date);
  }
  expect((parseTimestamptz('2026-12-06 19:52:54.389123+08') as Date).toISOString()).toBe(
    '2026-12-06T11:52:54.389Z',
  );
});

test('anything else is postgres-date’s answer unchanged', () => {
  for (const text of [
    'infinity',
    '-infinity',
    '0099-01-01 00:00:00+00',
    '0001-01-01 00:00:00+00 BC',
    '10000-01-01 00:00:00+00',
    '2026-12-06T19:52:54Z',
    '2026-12-06 19:52:54',
    '2026-12-06 19:52:54.+00',
    '2026-12-06 19:52:54.1234567+00',
    '2026-12-06 19:52:54+0',
    '2026-12-06',
    'not a date',
  ]) {
    same(text);
  }
});
