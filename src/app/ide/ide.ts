import { dirname, join } from 'node:path';
import { Router, type RequestHandler } from 'express';
import { IDE_CLIENT_SCRIPT, IDE_STYLE } from './ide-client';

/**
 * The self-hosted GraphQL IDE (issue 16 "A GraphQL IDE that works offline"): GraphiQL 3 and React 18
 * (their UMD builds, from the installed packages) served by the API itself under /ide/, so a browser in
 * a closed network loads nothing from another host. A small sign-in form on the page calls the `login`
 * mutation and keeps the token in the browser's localStorage; every IDE request then carries it.
 */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': {
    file: join(packageDir('react'), 'umd', 'react.production.min.js'),
    type: 'application/javascript; charset=utf-8',
  },
  'react-dom.production.min.js': {
    file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
    type: 'application/javascript; charset=utf-8',
  },
  'graphiql.min.js': {
    file: require.resolve('graphiql/graphiql.min.js'),
    type: 'application/javascript; charset=utf-8',
  },
  'graphiql.min.css': { file: require.resolve('graphiql/graphiql.min.css'), type: 'text/css; charset=utf-8' },
};

/**
 * Only this server's own scripts and styles; GraphiQL and CodeMirror set inline style attributes, and
 * the schema's fonts and icons are data: URIs. No request may leave for another host.
 */
const CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jixiao (绩效) GraphQL IDE</title>
<link rel="stylesheet" href="/ide/graphiql.min.css">
<link rel="stylesheet" href="/ide/ide.css">
</head>
<body>
<form id="jx-login" autocomplete="on">
  <strong>Jixiao (绩效) GraphQL</strong>
  <label>登录名 Login <input name="login" id="jx-login-name" autocomplete="username" required></label>
  <label>密码 Password <input name="password" id="jx-password" type="password" autocomplete="current-password" required></label>
  <label>单位代码 Tenant <input name="tenant" id="jx-tenant" placeholder="370300"></label>
  <button type="submit" id="jx-sign-in">登录 Sign in</button>
  <button type="button" id="jx-sign-out">退出 Sign out</button>
  <span id="jx-status" role="status"></span>
</form>
<div id="graphiql">正在加载 Loading…</div>
<script src="/ide/react.production.min.js"></script>
<script src="/ide/react-dom.production.min.js"></script>
<script src="/ide/graphiql.min.js"></script>
<script src="/ide/ide.js"></script>
</body>
</html>
`;

function send(type: string, body: string): RequestHandler {
  return (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.type(type).send(body);
  };
}

/** The IDE's assets under /ide/ (mounted only when the IDE is enabled). */
export function ideAssets(): Router {
  const router = Router();
  router.get('/ide.js', send('application/javascript; charset=utf-8', IDE_CLIENT_SCRIPT));
  router.get('/ide.css', send('text/css; charset=utf-8', IDE_STYLE));
  for (const [name, asset] of Object.entries(ASSETS)) {
    router.get(`/${name}`, (_req, res) => {
      res.setHeader('content-type', asset.type);
      res.sendFile(asset.file, { maxAge: '1h', headers: { 'x-content-type-options': 'nosniff' } });
    });
  }
  return router;
}

/** GET /graphql from a browser (HTML accepted, no `query` parameter): the IDE page. */
export const idePage: RequestHandler = (req, res, next) => {
  const wantsHtml = req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
  if (!wantsHtml || typeof req.query.query === 'string') {
    next();
    return;
  }
  res.setHeader('content-security-policy', CSP);
  res.setHeader('cache-control', 'no-cache');
  res.type('html').send(PAGE);
};
