import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import { guardedUpdate } from '../common/guarded-update';
import { monitoringLoaders } from './monitoring.loaders';
import { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';

type LineRow = Omit<MonitoringReportIndicatorEntity, 'report' | 'indicator'>;
type ReportRow = { tenantId: string; id: string; goalId: string } & Record<string, unknown>;

const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

/**
 * The one writer of monitoring reports (issue 10 item 2; DOMAIN §9, §15): the row, its indicator lines,
 * the audit event and the request's loader caches change together, in the caller's transaction (`em`).
 * No other code inserts or updates `monitoring_report` or `monitoring_report_indicator`.
 */
async function replaceLines(em: EntityManager, report: { tenantId: string; id: string }, lines: LineRow[]) {
  await em.delete(MonitoringReportIndicatorEntity, { tenantId: report.tenantId, reportId: report.id });
  if (lines.length) await em.insert(MonitoringReportIndicatorEntity, lines);
}

function forget(ctx: RequestContext, report: { id: string; goalId: string }) {
  const m = monitoringLoaders(ctx);
  m.reportById.clear(report.id);
  m.linesByReportId.clear(report.id);
  m.reportsByGoalId.clear(report.goalId);
}

const reload = (em: EntityManager, r: { tenantId: string; id: string }) =>
  em.findOneByOrFail(MonitoringReportEntity, { tenantId: r.tenantId, id: r.id });

/** 新建: inserts a report with its lines; audited as CREATE. */
export async function insertReport(
  ctx: RequestContext,
  em: EntityManager,
  row: ReportRow,
  lines: LineRow[] | null,
  regionPath: string,
): Promise<MonitoringReportEntity> {
  await em.insert(MonitoringReportEntity, row as QueryDeepPartialEntity<MonitoringReportEntity>);
  if (lines) await replaceLines(em, row, lines);
  await recordAudit(em, ctx.caller, {
    entityType: 'MonitoringReport',
    entityId: row.id,
    action: 'CREATE',
    regionPath,
    after: { ...row, indicators: lines ?? [] },
  });
  forget(ctx, row);
  return reload(em, row);
}

export interface ReportChange {
  /** The audit action: UPDATE, SUBMIT, ACKNOWLEDGE. */
  action: string;
  expectedVersion: number;
  changes: QueryDeepPartialEntity<MonitoringReportEntity>;
  /** The indicator lines, replaced as a set; null keeps them. */
  lines?: LineRow[] | null;
  regionPath: string;
  /** What the audit event records beyond the changes (e.g. the flags frozen on submission). */
  auditExtra?: Record<string, unknown>;
}

/** Changes a report under its row version (stale → CONFLICT); audited with before and after. */
export async function updateReport(
  ctx: RequestContext,
  em: EntityManager,
  report: MonitoringReportEntity,
  change: ReportChange,
): Promise<MonitoringReportEntity> {
  await guardedUpdate(
    em,
    MonitoringReportEntity,
    report,
    change.expectedVersion,
    change.changes,
    ROW_VERSION,
  );
  if (change.lines) await replaceLines(em, report, change.lines);
  await recordAudit(em, ctx.caller, {
    entityType: 'MonitoringReport',
    entityId: report.id,
    action: change.action,
    regionPath: change.regionPath,
    before: change.action === 'UPDATE' ? report : { status: report.status },
    after: {
      ...change.changes,
      ...(change.action === 'UPDATE' ? { indicators: change.lines ?? 'unchanged' } : {}),
      ...change.auditExtra,
    },
  });
  forget(ctx, report);
  return reload(em, report);
}
