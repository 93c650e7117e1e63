import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { Decimal, money } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { enforce } from '../common/decision';
import { nullsRefused } from '../common/partial-update';
import { runMutation, Validation } from '../common/mutation';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import { checkName } from '../hierarchy/rules/division-code';
import type { CreateProjectInput, UpdateProjectInput } from './dto/project.inputs';
import type { FundEntity } from './fund.entity';
import { ProjectAction } from './fund.enums';
import { insertProject, updateProjectRow } from './project.repository';
import { decideProject, p2Refusal } from './rules/project-decision';
import { MAX_FUND_YEAR, MIN_FUND_YEAR, parseMoney } from './rules/fund-rules';
import { refusal } from '../common/refusal';

/**
 * P2 (002 第十条(一); 003 第十二条): who may prepare a project for a unit — the unit itself; or a
 * competent department whose subtree holds the unit (the scoped lookup already ensured that) and that
 * supervises it or is of the unit's sector.
 */
function mayPrepareFor(
  ctx: RequestContext,
  unit: OrganizationEntity,
  callerOrg: OrganizationEntity | null,
): boolean {
  const caller = ctx.caller;
  if (caller.organizationKind === OrganizationKind.IMPLEMENTING_UNIT)
    return unit.id === caller.organizationId;
  if (caller.organizationKind !== OrganizationKind.COMPETENT_DEPARTMENT || !callerOrg) return false;
  return (
    unit.supervisingDepartmentId === caller.organizationId ||
    (unit.sector !== null && unit.sector === callerOrg.sector)
  );
}

function checkYear(v: Validation, year: number): void {
  if (!Number.isInteger(year) || year < MIN_FUND_YEAR || year > MAX_FUND_YEAR) {
    v.add(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'year'],
      msg(
        `年度须为${MIN_FUND_YEAR}至${MAX_FUND_YEAR}之间的整数`,
        `A year is a whole number from ${MIN_FUND_YEAR} to ${MAX_FUND_YEAR}`,
      ),
    );
  }
}

function checkAmount(v: Validation, value: Decimal, field: string): void {
  const read = parseMoney(value);
  if (read.problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', field], read.problem);
}

/** The financing fund: visible to the caller, at the project's region or above, covering its year. */
async function financingFund(
  ctx: RequestContext,
  v: Validation,
  globalId: string,
  regionPath: string,
  year: number,
): Promise<FundEntity | null> {
  const id = idOfType(globalId, 'Fund');
  const fund = id ? await ctx.loaders.fundById.load(id) : null;
  if (!fund) {
    v.add(ErrorCode.NOT_FOUND, ['input', 'fundId'], msg('未找到该专项资金', 'Fund not found'));
    return null;
  }
  if (!regionPath.startsWith(fund.regionPath)) {
    v.add(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'fundId'],
      msg('项目须位于专项资金所在区划或其下级区划', "The project must lie in the fund's region or below it"),
    );
  } else if (year < fund.startYear || year > fund.endYear) {
    v.add(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'fundId'],
      msg(
        `项目年度 ${year} 不在专项资金的年度 ${fund.startYear}–${fund.endYear} 内`,
        `The project's year ${year} is outside the fund's years ${fund.startYear}–${fund.endYear}`,
      ),
    );
  }
  return fund;
}

/**
 * The implementing unit a create names, or — for an own-level project (本级, 002 第十六条 "部门本级和所属
 * 单位"; DOMAIN §3) — the calling competent department itself when it names no unit or names itself: the
 * department is then the responsible body and carries the project out (stored as its own implementing
 * body, so P2 drafting, P4 self-evaluation and P7 separation apply to it unchanged).
 */
async function implementerOf(ctx: RequestContext, input: CreateProjectInput): Promise<OrganizationEntity> {
  const caller = ctx.caller;
  const field = ['input', 'implementingUnitId'];
  const unitId = input.implementingUnitId ? idOfType(input.implementingUnitId, 'Organization') : null;
  const ownLevel =
    !input.implementingUnitId ||
    (unitId === caller.organizationId && caller.organizationKind === OrganizationKind.COMPETENT_DEPARTMENT);
  if (ownLevel) {
    const self = await ctx.loaders.organizationById.load(caller.organizationId);
    if (!self || self.kind !== OrganizationKind.COMPETENT_DEPARTMENT) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        field,
        msg(
          '须指定实施单位；只有业务主管部门可以不经实施单位自行实施本级项目',
          'Name the implementing unit; only a competent department runs an own-level project itself',
        ),
      );
    }
    return self;
  }
  const unit = unitId ? await ctx.loaders.organizationById.load(unitId) : null;
  if (!unit || unit.kind !== OrganizationKind.IMPLEMENTING_UNIT) {
    throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该实施单位', 'Implementing unit not found'));
  }
  const callerOrg = await ctx.loaders.organizationById.load(caller.organizationId);
  if (!mayPrepareFor(ctx, unit, callerOrg)) throw refusal(ErrorCode.FORBIDDEN, field, p2Refusal);
  return unit;
}

