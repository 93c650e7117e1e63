import { allowed, refused, type Verdict } from '../../common/decision';
import { ErrorCode, msg } from '../../common/errors';
import { FundAction } from '../fund.enums';

/**
 * A fund's actions as one pure decision (DOMAIN §4; issue 11 item 2): only the fund's own competent
 * department changes it or its allocations (P1 谁分配预算、谁设定目标, 002 第十条(二)). The content checks
 * (amounts, period, allocation ceiling) are the input's, reported by the mutation with their fields.
 */
export function decideFund(
  fund: { organizationId: string },
  actor: { organizationId: string },
  action: FundAction,
): Verdict {
  if (fund.organizationId === actor.organizationId) return allowed;
  return refused(
    ErrorCode.FORBIDDEN,
    action === FundAction.SET_ALLOCATIONS ? ['input', 'fundId'] : ['input', 'id'],
    msg(
      '只有资金所属的业务主管部门可以修改资金及其分配（P1 谁分配预算、谁设定目标）',
      "Only the fund's own competent department may change it or its allocations (P1: whoever allocates the budget sets the goal)",
    ),
    'P1',
  );
}
