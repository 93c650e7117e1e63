import type { RequestContext } from '../common/request-context';
import { Decimal, requireDecimal } from '../common/decimal';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { MonitoringReportStatus } from './monitoring.enums';
import { monitoringLoaders } from './monitoring.loaders';
import { policyFor, policyUsed } from '../policy/policy.service';
import type { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';
import { reportFindings, type Findings } from './rules/findings';
import { totalsToDate, type MoneyToDate } from './rules/money';

export type ReportView = Findings<GoalIndicatorEntity, MonitoringReportIndicatorEntity>;

const views = new WeakMap<MonitoringReportEntity, Promise<ReportView>>();

function frozenToDate(r: MonitoringReportEntity): MoneyToDate {
  return {
    budgetToDate: requireDecimal(r.budgetToDate ?? '0'),
    inPlaceToDate: requireDecimal(r.inPlaceToDate ?? '0'),
    executedToDate: requireDecimal(r.executedToDate ?? '0'),
  };
}

async function build(ctx: RequestContext, r: MonitoringReportEntity): Promise<ReportView> {
  const m = monitoringLoaders(ctx);
  const draft = r.status === MonitoringReportStatus.DRAFT;
  const [goal, indicators, lines, executions, policy] = await Promise.all([
    ctx.loaders.goalById.load(r.goalId),
    ctx.loaders.indicatorsByGoalId.load(r.goalId),
    m.linesByReportId.load(r.id),
    draft ? m.executionsByGoalId.load(r.goalId) : Promise.resolve([]),
    // DOMAIN §10.7: a draft is flagged with the policy in force for its year; a submitted report with
    // the version frozen into it on submission, so a later change never rewrites its flags.
    draft ? policyFor(ctx, r.year) : policyUsed(ctx, r.policyId, r.year),
  ]);
  return reportFindings({
    annualBudget: draft ? (goal?.annualAmount ?? null) : r.annualBudget,
    month: r.month,
    toDate: draft ? totalsToDate(executions, r.year, r.month) : frozenToDate(r),
    projectedExecution: r.projectedExecution,
    threshold: new Decimal(policy.slowExecutionThreshold),
    indicators,
    lines,
  });
}

/**
 * What a report shows (DOMAIN §9): a DRAFT reads the money to date live from the records; a submitted
 * report shows the figures frozen on submission (P8). Flags use the policy version it names. Built
 * once per report object and request, from batched loaders (no N+1 over a list of reports).
 */
export function reportView(ctx: RequestContext, r: MonitoringReportEntity): Promise<ReportView> {
  let view = views.get(r);
  if (!view) {
    view = build(ctx, r);
    views.set(r, view);
  }
  return view;
}
