import type { RequestContext } from '../common/request-context';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { Decimal, money } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { problem } from '../common/problem';
import { userErrorsOf } from '../common/user-error';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import { insertFundingHold, writeExecution } from './execution.repository';
import { policyFor, updatePolicy } from '../policy/policy.service';
import { budgetYearAt, type ResolvedPolicy } from '../policy/rules/policy';
import type {
  LiftFundingHoldInput,
  RecordExecutionInput,
  SetFundingHoldInput,
  SetMonitoringPolicyInput,
} from './dto/monitoring.inputs';
import { FundingStatus } from './monitoring.enums';
import { currentHold, goalToReportOn, requireInForce, visibleGoal } from './monitoring.query';
import { checkMoney, checkPeriod, holdNames } from './rules/report-input';
import { refusal } from '../common/refusal';

const heldMessage = msg(
  '该绩效目标已被财政部门暂缓或停止拨款，不能登记新的到位或支出资金',
  'The goal’s funding is held by finance: no new in-place or spent money may be recorded',
);

/** The database's own refusals (triggers and constraints) as user errors (DOMAIN §9). */
const meanings: ConstraintMeanings = {
  ck_goal_execution_hold: problem(ErrorCode.WORKFLOW_VIOLATION, ['input', 'goalId'], heldMessage),
  ck_goal_execution_goal_in_force: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'goalId'],
    msg('该绩效目标尚未批复下达', 'The goal is not issued'),
  ),
  uq_goal_execution_period: problem(
    ErrorCode.CONFLICT,
    ['input', 'expectedVersion'],
    msg('该月份已登记，请刷新后重试', 'This month was recorded meanwhile; reload and try again'),
  ),
  ck_funding_hold_not_held: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'goalId'],
    msg('该绩效目标当前没有暂缓或停止拨款', 'The goal’s funding is not held'),
  ),
  ck_funding_hold_unchanged: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'kind'],
    msg('拨款状态没有变化', 'The funding is already in that state'),
  ),
};

/**
 * 登记预算执行 (DOMAIN §4, §9): the spending side records a month's budgeted / in-place / spent money on a
 * goal in force; a month already recorded is corrected with its rowVersion. While finance holds the
 * funding, in-place and spent money may not grow (001 三(二); 003 第十八条) — refused here naming the hold,
 * and by the database trigger too.
 */
export function recordExecution(ctx: RequestContext, input: RecordExecutionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const goal = await goalToReportOn(ctx, em, input.goalId);
    const v = new Validation();
    checkPeriod(v, goal.year, input.year, input.month);
    checkMoney(v, input.budgeted, ['input', 'budgeted'], '预算数');
    checkMoney(v, input.inPlace, ['input', 'inPlace'], '到位资金');
    checkMoney(v, input.spent, ['input', 'spent'], '支出数');
    v.check();
    const existing = await (
      await ctx.scope.goalExecutions()
    )
      .andWhere('gx.goal_id = :goalId AND gx.year = :year AND gx.month = :month', {
        goalId: goal.id,
        year: input.year,
        month: input.month,
      })
      .getOne();
    const hold = await currentHold(ctx, goal.id);
    const grows = input.inPlace.gt(existing?.inPlace ?? 0) || input.spent.gt(existing?.spent ?? 0);
    if (hold && grows) {
      const name = holdNames[hold.status];
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg(
          `该绩效目标已被财政部门${name.zh}（原因：${hold.reason ?? ''}），不能登记新的到位或支出资金`,
          `The goal’s funding is ${name.en} by finance (reason: ${hold.reason ?? ''}); no new in-place or spent money may be recorded`,
        ),
      );
    }
    const values = {
      budgeted: money(input.budgeted),
      inPlace: money(input.inPlace),
      spent: money(input.spent),
      recordedByUserId: ctx.caller.userId,
      recordedByOrganizationId: ctx.caller.organizationId,
    };
    if (existing && (input.expectedVersion === null || input.expectedVersion === undefined)) {
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'expectedVersion'],
        msg(
          '该月份已登记；修改时请提供其版本号 expectedVersion',
          'This month is already recorded; give its rowVersion as expectedVersion to correct it',
        ),
      );
    }
    const execution = await writeExecution(
      ctx,
      em,
      goal,
      { year: input.year, month: input.month },
      values,
      existing ? { row: existing, expectedVersion: input.expectedVersion! } : null,
    );
    return { execution, goal };
  });
}

