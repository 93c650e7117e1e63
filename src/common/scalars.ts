import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Decimal, DecimalScalar, requireDecimal, roundHalfUp } from './decimal';

/** 日期时间 — an instant as ISO 8601 text with time zone, e.g. 2025-03-01T08:00:00.000Z. */
export const DateTime = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: '日期时间 — an instant as ISO 8601 text in UTC, e.g. 2025-03-01T08:00:00.000Z',
});

const CANONICAL_2 = /^-?(0|[1-9]\d*)\.\d{2}$/;

/** A value as exact decimal text in `places` decimals, half-up (四舍五入), whatever form it arrives in. */
function fixedPlaces(value: unknown, places: number): string {
  // Already canonical text with exactly `places` decimals (e.g. a NUMERIC(14,2) column, an aggregate's
  // money): it rounds to itself, so no Decimal is built (issue 14 bench: thousands of cells per request).
  if (typeof value === 'string' && places === 2 && CANONICAL_2.test(value) && value !== '-0.00') return value;
  const text = DecimalScalar.serialize(value);
  return roundHalfUp(requireDecimal(text), places).toFixed(places);
}

/**
 * 金额 — money in yuan (DOMAIN §4: NUMERIC, 2 places), issue 11 item 8: always printed with exactly two
 * decimals, so a UI shows it as it comes ("1200" → "1200.00"). Input is read like `Decimal` (a decimal
 * string or a safe integer); the mutation that takes it refuses more than two decimals as a user error
 * on the field.
 */
export const MoneyScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Money',
  description:
    '金额（元） — money in yuan as a string with exactly two decimals, e.g. "1200.00" (DOMAIN §4); input: a decimal string such as "1200" or "1200.5" (at most two decimals)',
  serialize: (value) => fixedPlaces(value, 2),
  parseValue: (value) => DecimalScalar.parseValue(value),
  parseLiteral: (ast) => DecimalScalar.parseLiteral(ast),
  extensions: { jsonSchema: { type: 'string', pattern: '^-?(0|[1-9]\\d*)\\.\\d{2}$' } },
});

/**
 * 得分 — a score (indicator score, total, mean of totals) on the 100-point scale: rounded half-up to two
 * decimals (DOMAIN §10.6) and always printed with exactly two ("96" → "96.00"). Points (分值) are exact and
 * stay `Decimal`; rates stay `Decimal` with the precision their field states.
 */
export const ScoreScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Score',
  description:
    '得分 — a score as a string with exactly two decimals, rounded half-up (DOMAIN §10.6), e.g. "96.08"; input: a decimal string with at most two decimals',
  serialize: (value) => fixedPlaces(value, 2),
  parseValue: (value) => DecimalScalar.parseValue(value),
  parseLiteral: (ast) => DecimalScalar.parseLiteral(ast),
  extensions: { jsonSchema: { type: 'string', pattern: '^-?(0|[1-9]\\d*)\\.\\d{2}$' } },
});
