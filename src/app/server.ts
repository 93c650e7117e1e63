import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { AppServices, RequestContext } from '../common/request-context';
import { formatError } from './format-error';
import { aggregateCsvHandler } from '../reporting/reports-csv.http';
import { corsPolicy, graphqlPage, jsonErrors, notFound, readiness, rootIndex } from './http-edges';
import { ideAssets, idePage } from './ide/ide';
import { graphqlHandler, requestLifecycle, RequestTracker } from './lifecycle';
import { queryLimits } from './limits/limits.plugin';
import { listenAll, listenHosts, urlHost } from './listen';
import { warmRollUps } from '../rollup/rollup-warmup';
import { Metrics } from './observability/metrics';
import { loadManifest, persistedOperations } from './persisted-operations';
import { warmCompilation } from './compile-warmup';
import { isWarmupRequest, warmHttp, warmRequests } from './request-warmup';
import { buildSchema } from './schema';
import { lazyHandler } from './lazy-handler';
import type * as CongressHttp from '../results/congress/congress-http';
import type * as FormsHttp from '../forms/forms.http';
import type * as FormsImportHttp from '../forms/import/import-http';
import { stringifyResponse } from '../common/raw-json';
import { applyHeapGrowth } from './heap-growth';
import { AdmissionQueue, poolSize } from './admission';
import { jitExecution } from './jit-executor';
import { tracingRequested } from './observability/tracing-requested';
import { loadKeptAnswers } from '../reporting/aggregate-cache';
import { settleKeptAnswers } from '../reporting/kept-answers';

