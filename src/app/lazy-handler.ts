import type { RequestHandler } from 'express';

/**
 * A route whose module — and the libraries it needs — loads on its first request (issue 18): the XLSX
 * forms (exceljs, ~350 modules) and the congress document (docx) are used now and then, while every
 * process carried them in its heap from the start, and V8 grows a heap in proportion to what it holds.
 * A module that fails to load answers through Express's error handler, like any route's error.
 */
export function lazyHandler(load: () => RequestHandler): RequestHandler {
  let handler: RequestHandler | undefined;
  return (req, res, next) => {
    try {
      handler ??= load();
    } catch (error) {
      next(error);
      return;
    }
    return handler(req, res, next);
  };
}
