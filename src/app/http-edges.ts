import cors from 'cors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { AppConfig } from '../config/config';
import { ErrorCode } from '../common/errors';
import type { AppServices } from '../common/request-context';
import { poolOf } from './observability/metrics';

/**
 * /readyz never waits for the pool (issue 8 item 5): 503 at once while shutting down or when every
 * pooled connection is busy (a request would queue), and 503 when the database does not answer
 * `SELECT 1` within READINESS_TIMEOUT_MS.
 */
export function readiness(
  services: AppServices,
  shuttingDown: () => boolean,
  /** Still warming up after it began to listen (issue 18, request-warmup.ts): not ready yet. */
  starting: () => boolean = () => false,
): RequestHandler {
  return async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (shuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    if (starting()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    const pool = poolOf(services.dataSource);
    if (pool && (pool.waitingCount > 0 || (pool.totalCount >= pool.options.max && pool.idleCount === 0))) {
      res.status(503).json({ status: 'busy' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const probe = services.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const answered = await Promise.race([
      probe,
      new Promise<false>(
        (resolve) => (timer = setTimeout(() => resolve(false), services.config.READINESS_TIMEOUT_MS)),
      ),
    ]);
    clearTimeout(timer);
    if (answered) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'database unreachable' });
  };
}

function jsonError(code: string, zh: string, en: string) {
  return { errors: [{ message: en, extensions: { code, messageZh: zh, messageEn: en } }] };
}

/**
 * Errors outside GraphQL (malformed JSON, body over the limit, …) answer JSON like GraphQL errors,
 * never an HTML page with a stack trace or file paths (issue 8 item 7).
 */
export function jsonErrors(services: AppServices): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const raw = (error as { status?: unknown; statusCode?: unknown; type?: unknown }) ?? {};
    const given = typeof raw.status === 'number' ? raw.status : raw.statusCode;
    const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) {
      services.logger.error({ err: error }, 'unexpected HTTP error');
      res
        .status(500)
        .json(
          jsonError(ErrorCode.INTERNAL, '内部错误，请稍后重试', 'Internal error; please try again later'),
        );
    } else if (status === 413) {
      res.status(413).json(jsonError('BAD_REQUEST', '请求体过大', 'The request body is too large'));
    } else if (raw.type === 'entity.parse.failed') {
      res
        .status(400)
        .json(jsonError('BAD_REQUEST', '请求体不是有效的 JSON', 'The request body is not valid JSON'));
    } else {
      res.status(status).json(jsonError('BAD_REQUEST', '请求无效', 'Bad request'));
    }
  };
}

/** Unknown paths: a JSON 404 instead of Express's HTML page. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json(jsonError(ErrorCode.NOT_FOUND, '没有这个地址', 'No such path'));
};

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Jixiao (绩效) GraphQL API</title></head>
<body>
<h1>Jixiao (绩效) GraphQL API</h1>
<p>此地址接受 GraphQL 请求：POST，Content-Type: application/json，请求体 {"query": "…", "variables": {…}}。</p>
<p>This address takes GraphQL requests: POST with Content-Type: application/json and a body
{"query": "…", "variables": {…}}. Sign in with the <code>login</code> mutation and send the token as
<code>Authorization: Bearer &lt;token&gt;</code>.</p>
</body></html>
`;

/**
 * A browser opening /graphql (GET, HTML accepted, no query) gets a self-contained page that loads
 * nothing from the internet; Apollo's landing page is disabled (it loads scripts from a CDN).
 */
export const graphqlPage: RequestHandler = (req, res, next) => {
  const wantsHtml = req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
  if (!wantsHtml || typeof req.query.query === 'string') {
    next();
    return;
  }
  res.setHeader('content-security-policy', "default-src 'none'");
  res.type('html').send(PAGE);
};

/** Ports of the usual frontend development servers (Vite, its preview, CRA/Next, Angular, others). */
const DEV_PORTS = [3000, 4173, 4200, 5173, 8080];

/**
 * Browser origins allowed to call the API (issue 16 "CORS"): CORS_ORIGINS, or by default none in
 * production and the development servers on localhost / 127.0.0.1 otherwise.
 */
export function allowedOrigins(config: AppConfig): string[] {
  if (config.CORS_ORIGINS) return config.CORS_ORIGINS;
  if (config.NODE_ENV === 'production') return [];
  return DEV_PORTS.flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
}

/**
 * CORS for the allowed origins: credentials, the headers a browser client sends (a token, a request
 * id, Apollo's CSRF header) and those it may read (request id, Retry-After). Other origins get no
 * Access-Control-* header, so the browser refuses; Apollo's CSRF prevention still applies to all.
 */
export function corsPolicy(config: AppConfig): RequestHandler {
  const origins = new Set(allowedOrigins(config));
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-request-id',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}

/** `/`: where things are, as JSON (or a short page for a browser), instead of "Cannot GET /". */
export function rootIndex(links: { ide: boolean; metrics: boolean }): RequestHandler {
  const index = {
    name: 'Jixiao (绩效) GraphQL API',
    graphql: '/graphql',
    ...(links.ide ? { ide: '/graphql' } : {}),
    health: '/healthz',
    readiness: '/readyz',
    ...(links.metrics ? { metrics: '/metrics' } : {}),
  };
  const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Jixiao (绩效) GraphQL API</title></head>
<body><h1>Jixiao (绩效) GraphQL API</h1><ul>
<li><a href="/graphql">/graphql</a> — GraphQL${links.ide ? '（浏览器中为 IDE / the IDE in a browser）' : ''}</li>
<li><a href="/healthz">/healthz</a> — 存活 liveness</li>
<li><a href="/readyz">/readyz</a> — 就绪 readiness</li>${links.metrics ? '\n<li><a href="/metrics">/metrics</a> — Prometheus</li>' : ''}
</ul></body></html>
`;
  return (req, res) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.setHeader('content-security-policy', "default-src 'none'");
      res.type('html').send(page);
    } else res.json(index);
  };
}
