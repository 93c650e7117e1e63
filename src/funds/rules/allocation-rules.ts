import Decimal from 'decimal.js';
import { ErrorCode, msg, type Message } from '../../common/errors';
import { AllocationMethod } from '../fund.enums';
import type { Problem } from '../../common/problem';
import { formatWanYuan, isStrictAncestorPath, parseMoney, type Money } from './fund-rules';

/** The fund being allocated, as far as allocation rules need it. */
export interface AllocatedFund {
  method: AllocationMethod;
  /** Materialized path of the fund's region (its competent department's region), e.g. "/c/d/". */
  regionPath: string;
  /** 上级资金, in yuan: central, provincial or city money passed down (003 转移支付 第二条). */
  upperLevel: Money;
  /** 本级资金, in yuan. With the upper-level money, the cap on the sum of allocations (DOMAIN §4). */
  ownLevel: Money;
}

/**
 * One allocation (资金分配): to a receiving region under the factor method, or to a project under the
 * project method. The service resolves ids to the paths given here.
 */
export interface AllocationInput {
  /** FACTOR: the receiving region's materialized path. */
  regionPath?: string | null;
  /** PROJECT: the project, with the path of the region its implementing unit sits in. */
  project?: { id: string; regionPath: string } | null;
  amount: Money;
}

/** Number of levels in a materialized path ("/c/d/" → 2). */
function depthOf(path: string): number {
  return path.split('/').filter((s) => s.length > 0).length;
}

/**
 * The receiving region of a factor-method allocation is a direct child of the fund's region. Transfers
 * go to the government one level down (003 转移支付 第二条 "安排下级政府"), which compiles its regional goal
 * with its own finance bureau (第十五条(二)) and passes money and goals on to its own level below in turn
 * (第十七条 "镇办财政部门在下达预算时，同步下达…"); budgets and goals follow the budget levels (002 第十一条
 * "按照预算管理级次…逐级审核"). A city fund reaches townships through district funds financed by it.
 */
export function isDirectChildPath(parentPath: string, childPath: string): boolean {
  return isStrictAncestorPath(parentPath, childPath) && depthOf(childPath) === depthOf(parentPath) + 1;
}

/**
 * The amount the allocations may add up to (DOMAIN §4): the money the allocating level budgets for the
 * fund — upper-level plus own-level money. A district passes central, provincial and city transfers down
 * (003 转移支付 第二条 "中央财政、省财政和市财政、区财政安排下级政府"; 附件2 市级预算资金); lower-level matching
 * money (县级及以下资金) is the receivers' own and is never allocated.
 */
export function allocatableAmount(fund: Pick<AllocatedFund, 'upperLevel' | 'ownLevel'>): Decimal {
  return new Decimal(fund.upperLevel).plus(fund.ownLevel);
}

/** The over-the-ceiling message, with every number in 万元 (DOMAIN §4). */
export function overCeilingMessage(
  fund: Pick<AllocatedFund, 'upperLevel' | 'ownLevel'>,
  total: Decimal,
): Message {
  const cap = allocatableAmount(fund);
  const upper = formatWanYuan(new Decimal(fund.upperLevel));
  const own = formatWanYuan(new Decimal(fund.ownLevel));
  return msg(
    `分配合计 ${formatWanYuan(total)}超过可分配资金 ${formatWanYuan(cap)}（上级资金 ${upper} + 本级资金 ${own}；超出 ${formatWanYuan(total.minus(cap))}）`,
    `Allocations total ${formatWanYuan(total)}, more than the allocatable money ${formatWanYuan(cap)} (upper-level ${upper} + own-level ${own}; by ${formatWanYuan(total.minus(cap))})`,
  );
}

/** Σ allocations, exactly (amounts already validated). */
export function allocationTotal(allocations: readonly Pick<AllocationInput, 'amount'>[]): Decimal {
  return allocations.reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
}

const bad = (field: string[], message: Message): Problem => ({
  code: ErrorCode.BAD_USER_INPUT,
  field,
  message,
});

function checkTarget(fund: AllocatedFund, a: AllocationInput, at: string[]): Problem | null {
  if (fund.method === AllocationMethod.FACTOR) {
    if (a.project) {
      return bad(
        [...at, 'projectId'],
        msg(
          '因素法分配按区划下达，不能指定项目',
          'A factor-method allocation goes to a region, not a project',
        ),
      );
    }
    if (!a.regionPath) {
      return bad(
        [...at, 'regionId'],
        msg('因素法分配须指定下达地区', 'A factor-method allocation needs a region'),
      );
    }
    if (!isDirectChildPath(fund.regionPath, a.regionPath)) {
      return bad(
        [...at, 'regionId'],
        msg(
          '因素法分配只能下达到资金所在区划的直接下级区划',
          "A factor-method allocation goes to a region directly under the fund's region",
        ),
      );
    }
    return null;
  }
  if (a.regionPath) {
    return bad(
      [...at, 'regionId'],
      msg(
        '项目法分配按项目下达，不能指定地区',
        'A project-method allocation goes to a project, not a region',
      ),
    );
  }
  if (!a.project) {
    return bad(
      [...at, 'projectId'],
      msg('项目法分配须指定项目', 'A project-method allocation needs a project'),
    );
  }
  if (!isStrictAncestorPath(fund.regionPath, a.project.regionPath)) {
    return bad(
      [...at, 'projectId'],
      msg(
        '项目法分配的项目须位于资金所在区划的下级区划（对下转移支付）',
        "The project must lie in a region below the fund's region (a transfer goes down)",
      ),
    );
  }
  return null;
}

/**
 * Validates the whole set of a fund's allocations (DOMAIN §4) and returns every problem, with field
 * paths under `at` (default `['input', 'allocations']`, then the index): each target fits the method;
 * no region or project twice; each amount above 0 with at most 2 decimals; the sum within the fund's
 * upper-level plus own-level money, with the numbers in 万元. To add one allocation, validate the existing ones plus it.
 */
export function validateAllocations(
  fund: AllocatedFund,
  allocations: readonly AllocationInput[],
  at: string[] = ['input', 'allocations'],
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  let amountsValid = true;
  allocations.forEach((a, i) => {
    const here = [...at, String(i)];
    const target = checkTarget(fund, a, here);
    if (target) problems.push(target);
    else {
      const key =
        fund.method === AllocationMethod.FACTOR ? `region:${a.regionPath}` : `project:${a.project?.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          code: ErrorCode.CONFLICT,
          field: [...here, fund.method === AllocationMethod.FACTOR ? 'regionId' : 'projectId'],
          message:
            fund.method === AllocationMethod.FACTOR
              ? msg(
                  `该地区已在第 ${first + 1} 行分配`,
                  `This region is already allocated in row ${first + 1}`,
                )
              : msg(
                  `该项目已在第 ${first + 1} 行分配`,
                  `This project is already allocated in row ${first + 1}`,
                ),
        });
      } else seen.set(key, i);
    }
    const amount = parseMoney(a.amount, { positive: true });
    if (amount.problem) {
      amountsValid = false;
      problems.push(bad([...here, 'amount'], amount.problem));
    }
  });

  if (amountsValid) {
    const total = allocationTotal(allocations);
    if (total.greaterThan(allocatableAmount(fund))) problems.push(bad(at, overCeilingMessage(fund, total)));
  }
  return problems;
}
