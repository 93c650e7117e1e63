import type { RequestContext } from '../../common/request-context';
import { monitoringLoaders } from '../../monitoring/monitoring.loaders';
import { reportView, type ReportView } from '../../monitoring/monitoring.view';
import type { MonitoringReportEntity } from '../../monitoring/report.entity';
import { notFound, subjectUuid } from './form-ids';
import { goalFormOf, orgNames, type GoalFormData } from './goal-form.data';

/**
 * A monitoring report as 附件4–5 show it (DOMAIN §9): the report only when the caller may see it (P6,
 * otherwise NOT_FOUND), its goal as the goal forms read it, and what the report shows — the money figures
 * and each indicator's line — exactly as GraphQL shows them (`reportView`: a draft live, a submitted
 * report frozen).
 */
export interface MonitoringFormData {
  report: MonitoringReportEntity;
  goal: GoalFormData;
  view: ReportView;
  /** the drafting organisation's name (填报单位) */
  drafterName: string | null;
}

export async function loadMonitoringForm(ctx: RequestContext, id: string): Promise<MonitoringFormData> {
  void ctx.caller;
  const uuid = subjectUuid(id, 'MonitoringReport');
  const report = uuid ? await monitoringLoaders(ctx).reportById.load(uuid) : null;
  const goal = report ? await ctx.loaders.goalById.load(report.goalId) : null;
  if (!report || !goal) throw notFound('MonitoringReport');
  const [data, view, names] = await Promise.all([
    goalFormOf(ctx, goal),
    reportView(ctx, report),
    orgNames(ctx, [report.drafterOrganizationId]),
  ]);
  return { report, goal: data, view, drafterName: names.get(report.drafterOrganizationId) ?? null };
}
