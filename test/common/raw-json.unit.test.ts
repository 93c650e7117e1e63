/**
 * Issue 18 (W3): JSON text computed by PostgreSQL embedded in a response as it is (src/common/raw-json.ts).
 */
import { RawJson, stringifyResponse } from '../../src/common/raw-json';

test('the texts are embedded as they are, each in its place, and the body ends with a newline', () => {
  const body = stringifyResponse({
    data: { a: { rowCount: 2, table: new RawJson('[["甲", 1],["乙", null]]') }, b: new RawJson('[]') },
  });
  expect(body).toBe('{"data":{"a":{"rowCount":2,"table":[["甲", 1],["乙", null]]},"b":[]}}\n');
  expect(JSON.parse(body)).toEqual({
    data: {
      a: {
        rowCount: 2,
        table: [
          ['甲', 1],
          ['乙', null],
        ],
      },
      b: [],
    },
  });
});

test('without RawJson the body is JSON.stringify’s, as Apollo Server writes it', () => {
  const value = { data: { s: 'a\u0000b "q" \\ \n', n: 1.5, l: [null, true] } };
  expect(stringifyResponse(value)).toBe(`${JSON.stringify(value)}\n`);
});

test('a string that looks like a placeholder stays a string (the nonce is this process’s own)', () => {
  const lookalike = '\u0000000000000000000000000000:0';
  const body = stringifyResponse({ data: { s: lookalike, t: new RawJson('[1]') } });
  expect(JSON.parse(body)).toEqual({ data: { s: lookalike, t: [1] } });
});

test('any other serialisation gets the parsed value (a log line, incremental delivery)', () => {
  expect(JSON.stringify({ t: new RawJson('[["a", 2]]') })).toBe('{"t":[["a",2]]}');
});

test('a serialisation that throws leaves no collection behind', () => {
  expect(() => stringifyResponse({ t: new RawJson('[1]'), big: BigInt(1) })).toThrow(TypeError);
  // The next serialisation outside stringifyResponse still gets the value, not a placeholder.
  expect(JSON.stringify(new RawJson('[2]'))).toBe('[2]');
});
