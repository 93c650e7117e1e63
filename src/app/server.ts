import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { pinoHttp } from 'pino-http';
import { ErrorCode } from '../common/errors';
import { createContext, type AppServices, type RequestContext } from './context';
import { buildSchema } from './schema';

/** Ends each request's transaction and reports its SQL statement count when configured. */
function requestLifecycle(services: AppServices): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          await contextValue.db.finish(true);
          if (services.config.EXPOSE_SQL_COUNT && response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              sqlStatements: contextValue.db.statements,
            };
          }
        },
      };
    },
  };
}

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

export interface RunningServer {
  httpServer: Server;
  url: string;
  /** Readiness answers 503 from now on, so load balancers stop sending; requests are still served. */
  beginShutdown: () => void;
  /** Stops accepting connections and waits for in-flight requests to finish. */
  stop: () => Promise<void>;
}

/**
 * The HTTP service: POST/GET /graphql, /healthz (process up), /readyz (database reachable; 503 when
 * not, and while shutting down). Structured JSON logs with a request id, no secrets.
 */
export async function startServer(services: AppServices, host: string, port: number): Promise<RunningServer> {
  const app = express();
  const httpServer = createServer(app);
  let shuttingDown = false;

  const apollo = new ApolloServer<RequestContext>({
    schema: buildSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger: services.logger,
    formatError: formatError(services),
    // main.ts owns SIGTERM/SIGINT (drain, then close the pool, then stop PostgreSQL).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are used; the per-field cache-control hook cost ~19% of a large tree (bench/).
      ApolloServerPluginCacheControlDisabled(),
      requestLifecycle(services),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger: services.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (shuttingDown) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await services.dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(services, { headers: req.headers, ip: req.ip, id: req.id }),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    httpServer,
    url: `http://${host}:${boundPort}/graphql`,
    beginShutdown: () => {
      shuttingDown = true;
    },
    stop: async () => {
      shuttingDown = true;
      await apollo.stop();
    },
  };
}
