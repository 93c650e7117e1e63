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

/**
 * A refusal as a JSON problem (RFC 9457 fields plus the API's stable code, reason and both languages), for
 * the download endpoints (CSV, forms); anything that is not a refusal is INTERNAL (500) without details.
 */
export function sendProblem(res: Response, error: GraphQLError | null): void {
  const code = String(error?.extensions.code ?? ErrorCode.INTERNAL);
  const status = HTTP_STATUS[code] ?? 500;
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: error?.message ?? 'Internal error',
      status,
      ...(error ? error.extensions : { code, messageZh: '内部错误', messageEn: 'Internal error' }),
    });
}

/**
 * Back-pressure that never strands the request's connection: waits until `stream` drains or the client
 * goes away (a closed response never drains; the caller's loop then stops at `res.destroyed`).
 */
export function drainedOrClosed(stream: NodeJS.EventEmitter, res: Response): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || res.closed) return resolve();
    const done = () => {
      stream.off('drain', done);
      res.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    res.once('close', done);
  });
}
