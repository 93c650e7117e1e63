/**
 * Issue 11 item 8 "values a UI can show as they are" and item 6 "one vocabulary": the Money and Score
 * scalars, list filters that take lists, and the split of "中文 / English" texts. Pure: no database.
 */
import {
  graphql,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type ExecutionResult,
} from 'graphql';
import { splitBilingual } from '../../src/common/bilingual';
import { Decimal } from '../../src/common/decimal';
import { anyOf } from '../../src/common/list-filter';
import { MoneyScalar, ScoreScalar } from '../../src/common/scalars';

const values: Record<string, unknown> = {};
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      money: { type: MoneyScalar, resolve: () => values.money },
      score: { type: ScoreScalar, resolve: () => values.score },
      moneyIn: {
        type: GraphQLString,
        args: { x: { type: MoneyScalar } },
        resolve: (_r, args: { x: Decimal }) => args.x.toFixed(),
      },
      many: { type: new GraphQLList(MoneyScalar), resolve: () => values.many },
    },
  }),
});
const run = (source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> =>
  graphql({ schema, source, variableValues });

describe('Money (DOMAIN §4: yuan, NUMERIC with 2 places) — always two decimals as a string', () => {
  test.each<[unknown, string]>([
    ['1200', '1200.00'],
    ['1200.5', '1200.50'],
    ['1200.50', '1200.50'],
    [new Decimal('1200'), '1200.00'],
    [new Decimal('0.1').plus('0.2'), '0.30'],
    [1200, '1200.00'],
    ['0', '0.00'],
    ['-0', '0.00'],
    ['-350.5', '-350.50'],
    ['10.005', '10.01'], // half-up to the fen (四舍五入)
    ['99999999999999999999.99', '99999999999999999999.99'],
  ])('%p is served as %p', async (value, shown) => {
    values.money = value;
    const res = await run('{ money }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ money: shown });
  });

  test('a list of amounts, each with two decimals', async () => {
    values.many = ['1', new Decimal('2.5'), '3.456'];
    expect((await run('{ many }')).data).toEqual({ many: ['1.00', '2.50', '3.46'] });
  });

  test('a float never becomes money (DOMAIN §4: no floating point)', async () => {
    values.money = 0.1;
    const res = await run('{ money }');
    expect(res.errors?.[0].message).toMatch(/Decimal cannot represent/);
  });

  test('input: a decimal string or an integer, exact; a float literal is refused', async () => {
    expect((await run('query($x: Money) { moneyIn(x: $x) }', { x: '1200' })).data).toEqual({
      moneyIn: '1200',
    });
    expect((await run('{ moneyIn(x: "1200.55") }')).data).toEqual({ moneyIn: '1200.55' });
    expect((await run('{ moneyIn(x: 1200) }')).data).toEqual({ moneyIn: '1200' });
    const float = await run('{ moneyIn(x: 12.5) }');
    expect(float.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(float.errors?.[0].extensions?.messageZh).toBeTruthy();
  });
});

describe('Score (DOMAIN §10.6: rounded half-up to 2 decimals) — always two decimals as a string', () => {
  test.each<[unknown, string]>([
    ['96', '96.00'],
    ['96.08', '96.08'],
    [new Decimal('98.4'), '98.40'],
    [new Decimal('14.205'), '14.21'], // half-up
    [100, '100.00'],
    ['0', '0.00'],
  ])('%p is served as %p', async (value, shown) => {
    values.score = value;
    expect((await run('{ score }')).data).toEqual({ score: shown });
  });

  test('the precision is stated in the scalar descriptions, with the Chinese term', () => {
    expect(MoneyScalar.description).toMatch(/^金额（元） — .*exactly two decimals/);
    expect(ScoreScalar.description).toMatch(/^得分 — .*exactly two decimals, rounded half-up/);
  });
});

describe('list filters take lists (issue 11 item 7)', () => {
  test('a list filters on any of its values, once each', () => {
    expect(anyOf(['SUBMITTED', 'IN_REVIEW', 'SUBMITTED'])).toEqual(['SUBMITTED', 'IN_REVIEW']);
  });
  test('a single value still works', () => {
    expect(anyOf('SUBMITTED')).toEqual(['SUBMITTED']);
  });
  test('omitted, null or empty: no filter', () => {
    expect(anyOf(undefined)).toBeNull();
    expect(anyOf(null)).toBeNull();
    expect(anyOf([])).toBeNull();
  });
});

describe('one language per field (issue 11 items 4, 6): "中文 / English" texts are split', () => {
  test('a scoring rule text (DOMAIN §10.3)', () => {
    const text =
      '规则 GTE_PROPORTIONAL：完成值 27 低于指标值 30，得分 = 20 × 27 ÷ 30 = 18.00 / rule GTE_PROPORTIONAL: actual 27 below target 30, score = 20 × 27 ÷ 30 = 18.00';
    expect(splitBilingual(text)).toEqual({
      zh: '规则 GTE_PROPORTIONAL：完成值 27 低于指标值 30，得分 = 20 × 27 ÷ 30 = 18.00',
      en: 'rule GTE_PROPORTIONAL: actual 27 below target 30, score = 20 × 27 ÷ 30 = 18.00',
    });
  });
  test('a framework rate text, whose English part starts with the rate name', () => {
    expect(
      splitBilingual('成本节约率 = (100 − 90) ÷ 100 = 10%，得分 5.00 / Cost saving rate 10%, score 5.00'),
    ).toEqual({
      zh: '成本节约率 = (100 − 90) ÷ 100 = 10%，得分 5.00',
      en: 'Cost saving rate 10%, score 5.00',
    });
  });
  test('a slash inside the Chinese part is not a separator; a text without one is both', () => {
    expect(splitBilingual('比例 3 / 4，得分 / score 3')).toEqual({ zh: '比例 3 / 4，得分', en: 'score 3' });
    expect(splitBilingual('MANUAL')).toEqual({ zh: 'MANUAL', en: 'MANUAL' });
  });
});
