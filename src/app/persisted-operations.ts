import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../config/config';
import { StartupError } from '../db/startup-errors';

/**
 * Persisted operations (issue 16): deployed UIs send an operation's id instead of its document. The
 * manifest is graphql-codegen's persisted-documents JSON, `{ "<sha256 of the document>": "<document>" }`
 * (ids may also carry the `sha256:` prefix). A request names its operation by `documentId` (body or
 * query string) or by Apollo's APQ extension `extensions.persistedQuery.sha256Hash`.
 *
 * - `off`: nothing changes (Apollo's own automatic persisted queries, in-memory).
 * - `allow`: known ids run their document; free-form documents are accepted too.
 * - `only` (production allow-list): known ids, or documents whose hash is in the manifest; anything
 *   else is refused with PERSISTED_QUERY_REQUIRED before a database connection is taken.
 *
 * The document then goes through Apollo as if sent in full: the token, depth, cost and rate limits
 * (src/app/limits) apply to it like to any other.
 */
export type PersistedMode = AppConfig['PERSISTED_OPERATIONS'];

/** A manifest that cannot be used stops the start-up with one sentence (db/startup-errors). */
export class PersistedOperationsError extends StartupError {}

const bareId = (id: string) => id.replace(/^sha256:/, '').toLowerCase();
export const documentHash = (document: string) => createHash('sha256').update(document).digest('hex');

/** Reads and checks the manifest: every key must be the SHA-256 of its document. */
export function loadManifest(file: string): Map<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PersistedOperationsError(
      `PERSISTED_OPERATIONS_FILE ${file} cannot be read as JSON (${(error as Error).message}): generate it with the frontends' codegen (persisted documents) or set PERSISTED_OPERATIONS=off.`,
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PersistedOperationsError(
      `PERSISTED_OPERATIONS_FILE ${file} must be a JSON object { "<sha256>": "<document>" }.`,
    );
  }
  const manifest = new Map<string, string>();
  for (const [id, document] of Object.entries(raw)) {
    if (typeof document !== 'string' || bareId(id) !== documentHash(document)) {
      throw new PersistedOperationsError(
        `PERSISTED_OPERATIONS_FILE ${file}: the id ${id} is not the SHA-256 of its document.`,
      );
    }
    manifest.set(bareId(id), document);
  }
  return manifest;
}

function refusal(code: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_REQUIRED') {
  const [zh, en] =
    code === 'PERSISTED_QUERY_NOT_FOUND'
      ? ['没有这个已登记的操作', 'PersistedQueryNotFound: no persisted operation has this id']
      : [
          '此服务只接受已登记的操作（请发送操作 id）',
          'Only persisted operations are accepted here: send the operation id',
        ];
  return { errors: [{ message: en, extensions: { code, messageZh: zh, messageEn: en } }] };
}

interface Body {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

function parseJson(text: string | null): Body['extensions'] {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Body['extensions'];
  } catch {
    return undefined;
  }
}

/**
 * /graphql middleware (after the JSON body parser, before Apollo): replaces a known id by its document,
 * and in `only` mode refuses documents that are not in the manifest.
 */
export function persistedOperations(mode: PersistedMode, manifest: Map<string, string>): RequestHandler {
  return (req, res, next) => {
    if (mode === 'off') {
      next();
      return;
    }
    const url = new URL(req.url, 'http://x');
    const isGet = req.method === 'GET' || req.method === 'HEAD';
    const body: Body | null =
      req.method === 'POST' && req.body && typeof req.body === 'object' && !Array.isArray(req.body)
        ? (req.body as Body)
        : null;
    const extensions = isGet ? parseJson(url.searchParams.get('extensions')) : body?.extensions;
    const given = isGet ? url.searchParams.get('documentId') : body?.documentId;
    const rawId = given ?? extensions?.persistedQuery?.sha256Hash;
    const query = isGet ? url.searchParams.get('query') : body?.query;
    if (typeof rawId !== 'string' && typeof query !== 'string') {
      next(); // nothing to look up (Apollo answers the malformed request)
      return;
    }
    let document = typeof rawId === 'string' ? manifest.get(bareId(rawId)) : undefined;
    if (!document && typeof query === 'string') {
      if (mode === 'only' && !manifest.has(documentHash(query))) {
        res.status(400).json(refusal('PERSISTED_QUERY_REQUIRED'));
        return;
      }
      document = query;
    }
    if (!document) {
      res.status(400).json(refusal('PERSISTED_QUERY_NOT_FOUND'));
      return;
    }
    // Apollo runs the document; its own APQ cache never sees the id (it is off in allow/only mode).
    if (isGet) {
      url.searchParams.set('query', document);
      url.searchParams.delete('documentId');
      const rest = extensions && { ...extensions, persistedQuery: undefined };
      if (rest && Object.values(rest).some((v) => v !== undefined))
        url.searchParams.set('extensions', JSON.stringify(rest));
      else url.searchParams.delete('extensions');
      req.url = `${url.pathname}${url.search}`;
    } else if (body) {
      body.query = document;
      delete body.documentId;
      if (body.extensions) delete body.extensions.persistedQuery;
    }
    next();
  };
}
