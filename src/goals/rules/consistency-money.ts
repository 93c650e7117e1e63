import { Decimal, money } from '../../common/decimal';
import { msg } from '../../common/errors';
import {
  amountOf,
  problem,
  type ConsistencyInput,
  type ConsistencyProblem,
  type Wording,
} from './consistency-types';

/**
 * The children's money adds up to the allocation, exactly to the fen (DOMAIN §4 allocations, §5
 * Consistency). A child's money is its share of this fund (`fundAmount`), else its annual amount. While
 * the decomposition is incomplete (`complete: false`) only an overshoot is an error.
 */
export function checkMoney(input: ConsistencyInput, words: Wording): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const allocated = amountOf(input.parent.allocatedAmount);
  if (!allocated) {
    problems.push(
      problem(
        'ERROR',
        'AMOUNT_INVALID',
        ['parent', 'allocatedAmount'],
        msg('分配总额须为精确到分的金额', 'The allocation must be an amount in yuan to the fen'),
      ),
    );
  }
  const amounts = input.children.map((child, i) => {
    const own = child.fundAmount !== null && child.fundAmount !== undefined;
    const amount = amountOf(own ? child.fundAmount : child.annualAmount);
    if (!amount || !amountOf(child.annualAmount)) {
      problems.push(
        problem(
          'ERROR',
          'AMOUNT_INVALID',
          ['children', i, amount ? 'annualAmount' : own ? 'fundAmount' : 'annualAmount'],
          msg(
            `${child.label}的金额须为精确到分的金额`,
            `${child.label}: the amount must be in yuan to the fen`,
          ),
          [child.goalId],
        ),
      );
    }
    return amount;
  });
  if (!allocated || amounts.some((a) => !a)) return problems;
  const valid = amounts as Decimal[];
  const total = valid.reduce((s, a) => s.plus(a), new Decimal(0));
  // An incomplete decomposition may still fall short; it may never exceed the allocation.
  const pending = input.complete === false && total.lt(allocated);
  if (!total.eq(allocated) && !pending) {
    const detail = input.children.map((c, i) => `${c.label} ${money(valid[i])}`).join(', ');
    const goals = words.children.en.replace('targets', 'goals');
    problems.push(
      problem(
        input.moneyBlocks === false ? 'WARNING' : 'ERROR',
        'MONEY_MISMATCH',
        ['children'],
        msg(
          `资金: ${words.children.zh}金额合计 ${money(total)} ≠ 分配总额 ${money(allocated)} (${detail})`,
          `Money: ${goals} total ${money(total)} ≠ allocation ${money(allocated)} (${detail})`,
        ),
        input.children.map((c) => c.goalId),
      ),
    );
  }
  return problems;
}
