import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from './error-code';

/** The HTTP status of a refusal's code on the plain HTTP endpoints (downloads); anything else is a bug: 500. */
export const HTTP_STATUS: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Answers a failed plain HTTP request (a download) with JSON like a GraphQL error: a refusal with its code
 * and status, anything else logged as `what` and answered INTERNAL (500) without its details.
 */
export function sendHttpError(res: Response, error: unknown, logger: Logger, what: string): void {
  const e = error instanceof GraphQLError ? error : null;
  const code = String(e?.extensions.code ?? ErrorCode.INTERNAL);
  if (!e) logger.error({ err: error }, what);
  res.status(HTTP_STATUS[code] ?? 500).json({
    errors: [{ message: e?.message ?? 'Internal error', extensions: { code } }],
  });
}
