import { ErrorCode, msg, type Message } from '../../common/errors';
import { EvaluationStatus } from '../evaluation.enums';

/**
 * The township finance step of a compiled regional result (DOMAIN §11; 003 转移支付 第二十三条 "镇办业务主管
 * 部门…汇总形成本地区自评结果报送同级财政部门，并逐级上报区业务主管部门"): pure decisions shared by
 * `availableActions` and the mutations (`reviewCompiledResultAsFinance`, `reviewEvaluation`).
 */
export interface TownshipFinanceStep {
  /** The finance office of the regional goal's township. */
  financeId: string;
  /** Whether it has passed the result since its latest submission. */
  passed: boolean;
}

export interface StepRefusal {
  code: ErrorCode;
  message: Message;
  principle: string | null;
}

/** Why the caller may not take the finance step now; null when it may (the township's finance office, SUBMITTED, not yet passed). */
export function financeReviewRefusal(
  status: EvaluationStatus,
  callerOrganizationId: string,
  step: TownshipFinanceStep | null,
): StepRefusal | null {
  if (!step || step.financeId !== callerOrganizationId)
    return {
      code: ErrorCode.FORBIDDEN,
      message: msg(
        '本地区自评结果由同级（乡镇、街道）财政部门审核',
        'A compiled regional result is passed by the finance office of its own township (003 transfer art. 23)',
      ),
      principle: 'P3',
    };
  if (status !== EvaluationStatus.SUBMITTED || step.passed)
    return {
      code: ErrorCode.WORKFLOW_VIOLATION,
      message: msg(
        '该结果当前不在乡镇财政审核环节',
        'The result is not awaiting the township finance office',
      ),
      principle: null,
    };
  return null;
}

/** Why the fund's department may not review a submitted compiled result yet: the finance office has not passed it. */
export function awaitingTownshipFinance(
  status: EvaluationStatus,
  step: TownshipFinanceStep | null,
): StepRefusal | null {
  if (status !== EvaluationStatus.SUBMITTED || !step || step.passed) return null;
  return {
    code: ErrorCode.WORKFLOW_VIOLATION,
    message: msg(
      '本地区自评结果须先报送乡镇（街道）财政部门审核，再由区业务主管部门审核（003 转移支付 第二十三条）',
      'A compiled regional result passes the township finance office before the district department reviews it (003 transfer art. 23)',
    ),
    principle: null,
  };
}
