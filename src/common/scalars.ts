import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/** 日期时间 — an instant as ISO 8601 text with time zone, e.g. 2025-03-01T08:00:00.000Z. */
export const DateTime = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: '日期时间 — an instant as ISO 8601 text in UTC, e.g. 2025-03-01T08:00:00.000Z',
});
