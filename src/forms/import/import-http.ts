import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { scopeAdmits } from '../../auth/service-account-scope';
import { OrganizationKind } from '../../auth/principal-kinds';
import { createContext, type AppServices } from '../../common/request-context';
import { RequestDb } from '../../db/request-db';
import { draftPlans } from './annex-plans';
import { createDrafts } from './draft-goals';
import { CellErrors, fileError, ImportErrorCode as C, ImportRefusal } from './import-errors';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { readWorkbook } from './workbook-reader';

/** The one accepted content type: the body is the XLSX file itself (no multipart). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tooLarge = (max: number) =>
  new ImportRefusal(413, [
    fileError(
      C.FILE_TOO_LARGE,
      `文件超过 ${max} 字节的上限`,
      `The file is larger than the limit of ${max} bytes`,
    ),
  ]);

/**
 * The request body, counted while it streams in: refused (413) as soon as it passes `max` bytes — by its
 * Content-Length before any byte is read, else at the chunk that crosses it — never buffered further.
 */
export async function readBody(req: NodeJS.ReadableStream & { headers?: Request['headers'] }, max: number) {
  const declared = Number(req.headers?.['content-length']);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    if (size > max) throw tooLarge(max);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function refuse(res: Response, status: number, errors: ImportRefusal['errors']): void {
  // The rest of an oversized body is not read: the connection closes after this answer.
  if (status === 413) res.setHeader('connection', 'close');
  res.status(status).setHeader('cache-control', 'no-store').json({ errors });
}

const STATUS: Partial<Record<string, [number, C]>> = {
  UNAUTHENTICATED: [401, C.UNAUTHENTICATED],
  FORBIDDEN: [403, C.FORBIDDEN],
  SERVICE_UNAVAILABLE: [503, C.UNAVAILABLE],
};

const notDrafter = new ImportRefusal(403, [
  fileError(
    C.FORBIDDEN,
    '审计部门、第三方机构和服务账号不能编制绩效目标（P6）',
    'Audit offices, third parties and service accounts do not draft goals (P6)',
  ),
]);

/**
 * POST /forms/import (issue 15; docs/forms-import.md): the body is one XLSX file (Content-Type XLSX_TYPE)
 * holding 附件1 and/or 附件3 sheets in the exported template; bearer token required. The file is read as data
 * (workbook-reader.ts: size, zip-bomb, macro, external-link, row, cell and formula limits), each sheet
 * validated against its layout with cell-addressed errors, and — only when the whole file is clean — one
 * DRAFT goal created per sheet through the goal service in one transaction: 201 `{ goals }`. Any error: 4xx
 * `{ errors: [{ code, sheet, cell, messageZh, message }] }` and nothing written. Re-uploading a file
 * creates new drafts again (no idempotency key). Mounted by src/app/server.ts.
 */
export function formsImportHandler(
  services: AppServices,
  limits: ImportLimits = IMPORT_LIMITS,
): RequestHandler {
  return async (req, res) => {
    const db = new RequestDb(services.dataSource);
    let commit = false;
    try {
      if (!req.headers.authorization)
        throw new ImportRefusal(401, [
          fileError(C.UNAUTHENTICATED, '请先登录', 'Sign in first (bearer token)'),
        ]);
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== XLSX_TYPE)
        throw new ImportRefusal(415, [
          fileError(
            C.UNSUPPORTED_MEDIA_TYPE,
            `请以 Content-Type: ${XLSX_TYPE} 上传 XLSX 文件本身`,
            `Upload the XLSX file itself with Content-Type: ${XLSX_TYPE}`,
          ),
        ]);
      const body = await readBody(req, limits.maxFileBytes);
      const ctx = await createContext(services, { headers: req.headers, ip: req.ip, id: req.id }, db);
      const kind = ctx.caller.organizationKind;
      const p6 = kind === OrganizationKind.AUDIT_OFFICE || kind === OrganizationKind.THIRD_PARTY;
      if (p6 || !scopeAdmits(ctx.principal, 'Mutation', 'createGoal')) throw notDrafter;
      const wb = await readWorkbook(body, limits);
      const errors = new CellErrors();
      const plans = draftPlans(wb, errors);
      if (!errors.ok) throw new ImportRefusal(422, errors.list);
      const { goals, errors: refused } = await createDrafts(ctx, plans);
      if (refused.length > 0) throw new ImportRefusal(422, refused);
      commit = true;
      await db.finish(true);
      res.status(201).setHeader('cache-control', 'no-store').json({ goals });
    } catch (error) {
      // The connection goes back before the refusal is answered: once answered, nothing is held.
      if (!commit) await db.finish(false).catch(() => undefined);
      if (error instanceof ImportRefusal) return refuse(res, error.status, error.errors);
      const known = error instanceof GraphQLError ? STATUS[String(error.extensions.code)] : undefined;
      if (known) {
        const e = error as GraphQLError;
        const zh = typeof e.extensions.messageZh === 'string' ? e.extensions.messageZh : e.message;
        return refuse(res, known[0], [fileError(known[1], zh, e.message)]);
      }
      services.logger.error({ err: error }, 'forms import failed');
      if (!res.headersSent) refuse(res, 500, [fileError(C.INTERNAL, '内部错误', 'Internal error')]);
    } finally {
      if (!commit) await db.finish(false).catch(() => undefined);
    }
  };
}
