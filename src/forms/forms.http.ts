import type { Archiver } from 'archiver';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode, msg } from '../common/errors';
import { drainedOrClosed, sendProblem } from '../common/http-error';
import { abort, refusal, RefusalError } from '../common/refusal';
import { createContext, type AppServices } from '../common/request-context';
import { RequestDb } from '../db/request-db';
import { formOf, type FormDefinition } from './forms.service';

/** Most objects one ZIP holds (GET ?ids= or POST {"ids": […]}). */
export const MAX_BATCH = 100;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const disposition = (filename: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** "annex1.xlsx" → the form and the format; an unknown form is BAD_USER_INPUT (400). */
function parseFile(file: string): { form: FormDefinition; slug: string; zip: boolean } {
  const m = /^([A-Za-z0-9_-]{1,32})\.(xlsx|zip)$/.exec(file);
  const form = m ? formOf(m[1]) : null;
  if (!m || !form)
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['form'],
      msg(
        `未知的表格：${file.slice(0, 40)}（可用 annex1–annex6，后缀 .xlsx 或 .zip）`,
        `Unknown form: ${file.slice(0, 40)} (use annex1–annex6 with .xlsx or .zip)`,
      ),
      { reason: 'UNKNOWN_FORM' },
    );
  return { form, slug: m[1], zip: m[2] === 'zip' };
}

function singleId(req: Request): string {
  const id = req.query.id;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 200)
    throw refusal(ErrorCode.BAD_USER_INPUT, ['id'], msg('请给出对象标识（id）', 'Give the object id (id)'), {
      reason: 'MISSING_ID',
    });
  return id;
}

/** The ids of a batch: `?ids=a,b` or a JSON body `{"ids": [...]}`; 1 to MAX_BATCH, duplicates dropped. */
function batchIds(req: Request): string[] {
  const body: unknown = req.body;
  const fromBody =
    body && typeof body === 'object' && Array.isArray((body as { ids?: unknown }).ids)
      ? (body as { ids: unknown[] }).ids
      : null;
  const raw = fromBody ?? (typeof req.query.ids === 'string' ? req.query.ids.split(',') : []);
  const ids = [...new Set(raw.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== ''))];
  if (ids.length === 0 || raw.some((v) => typeof v !== 'string' || v.length > 200))
    throw refusal(ErrorCode.BAD_USER_INPUT, ['ids'], msg('请给出对象标识列表（ids）', 'Give the ids'), {
      reason: 'MISSING_IDS',
    });
  if (ids.length > MAX_BATCH)
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['ids'],
      msg(`一次最多导出 ${MAX_BATCH} 个`, `At most ${MAX_BATCH} objects per ZIP`),
      { reason: 'TOO_MANY', details: [{ max: MAX_BATCH, given: ids.length }] as never },
    );
  return ids;
}

/**
 * archiver 8 is an ES module: loaded on first use (Node's import()), so that nothing but a ZIP export
 * depends on it being loadable (Jest must transform it: see docs/forms.md).
 */
async function zipArchive(): Promise<Archiver> {
  const { ZipArchive } = await import('archiver');
  return new ZipArchive({ zlib: { level: 6 } });
}

/** Streams the workbooks of `items` as a ZIP, one entry at a time, with back-pressure. */
async function streamZip(
  res: Response,
  archive: Archiver,
  form: FormDefinition,
  items: unknown[],
  slug: string,
): Promise<void> {
  const failed = new Promise<never>((_, reject) => archive.once('error', reject));
  failed.catch(() => undefined);
  res.status(200);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'application/zip');
  res.setHeader('content-disposition', disposition(`${slug}-forms.zip`, `${slug}-forms.zip`));
  archive.pipe(res);
  const onClose = () => archive.abort();
  res.once('close', onClose);
  try {
    for (const [i, data] of items.entries()) {
      if (res.destroyed) return;
      const body = Buffer.from(await form.draw(data).xlsx.writeBuffer());
      const entry = new Promise<void>((resolve) => archive.once('entry', () => resolve()));
      archive.append(body, { name: `${String(i + 1).padStart(3, '0')}-${form.filename(data).filename}` });
      // One workbook in flight: the next is drawn only once this one is in the archive and the client
      // has taken what was sent (archiver pauses while the response is full).
      await Promise.race([entry, failed, new Promise<void>((r) => res.once('close', () => r()))]);
      if (res.writableNeedDrain) await drainedOrClosed(res, res);
    }
    if (res.destroyed) return;
    await Promise.race([archive.finalize(), failed]);
  } finally {
    res.off('close', onClose);
  }
}

