import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation, Validation } from '../common/mutation';
import { NO_ID } from '../common/sql';
import type { SetAllocationsInput } from './dto/fund.inputs';
import { FundAction } from './fund.enums';
import { replaceAllocations } from './fund.repository';
import { addProblems, meanings, ownedFund } from './fund.service';
import { validateAllocations, type AllocationInput } from './rules/allocation-rules';

/**
 * 设置资金分配 — replaces the fund's whole allocation set atomically (DOMAIN §4): every target resolved
 * within the caller's view (else NOT_FOUND), then the pure rules (method, direct child regions, no
 * duplicates, amounts, Σ ≤ upper-level + own-level money with the numbers in 万元), then the fund's version is bumped
 * under the guard, so two racing sets cannot both apply.
 */
export function setAllocations(ctx: RequestContext, input: SetAllocationsInput) {
  return runMutation(ctx, meanings, async (em) => {
    const fund = await ownedFund(ctx, input.fundId, ['input', 'fundId'], FundAction.SET_ALLOCATIONS);
    const v = new Validation();
    const resolved = await Promise.all(
      input.allocations.map(async (a, i) => {
        const at = ['input', 'allocations', String(i)];
        const region = a.regionId
          ? await ctx.loaders.regionById.load(idOfType(a.regionId, 'Region') ?? NO_ID)
          : null;
        if (a.regionId && !region)
          v.add(ErrorCode.NOT_FOUND, [...at, 'regionId'], msg('未找到该行政区划', 'Region not found'));
        const project = a.projectId
          ? await ctx.loaders.projectById.load(idOfType(a.projectId, 'Project') ?? NO_ID)
          : null;
        if (a.projectId && !project)
          v.add(ErrorCode.NOT_FOUND, [...at, 'projectId'], msg('未找到该项目', 'Project not found'));
        return { region, project, amount: a.amount };
      }),
    );
    v.check();
    const rows: AllocationInput[] = resolved.map((r) => ({
      regionPath: r.region?.path ?? null,
      project: r.project ? { id: r.project.id, regionPath: r.project.regionPath } : null,
      amount: r.amount,
    }));
    addProblems(
      v,
      validateAllocations(
        {
          method: fund.allocationMethod,
          regionPath: fund.regionPath,
          upperLevel: fund.upperLevelAmount,
          ownLevel: fund.ownLevelAmount,
        },
        rows,
      ),
    );
    v.check();

    const saved = await replaceAllocations(
      ctx,
      em,
      fund,
      input.expectedVersion,
      resolved.map((r) => ({
        regionId: r.region?.id ?? null,
        projectId: r.project?.id ?? null,
        amount: r.amount,
      })),
    );
    return { fund: saved };
  });
}
