import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import { Likelihood, MonitoringFlag, MonitoringReportStatus } from '../monitoring/monitoring.enums';
import { visibleReportRow } from '../monitoring/monitoring.query';
import { reportView } from '../monitoring/monitoring.view';
import type { MonitoringReportEntity } from '../monitoring/report.entity';
import type { OpenMonitoringFindingInput } from './dto/results.inputs';
import { SOURCE_MONITORING } from './finding.service';
import { insertFinding, type Source } from './finding-open.service';
import { refusal } from '../common/refusal';

const FLAG_ZH: Record<MonitoringFlag, string> = {
  INDICATOR_OFF_TRACK: '绩效指标预计不能达到目标',
  SLOW_EXECUTION: '预算执行进度滞后',
};
const LIKELIHOOD_ZH: Record<Likelihood, string> = {
  CERTAIN: '确定能完成',
  POSSIBLE: '有可能完成',
  IMPOSSIBLE: '确定不能完成',
};

/**
 * The deviation of a submitted monitoring report (DOMAIN §9): its flags and a likelihood other than
 * CERTAIN; null when there is none. The flags are the report's own, with the policy frozen into it.
 */
export async function monitoringDeviation(ctx: RequestContext, report: MonitoringReportEntity) {
  const { flags } = await reportView(ctx, report);
  const doubtful = report.likelihood !== null && report.likelihood !== Likelihood.CERTAIN;
  if (!flags.length && !doubtful) return null;
  const parts = flags.map((f) => FLAG_ZH[f]);
  if (doubtful) parts.push(`完成可能性：${LIKELIHOOD_ZH[report.likelihood!]}`);
  return { flags, text: `${report.year}年1–${report.month}月绩效监控发现偏差：${parts.join('；')}` };
}

/**
 * 监控发现问题 (DOMAIN §13 "a monitoring report's deviation"; 003 第十八条, 转移支付 第三十三条 "财政部门在绩效运行
 * 监控…过程中发现的问题，要及时反馈主管部门"): opens a finding on a submitted or acknowledged report with a
 * deviation, linked to the report. Feedback is given by the same-level finance bureau that acknowledges it;
 * the clock starts at the acknowledgement (else the submission). Usable from the acknowledgement itself.
 */
export async function openMonitoringFindingIn(
  ctx: RequestContext,
  em: EntityManager,
  report: MonitoringReportEntity,
  text: { description?: string | null; ownDeadline?: string | null },
  field: string[] = ['input', 'reportId'],
) {
  if (report.status === MonitoringReportStatus.DRAFT || !report.submittedAt)
    throw refusal(
      ErrorCode.WORKFLOW_VIOLATION,
      field,
      msg('监控报告尚未报送，不能据此开具问题', 'The monitoring report is not submitted yet'),
    );
  const deviation = await monitoringDeviation(ctx, report);
  if (!deviation)
    throw refusal(
      ErrorCode.WORKFLOW_VIOLATION,
      field,
      msg('该监控报告没有偏差，无需开具问题', 'The monitoring report shows no deviation'),
    );
  const goal = (await ctx.loaders.goalById.load(report.goalId))!;
  const source: Source = {
    kind: SOURCE_MONITORING,
    id: report.id,
    field,
    goal,
    year: report.year,
    grade: null,
    completed: report.acknowledgedAt ?? report.submittedAt,
    feedbackGiver: report.acknowledgerOrganizationId,
  };
  return insertFinding(ctx, em, source, {
    description: text.description?.trim() || deviation.text,
    ownDeadline: text.ownDeadline ?? null,
  });
}

/** The mutation: the report by global id, as the caller sees it (P6: otherwise NOT_FOUND). */
export function openMonitoringFinding(ctx: RequestContext, input: OpenMonitoringFindingInput) {
  return runMutation(ctx, {}, async (em) => {
    const report = await visibleReportRow(ctx, input.reportId, ['input', 'reportId']);
    return openMonitoringFindingIn(ctx, em, report, input);
  });
}
