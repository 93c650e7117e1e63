import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import { Decimal, money } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { guardedUpdate } from '../common/guarded-update';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import { userError, UserErrorsAbort } from '../common/user-error';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type {
  CreateMonitoringReportInput,
  MonitoringReportActionInput,
  UpdateMonitoringReportInput,
} from './dto/monitoring.inputs';
import { MonitoringReportStatus } from './monitoring.enums';
import { policyFor } from '../policy/policy.service';
import { checkPeriod, refuse, requireInForce, requireSpendingSide, visibleGoal } from './monitoring.support';
import { checkContent, contentColumns } from './report-content';
import { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';
import { reportFindings } from './rules/findings';
import { totalsToDate } from './rules/money';
import { acknowledgerOf } from './rules/parties';
import { submissionProblems } from './rules/submission';

const frozen = msg('监控报告已报送，不能再修改（P8）', 'The report was submitted and is frozen (P8)');

const meanings: ConstraintMeanings = {
  uq_monitoring_report_period: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'month'],
    message: msg('该目标此期间的监控报告已存在', 'This goal already has a report for that period'),
  },
  ck_monitoring_report_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: frozen,
  },
  ck_monitoring_report_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('监控报告当前状态不允许此操作', 'The report’s status does not allow this'),
  },
  ck_monitoring_report_goal_in_force: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'goalId'],
    message: msg('该绩效目标尚未批复下达', 'The goal is not issued'),
  },
};

const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

async function indicatorsOf(ctx: RequestContext, goalId: string): Promise<GoalIndicatorEntity[]> {
  return (await ctx.scope.goalIndicators())
    .andWhere('gi.goal_id = :goalId', { goalId })
    .orderBy('gi.position')
    .getMany();
}

/** The report and its goal, if the caller sees them (P6: otherwise NOT_FOUND). */
async function visibleReport(ctx: RequestContext, globalId: string) {
  const id = idOfType(globalId, 'MonitoringReport');
  const report = id
    ? await (await ctx.scope.monitoringReports()).andWhere('mr.id = :id', { id }).getOne()
    : null;
  if (!report)
    refuse(ErrorCode.NOT_FOUND, ['input', 'id'], msg('未找到该监控报告', 'Monitoring report not found'));
  const goal = await (await ctx.scope.goals()).andWhere('g.id = :id', { id: report.goalId }).getOneOrFail();
  return { report, goal };
}

function requireDraft(report: MonitoringReportEntity) {
  if (report.status !== MonitoringReportStatus.DRAFT)
    refuse(ErrorCode.WORKFLOW_VIOLATION, ['input', 'id'], frozen);
}

async function replaceLines(
  em: EntityManager,
  report: MonitoringReportEntity,
  lines: MonitoringReportIndicatorEntity[] | null,
) {
  if (!lines) return;
  await em.delete(MonitoringReportIndicatorEntity, { tenantId: report.tenantId, reportId: report.id });
  if (lines.length) await em.insert(MonitoringReportIndicatorEntity, lines);
}

const reload = (em: EntityManager, r: { tenantId: string; id: string }) =>
  em.findOneByOrFail(MonitoringReportEntity, { tenantId: r.tenantId, id: r.id });

/** 新建监控报告 (DOMAIN §9): the spending side opens a DRAFT for a goal in force and a month M. */
export function createMonitoringReport(ctx: RequestContext, input: CreateMonitoringReportInput) {
  return runMutation(ctx, meanings, async (em) => {
    const goal = await visibleGoal(ctx, input.goalId, ['input', 'goalId']);
    await requireSpendingSide(ctx, em, goal);
    requireInForce(goal, ['input', 'goalId']);
    const v = new Validation();
    checkPeriod(v, goal, input.year, input.month);
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
      refuse(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg('该绩效目标没有审核链，无法确定确认单位', 'The goal has no review chain to name the level above'),
      );
    }
    const report = {
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
    await em.insert(MonitoringReportEntity, report);
    await replaceLines(
      em,
      report as MonitoringReportEntity,
      lines as MonitoringReportIndicatorEntity[] | null,
    );
    await recordAudit(em, ctx.caller, {
      entityType: 'MonitoringReport',
      entityId: id,
      action: 'CREATE',
      regionPath: goal.regionPath,
      after: { ...report, indicators: lines ?? [] },
    });
    return { report: await reload(em, report) };
  });
}

