import { type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../common/error-code';
import { refusalIn } from '../common/refusal';
import type { AppServices } from '../common/request-context';
import { availabilityError } from '../db/db-errors';
import { graphqlMessageZh } from './graphql-messages-zh';

/** Codes graphql-js and Apollo give their own refusals (parse, validation, coercion, HTTP-level). */
const GRAPHQL_LEVEL = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const KNOWN = new Set<string>(Object.values(ErrorCode));

const SUGGESTION = / ?Did you mean .+?\?/g;

/**
 * The single mapping of every error to its response form (issue 10 item 5, issue 11 item 4). Each error
 * has a stable `extensions.code`, an English `message` (= `extensions.messageEn`) and its Chinese in
 * `extensions.messageZh` — no message holds both languages:
 * - a database timeout or outage → TIMEOUT / SERVICE_UNAVAILABLE with a retry hint (issue 8 item 5);
 * - a refusal (refusal.ts) → its problem's code, field, reason, principle, details;
 * - graphql-js / Apollo refusals (parse, validation, variables, CSRF, persisted queries) → their code,
 *   with the Chinese from graphql-messages-zh.ts; in production without "Did you mean …" suggestions,
 *   which reveal schema names (issue 8 item 7);
 * - anything else is a bug: INTERNAL, logged, with a request-independent message.
 */
export function formatError(services: AppServices) {
  const production = services.config.NODE_ENV === 'production';
  const shown = (text: string) => (production ? text.replace(SUGGESTION, '') : text);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where = { locations: formatted.locations, path: formatted.path };
    const busy = availabilityError(error);
    if (busy) {
      services.logger.warn({ err: error }, 'database busy or unreachable');
      return { message: busy.message, ...where, extensions: { ...busy.extensions } };
    }
    const refused = refusalIn(error);
    if (refused) return { message: refused.message, ...where, extensions: { ...refused.extensions } };
    const extensions = { ...(formatted.extensions ?? {}) };
    delete extensions.stacktrace;
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    if (code && (GRAPHQL_LEVEL.has(code) || KNOWN.has(code))) {
      const message = shown(formatted.message);
      // A scalar's own refusal (e.g. Decimal) brings its Chinese; graphql-js messages are translated.
      const zh =
        typeof extensions.messageZh === 'string'
          ? extensions.messageZh
          : graphqlMessageZh(formatted.message, code, !production);
      return { message, ...where, extensions: { ...extensions, code, messageZh: zh, messageEn: message } };
    }
    services.logger.error({ err: error }, 'unexpected error');
    return {
      message: 'Internal error; please try again later',
      ...where,
      extensions: {
        code: ErrorCode.INTERNAL,
        messageZh: '内部错误，请稍后重试',
        messageEn: 'Internal error; please try again later',
      },
    };
  };
}
