import { nullsRefused } from '../common/partial-update';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { Decimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { runMutation, type ConstraintMeanings } from '../common/mutation';
import { abort, refusal } from '../common/refusal';
import type { UpdatePolicyInput } from './dto/policy.inputs';
import { TenantPolicyEntity } from './policy.entity';
import { addPolicyVersion, cacheOf } from './policy.repository';
import {
  carryDueDate,
  defaultPolicyValues,
  policyProblems,
  type PolicyValues,
  type ResolvedPolicy,
} from './rules/policy';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Numbers as people write them: 90.00 → 90, 0.1000 → 0.1 (exact; stored NUMERIC keeps its scale). */
const plain = (text: string): string => new Decimal(text).toFixed();

function valuesOf(row: TenantPolicyEntity): PolicyValues {
  return {
    gradeExcellent: plain(row.gradeExcellent),
    gradeGood: plain(row.gradeGood),
    gradeFair: plain(row.gradeFair),
    overTargetThreshold: plain(row.overTargetThreshold),
    overTargetFloor: plain(row.overTargetFloor),
    slowExecutionThreshold: plain(row.slowExecutionThreshold),
    spotCheckRatio: plain(row.spotCheckRatio),
    spotCheckGap: plain(row.spotCheckGap),
    selfEvaluationDueDate: row.selfEvaluationDueDate,
    monitoringCadence: row.monitoringCadence,
    monitoringDueDay: row.monitoringDueDay,
    departmentCheckMonth: row.departmentCheckMonth,
  };
}

/** A stored row as it applies to `year` (its own year, or carried forward from an earlier one). */
export function resolvedFrom(row: TenantPolicyEntity | null, year: number): ResolvedPolicy {
  if (!row) {
    return { ...defaultPolicyValues(year), id: null, version: 0, year, effectiveYear: year, isDefault: true };
  }
  const values = valuesOf(row);
  return {
    ...values,
    selfEvaluationDueDate: carryDueDate(values.selfEvaluationDueDate, row.year, year),
    id: row.id,
    version: row.version,
    year,
    effectiveYear: row.year,
    isDefault: false,
  };
}

/** The row in force for a year: that year's latest version, else the nearest earlier year's (one statement). */
async function rowFor(ctx: RequestContext, year: number): Promise<TenantPolicyEntity | null> {
  return (await ctx.scope.tenantPolicies('tp'))
    .andWhere('tp.year <= :policyYear', { policyYear: year })
    .orderBy('tp.year', 'DESC')
    .addOrderBy('tp.version', 'DESC')
    .getOne();
}

/**
 * The caller's tenant policy for a budget year (DOMAIN §10.7), read once per year and request; the
 * defaults (version 0) while finance has stored none. Every rule that takes a policy reads it here.
 */
export function policyFor(ctx: RequestContext, year: number): Promise<ResolvedPolicy> {
  const cache = cacheOf(ctx).byYear;
  let found = cache.get(year);
  if (!found) {
    found = rowFor(ctx, year).then((row) => resolvedFrom(row, year));
    cache.set(year, found);
  }
  return found;
}

/**
 * The policy a stored result was computed with (DOMAIN §10.7 "results say which policy they used"): the
 * version row it names, applied to its year; the defaults for that year when it names none.
 */
export async function policyUsed(
  ctx: RequestContext,
  policyId: string | null,
  year: number,
): Promise<ResolvedPolicy> {
  if (!policyId) return resolvedFrom(null, year);
  const cache = cacheOf(ctx).byId;
  let found = cache.get(policyId);
  if (!found) {
    found = ctx.scope
      .tenantPolicies('tp')
      .then((qb) => qb.andWhere('tp.id = :policyId', { policyId }).getOne());
    cache.set(policyId, found);
  }
  return resolvedFrom(await found, year);
}

const meanings: ConstraintMeanings = {
  uq_tenant_policy_version: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'expectedVersion'],
    message: msg('参数已被他人修改，请刷新后重试', 'The policy changed meanwhile; reload and try again'),
  },
};

/** The values of the input over those in force for the year: what is not given stays. */
/** The settings of a policy version (all required; `reason` is the version's note and may be null). */
const POLICY_SETTINGS = [
  'gradeExcellent',
  'gradeGood',
  'gradeFair',
  'overTargetThreshold',
  'overTargetFloor',
  'slowExecutionThreshold',
  'spotCheckRatio',
  'spotCheckGap',
  'selfEvaluationDueDate',
  'monitoringCadence',
  'monitoringDueDay',
  'departmentCheckMonth',
] as const;

function merged(current: PolicyValues, input: UpdatePolicyInput): PolicyValues {
  const text = (d: Decimal | null | undefined, old: string) => (d == null ? old : d.toFixed());
  return {
    gradeExcellent: text(input.gradeExcellent, current.gradeExcellent),
    gradeGood: text(input.gradeGood, current.gradeGood),
    gradeFair: text(input.gradeFair, current.gradeFair),
    overTargetThreshold: text(input.overTargetThreshold, current.overTargetThreshold),
    overTargetFloor: text(input.overTargetFloor, current.overTargetFloor),
    slowExecutionThreshold: text(input.slowExecutionThreshold, current.slowExecutionThreshold),
    spotCheckRatio: text(input.spotCheckRatio, current.spotCheckRatio),
    spotCheckGap: text(input.spotCheckGap, current.spotCheckGap),
    selfEvaluationDueDate: input.selfEvaluationDueDate ?? current.selfEvaluationDueDate,
    monitoringCadence: input.monitoringCadence ?? current.monitoringCadence,
    monitoringDueDay: input.monitoringDueDay ?? current.monitoringDueDay,
    departmentCheckMonth: input.departmentCheckMonth ?? current.departmentCheckMonth,
  };
}

/**
 * 修改绩效管理参数 (DOMAIN §10.7): the tenant's top finance bureau writes a new version of the policy for a
 * year (in force from that year on), based on the version it read; everything out of range is refused
 * with its field and nothing is written; the change is audited with before and after.
 */
export function updatePolicy(ctx: RequestContext, input: UpdatePolicyInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > LAST_YEAR) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'year'],
        msg(
          `年度须在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间`,
          `The year lies between ${FIRST_YEAR} and ${LAST_YEAR}`,
        ),
      );
    }
    // Issue 11 item 1: an omitted setting keeps its value; a setting cannot be cleared (null refused at
    // its field, nothing written) — a tenant always has every threshold (DOMAIN §10.7).
    const cleared = nullsRefused(input, POLICY_SETTINGS);
    if (cleared.length > 0) abort(cleared);
    const current = resolvedFrom(await rowFor(ctx, input.year), input.year);
    const values = merged(current, input);
    const problems = policyProblems(input.year, values);
    if (problems.length > 0) abort(problems, { under: ['input'] });
    if (current.version !== input.expectedVersion) {
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'expectedVersion'],
        msg(
          `该年度参数已是第 ${current.version} 版，请刷新后重试`,
          `The policy for that year is at version ${current.version}; reload and try again`,
        ),
        { reason: 'STALE_VERSION' },
      );
    }
    await addPolicyVersion(ctx, em, current, {
      tenantId: caller.tenantId,
      id: randomUUID(),
      year: input.year,
      ...values,
      reason: input.reason?.trim() ? input.reason.trim() : null,
      createdByUserId: caller.userId,
      createdByOrganizationId: caller.organizationId,
    });
    return { policy: await policyFor(ctx, input.year) };
  });
}