/** Characters of JSON of kept BI answers read into the process at start (half its cache for them). */
const KEPT_ANSWERS_AT_START = 8 * 1024 * 1024;

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on a route's first use (lazy-handler.ts) */
const lazy = {
  congress: () => require('../results/congress/congress-http') as typeof CongressHttp,
  forms: () => require('../forms/forms.http') as typeof FormsHttp,
  formsImport: () => require('../forms/import/import-http') as typeof FormsImportHttp,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface RunningServer {
  httpServer: Server;
  url: string;
  /** The addresses listened on (HOST; a loopback the machine lacks is left out). */
  hosts: string[];
  /**
   * Shutdown begins (issue 8 item 6): /readyz and every new request answer 503 at once; requests in
   * flight go on.
   */
  beginShutdown: () => void;
  /**
   * Graceful stop: begins shutdown, lets in-flight requests finish for up to `graceMs` (default
   * SHUTDOWN_GRACE_MS), rolls back and cuts those still running, then closes the port.
   */
  stop: (graceMs?: number) => Promise<void>;
}

/**
 * The HTTP service: POST/GET /graphql (in a browser: the IDE, issue 16), /healthz (process up),
 * /readyz (database reachable; 503 when not, and while shutting down), /metrics (Prometheus), `/` (an
 * index). Structured logs with a request id, no secrets. `host`: HOST, one or more addresses.
 */
export async function startServer(services: AppServices, host: string, port: number): Promise<RunningServer> {
  const app = express();
  const httpServer = createServer(app);
  const tracker = new RequestTracker();
  // Issue 18: until the HTTP warm-up after listening is done, /readyz answers 503 "starting".
  let warming = true;
  const format = formatError(services);
  const config = services.config;
  // Issue 18: the heap grows to 3× its live data, not V8's 4× (heap-growth.ts).
  applyHeapGrowth(config.HEAP_GROWING_PERCENT);
  const production = config.NODE_ENV === 'production';
  // Issue 16: the IDE and /metrics are off in production unless enabled.
  const ide = config.IDE_ENABLED ?? !production;
  // Issue 18 (W4): requests take turns for the pool's connections (admission.ts).
  const admission = new AdmissionQueue({
    concurrency: config.REQUEST_CONCURRENCY ?? poolSize(services.dataSource, config.DB_POOL_SIZE),
    queueLimit: config.REQUEST_QUEUE_LIMIT,
    stallMs: config.DB_POOL_ACQUIRE_TIMEOUT_MS,
    maxWaitMs: config.REQUEST_QUEUE_TIMEOUT_MS,
  });
  const metrics =
    (config.METRICS_ENABLED ?? !production) ? new Metrics(services.dataSource, admission) : null;
  // Read before anything listens: a missing or wrong manifest stops the start-up with one sentence.
  const persisted = config.PERSISTED_OPERATIONS;
  const manifest =
    persisted === 'off' ? new Map<string, string>() : loadManifest(config.PERSISTED_OPERATIONS_FILE);

  // Issue 8 items 2 and 16: token, depth, alias and cost limits, and the per-caller rate limit.
  const limits = queryLimits(services.config);
  const schema = buildSchema();
  // Issue 18: queries compiled by graphql-jit (jit-executor.ts); graphql-js when asked or when tracing.
  const jit = config.GRAPHQL_EXECUTOR === 'jit' && !tracingRequested(process.env);
  const apollo = new ApolloServer<RequestContext>({
    parseOptions: limits.parseOptions,
    ...(jit ? { gateway: jitExecution(schema) } : { schema }),
    // With an allow-list (issue 16), clients cannot register documents through Apollo's APQ.
    ...(persisted === 'off' ? {} : { persistedQueries: false as const }),
    // Issue 8 item 7: off in production unless INTROSPECTION=true.
    introspection: services.config.INTROSPECTION ?? !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    logger: services.logger,
    formatError: format,
    // Issue 18: JSON.stringify, with JSON that PostgreSQL encoded embedded as it is (raw-json.ts).
    stringifyResult: stringifyResponse,
    // main.ts owns SIGTERM/SIGINT (drain, then close the pool, then stop PostgreSQL).
    stopOnTerminationSignals: false,
    plugins: [
      // stop() drains first (RequestTracker); whatever is left when Apollo stops is cut at once.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 0 }),
      // Apollo's landing page loads scripts from a CDN; GET /graphql answers a local page instead.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the per-field cache-control hook cost ~19% of a large tree (bench/).
      ApolloServerPluginCacheControlDisabled(),
      requestLifecycle(services, format, metrics),
      limits.plugin,
    ],
  });
  await apollo.start();
  // Issue 18: the largest fund trees' roll-ups computed before the first request (rollup-warmup.ts). A
  // failure only costs speed: the roll-ups are then computed on first read, as without the warm-up.
  await warmRollUps(services, config.ROLLUP_WARMUP_LIMIT).then(
    (w) => w.fundTrees > 0 && services.logger.info(w, 'roll-ups computed at start'),
    (error: unknown) =>
      services.logger.warn({ err: error }, 'roll-up warm-up failed; roll-ups are computed on first read'),
  );

  // Issue 18: the BI answers kept in the database by earlier processes, when still current, read into
  // this one (src/reporting/aggregate-cache.ts). A failure only costs speed.
  await loadKeptAnswers(services, KEPT_ANSWERS_AT_START).then(
    (k) => k.answers > 0 && services.logger.info(k, 'kept BI answers read at start'),
    (error: unknown) =>
      services.logger.warn({ err: error }, 'kept BI answers not read at start; they are read when asked'),
  );

  // Issue 18: the parser, validator and compiler warmed on the start-up screens (compile-warmup.ts).
  // A failure only costs speed.
  try {
    const compiled = warmCompilation(schema, config.REQUEST_WARMUP_ROUNDS, jit);
    if (compiled.documents > 0) services.logger.info(compiled, 'query compiler warmed at start');
  } catch (error) {
    services.logger.warn({ err: error }, 'compile warm-up failed; the first documents compile cold');
  }
  // Issue 18: the start-up screens (startup-screens.ts) run before the first caller (request-warmup.ts); a
  // failure only costs speed.
  await warmRequests(services, apollo, config.REQUEST_WARMUP_ROUNDS).then(
    (w) => w.rounds > 0 && services.logger.info(w, 'request path warmed at start'),
    (error: unknown) =>
      services.logger.warn({ err: error }, 'request warm-up failed; the first requests run cold'),
  );

  app.disable('x-powered-by');
  // No ETag: answers are per caller and mostly POSTs no client revalidates, and hashing each body cost a
  // large list ~1.5 % of its time (issue 18).
  app.set('etag', false);
  // X-Forwarded-For is believed only from the configured proxies (TRUSTED_PROXIES; default none).
  app.set('trust proxy', services.config.TRUSTED_PROXIES);
  app.use(
    pinoHttp({
      logger: services.logger,
      // The start-up's own requests (request-warmup.ts) are not logged.
      autoLogging: { ignore: isWarmupRequest },
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  // Issue 16: CORS before everything (a preflight never reaches the shutdown gate or Apollo).
  app.use(corsPolicy(config));
  app.get('/', rootIndex({ ide, metrics: metrics !== null }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(
    '/readyz',
    readiness(
      services,
      () => tracker.shuttingDown,
      () => warming,
    ),
  );
  if (metrics) app.get('/metrics', metrics.handler(config));
  if (ide) app.use('/ide', ideAssets());
  app.use(tracker.gate);
  // Everything below needs the database: one turn each, in arrival order (health, readiness and metrics
  // above answer at once).
  app.use(admission.gate);
  app.use(
    '/graphql',
    ide ? idePage : graphqlPage,
    express.json({ limit: '1mb' }),
    persistedOperations(persisted, manifest),
    graphqlHandler(services, apollo, tracker),
  );
  // DOMAIN §13: the people's congress package as a document (bearer token, jurisdiction)
  // The document and form routes load their libraries (docx, exceljs) on first use (lazy-handler.ts).
  app.get(
    '/reports/congress-package.docx',
    lazyHandler(() => lazy.congress().congressPackageHandler(services)),
  );
  // 002 附件1–6 as XLSX / ZIP (bearer token, jurisdiction; docs/forms.md)
  app.use(lazyHandler(() => lazy.forms().formsRoutes(services)));
  // DOMAIN §16, issue 14: the BI aggregate as CSV (bearer token, jurisdiction, streamed)
  app.get('/reports/aggregate.csv', aggregateCsvHandler(services));
  // issue 15: 附件1/附件3 XLSX → draft goals
  app.post(
    '/forms/import',
    lazyHandler(() => lazy.formsImport().formsImportHandler(services)),
  );
  app.use(notFound);
  app.use(jsonErrors(services));

  const hosts = listenHosts(host);
  const listening = await listenAll(httpServer, hosts, port, services.logger);
  const url = `http://${urlHost(listening.hosts)}:${listening.port}/graphql`;
  // Issue 18: the HTTP path (express, CORS, logging, the token check, Apollo, the response) warmed by the
  // server's own requests (request-warmup.ts).
  // Ready (/readyz) only once it is done: an orchestrator sends traffic, or a stop signal, after it.
  await warmHttp(services, url, config.REQUEST_WARMUP_ROUNDS).then(
    (w) => config.REQUEST_WARMUP_ROUNDS > 0 && services.logger.info(w, 'HTTP path warmed at start'),
    (error: unknown) =>
      services.logger.warn({ err: error }, 'HTTP warm-up failed; the first requests run cold'),
  );
  warming = false;
  return {
    httpServer,
    url,
    hosts: listening.hosts,
    beginShutdown: () => {
      tracker.shuttingDown = true;
      admission.close();
    },
    stop: async (graceMs = services.config.SHUTDOWN_GRACE_MS) => {
      tracker.shuttingDown = true;
      admission.close();
      if (!(await tracker.drain(graceMs))) {
        services.logger.error('shutdown grace period exceeded: rolling back the requests still running');
        tracker.terminateAll();
      }
      await listening.closeExtras();
      await apollo.stop();
      // The BI answers still being kept in the database are written before the pool closes.
      await settleKeptAnswers(services.dataSource);
    },
  };
}
