import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { money } from '../common/decimal';
import { enforce } from '../common/decision';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { nullsRefused } from '../common/partial-update';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import type { Problem } from '../common/problem';
import type { Decimal } from '../common/decimal';
import { AllocationEntity } from './allocation.entity';
import type { CreateFundInput, FundAmountsInput, UpdateFundInput } from './dto/fund.inputs';
import { FundEntity } from './fund.entity';
import { FundAction } from './fund.enums';
import { insertFund, updateFundRow } from './fund.repository';
import { decideFund } from './rules/fund-decision';
import { allocatableAmount, allocationTotal } from './rules/allocation-rules';
import { formatWanYuan, fundYears, validateFund, type FundInput } from './rules/fund-rules';
import { refusal } from '../common/refusal';

/** The fund's constraints as user errors (its allocations' uniqueness, DOMAIN §4). */
export const meanings: ConstraintMeanings = {
  uq_fund_allocation_region: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'allocations'],
    message: msg('同一地区只能分配一次', 'A region is allocated at most once per fund'),
  },
  uq_fund_allocation_project: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'allocations'],
    message: msg('同一项目只能分配一次', 'A project is allocated at most once per fund'),
  },
};

/** Adds the problems the pure rules found as user errors. */
export function addProblems(v: Validation, problems: readonly Problem[]): void {
  for (const p of problems) v.add(p.code, [...p.field], p.message, { reason: p.reason });
}

/**
 * The fund `globalId` names, if the caller may change it (P1 谁分配预算、谁设定目标, 002 第十条(二);
 * rules/fund-decision.ts, the decision `availableActions` shows): a fund outside the caller's view reads
 * as not found; a visible fund of another department is FORBIDDEN.
 */
export async function ownedFund(
  ctx: RequestContext,
  globalId: string,
  field: string[],
  action: FundAction,
): Promise<FundEntity> {
  const id = idOfType(globalId, 'Fund');
  const fund = id ? await ctx.loaders.fundById.load(id) : null;
  if (!fund) throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该专项资金', 'Fund not found'));
  enforce(decideFund(fund, ctx.caller, action));
  return fund;
}

/** The upper-level fund by global id, among the funds the caller can see (reaching its region). */
async function visibleUpperFund(
  ctx: RequestContext,
  v: Validation,
  globalId: string,
): Promise<FundEntity | null> {
  const id = idOfType(globalId, 'Fund');
  const fund = id ? await ctx.loaders.fundById.load(id) : null;
  if (!fund)
    v.add(
      ErrorCode.NOT_FOUND,
      ['input', 'upperFundId'],
      msg('未找到该上级资金', 'Upper-level fund not found'),
    );
  return fund;
}

function amountsOf(a: FundAmountsInput): FundInput['amounts'] {
  return { upperLevel: a.upperLevel, ownLevel: a.ownLevel, lowerLevel: a.lowerLevel, total: a.total ?? null };
}

function storedAmounts(amounts: {
  upperLevel: Decimal | string;
  ownLevel: Decimal | string;
  lowerLevel: Decimal | string;
}) {
  return {
    upperLevelAmount: money(amounts.upperLevel),
    ownLevelAmount: money(amounts.ownLevel),
    lowerLevelAmount: money(amounts.lowerLevel),
  };
}

/** 新建专项资金 — by a competent department, for itself (P1; DOMAIN §4). */
export function createFund(ctx: RequestContext, input: CreateFundInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const v = new Validation();
    const upper = input.upperFundId ? await visibleUpperFund(ctx, v, input.upperFundId) : null;
    const fundInput: FundInput = {
      name: input.name,
      year: input.year ?? null,
      period: input.period ?? null,
      amounts: amountsOf(input.amounts),
    };
    addProblems(
      v,
      validateFund(fundInput, {
        ownerKind: caller.organizationKind,
        regionPath: caller.regionPath,
        upperFund: upper ? { regionPath: upper.regionPath, startYear: upper.startYear } : null,
      }),
    );
    v.check();
    const [startYear, endYear] = fundYears(fundInput)!;

    const fund = await insertFund(ctx, em, {
      tenantId: caller.tenantId,
      id: randomUUID(),
      organizationId: caller.organizationId,
      regionId: caller.regionId,
      regionPath: '',
      name: input.name.trim(),
      budgetBook: input.budgetBook,
      category: input.category,
      allocationMethod: input.allocationMethod,
      startYear,
      endYear,
      ...storedAmounts(input.amounts),
      upperFundId: upper?.id ?? null,
      isNewMajor: input.isNewMajor,
      isEmergency: input.isEmergency,
      governmentPreApproved: input.governmentPreApproved,
      assessedAtCreation: input.assessedAtCreation,
    });
    return { fund };
  });
}

/** The fund's period as stored: one year, or a multi-year implementation period. */
function storedPeriod(f: FundEntity): Pick<FundInput, 'year' | 'period'> {
  return f.startYear === f.endYear
    ? { year: f.startYear, period: null }
    : { year: null, period: { startYear: f.startYear, endYear: f.endYear } };
}