/**
 * GET /forms/<form>.xlsx?id=… — one form of 002 (附件1–6) filled from the caller's data; GET
 * /forms/<form>.zip?ids=a,b or POST /forms/<form>.zip {"ids": […]} — up to MAX_BATCH of them as a ZIP,
 * streamed. Bearer token; everything is read in the request's transaction through the caller's loaders
 * (RLS and jurisdiction, P6): an object the caller may not see answers 404 like a missing one, before
 * any byte is sent. The connection is given back before the workbooks are streamed, and on every path
 * (refusal, failure, client gone). docs/forms.md. Mounted by src/app/server.ts.
 */
export function formsHandler(services: AppServices): RequestHandler {
  return async (req, res) => {
    const db = new RequestDb(services.dataSource);
    let streaming = false;
    try {
      const { form, slug, zip } = parseFile(String((req.params as Record<string, string>)[0] ?? ''));
      const ctx = await createContext(services, { headers: req.headers, ip: req.ip, id: req.id }, db);
      void ctx.caller; // no token: 401
      if (!zip) {
        if (req.method !== 'GET')
          throw refusal(ErrorCode.BAD_USER_INPUT, ['form'], msg('请用 GET', 'Use GET'));
        const data = await form.load(ctx, singleId(req));
        const workbook = form.draw(data);
        await db.finish(false);
        const body = Buffer.from(await workbook.xlsx.writeBuffer());
        const name = form.filename(data);
        res.setHeader('cache-control', 'no-store');
        res.setHeader('content-disposition', disposition(name.filename, name.ascii));
        res.type(XLSX).send(body);
        return;
      }
      const ids = batchIds(req);
      const items = await Promise.all(
        ids.map((id, i) =>
          form.load(ctx, id).catch((e: unknown) => {
            if (e instanceof RefusalError)
              abort(e.problems.map((p) => ({ ...p, field: ['ids', String(i)] })));
            throw e;
          }),
        ),
      );
      // Refuse a wrong kind of object (e.g. 附件1 of a transfer goal) before the first byte.
      items.forEach((data, i) => {
        try {
          form.check?.(data);
        } catch (e) {
          if (e instanceof RefusalError) abort(e.problems.map((p) => ({ ...p, field: ['ids', String(i)] })));
          throw e;
        }
      });
      await db.finish(false);
      const archive = await zipArchive();
      streaming = true;
      await streamZip(res, archive, form, items, slug);
    } catch (error) {
      const e = error instanceof GraphQLError ? error : null;
      if (!e) services.logger.error({ err: error }, 'form export failed');
      if (streaming || res.headersSent) res.destroy();
      else {
        // The connection goes back before the refusal is answered: once answered, nothing is held.
        await db.finish(false).catch(() => undefined);
        sendProblem(res, e);
      }
    } finally {
      await db.finish(false).catch(() => undefined);
    }
  };
}

const FILE_ROUTE = /^\/forms\/([^/]{1,64}\.(?:xlsx|zip))$/;

/** The routes of the forms (one registration in src/app/server.ts). */
export function formsRoutes(services: AppServices): Router {
  const router = express.Router();
  const handler = formsHandler(services);
  // Only "<name>.xlsx" and "<name>.zip": POST /forms/import (the importer) is not ours.
  router.get(FILE_ROUTE, handler);
  router.post(FILE_ROUTE, express.json({ limit: '64kb' }), handler);
  return router;
}
