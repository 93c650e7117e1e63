import { Decimal as DecimalJs } from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { msg, type Message } from './errors';

/**
 * Money and scores are exact decimals end to end (DOMAIN §4: "No floating-point arithmetic on money or
 * scores anywhere"): NUMERIC in PostgreSQL, this configured decimal.js clone in TypeScript, the string
 * scalar `Decimal` in GraphQL.
 *
 * 40 significant digits hold any amount in yuan times any rate with room to spare; rounding is half-up
 * (四舍五入, DOMAIN §10.6); results never switch to exponent notation when printed.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = DecimalJs;

/** Longest decimal text accepted: no plausible amount, rate or score comes near it. */
const MAX_LENGTH = 64;

/**
 * A plain decimal: optional minus, integer part without leading zeros, optional fraction.
 * No exponent ("1e3"), no sign "+", no ".5" or "5.", no spaces, no "NaN" or "Infinity".
 */
const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Whether the text is a decimal in the strict form the API accepts. */
export function isDecimalText(text: string): boolean {
  return text.length <= MAX_LENGTH && DECIMAL_PATTERN.test(text);
}

/** The text as a decimal, or null when it is not a strict decimal (see `isDecimalText`). */
export function parseDecimal(text: string): Decimal | null {
  return isDecimalText(text) ? new Decimal(text) : null;
}

/** Rounded half-up (四舍五入) to the given number of decimal places. */
export function roundHalfUp(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Number of digits after the decimal point as written ("1.50" → 2, "3" → 0). */
export function decimalPlacesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * An amount of money in yuan as stored (NUMERIC, 2 places, DOMAIN §4): rounded half-up to the fen and
 * printed with exactly two decimals, e.g. money('10.005') === '10.01'.
 */
export function money(value: Decimal | string): string {
  const d = typeof value === 'string' ? requireDecimal(value) : value;
  return roundHalfUp(d, 2).toFixed(2);
}

/** The text as a decimal; throws when it is not one (for trusted values such as database columns). */
export function requireDecimal(text: string): Decimal {
  const d = parseDecimal(text);
  if (!d) throw new Error(`Not a decimal: ${JSON.stringify(text)}`);
  return d;
}

/** A decimal printed without exponent, for messages: at most `maxPlaces` decimals, no trailing zeros. */
export function formatDecimal(value: Decimal, maxPlaces = 4): string {
  return roundHalfUp(value, maxPlaces).toFixed();
}

/** Canonical text of a valid decimal string: keeps its scale ("1234.50"), drops a negative zero's sign. */
function canonical(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

function invalid(message: Message, node?: ValueNode): GraphQLError {
  return new GraphQLError(message.en, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: 'BAD_USER_INPUT', messageZh: message.zh, messageEn: message.en },
  });
}

const notText = (shownZh: string, shownEn = shownZh): Message =>
  msg(
    `十进制数须以字符串形式传递，例如 "1234.50"，不接受 ${shownZh}`,
    `A Decimal must be given as a string such as "1234.50", not ${shownEn}`,
  );

const malformed = (shown: string): Message =>
  msg(
    `${shown} 不是有效的十进制数（应为如 "1234.50" 的形式，不含指数、空格或运算符）`,
    `${shown} is not a valid decimal (expected e.g. "1234.50": no exponent, spaces or operators)`,
  );

function fromText(text: string, node?: ValueNode): Decimal {
  const d = parseDecimal(text);
  if (!d) throw invalid(malformed(JSON.stringify(text.slice(0, MAX_LENGTH + 1))), node);
  return d;
}

/**
 * Integers are exact in JSON and in GraphQL literals, so they are accepted; any other number (0.1,
 * NaN, Infinity, an integer beyond 2^53) may already have lost digits and is refused — no float enters.
 */
function fromNumber(value: number): Decimal {
  if (Number.isSafeInteger(value)) return new Decimal(value);
  throw invalid(notText(`JSON 数字 ${String(value)}`, `the JSON number ${String(value)}`));
}

/** 十进制数 — the GraphQL scalar for money, rates, targets and scores. */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: '十进制数 — exact decimal as a string, e.g. "1234.50"',
  serialize(value: unknown): string {
    if (DecimalJs.isDecimal(value)) {
      if (!value.isFinite()) throw new GraphQLError(`Decimal cannot represent ${value.toString()}`);
      return value.toFixed();
    }
    if (typeof value === 'string' && isDecimalText(value)) return canonical(value);
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'bigint') return value.toString();
    throw new GraphQLError(`Decimal cannot represent ${typeof value} value ${String(value).slice(0, 80)}`);
  },
  parseValue(value: unknown): Decimal {
    if (typeof value === 'string') return fromText(value);
    if (typeof value === 'number') return fromNumber(value);
    throw invalid(notText(typeof value));
  },
  parseLiteral(ast: ValueNode): Decimal {
    if (ast.kind === Kind.STRING) return fromText(ast.value, ast);
    if (ast.kind === Kind.INT) return fromText(ast.value, ast);
    if (ast.kind === Kind.FLOAT)
      throw invalid(notText(`浮点字面量 ${ast.value}`, `the float literal ${ast.value}`), ast);
    throw invalid(notText(ast.kind), ast);
  },
  extensions: { jsonSchema: { type: 'string', pattern: DECIMAL_PATTERN.source } },
});
