import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString, type ExecutionResult } from 'graphql';
import {
  Decimal,
  DecimalScalar,
  formatDecimal,
  isDecimalText,
  money,
  parseDecimal,
  roundHalfUp,
} from '../../src/common/decimal';

// DEVELOPERS rule, DOMAIN §4: money and scores are decimals end to end; no float ever enters.
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: DecimalScalar,
        args: { x: { type: DecimalScalar } },
        resolve: (_root, args: { x: Decimal }) => args.x,
      },
      doubled: {
        type: GraphQLString,
        args: { x: { type: DecimalScalar } },
        resolve: (_root, args: { x: Decimal }) => args.x.times(2).toFixed(),
      },
      amount: { type: DecimalScalar, resolve: () => '1234.50' },
      sum: { type: DecimalScalar, resolve: () => new Decimal('0.1').plus('0.2') },
      float: { type: DecimalScalar, resolve: () => 0.1 },
    },
  }),
});

const run = (source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> =>
  graphql({ schema, source, variableValues });

describe('Decimal scalar', () => {
  test.each(['0', '1234.50', '-3.25', '0.000001', '99999999999999999999.99', '10'])(
    'variable %j round-trips with its digits',
    async (text) => {
      const result = await run('query($x: Decimal) { echo(x: $x) }', { x: text });
      expect(result.errors).toBeUndefined();
      expect(new Decimal(result.data!.echo as string).eq(text)).toBe(true);
    },
  );

  test('a numeric string from the database keeps its scale', async () => {
    expect((await run('{ amount }')).data).toEqual({ amount: '1234.50' });
    expect(DecimalScalar.serialize('-0.00')).toBe('0.00');
  });

  test('decimal arithmetic is exact: 0.1 + 0.2 = 0.3', async () => {
    expect((await run('{ sum }')).data).toEqual({ sum: '0.3' });
  });

  test('resolvers receive decimal.js values', async () => {
    const result = await run('query($x: Decimal) { doubled(x: $x) }', { x: '0.15' });
    expect(result.data).toEqual({ doubled: '0.3' });
  });

  test('literals: strings and integers are accepted', async () => {
    expect((await run('{ echo(x: "10.50") }')).data).toEqual({ echo: '10.5' });
    expect((await run('{ echo(x: 42) }')).data).toEqual({ echo: '42' });
  });

  test('a float literal is refused', async () => {
    const result = await run('{ echo(x: 0.1) }');
    expect(result.errors?.[0].message).toMatch(/as a string/);
    expect(result.errors?.[0].message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(result.errors?.[0].extensions?.messageZh).toMatch(/浮点字面量 0\.1/);
  });

  test.each([
    '1e3',
    '1E3',
    '0.1+0.2',
    ' 1',
    '1 ',
    '1.',
    '.5',
    '+1',
    '01',
    '1,000',
    '',
    'NaN',
    'Infinity',
    '0x10',
    '--1',
  ])('the string %j is refused', async (text) => {
    const result = await run('query($x: Decimal) { echo(x: $x) }', { x: text });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].message).toMatch(/not a valid decimal/);
    // issue 11 item 4: one language per message; the Chinese travels in extensions.messageZh
    expect(result.errors?.[0].message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(result.errors?.[0].extensions?.messageZh).toMatch(/不是有效的十进制数/);
  });

  test.each([0.1, 1.5, NaN, Infinity, -Infinity, 2 ** 53])('the JSON number %p is refused', async (n) => {
    const result = await run('query($x: Decimal) { echo(x: $x) }', { x: n });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].message).toMatch(/must be given as a string/);
  });

  test('a JSON integer is exact and accepted', async () => {
    expect((await run('query($x: Decimal) { echo(x: $x) }', { x: 42 })).data).toEqual({ echo: '42' });
  });

  test.each([true, {}, ['1']])('the JSON value %p is refused', async (value) => {
    const result = await run('query($x: Decimal) { echo(x: $x) }', { x: value });
    expect(result.errors).toHaveLength(1);
  });

  test('a resolver returning a float is a server error, not a silent rounding', async () => {
    const result = await run('{ float }');
    expect(result.errors?.[0].message).toMatch(/cannot represent/);
  });

  test('an over-long string is refused', () => {
    expect(isDecimalText('1'.repeat(65))).toBe(false);
    expect(isDecimalText('1'.repeat(64))).toBe(true);
  });

  test('serialization never uses exponent notation', () => {
    expect(DecimalScalar.serialize(new Decimal('1e-10'))).toBe('0.0000000001');
    expect(DecimalScalar.serialize(new Decimal('1e25'))).toBe('10000000000000000000000000');
  });
});

describe('decimal helpers', () => {
  test.each([
    ['10.005', '10.01'],
    ['10.004', '10.00'],
    ['-10.005', '-10.01'],
    ['1', '1.00'],
    ['0.995', '1.00'],
    ['1234.5', '1234.50'],
  ])('money(%j) = %j (2 places, half-up)', (input, expected) => {
    expect(money(input)).toBe(expected);
  });

  test('money of a decimal value', () => {
    expect(money(new Decimal('2.345'))).toBe('2.35');
    expect(() => money('1e3')).toThrow();
  });

  test('parseDecimal', () => {
    expect(parseDecimal('12.50')?.eq('12.5')).toBe(true);
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('1e3')).toBeNull();
  });

  test.each([
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['0.125', 2, '0.13'],
    ['96.0833333', 2, '96.08'],
  ])('roundHalfUp(%s, %d) = %s', (value, places, expected) => {
    expect(roundHalfUp(new Decimal(value), places).toFixed()).toBe(expected);
  });

  test('the configured clone divides with 40 significant digits', () => {
    expect(new Decimal(1).div(3).toFixed()).toBe('0.' + '3'.repeat(40));
    expect(formatDecimal(new Decimal(2).div(3))).toBe('0.6667');
  });
});
