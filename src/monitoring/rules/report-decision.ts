import { ErrorCode, msg } from '../../common/errors';
import { allowed, refused, refusedFor, type Verdict } from '../../common/decision';
import { MonitoringReportAction, MonitoringReportStatus } from '../monitoring.enums';
import { submissionProblems, type SubmissionFacts } from './submission';

/** A monitoring report as its workflow needs it (DOMAIN §9). */
export interface ReportState {
  status: MonitoringReportStatus;
  acknowledgerOrganizationId: string;
}

/** Facts established by the service (one query each), so the decision stays pure. */
export interface ReportFacts {
  /** P4: the caller is on the goal's spending side (rules/parties.ts `isSpendingSide`). */
  callerIsSpendingSide: boolean;
  /** SUBMIT: the report's content and computed flags; absent when not needed (not a DRAFT, not the reporter). */
  submission?: SubmissionFacts;
}

export const reportFrozen = msg(
  '监控报告已报送，不能再修改（P8）',
  'The report was submitted and is frozen (P8)',
);

const field = ['input', 'id'];

const notSpendingSide = refused(
  ErrorCode.FORBIDDEN,
  field,
  msg(
    '预算执行和绩效运行监控由使用资金的单位或其主管部门填报（谁支出、谁监控）',
    'Money in execution and monitoring reports come from the spending side: the drafter, the unit or its department (P4)',
  ),
  'P4',
);

/**
 * The monitoring report workflow (DOMAIN §9) as one pure decision, serving both the mutations and
 * `availableActions`: DRAFT ─EDIT/SUBMIT (the spending side, P4)→ SUBMITTED ─ACKNOWLEDGE (the same-level
 * finance bureau named on the report, 003 转移支付 第二十条; P3)→ ACKNOWLEDGED. A submitted report is
 * frozen (P8). SUBMIT also needs the complete content of 附件4 备注 (rules/submission.ts), every missing
 * item listed. Checks run in order: who (P4/P3) → status → content.
 */
export function decideReport(
  report: ReportState,
  callerOrganizationId: string,
  action: MonitoringReportAction,
  facts: ReportFacts,
): Verdict {
  switch (action) {
    case MonitoringReportAction.EDIT:
    case MonitoringReportAction.SUBMIT: {
      if (!facts.callerIsSpendingSide) return notSpendingSide;
      if (report.status !== MonitoringReportStatus.DRAFT)
        return refused(ErrorCode.WORKFLOW_VIOLATION, field, reportFrozen, 'P8');
      if (action === MonitoringReportAction.EDIT) return allowed;
      return refusedFor(submissionProblems(facts.submission!));
    }
    case MonitoringReportAction.ACKNOWLEDGE:
      if (report.acknowledgerOrganizationId !== callerOrganizationId)
        return refused(
          ErrorCode.FORBIDDEN,
          field,
          msg(
            '监控报告由填报单位的同级财政部门确认（003 转移支付 第二十条）',
            'A monitoring report is acknowledged by the reporting body’s own-level finance bureau (003 transfer art. 20; P3)',
          ),
          'P3',
        );
      if (report.status !== MonitoringReportStatus.SUBMITTED)
        return refused(
          ErrorCode.WORKFLOW_VIOLATION,
          field,
          msg('只有已报送的监控报告可以确认', 'Only a submitted report can be acknowledged'),
        );
      return allowed;
  }
}

/** Whether SUBMIT needs the content facts: only the spending side's DRAFT gets that far. */
export const needsSubmissionFacts = (report: ReportState, callerIsSpendingSide: boolean): boolean =>
  callerIsSpendingSide && report.status === MonitoringReportStatus.DRAFT;
