import { decimalPlacesOf, type Decimal } from '../../common/decimal';
import { allowed, refused, type Verdict } from '../../common/decision';
import { ErrorCode, msg, type Message } from '../../common/errors';
import type { Validation } from '../../common/mutation';
import type { GoalStatus } from '../../goals/goal.enums';
import type { FundingStatus } from '../monitoring.enums';
import { isInForce } from './parties';

/** Monitoring applies to goals in force (DOMAIN §9: "an issued goal"). */
export function inForceVerdict(status: GoalStatus, field: string[]): Verdict {
  return isInForce(status)
    ? allowed
    : refused(
        ErrorCode.WORKFLOW_VIOLATION,
        field,
        msg(
          `该绩效目标尚未批复下达（当前状态 ${status}），不能开展运行监控`,
          `The goal is not issued (status ${status}); monitoring applies to issued goals only`,
        ),
      );
}

export const holdNames: Record<FundingStatus, Message> = {
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
export function checkPeriod(v: Validation, goalYear: number, year: number, month: number) {
  if (year !== goalYear)
    v.add(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'year'],
      msg(`年度应为绩效目标的年度 ${goalYear}`, `The year must be the goal's year ${goalYear}`),
    );
  if (!Number.isInteger(month) || month < 1 || month > 12)
    v.add(ErrorCode.BAD_USER_INPUT, ['input', 'month'], msg('月份应为 1 到 12', 'The month must be 1 to 12'));
}
