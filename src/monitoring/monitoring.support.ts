import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { decimalPlacesOf, type Decimal } from '../common/decimal';
import { ErrorCode, msg, type Message } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { Validation } from '../common/mutation';
import { abortWith, userError, UserErrorsAbort } from '../common/user-error';
import type { GoalEntity } from '../goals/goal.entity';
import { FundingHoldEntity } from './execution.entity';
import { FundingStatus } from './monitoring.enums';
import { isInForce, isSpendingSide, type SpendingSide } from './rules/parties';

/** The goal named by a global id, if the caller sees it (P6: out of jurisdiction reads as missing). */
export async function visibleGoal(
  ctx: RequestContext,
  globalId: string,
  field: string[],
): Promise<GoalEntity> {
  const id = idOfType(globalId, 'PerformanceGoal');
  const goal = id ? await (await ctx.scope.goals()).andWhere('g.id = :id', { id }).getOne() : null;
  return goal ?? abortWith(ErrorCode.NOT_FOUND, field, msg('未找到该绩效目标', 'Performance goal not found'));
}

/** A refusal naming the principle that refused it (DOMAIN §8). */
export function refuse(code: ErrorCode, field: string[], message: Message, principle?: string): never {
  throw new UserErrorsAbort([userError(code, field, message, principle ?? null)]);
}

/** Monitoring applies to goals in force (DOMAIN §9: "an issued goal"). */
export function requireInForce(goal: GoalEntity, field: string[]): void {
  if (!isInForce(goal.status)) {
    refuse(
      ErrorCode.WORKFLOW_VIOLATION,
      field,
      msg(
        `该绩效目标尚未批复下达（当前状态 ${goal.status}），不能开展运行监控`,
        `The goal is not issued (status ${goal.status}); monitoring applies to issued goals only`,
      ),
    );
  }
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

/** P4 谁支出 (002 第十四条, 第十七条): only the goal's spending side records money and reports. */
export async function requireSpendingSide(ctx: RequestContext, em: EntityManager, goal: GoalEntity) {
  if (!isSpendingSide(ctx.caller.organizationId, await spendingSideOf(em, goal))) {
    refuse(
      ErrorCode.FORBIDDEN,
      ['input', 'goalId'],
      msg(
        '预算执行和绩效运行监控由使用资金的单位或其主管部门填报（谁支出、谁监控）',
        'Money in execution and monitoring reports come from the spending side: the drafter, the unit or its department (P4)',
      ),
      'P4',
    );
  }
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

export const holdNames: Record<FundingStatus, { zh: string; en: string }> = {
  SUSPENDED: { zh: '暂缓拨款', en: 'suspended' },
  STOPPED: { zh: '停止拨款', en: 'stopped' },
  LIFTED: { zh: '恢复拨款', en: 'lifted' },
};

/** Money in yuan: ≥ 0, at most 2 places, below one trillion (NUMERIC(14,2), DOMAIN §4). */
export function checkMoney(v: Validation, value: Decimal | null | undefined, field: string[], zh: string) {
  if (value === null || value === undefined) return;
  if (value.isNegative() || decimalPlacesOf(value.toFixed()) > 2 || value.gte('1000000000000')) {
    v.add(
      ErrorCode.BAD_USER_INPUT,
      field,
      msg(
        `${zh}应为不小于 0、最多两位小数的金额（元）`,
        `${field[field.length - 1]} must be an amount in yuan ≥ 0 with at most 2 decimals`,
      ),
    );
  }
}

/** Year of the goal and month 1..12 (DOMAIN §9: January … month M of the goal's year). */
export function checkPeriod(v: Validation, goal: GoalEntity, year: number, month: number) {
  if (year !== goal.year)
    v.add(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'year'],
      msg(`年度应为绩效目标的年度 ${goal.year}`, `The year must be the goal's year ${goal.year}`),
    );
  if (!Number.isInteger(month) || month < 1 || month > 12)
    v.add(ErrorCode.BAD_USER_INPUT, ['input', 'month'], msg('月份应为 1 到 12', 'The month must be 1 to 12'));
}