/** Finance at the goal's region or above (001 三(二); 003 第十八条); others read it as missing (P6). */
function requireFinanceOver(ctx: RequestContext, regionPath: string) {
  const p = ctx.caller;
  if (p.organizationKind !== OrganizationKind.FINANCE_BUREAU || !regionPath.startsWith(p.regionPath)) {
    throw refusal(
      ErrorCode.NOT_FOUND,
      ['input', 'goalId'],
      msg('未找到该绩效目标', 'Performance goal not found'),
    );
  }
}

async function writeHold(ctx: RequestContext, goalGid: string, status: FundingStatus, reason: string | null) {
  return runMutation(ctx, meanings, async (em) => {
    const goal = await visibleGoal(ctx, goalGid, ['input', 'goalId']);
    requireFinanceOver(ctx, goal.regionPath);
    requireInForce(goal, ['input', 'goalId']);
    const current = await currentHold(ctx, goal.id);
    if (status === FundingStatus.LIFTED && !current) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        meanings.ck_funding_hold_not_held.message,
      );
    }
    if (status !== FundingStatus.LIFTED && current?.status === status) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'kind'],
        meanings.ck_funding_hold_unchanged.message,
      );
    }
    const hold = await insertFundingHold(ctx, em, goal, { status, reason }, current);
    return { hold, goal };
  });
}

/** 暂缓/停止拨款: finance holds a goal's funding, with a mandatory reason (DOMAIN §9). */
export function setFundingHold(ctx: RequestContext, input: SetFundingHoldInput) {
  if (input.reason.trim() === '') {
    return Promise.resolve({
      userErrors: userErrorsOf([
        problem(
          ErrorCode.BAD_USER_INPUT,
          ['input', 'reason'],
          msg('暂缓或停止拨款须说明原因', 'A funding hold needs a reason'),
        ),
      ]),
    });
  }
  return writeHold(ctx, input.goalId, input.kind as unknown as FundingStatus, input.reason.trim());
}

/** 恢复拨款: finance lifts the hold (refused when there is none). */
export function liftFundingHold(ctx: RequestContext, input: LiftFundingHoldInput) {
  const note = input.reason?.trim() ? input.reason.trim() : null;
  return writeHold(ctx, input.goalId, FundingStatus.LIFTED, note);
}

/** The legacy view of the policy (监控参数): the SLOW_EXECUTION threshold in force this year and its version. */
export async function monitoringPolicyView(ctx: RequestContext) {
  const p = await policyFor(ctx, budgetYearAt(new Date()));
  return legacyView(p);
}

// Stored thresholds read with two places, as the former monitoring_policy column showed them.
const legacyView = (p: ResolvedPolicy) => ({
  slowExecutionThreshold: p.isDefault
    ? p.slowExecutionThreshold
    : new Decimal(p.slowExecutionThreshold).toFixed(2),
  rowVersion: p.version,
});

/**
 * Sets the SLOW_EXECUTION threshold (DOMAIN §9; deprecated: `updatePolicy` sets every policy value). Kept for
 * existing clients as a narrow writer of the tenant policy: a new version of the version in force this
 * year — of the baseline year 2000, which applies to every year, while the defaults apply.
 */
export async function setMonitoringPolicy(ctx: RequestContext, input: SetMonitoringPolicyInput) {
  const current = await policyFor(ctx, budgetYearAt(new Date()));
  const result = await updatePolicy(ctx, {
    year: current.isDefault ? 2000 : current.effectiveYear,
    expectedVersion: input.expectedVersion,
    slowExecutionThreshold: input.slowExecutionThreshold,
    reason: 'setMonitoringPolicy',
  });
  return { policy: result.policy ? legacyView(result.policy) : null, userErrors: result.userErrors };
}
