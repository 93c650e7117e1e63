import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { enforce } from '../common/decision';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { GoalEntity } from '../goals/goal.entity';
import { FundingHoldEntity } from './execution.entity';
import type { MonitoringReportEntity } from './report.entity';
import { FundingStatus } from './monitoring.enums';
import { inForceVerdict } from './rules/report-input';
import { isSpendingSide, type SpendingSide } from './rules/parties';
import { refusal } from '../common/refusal';

/**
 * Reads of dual monitoring (DOMAIN §9) that the services and resolvers share; every one goes through the
 * scoped helper, so an object outside the caller's jurisdiction reads like a missing one (P6).
 */

/** The goal named by a global id, if the caller sees it (P6: out of jurisdiction reads as missing). */
export async function visibleGoal(
  ctx: RequestContext,
  globalId: string,
  field: string[],
): Promise<GoalEntity> {
  const id = idOfType(globalId, 'PerformanceGoal');
  const goal = id ? await (await ctx.scope.goals()).andWhere('g.id = :id', { id }).getOne() : null;
  if (!goal) throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该绩效目标', 'Performance goal not found'));
  return goal;
}

/** The report named by a global id at input `field`, if the caller sees it (P6: otherwise NOT_FOUND). */
export async function visibleReportRow(
  ctx: RequestContext,
  globalId: string,
  field: string[],
): Promise<MonitoringReportEntity> {
  const id = idOfType(globalId, 'MonitoringReport');
  const report = id
    ? await (await ctx.scope.monitoringReports()).andWhere('mr.id = :id', { id }).getOne()
    : null;
  if (!report)
    throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该监控报告', 'Monitoring report not found'));
  return report;
}

/** The report (`input.id`) and its goal, if the caller sees them (P6: otherwise NOT_FOUND). */
export async function visibleReport(ctx: RequestContext, globalId: string) {
  const report = await visibleReportRow(ctx, globalId, ['input', 'id']);
  const goal = await (await ctx.scope.goals()).andWhere('g.id = :id', { id: report.goalId }).getOneOrFail();
  return { report, goal };
}

/** Monitoring applies to goals in force (DOMAIN §9: "an issued goal"). */
export function requireInForce(goal: GoalEntity, field: string[]): void {
  enforce(inForceVerdict(goal.status, field));
}

export async function indicatorsOf(ctx: RequestContext, goalId: string): Promise<GoalIndicatorEntity[]> {
  return (await ctx.scope.goalIndicators())
    .andWhere('gi.goal_id = :goalId', { goalId })
    .orderBy('gi.position')
    .getMany();
}

/** The goal's drafter, project unit and their supervising departments (one statement). */
async function spendingSideOf(em: EntityManager, goal: GoalEntity): Promise<SpendingSide> {
  const rows = (await em.query(
    `SELECT d.supervising_department_id AS drafter_sup, p.implementing_unit_id AS unit, u.supervising_department_id AS unit_sup
       FROM organization d
       LEFT JOIN project p ON p.tenant_id = d.tenant_id AND p.id = $3
       LEFT JOIN organization u ON u.tenant_id = p.tenant_id AND u.id = p.implementing_unit_id
      WHERE d.tenant_id = $1 AND d.id = $2`,
    [goal.tenantId, goal.drafterOrganizationId, goal.projectId],
  )) as { drafter_sup: string | null; unit: string | null; unit_sup: string | null }[];
  const row = rows[0];
  return {
    drafterId: goal.drafterOrganizationId,
    drafterSupervisorId: row?.drafter_sup ?? null,
    unitId: row?.unit ?? null,
    unitSupervisorId: row?.unit_sup ?? null,
  };
}

/** P4 谁支出 (002 第十四条, 第十七条): whether the caller is on the goal's spending side. */
export async function callerIsSpendingSide(
  ctx: RequestContext,
  em: EntityManager,
  goal: GoalEntity,
): Promise<boolean> {
  return isSpendingSide(ctx.caller.organizationId, await spendingSideOf(em, goal));
}

/** P4 谁支出: only the goal's spending side records money and reports (refused naming P4). */
export async function requireSpendingSide(ctx: RequestContext, em: EntityManager, goal: GoalEntity) {
  if (!(await callerIsSpendingSide(ctx, em, goal))) {
    throw refusal(
      ErrorCode.FORBIDDEN,
      ['input', 'goalId'],
      msg(
        '预算执行和绩效运行监控由使用资金的单位或其主管部门填报（谁支出、谁监控）',
        'Money in execution and monitoring reports come from the spending side: the drafter, the unit or its department (P4)',
      ),
      { principle: 'P4' },
    );
  }
}

/**
 * The goal a spending-side mutation writes on (DOMAIN §9): visible to the caller (P6), the caller's to
 * report on (P4 谁支出), and in force — each refused at `input.goalId`.
 */
export async function goalToReportOn(ctx: RequestContext, em: EntityManager, goalId: string) {
  const goal = await visibleGoal(ctx, goalId, ['input', 'goalId']);
  await requireSpendingSide(ctx, em, goal);
  requireInForce(goal, ['input', 'goalId']);
  return goal;
}

/** The goal's current hold: its latest funding-hold entry unless that lifted it (DOMAIN §9). */
export async function currentHold(ctx: RequestContext, goalId: string): Promise<FundingHoldEntity | null> {
  const latest = await (await ctx.scope.fundingHolds())
    .andWhere('fh.goal_id = :goalId', { goalId })
    .orderBy('fh.at', 'DESC')
    .addOrderBy('fh.id', 'DESC')
    .getOne();
  return latest && latest.status !== FundingStatus.LIFTED ? latest : null;
}
