import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { Decimal, money } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType, toGlobalId } from '../common/global-id';
import { runMutation } from '../common/mutation';
import { problem } from '../common/problem';
import { AllocationEntity } from '../funds/allocation.entity';
import { AllocationMethod } from '../funds/fund.enums';
import { FundEntity } from '../funds/fund.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import type { AllocationSimulationType, SimulateFactorAllocationInput } from './dto/simulation.types';
import { addSimulation } from './application.repository';
import { AllocationSimulationEntity } from './results.entities';
import { COMPLETED_RESULT, RESULT_PRECEDENCE } from './results-sql';
import { factorProblems, factorShares, type Factor } from './rules/factor-allocation';
import { abort, refusal } from '../common/refusal';

// Each receiving region's latest result score of the fund's regional goal, up to the result year (DOMAIN
// §13 "the performance factor (from the regions' latest scores)"; 003 转移支付 第三十二条).
const LATEST_REGIONAL_SCORES = `
  SELECT DISTINCT ON (g.region_id) g.region_id, e.total::text AS total
    FROM evaluation e JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
   WHERE g.fund_id = $1 AND g.scope = 'TRANSFER_REGIONAL' AND e.year <= $2 AND e.total IS NOT NULL
     AND ${COMPLETED_RESULT}
   ORDER BY g.region_id, e.year DESC, ${RESULT_PRECEDENCE}`;

/** The fund, if the caller may simulate it: finance over its region or its own department (P1, P6). */
async function simulatingFund(ctx: RequestContext, fundGid: string) {
  const caller = ctx.caller;
  const em = await ctx.db.manager();
  const id = idOfType(fundGid, 'Fund');
  const fund = id ? await em.findOneBy(FundEntity, { tenantId: caller.tenantId, id }) : null;
  if (!fund || !fund.regionPath.startsWith(caller.regionPath))
    throw refusal(ErrorCode.NOT_FOUND, ['input', 'fundId'], msg('未找到该专项资金', 'Fund not found'));
  const finance = caller.organizationKind === OrganizationKind.FINANCE_BUREAU;
  if (!finance && fund.organizationId !== caller.organizationId)
    throw refusal(
      ErrorCode.FORBIDDEN,
      ['input', 'fundId'],
      msg(
        '因素法分配由财政部门或资金主管部门模拟（谁分配预算）',
        'Finance or the fund’s own department simulates its allocation (P1)',
      ),
      { principle: 'P1' },
    );
  if (fund.allocationMethod !== AllocationMethod.FACTOR)
    throw refusal(
      ErrorCode.WORKFLOW_VIOLATION,
      ['input', 'fundId'],
      msg('只有因素法分配的资金可以模拟', 'Only a factor-method fund is simulated (003 transfer art. 32)'),
    );
  return fund;
}

/**
 * 因素法分配模拟 (DOMAIN §13 "Factor allocation"; 003 转移支付 第三十二条): next year's shares of a
 * factor-method fund over this year's receiving regions, by weighted factors with the performance factor
 * from the regions' latest results; saved beside this year's allocations and never applied. Bad weights
 * or values: BAD_USER_INPUT on the factor's field, nothing written.
 */
export function simulateFactorAllocation(ctx: RequestContext, input: SimulateFactorAllocationInput) {
  return runMutation(ctx, {}, async (em) => {
    const caller = ctx.caller;
    const fund = await simulatingFund(ctx, input.fundId);
    if (!input.amount.gt(0) || input.amount.decimalPlaces() > 2)
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'amount'],
        msg('分配金额须为正数，至多两位小数', 'The amount is positive, to the fen'),
      );
    const allocations = await em.findBy(AllocationEntity, { tenantId: caller.tenantId, fundId: fund.id });
    const current = new Map<string, Decimal>();
    for (const a of allocations)
      if (a.regionId) current.set(a.regionId, (current.get(a.regionId) ?? new Decimal(0)).plus(a.amount));
    const regions = [...current.keys()].sort();
    const scores = new Map(
      (
        await em.query<{ region_id: string; total: string }[]>(LATEST_REGIONAL_SCORES, [fund.id, input.year])
      ).map((r) => [r.region_id, new Decimal(r.total)]),
    );
    const unknown: { field: (string | number)[] }[] = [];
    const factors: Factor[] = input.factors.map((f, i) => {
      const values = new Map<string, Decimal>();
      if (f.performance) for (const r of regions) values.set(r, scores.get(r) ?? new Decimal(0));
      else
        f.values.forEach((v, j) => {
          const regionId = idOfType(v.regionId, 'Region');
          if (!regionId || !current.has(regionId))
            unknown.push({ field: ['factors', i, 'values', j, 'regionId'] });
          else values.set(regionId, v.value);
        });
      return { name: f.name, weight: f.weight, performance: f.performance, values };
    });
    const problems = [
      ...unknown.map((u) => ({
        field: u.field,
        message: msg('该区划不是本资金的分配区域', 'The region does not receive this fund'),
      })),
      ...factorProblems(factors, regions),
    ];
    if (problems.length)
      abort(
        problems.map((p) => problem(ErrorCode.BAD_USER_INPUT, ['input', ...p.field.map(String)], p.message)),
      );
    const shares = factorShares(input.amount, regions, factors);
    const row = Object.assign(new AllocationSimulationEntity(), {
      tenantId: caller.tenantId,
      id: randomUUID(),
      fundId: fund.id,
      resultYear: input.year,
      budgetYear: input.year + 1,
      regionPath: fund.regionPath,
      amount: money(input.amount),
      factors: factors.map((f) => ({
        name: f.name.trim(),
        weight: f.weight.toString(),
        performance: f.performance,
        values: regions.map((regionId) => ({
          regionId,
          value: (f.values.get(regionId) ?? new Decimal(0)).toString(),
        })),
      })),
      shares: shares.map((s) => ({
        regionId: s.regionId,
        share: money(s.amount),
        current: money(current.get(s.regionId)!),
        change: money(s.amount.minus(current.get(s.regionId)!)),
        performanceScore: scores.get(s.regionId)?.toString() ?? null,
      })),
      createdByOrganizationId: caller.organizationId,
    });
    return { simulation: simulationView(await addSimulation(ctx, em, row)) };
  });
}

const region = (id: string) => toGlobalId('Region', id);

export function simulationView(s: AllocationSimulationEntity): AllocationSimulationType {
  return {
    id: toGlobalId('AllocationSimulation', s.id),
    fundId: toGlobalId('Fund', s.fundId),
    resultYear: s.resultYear,
    budgetYear: s.budgetYear,
    amount: s.amount,
    createdAt: s.createdAt,
    factors: s.factors.map((f) => ({
      ...f,
      values: f.values.map((v) => ({ ...v, regionId: region(v.regionId) })),
    })),
    shares: s.shares.map((sh) => ({ ...sh, regionId: region(sh.regionId) })),
  };
}
