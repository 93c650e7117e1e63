import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { Decimal, money } from '../common/decimal';
import { enforce } from '../common/decision';
import { ErrorCode, msg } from '../common/errors';
import { problem } from '../common/problem';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type {
  CreateMonitoringReportInput,
  MonitoringReportActionInput,
  UpdateMonitoringReportInput,
} from './dto/monitoring.inputs';
import { MonitoringReportAction, MonitoringReportStatus } from './monitoring.enums';
import { policyFor } from '../policy/policy.service';
import { callerIsSpendingSide, goalToReportOn, indicatorsOf, visibleReport } from './monitoring.query';
import { checkContent, contentChanges, contentColumns } from './report-content';
import { MonitoringReportEntity, type MonitoringReportIndicatorEntity } from './report.entity';
import { insertReport, updateReport } from './report.repository';
import { reportFindings } from './rules/findings';
import { totalsToDate } from './rules/money';
import { acknowledgerOf } from './rules/parties';
import { decideReport, reportFrozen, type ReportFacts } from './rules/report-decision';
import { checkPeriod } from './rules/report-input';
import { submissionFacts } from './rules/submission';
import { refusal } from '../common/refusal';

const meanings: ConstraintMeanings = {
  uq_monitoring_report_period: problem(
    ErrorCode.CONFLICT,
    ['input', 'month'],
    msg('该目标此期间的监控报告已存在', 'This goal already has a report for that period'),
  ),
  ck_monitoring_report_frozen: problem(ErrorCode.WORKFLOW_VIOLATION, ['input', 'id'], reportFrozen),
  ck_monitoring_report_transition: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'id'],
    msg('监控报告当前状态不允许此操作', 'The report’s status does not allow this'),
  ),
  ck_monitoring_report_goal_in_force: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'goalId'],
    msg('该绩效目标尚未批复下达', 'The goal is not issued'),
  ),
};

/** 新建监控报告 (DOMAIN §9): the spending side opens a DRAFT for a goal in force and a month M. */
export function createMonitoringReport(ctx: RequestContext, input: CreateMonitoringReportInput) {
  return runMutation(ctx, meanings, async (em) => {
    const goal = await goalToReportOn(ctx, em, input.goalId);
    const v = new Validation();
    checkPeriod(v, goal.year, input.year, input.month);
    const id = randomUUID();
    const lines = checkContent(v, input, await indicatorsOf(ctx, goal.id), goal.tenantId, id);
    v.check();
    // DOMAIN §9; 003 转移支付 第二十条 "绩效运行监控结果提交同级财政部门": the reporting body's own-level finance
    // (a township's reports go to the township finance office), else the goal's level above (legacy rule).
    const finance = await em.findOne(OrganizationEntity, {
      where: {
        tenantId: goal.tenantId,
        regionId: ctx.caller.regionId,
        kind: OrganizationKind.FINANCE_BUREAU,
      },
      order: { id: 'ASC' },
    });
    const acknowledger = finance?.id ?? acknowledgerOf(goal.reviewChain);
    if (!acknowledger) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg('该绩效目标没有审核链，无法确定确认单位', 'The goal has no review chain to name the level above'),
      );
    }
    const row = {
      tenantId: goal.tenantId,
      id,
      goalId: goal.id,
      year: input.year,
      month: input.month,
      status: MonitoringReportStatus.DRAFT,
      ...contentColumns(input),
      drafterOrganizationId: ctx.caller.organizationId,
      acknowledgerOrganizationId: acknowledger,
    };
    return { report: await insertReport(ctx, em, row, lines, goal.regionPath) };
  });
}

/**
 * The facts `decideReport` needs, read from the database as it is now (money to date live from the
 * records): the same for the mutations and `availableActions`.
 */
export async function reportFacts(
  ctx: RequestContext,
  em: EntityManager,
  report: MonitoringReportEntity,
  goal: GoalEntity,
): Promise<ReportFacts & { live?: Awaited<ReturnType<typeof liveFindings>> }> {
  const spending = await callerIsSpendingSide(ctx, em, goal);
  if (!spending || report.status !== MonitoringReportStatus.DRAFT) return { callerIsSpendingSide: spending };
  const live = await liveFindings(ctx, report, goal);
  return { callerIsSpendingSide: true, submission: submissionFacts(report, live.findings), live };
}

