import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { RegionLevel } from '../auth/principal-kinds';
import { ErrorCode, msg } from '../common/errors';
import { Grade } from '../common/grade';
import { drainedOrClosed, sendProblem } from '../common/http-error';
import { refusal } from '../common/refusal';
import { createContext, type AppServices } from '../common/request-context';
import { RequestDb } from '../db/request-db';
import { BudgetBook } from '../funds/fund.enums';
import { GoalScope } from '../goals/goal.enums';
import { prepareAggregate, rowReader } from './aggregate.engine';
import {
  columnsOf,
  snakeCase,
  type AggregateDimension,
  type AggregateMeasure,
  type AggregateRequest,
} from './aggregate.model';
import { aggregateRefusal } from './reporting.permissions';

/** Rows fetched from the cursor at a time: memory stays flat whatever the number of rows. */
export const CSV_BATCH = 500;

const list = (req: Request, name: string): string[] | null => {
  const v = req.query[name];
  if (v === undefined) return null;
  const text = Array.isArray(v) ? v.join(',') : String(v);
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
};

function oneOf(req: Request, name: string, allowed: Record<string, string>): string[] | null {
  const values = list(req, name);
  const unknown = values?.find((v) => !(v in allowed));
  if (unknown !== undefined)
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      [name],
      msg(`参数 ${name} 的值未知：${unknown}`, `Unknown ${name}: ${unknown}`),
      {
        reason: 'UNKNOWN_VALUE',
      },
    );
  return values;
}

function year(req: Request, name: string): number | null {
  const v = req.query[name];
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2000 || n > 2100)
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      [name],
      msg(`${name} 须为年度（2000–2100）`, `${name} must be a year (2000–2100)`),
      {
        reason: 'BAD_YEAR',
      },
    );
  return n;
}

/** The query string as an aggregate request (docs/reporting/csv.md); the engine validates the names. */
export function csvRequest(req: Request): AggregateRequest {
  const level = typeof req.query.regionLevel === 'string' ? req.query.regionLevel : null;
  if (level !== null && !(level in RegionLevel))
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['regionLevel'],
      msg(`未知的区划层级：${level}`, `Unknown region level: ${level}`),
      {
        reason: 'UNKNOWN_REGION_LEVEL',
      },
    );
  return {
    dimensions: (list(req, 'dimensions') ?? []) as AggregateDimension[],
    measures: (list(req, 'measures') ?? []) as AggregateMeasure[],
    regionLevel: level as RegionLevel | null,
    filter: {
      within: typeof req.query.within === 'string' ? req.query.within : null,
      yearFrom: year(req, 'yearFrom'),
      yearTo: year(req, 'yearTo'),
      fundIds: list(req, 'fundIds'),
      departmentIds: list(req, 'departmentIds'),
      budgetBooks: oneOf(req, 'budgetBooks', BudgetBook),
      goalScopes: oneOf(req, 'goalScopes', GoalScope),
      grades: oneOf(req, 'grades', Grade),
    },
  };
}

/**
 * GET /reports/aggregate.csv (DOMAIN §16, issue 14): the BI aggregate as CSV — the same request, the same
 * jurisdiction and the same rows as GraphQL `aggregate`, bearer token, UTF-8 with BOM (Excel shows Chinese),
 * columns in snake_case. Streamed from a server-side cursor in the request's transaction, CSV_BATCH rows at
 * a time, with back-pressure: memory is constant in the number of rows. A refusal before the first byte is
 * a JSON problem with its HTTP status (400 for unknown dimensions or measures). Mounted by src/app/server.ts.
 */
export function aggregateCsvHandler(services: AppServices): RequestHandler {
  return async (req, res) => {
    const db = new RequestDb(services.dataSource);
    let streaming = false;
    try {
      const ctx = await createContext(services, { headers: req.headers, ip: req.ip, id: req.id }, db);
      const denied = aggregateRefusal(ctx.principal);
      if (denied) throw denied;
      const { req: request, statement } = await prepareAggregate(ctx, csvRequest(req));
      const columns = columnsOf(request);
      const toRow = rowReader(request);
      const em = await ctx.scope.manager();
      await em.query(`DECLARE aggregate_csv NO SCROLL CURSOR FOR ${statement.sql}`, statement.params);

      res.status(200);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="aggregate.csv"');
      const csv = stringify({
        bom: true,
        header: true,
        columns: columns.map((c) => ({ key: c.name, header: snakeCase(c.name) })),
      });
      csv.pipe(res);
      streaming = true;
      for (;;) {
        if (res.destroyed) break;
        const batch = await em.query<Record<string, unknown>[]>(`FETCH ${CSV_BATCH} FROM aggregate_csv`);
        for (const raw of batch) {
          if (res.destroyed) break;
          if (!csv.write(toRow(raw))) await drainedOrClosed(csv, res);
        }
        if (batch.length < CSV_BATCH) break;
      }
      csv.end();
      await finished(res);
    } catch (error) {
      const e = error instanceof GraphQLError ? error : null;
      if (!e) services.logger.error({ err: error }, 'aggregate CSV failed');
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
