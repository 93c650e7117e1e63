import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { RefusalError } from '../common/refusal';
import { availabilityError, unavailableError } from '../db/db-errors';
import { sendUnavailable } from './admission';
import { RequestDb } from '../db/request-db';
import { createContext, type AppServices, type RequestContext } from '../common/request-context';
import type { Metrics } from './observability/metrics';

type Format = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The requests in flight and the shutdown gate (issue 8 item 6): once shutdown begins, new requests
 * are refused with 503 at once while those in flight may finish; past the grace period their
 * transactions are rolled back and their connections closed, so no write commits unseen.
 */
export class RequestTracker {
  shuttingDown = false;
  private inFlight = 0;
  private readonly live = new Set<RequestDb>();
  private idle: (() => void)[] = [];

  /** Express middleware: refuses (503, JSON, Retry-After) during shutdown, counts the rest. */
  readonly gate: RequestHandler = (_req, res, next) => {
    if (this.shuttingDown) {
      res.setHeader('connection', 'close');
      sendUnavailable(res);
      return;
    }
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
    next();
  };

  track(db: RequestDb): () => void {
    this.live.add(db);
    return () => this.live.delete(db);
  }

  /** Resolves true once no request is in flight, false if `graceMs` passes first. */
  async drain(graceMs: number): Promise<boolean> {
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      new Promise<boolean>((resolve) => this.idle.push(() => resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    return drained;
  }

  /** Past the grace period: every open request transaction is rolled back and its connection closed. */
  terminateAll(): void {
    for (const db of this.live) db.terminate();
  }
}

/**
 * Ends each request's transaction before its response is sent (commit, or roll back when the client
 * is gone) and reports its SQL statement count when configured. A transaction that cannot commit, or
 * that was abandoned, never answers with data that was not written.
 */
export function requestLifecycle(
  services: AppServices,
  format: Format,
  metrics: Metrics | null,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(requestContext) {
          const { contextValue, response } = requestContext;
          const db = contextValue.db;
          let failure: unknown = null;
          try {
            await db.finish(true);
          } catch (error) {
            failure = error;
          }
          if (!failure && db.abandoned && db.statements > 0) failure = unavailableError();
          if (failure) {
            const known = failure instanceof RefusalError ? failure : availabilityError(failure);
            const shown = known ?? failure;
            const message = shown instanceof Error ? shown.message : 'commit failed';
            const extensions = shown instanceof RefusalError ? shown.extensions : {};
            response.body = {
              kind: 'single',
              singleResult: { errors: [format({ message, extensions }, shown)] },
            };
            response.http.status = known ? 503 : 500;
          }
          if (metrics) {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            const code = errors?.[0]?.extensions?.code;
            metrics.record({
              operation: metrics.operationLabel(requestContext),
              outcome: !errors?.length ? 'ok' : typeof code === 'string' ? code : 'error',
              seconds: (performance.now() - started) / 1000,
              statements: db.statements,
              sqlSeconds: db.sqlMs / 1000,
            });
          }
          if (services.config.EXPOSE_SQL_COUNT && response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              sqlStatements: db.statements,
              sqlMs: Math.round(db.sqlMs * 10) / 10,
            };
          }
        },
      };
    },
  };
}

/**
 * POST/GET /graphql. Every path that opens a connection releases it (issue 8 item 1): the request's
 * database is created here, and whatever Apollo does — answer, refuse the body before execution,
 * fail while building the context — it is finished when the handler returns. A client that
 * disconnects mid-request makes the transaction roll back instead of commit.
 */
export function graphqlHandler(
  services: AppServices,
  apollo: ApolloServer<RequestContext>,
  tracker: RequestTracker,
): RequestHandler {
  const handle = expressMiddleware(apollo, {
    context: async ({ req, res }) =>
      createContext(
        services,
        { headers: req.headers, ip: req.ip, id: req.id },
        (res.locals as { db: RequestDb }).db,
      ),
  });
  return async (req, res, next) => {
    const db = new RequestDb(services.dataSource);
    db.busy = true;
    res.locals.db = db;
    const untrack = tracker.track(db);
    const onClose = () => {
      if (!res.writableFinished) void db.abandon();
    };
    res.once('close', onClose);
    try {
      await handle(req, res, next);
    } finally {
      db.busy = false;
      await db.finish(false).catch((error: unknown) => {
        services.logger.warn({ err: error }, 'request transaction could not be rolled back');
      });
      untrack();
    }
  };
}