/** 新建项目 — by the implementing unit or a department over it (P2), or a department's own-level project; CANDIDATE (待入库). */
export function createProject(ctx: RequestContext, input: CreateProjectInput) {
  return runMutation(ctx, {}, async (em) => {
    const caller = ctx.caller;
    const unit = await implementerOf(ctx, input);
    const departmentId =
      caller.organizationKind === OrganizationKind.COMPETENT_DEPARTMENT
        ? caller.organizationId
        : unit.supervisingDepartmentId;
    if (!departmentId) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'implementingUnitId'],
        msg('该实施单位没有主管部门，请先设置', 'The unit has no supervising department; set one first'),
      );
    }

    const v = new Validation();
    const nameProblem = checkName(input.name, 200);
    if (nameProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], nameProblem);
    checkYear(v, input.year);
    checkAmount(v, input.fiscalAmount, 'fiscalAmount');
    checkAmount(v, input.otherAmount, 'otherAmount');
    const fund = input.fundId ? await financingFund(ctx, v, input.fundId, unit.regionPath, input.year) : null;
    v.check();

    const project = await insertProject(ctx, em, {
      tenantId: caller.tenantId,
      id: randomUUID(),
      name: input.name.trim(),
      departmentId,
      implementingUnitId: unit.id,
      regionId: unit.regionId,
      regionPath: '',
      fundId: fund?.id ?? null,
      year: input.year,
      annualAmount: money(new Decimal(input.fiscalAmount).plus(input.otherAmount)),
      fiscalAmount: money(input.fiscalAmount),
      otherAmount: money(input.otherAmount),
      isNew: input.isNew,
      requiresAssessment: input.requiresAssessment,
      governmentPreApproved: input.governmentPreApproved,
    });
    return { project };
  });
}

/** Fields of a project that cannot be cleared (issue 11 item 1); `fundId: null` clears the financing fund. */
const REQUIRED_PROJECT_FIELDS = [
  'name',
  'year',
  'fiscalAmount',
  'otherAmount',
  'isNew',
  'requiresAssessment',
  'governmentPreApproved',
] as const;

/**
 * 修改项目 — by its implementing unit or its department (P2; rules/project-decision.ts, the decision
 * `availableActions` shows), guarded by version. A partial update (issue 11 item 1): an omitted field is
 * unchanged, `fundId: null` clears the financing fund, a null for any other field is BAD_USER_INPUT.
 */
export function updateProject(ctx: RequestContext, input: UpdateProjectInput) {
  return runMutation(ctx, {}, async (em) => {
    const id = idOfType(input.id, 'Project');
    const current = id ? await ctx.loaders.projectById.load(id) : null;
    if (!current)
      throw refusal(ErrorCode.NOT_FOUND, ['input', 'id'], msg('未找到该项目', 'Project not found'));
    enforce(decideProject(current, ctx.caller, ProjectAction.EDIT));

    const v = new Validation();
    for (const p of nullsRefused(input, REQUIRED_PROJECT_FIELDS))
      v.add(p.code, [...p.field], p.message, { reason: p.reason });
    if (input.name != null) {
      const problem = checkName(input.name, 200);
      if (problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], problem);
    }
    const year = input.year ?? current.year;
    if (input.year != null) checkYear(v, input.year);
    if (input.fiscalAmount != null) checkAmount(v, input.fiscalAmount, 'fiscalAmount');
    if (input.otherAmount != null) checkAmount(v, input.otherAmount, 'otherAmount');
    const fundGlobalId = input.fundId ?? null;
    const fund = fundGlobalId ? await financingFund(ctx, v, fundGlobalId, current.regionPath, year) : null;
    v.check();

    const fiscal = input.fiscalAmount ?? current.fiscalAmount;
    const other = input.otherAmount ?? current.otherAmount;
    const project = await updateProjectRow(ctx, em, current, {
      action: 'UPDATE',
      expectedVersion: input.expectedVersion,
      changes: {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        year,
        fiscalAmount: money(fiscal),
        otherAmount: money(other),
        annualAmount: money(new Decimal(fiscal).plus(other)),
        ...(fund ? { fundId: fund.id } : input.fundId === null ? { fundId: null } : {}),
        ...(input.isNew != null ? { isNew: input.isNew } : {}),
        ...(input.requiresAssessment != null ? { requiresAssessment: input.requiresAssessment } : {}),
        ...(input.governmentPreApproved != null
          ? { governmentPreApproved: input.governmentPreApproved }
          : {}),
      },
    });
    return { project };
  });
}
