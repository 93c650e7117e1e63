import { GraphQLError, GraphQLScalarType } from 'graphql';
import { RawJson } from '../common/raw-json';

/**
 * 汇总表 — the aggregate's rows as one leaf (issue 14 bench: at TOWNSHIP × 5 years × category, 2,415 rows ×
 * ~9 fields made graphql-js complete ~21,700 cells one by one). An array of rows, each an array of cells in
 * the order of `AggregateResult.columns`; a cell is exactly the value of the matching `AggregateRow`
 * field: TEXT as a string, INTEGER as a number, MONEY / RATE / SCORE as exact decimal text, null when
 * empty. Output only.
 */
/** Scalar coercion of an argument (before any resolver), as the Decimal scalar refuses one. */
function outputOnly(): GraphQLError {
  const message = { zh: '汇总表只用于输出，不能作为参数', en: 'AggregateTable is output only' };
  return new GraphQLError(message.en, {
    extensions: { code: 'BAD_USER_INPUT', messageZh: message.zh, messageEn: message.en },
  });
}

export const AggregateTableScalar = new GraphQLScalarType<never, unknown[][] | RawJson>({
  name: 'AggregateTable',
  description:
    '汇总表 — rows as arrays of cells in the order of `columns` (DHIS2-like table form): each cell is exactly the matching AggregateRow field — text as a string, counts and years as numbers, money/rates/scores as exact decimal strings, null when empty; output only',
  serialize: (value) => {
    // The table encoded by PostgreSQL (aggregate-table.sql.ts), embedded as it is by the response.
    if (value instanceof RawJson) return value;
    // A resolver returning anything else is a bug (INTERNAL), not input.
    if (!Array.isArray(value)) throw new TypeError('AggregateTable: not a table');
    return value as unknown[][];
  },
  parseValue: () => {
    throw outputOnly();
  },
  parseLiteral: () => {
    throw outputOnly();
  },
  extensions: {
    jsonSchema: {
      type: 'array',
      items: { type: 'array', items: { type: ['string', 'number', 'null'] } },
    },
  },
});