/**
 * 修改监控报告 (issue 11 item 1): a partial update of the DRAFT — an omitted field is unchanged, an explicit
 * null clears it; the indicator lines are replaced as a set when given (null clears them all).
 */
export function updateMonitoringReport(ctx: RequestContext, input: UpdateMonitoringReportInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { report, goal } = await visibleReport(ctx, input.id);
    const spending = await callerIsSpendingSide(ctx, em, goal);
    enforce(
      decideReport(report, ctx.caller.organizationId, MonitoringReportAction.EDIT, {
        callerIsSpendingSide: spending,
      }),
    );
    const v = new Validation();
    const lines = checkContent(v, input, await indicatorsOf(ctx, goal.id), goal.tenantId, report.id);
    v.check();
    const saved = await updateReport(ctx, em, report, {
      action: 'UPDATE',
      expectedVersion: input.expectedVersion,
      changes: contentChanges(input),
      lines: lines as MonitoringReportIndicatorEntity[] | null,
      regionPath: goal.regionPath,
    });
    return { report: saved };
  });
}

/** The findings of a report from the database as it is now (money to date live from the records). */
async function liveFindings(ctx: RequestContext, report: MonitoringReportEntity, goal: GoalEntity) {
  const [indicators, lines, executions, policy] = await Promise.all([
    indicatorsOf(ctx, goal.id),
    (await ctx.scope.monitoringReportIndicators())
      .andWhere('mri.report_id = :id', { id: report.id })
      .getMany(),
    (await ctx.scope.goalExecutions()).andWhere('gx.goal_id = :id', { id: goal.id }).getMany(),
    policyFor(ctx, report.year),
  ]);
  const toDate = totalsToDate(executions, report.year, report.month);
  const findings = reportFindings({
    annualBudget: goal.annualAmount,
    month: report.month,
    toDate,
    projectedExecution: report.projectedExecution,
    threshold: new Decimal(policy.slowExecutionThreshold),
    indicators,
    lines,
  });
  return { findings, toDate, policy };
}

/**
 * 报送 (DOMAIN §9): the spending side submits a complete DRAFT; a report with any flag, or likelihood other
 * than CERTAIN, needs causes for each off-track indicator and corrective measures (rules/report-decision.ts,
 * the decision `availableActions` shows). The money to date is frozen into the report (P8).
 */
export function submitMonitoringReport(ctx: RequestContext, input: MonitoringReportActionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { report, goal } = await visibleReport(ctx, input.id);
    const facts = await reportFacts(ctx, em, report, goal);
    enforce(decideReport(report, ctx.caller.organizationId, MonitoringReportAction.SUBMIT, facts));
    const { findings, toDate, policy } = facts.live!;
    const snapshot = {
      status: MonitoringReportStatus.SUBMITTED,
      annualBudget: goal.annualAmount,
      budgetToDate: money(toDate.budgetToDate),
      inPlaceToDate: money(toDate.inPlaceToDate),
      executedToDate: money(toDate.executedToDate),
      submittedAt: new Date(),
      submittedByUserId: ctx.caller.userId,
      // DOMAIN §10.7: the policy version the flags were computed with, frozen with the figures (P8).
      policyId: policy.id,
    };
    const saved = await updateReport(ctx, em, report, {
      action: 'SUBMIT',
      expectedVersion: input.expectedVersion,
      changes: snapshot,
      regionPath: goal.regionPath,
      auditExtra: { flags: findings.flags },
    });
    return { report: saved };
  });
}

/** 确认 (DOMAIN §9; 003 转移支付 第二十条): the same-level finance bureau acknowledges a submitted report. */
export function acknowledgeMonitoringReport(ctx: RequestContext, input: MonitoringReportActionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { report, goal } = await visibleReport(ctx, input.id);
    enforce(
      decideReport(report, ctx.caller.organizationId, MonitoringReportAction.ACKNOWLEDGE, {
        callerIsSpendingSide: false,
      }),
    );
    const changes = {
      status: MonitoringReportStatus.ACKNOWLEDGED,
      acknowledgedAt: new Date(),
      acknowledgedByUserId: ctx.caller.userId,
      acknowledgementComment: input.comment?.trim() ? input.comment.trim() : null,
    };
    const saved = await updateReport(ctx, em, report, {
      action: 'ACKNOWLEDGE',
      expectedVersion: input.expectedVersion,
      changes,
      regionPath: goal.regionPath,
    });
    return { report: saved };
  });
}
