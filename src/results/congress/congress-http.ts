import type { RequestHandler } from 'express';
import { ErrorCode } from '../../common/errors';
import { sendHttpError } from '../../common/http-error';
import { createContext, type AppServices } from '../../common/request-context';
import { RequestDb } from '../../db/request-db';
import { congressDocx } from './congress-docx';
import { congressPackage } from './congress.service';
import { refusal } from '../../common/refusal';

/**
 * GET /reports/congress-package.docx?year=2025&region=370303 (DOMAIN §13 "exportable as a document"): the
 * people's congress package of a year and region (by its code) as DOCX, for finance with the region in its
 * jurisdiction (bearer token, P6). Errors answer JSON like GraphQL errors. Mounted by src/app/server.ts.
 */
export function congressPackageHandler(services: AppServices): RequestHandler {
  return async (req, res) => {
    const db = new RequestDb(services.dataSource);
    try {
      const ctx = await createContext(services, { headers: req.headers, ip: req.ip, id: req.id }, db);
      const year = Number(req.query.year);
      const code = typeof req.query.region === 'string' ? req.query.region : '';
      if (!Number.isInteger(year) || year < 2000 || year > 2100 || !/^[0-9A-Za-z]{1,12}$/.test(code))
        throw refusal(ErrorCode.BAD_USER_INPUT, [], {
          zh: '请给出年度（year）和区划代码（region）',
          en: 'Give the year and the region code',
        });
      const pkg = await congressPackage(ctx, year, { code });
      const body = await congressDocx(pkg);
      res.setHeader('cache-control', 'no-store');
      res.setHeader(
        'content-disposition',
        `attachment; filename="congress-package-${code}-${year}.docx"; filename*=UTF-8''${encodeURIComponent(`${pkg.regionName}${year}年度人大报送材料.docx`)}`,
      );
      res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(body);
    } catch (error) {
      // The connection goes back before the refusal is answered: once answered, nothing is held.
      await db.finish(false).catch(() => undefined);
      sendHttpError(res, error, services.logger, 'congress package failed');
    } finally {
      await db.finish(false).catch(() => undefined);
    }
  };
}
