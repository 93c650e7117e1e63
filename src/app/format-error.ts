import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../common/errors';
import type { AppServices } from '../common/request-context';

/** Unexpected errors never leak internals: they become INTERNAL with a request-independent message. */
export function formatError(services: AppServices) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const known = typeof code === 'string' && (Object.values(ErrorCode) as string[]).includes(code);
    const graphqlLevel = [
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_USER_INPUT',
      'PERSISTED_QUERY_NOT_FOUND',
      'BAD_REQUEST',
    ];
    if (known || (typeof code === 'string' && graphqlLevel.includes(code))) return formatted;
    services.logger.error({ err: original ?? error }, 'unexpected error');
    return {
      message: '内部错误，请稍后重试 (Internal error; please try again later)',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.INTERNAL,
        messageZh: '内部错误，请稍后重试',
        messageEn: 'Internal error; please try again later',
      },
    };
  };
}