/** 修改监控报告: the DRAFT's content replaced; indicator lines replaced as a set when given. */
export function updateMonitoringReport(ctx: RequestContext, input: UpdateMonitoringReportInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { report, goal } = await visibleReport(ctx, input.id);
    await requireSpendingSide(ctx, em, goal);
    requireDraft(report);
    const v = new Validation();
    const lines = checkContent(v, input, await indicatorsOf(ctx, goal.id), goal.tenantId, report.id);
    v.check();
    const columns = contentColumns(input);
    await guardedUpdate(em, MonitoringReportEntity, report, input.expectedVersion, columns, ROW_VERSION);
    await replaceLines(em, report, lines as MonitoringReportIndicatorEntity[] | null);
    await recordAudit(em, ctx.caller, {
      entityType: 'MonitoringReport',
      entityId: report.id,
      action: 'UPDATE',
      regionPath: goal.regionPath,
      before: report,
      after: { ...columns, indicators: lines ?? 'unchanged' },
    });
    return { report: await reload(em, report) };
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
 * than CERTAIN, needs causes for each off-track indicator and corrective measures. The money to date is
 * frozen into the report (P8).
 */
export function submitMonitoringReport(ctx: RequestContext, input: MonitoringReportActionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { report, goal } = await visibleReport(ctx, input.id);
    await requireSpendingSide(ctx, em, goal);
    requireDraft(report);
    const { findings, toDate, policy } = await liveFindings(ctx, report, goal);
    const problems = submissionProblems({
      likelihood: report.likelihood,
      correctiveMeasures: report.correctiveMeasures,
      projectedExecution: report.projectedExecution,
      flags: findings.flags,
      lines: findings.lines.map((l) => ({
        name: l.indicator.name,
        offTrack: l.offTrack,
        causes: l.line?.causes ?? [],
      })),
    });
    if (problems.length)
      throw new UserErrorsAbort(problems.map((p) => userError(p.code, p.field, p.message)));
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
    await guardedUpdate(em, MonitoringReportEntity, report, input.expectedVersion, snapshot, ROW_VERSION);
    await recordAudit(em, ctx.caller, {
      entityType: 'MonitoringReport',
      entityId: report.id,
      action: 'SUBMIT',
      regionPath: goal.regionPath,
      before: { status: report.status },
      after: { ...snapshot, flags: findings.flags },
    });
    return { report: await reload(em, report) };
  });
}

/** 确认 (DOMAIN §9; 003 转移支付 第二十条): the same-level finance bureau acknowledges a submitted report. */
export function acknowledgeMonitoringReport(ctx: RequestContext, input: MonitoringReportActionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { report, goal } = await visibleReport(ctx, input.id);
    if (report.acknowledgerOrganizationId !== ctx.caller.organizationId) {
      refuse(
        ErrorCode.FORBIDDEN,
        ['input', 'id'],
        msg(
          '监控报告由填报单位的同级财政部门确认（003 转移支付 第二十条）',
          'A monitoring report is acknowledged by the reporting body’s own-level finance bureau (003 transfer art. 20; P3)',
        ),
        'P3',
      );
    }
    if (report.status !== MonitoringReportStatus.SUBMITTED) {
      refuse(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'id'],
        msg('只有已报送的监控报告可以确认', 'Only a submitted report can be acknowledged'),
      );
    }
    const changes = {
      status: MonitoringReportStatus.ACKNOWLEDGED,
      acknowledgedAt: new Date(),
      acknowledgedByUserId: ctx.caller.userId,
      acknowledgementComment: input.comment?.trim() ? input.comment.trim() : null,
    };
    await guardedUpdate(em, MonitoringReportEntity, report, input.expectedVersion, changes, ROW_VERSION);
    await recordAudit(em, ctx.caller, {
      entityType: 'MonitoringReport',
      entityId: report.id,
      action: 'ACKNOWLEDGE',
      regionPath: goal.regionPath,
      before: { status: report.status },
      after: changes,
    });
    return { report: await reload(em, report) };
  });
}
