import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import { Decimal } from '../common/decimal';
import { policyFor } from '../policy/policy.service';
import { dueDatePassed, endOfDueDate } from '../policy/rules/policy';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import type { DrawSpotCheckSampleInput } from './dto/spot-check.inputs';
import { DEFAULT_MINIMUM, drawPlanProblems, drawWithMinimum, newSeed } from './rules/draw-plan';
import { drawCandidates, goalsMissingSelfEvaluation } from './spot-check-candidates';
import { currentYearInChina } from './rules/calendar';
import { jurisdictionRegion, regionNotFound } from './spot-check.query';
import { insertSample, spotCheckMeanings } from './spot-check.repository';
import { SpotCheckFlag, SpotCheckItemStatus } from './spot-check.enums';
import { abort, refusal } from '../common/refusal';

/**
 * 抽取抽查样本 (DOMAIN §12; 003 第二十一条, 转移支付 第二十四条). Finance draws over every submitted
 * (SUBMITTED or REVIEWED) SELF evaluation of the year in its jurisdiction — its subtree, or the `within`
 * region inside it; a competent department only over the goals of its own funds. The engine's reproducible
 * draw picks ⌈ratio × n⌉, at least `minimum`; the seed is recorded (generated when absent).
 *
 * "No self-evaluation by the deadline" (DOMAIN §12): the deadline is the tenant's self-evaluation due date of
 * the year (tenant policy, §10.7), not the moment of the draw. A sample drawn after it also lists, flagged
 * MISSING_SELF_EVALUATION, every issued PROJECT / TRANSFER_PROJECT goal of the year in the jurisdiction with
 * no self-evaluation submitted by it (and not drawn); one drawn before it lists none. Candidates include
 * department evaluations (002 第二十八条(二)). Ratio and gap default to the policy's; the sample names it.
 * The sample and its items are written with one audit event in one transaction.
 */
export function drawSpotCheckSample(ctx: RequestContext, input: DrawSpotCheckSampleInput) {
  return runMutation(ctx, spotCheckMeanings, async (em) => {
    const caller = ctx.caller;
    if (
      caller.organizationKind !== OrganizationKind.FINANCE_BUREAU &&
      caller.organizationKind !== OrganizationKind.COMPETENT_DEPARTMENT
    ) {
      throw refusal(
        ErrorCode.FORBIDDEN,
        ['input'],
        msg(
          '只有财政部门或业务主管部门可以抽查复核',
          'Only finance or a competent department draws spot checks',
        ),
        { principle: 'P6' },
      );
    }
    const currentYear = currentYearInChina();
    // DOMAIN §10.7, §12: the ratio, gap and due date come from the tenant policy of the year.
    const policy = await policyFor(ctx, input.year);
    const plan = {
      year: input.year,
      ratio: input.ratio ?? new Decimal(policy.spotCheckRatio),
      minimum: input.minimum ?? DEFAULT_MINIMUM,
      seed: input.seed ?? newSeed(),
      currentYear,
    };
    const problems = drawPlanProblems(plan);
    if (problems.length > 0) abort(problems, { under: ['input'] });
    const region = await jurisdictionRegion(ctx, input.within);
    if (!region) throw refusal(ErrorCode.NOT_FOUND, ['input', 'within'], regionNotFound);
    const jurisdiction = { year: plan.year, regionPath: region.path };
    const candidates = await drawCandidates(ctx, jurisdiction);
    const drawn = drawWithMinimum(candidates, plan.seed, plan.ratio, plan.minimum);
    const deadlinePassed = dueDatePassed(policy, new Date());
    const dueEnd = endOfDueDate(policy.selfEvaluationDueDate);
    const drawnGoals = drawn.map((e) => e.goalId);
    const missing = deadlinePassed
      ? await goalsMissingSelfEvaluation(ctx, jurisdiction, dueEnd, drawnGoals)
      : [];
    if (drawn.length === 0 && missing.length === 0) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'year'],
        msg(
          `${plan.year} 年度在该范围内没有已提交的单位自评，也没有未自评的已下达项目目标，无可抽查`,
          `No submitted self-evaluation and no issued project goal without one for ${plan.year} in this jurisdiction: nothing to draw`,
        ),
      );
    }

    const id = randomUUID();
    const sampleRow = {
      tenantId: caller.tenantId,
      id,
      year: plan.year,
      ratio: plan.ratio.toFixed(4),
      minimum: plan.minimum,
      seed: plan.seed,
      candidateCount: candidates.length,
      sampledCount: drawn.length,
      missingCount: missing.length,
      scoreGapThreshold: new Decimal(policy.spotCheckGap).toFixed(2),
      deadlinePassed,
      selfEvaluationDueDate: policy.selfEvaluationDueDate,
      policyId: policy.id,
      regionId: region.id,
      regionPath: region.path,
      drawnByUserId: caller.userId,
      drawnByOrganizationId: caller.organizationId,
    };
    const items = [
      ...drawn.map((e, k) => ({
        tenantId: caller.tenantId,
        id: randomUUID(),
        sampleId: id,
        position: k + 1,
        goalId: e.goalId,
        selfEvaluationId: e.id,
        sampled: true,
        regionId: e.regionId,
        regionPath: '',
        status: SpotCheckItemStatus.PENDING,
        flags: [],
        checkedAt: null,
      })),
      ...missing.map((g, k) => ({
        tenantId: caller.tenantId,
        id: randomUUID(),
        sampleId: id,
        position: drawn.length + k + 1,
        goalId: g.id,
        selfEvaluationId: null,
        sampled: false,
        regionId: g.regionId,
        regionPath: '',
        status: SpotCheckItemStatus.CHECKED,
        flags: [SpotCheckFlag.MISSING_SELF_EVALUATION],
        checkedAt: new Date(),
      })),
    ];
    const sample = await insertSample(ctx, em, sampleRow, items);
    return { sample };
  });
}