/** Fields of a fund that cannot be cleared (issue 11 item 1): a null is refused with its path. */
const REQUIRED_FUND_FIELDS = [
  'name',
  'budgetBook',
  'category',
  'allocationMethod',
  'amounts',
  'isNewMajor',
  'isEmergency',
  'governmentPreApproved',
  'assessedAtCreation',
] as const;

/**
 * 修改专项资金 — by its own department (P1), guarded by version; upper + own-level money stays above the
 * allocations. A partial update (issue 11 item 1): an omitted field is unchanged; `upperFundId: null`
 * clears the upper-level fund; a year or period replaces the other, and nulling both is refused; every
 * other field cannot be cleared (null → BAD_USER_INPUT with its path).
 */
export function updateFund(ctx: RequestContext, input: UpdateFundInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await ownedFund(ctx, input.id, ['input', 'id'], FundAction.EDIT);
    const v = new Validation();
    addProblems(v, nullsRefused(input, REQUIRED_FUND_FIELDS));
    let upper: FundEntity | null = null;
    if (input.upperFundId) upper = await visibleUpperFund(ctx, v, input.upperFundId);
    else if (input.upperFundId === undefined && current.upperFundId)
      upper = await em.findOneBy(FundEntity, { tenantId: current.tenantId, id: current.upperFundId });

    const periodGiven = input.year != null || input.period != null;
    const periodCleared = !periodGiven && (input.year === null || input.period === null);
    if (periodCleared)
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', input.year === null ? 'year' : 'period'],
        msg('资金须有年度或实施期，不能清空', 'A fund needs a year or a period; it cannot be cleared'),
        { reason: 'NOT_CLEARABLE' },
      );
    const fundInput: FundInput = {
      name: input.name ?? current.name,
      ...(periodGiven ? { year: input.year ?? null, period: input.period ?? null } : storedPeriod(current)),
      amounts: input.amounts
        ? amountsOf(input.amounts)
        : {
            upperLevel: current.upperLevelAmount,
            ownLevel: current.ownLevelAmount,
            lowerLevel: current.lowerLevelAmount,
          },
    };
    addProblems(
      v,
      validateFund(fundInput, {
        ownerKind: caller.organizationKind,
        regionPath: current.regionPath,
        upperFund: upper ? { regionPath: upper.regionPath, startYear: upper.startYear } : null,
      }),
    );

    const allocations = await em.findBy(AllocationEntity, { tenantId: current.tenantId, fundId: current.id });
    if (
      input.allocationMethod &&
      input.allocationMethod !== current.allocationMethod &&
      allocations.length > 0
    ) {
      v.add(
        ErrorCode.CONFLICT,
        ['input', 'allocationMethod'],
        msg(
          '资金已有分配，不能更改分配方式；请先清空分配',
          'The fund has allocations, so its allocation method cannot change; clear them first',
        ),
      );
    }
    if (input.amounts && v.ok) {
      // DOMAIN §4: the new upper-level + own-level money still covers the allocations made.
      const allocated = allocationTotal(allocations);
      if (allocated.greaterThan(allocatableAmount(input.amounts))) {
        const cap = allocatableAmount(input.amounts);
        v.add(
          ErrorCode.BAD_USER_INPUT,
          ['input', 'amounts'],
          msg(
            `可分配资金 ${formatWanYuan(cap)}（上级资金 ${formatWanYuan(input.amounts.upperLevel)} + 本级资金 ${formatWanYuan(input.amounts.ownLevel)}）少于已分配合计 ${formatWanYuan(allocated)}`,
            `The allocatable money ${formatWanYuan(cap)} (upper-level ${formatWanYuan(input.amounts.upperLevel)} + own-level ${formatWanYuan(input.amounts.ownLevel)}) is less than the allocations total ${formatWanYuan(allocated)}`,
          ),
        );
      }
    }
    v.check();
    const [startYear, endYear] = fundYears(fundInput)!;

    const fund = await updateFundRow(ctx, em, current, input.expectedVersion, {
      name: fundInput.name.trim(),
      startYear,
      endYear,
      ...(input.amounts ? storedAmounts(input.amounts) : {}),
      ...(input.budgetBook ? { budgetBook: input.budgetBook } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...(input.allocationMethod ? { allocationMethod: input.allocationMethod } : {}),
      ...(input.upperFundId !== undefined ? { upperFundId: upper?.id ?? null } : {}),
      ...(input.isNewMajor != null ? { isNewMajor: input.isNewMajor } : {}),
      ...(input.isEmergency != null ? { isEmergency: input.isEmergency } : {}),
      ...(input.governmentPreApproved != null ? { governmentPreApproved: input.governmentPreApproved } : {}),
      ...(input.assessedAtCreation != null ? { assessedAtCreation: input.assessedAtCreation } : {}),
    });
    return { fund };
  });
}
