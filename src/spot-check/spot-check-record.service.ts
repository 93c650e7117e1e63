import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import { money, requireDecimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { guardedUpdate } from '../common/guarded-update';
import { runMutation } from '../common/mutation';
import { abortWith, userError, UserErrorsAbort } from '../common/user-error';
import { EvaluationActualEntity } from '../evaluation/evaluation-actual.entity';
import { insertTransition, ROW_VERSION } from '../evaluation/evaluation.repository';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { EvaluationKind, EvaluationStatus } from '../evaluation/evaluation.enums';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { spotCheckFlags } from './rules/flags';
import { policyUsed } from '../policy/policy.service';
import { endOfDueDate, scoringPolicyOf } from '../policy/rules/policy';
import { goalIndicators } from '../evaluation/self-evaluation.service';
import { scoreContent, storedContent, storedLines } from '../evaluation/self-scoring';
import { ProjectEntity } from '../funds/project.entity';
import type { RecordSpotCheckInput } from './dto/spot-check.inputs';
import { checkContent } from './spot-check-content';
import { SpotCheckItemEntity } from './spot-check-item.entity';
import { checkItem, spotCheckMeanings } from './spot-check.repository';
import { checkerKindVerdict, decideRecordCheck, type CheckFacts } from './rules/check-decision';
import { enforce } from '../common/decision';
import type { EntityManager } from 'typeorm';
import { SpotCheckItemStatus, type SpotCheckFlag } from './spot-check.enums';
import { spotCheckLoadersOf } from './spot-check.loaders';

const notFound = (): never =>
  abortWith(ErrorCode.NOT_FOUND, ['input', 'itemId'], msg('未找到该抽查对象', 'Spot-check item not found'));

/**
 * 录入抽查复核 (DOMAIN §12; P7, 002 第十七条): a drawn, PENDING item is re-scored as a SPOT_CHECK
 * evaluation of its self-evaluation — the checker's actuals and money, scored by the engine with the
 * goal's indicators and the self-evaluation's category points — by finance or a department that sees
 * the sample, never by the self-evaluator or the implementing unit (P7, FORBIDDEN, nothing written).
 * The check is stored submitted (frozen, P8) with its lines; the item becomes CHECKED once, with the
 * engine's flags (SCORE_GAP above the sample's threshold, GRADE_DIFFERS, CHECK_POOR; 003 第二十一条).
 */
export function recordSpotCheck(ctx: RequestContext, input: RecordSpotCheckInput) {
  return runMutation(ctx, spotCheckMeanings, async (em) => {
    const caller = ctx.caller;
    enforce(checkerKindVerdict(caller.organizationKind));
    const loaders = spotCheckLoadersOf(ctx);
    const itemId = idOfType(input.itemId, 'SpotCheckItem');
    const item = (itemId ? await loaders.itemById.load(itemId) : null) ?? notFound();
    const sample = (await loaders.sampleById.load(item.sampleId)) ?? notFound();
    const facts = await checkFacts(ctx, em, item);
    if (item.selfEvaluationId && !facts.self) notFound();
    enforce(decideRecordCheck(facts, caller));
    const self = (await evaluationLoadersOf(ctx).evaluationById.load(item.selfEvaluationId!)) ?? notFound();

    const indicators = await goalIndicators(em, caller.tenantId, self.goalId);
    const selfContent = storedContent(self, [], indicators);
    const content = checkContent(input, indicators, selfContent.categoryPoints);
    // DOMAIN §10.7: the check is scored with the policy the sample was drawn under.
    const policy = await policyUsed(ctx, sample.policyId, sample.year);
    const { score, inputProblems, submissionProblems } = scoreContent(
      indicators,
      content,
      scoringPolicyOf(policy),
    );
    // The checker's notes are optional; every indicator needs an actual and the money must be valid.
    const problems = [
      ...inputProblems,
      ...submissionProblems.filter((p) => p.reason !== 'EXPLANATION_REQUIRED'),
    ];
    if (problems.length > 0) {
      throw new UserErrorsAbort(
        problems.map((p) => userError(ErrorCode.BAD_USER_INPUT, ['input', ...p.field], p.message)),
      );
    }

    const id = randomUUID();
    await em.insert(EvaluationEntity, {
      tenantId: caller.tenantId,
      id,
      goalId: self.goalId,
      kind: EvaluationKind.SPOT_CHECK,
      year: self.year,
      status: EvaluationStatus.DRAFT,
      evaluatorOrganizationId: caller.organizationId,
      spotCheckOfEvaluationId: self.id,
      budgeted: money(input.money.budgeted),
      inPlace: money(input.money.inPlace),
      spent: money(input.money.spent),
      commonPoints: self.commonPoints,
      outputPoints: self.outputPoints,
      benefitPoints: self.benefitPoints,
      satisfactionPoints: self.satisfactionPoints,
      regionPath: '',
    });
    await insertTransition(em, caller, id, 'CREATE', EvaluationStatus.DRAFT, EvaluationStatus.DRAFT);
    const lines = new Map(score.lines.map((l) => [l.key, l]));
    await em.insert(
      EvaluationActualEntity,
      content.actuals.map((a) => ({
        tenantId: caller.tenantId,
        id: randomUUID(),
        evaluationId: id,
        indicatorId: a.indicatorId,
        actual: a.actual ? a.actual.toFixed() : null,
        tier: (a.tier ?? null) as EvaluationActualEntity['tier'],
        percentage: a.percentage ? a.percentage.toFixed(2) : null,
        explanation: a.explanation ?? null,
        targetSetTooLow: a.targetSetTooLow ?? false,
        score: lines.get(a.indicatorId)?.score.toFixed(2) ?? null,
        rule: lines.get(a.indicatorId)?.rule ?? null,
        flags: [...(lines.get(a.indicatorId)?.flags ?? [])],
      })),
    );
    await guardedUpdate(
      em,
      EvaluationEntity,
      { tenantId: caller.tenantId, id },
      1,
      {
        status: EvaluationStatus.SUBMITTED,
        total: score.total.toFixed(2),
        grade: score.grade,
        scoreLines: storedLines(score),
        submittedAt: new Date(),
        policyId: policy.id,
      },
      ROW_VERSION,
    );
    await insertTransition(em, caller, id, 'SUBMIT', EvaluationStatus.DRAFT, EvaluationStatus.SUBMITTED);

    const { flags } = spotCheckFlags(
      {
        id: item.id,
        regionId: item.regionId,
        selfSubmittedAt: self.submittedAt,
        // DOMAIN §12: "by the deadline" is the tenant's self-evaluation due date recorded on the sample, not
        // the draw; it concerns self-evaluations only, not a sampled department evaluation (部门评价).
        deadline:
          self.kind !== EvaluationKind.SELF && self.submittedAt
            ? self.submittedAt
            : sample.selfEvaluationDueDate
              ? endOfDueDate(sample.selfEvaluationDueDate)
              : sample.drawnAt,
        selfTotal: self.total == null ? null : requireDecimal(self.total),
        selfGrade: self.grade,
        checkTotal: score.total,
        checkGrade: score.grade,
      },
      requireDecimal(sample.scoreGapThreshold),
    );
    const check = await em.findOneByOrFail(EvaluationEntity, { tenantId: caller.tenantId, id });
    await recordAudit(em, caller, {
      entityType: 'Evaluation',
      entityId: id,
      action: 'SPOT_CHECK',
      regionPath: check.regionPath,
      after: { ...check, actuals: content.actuals },
    });
    const checked = await checkItem(ctx, em, item, input.expectedVersion, {
      status: SpotCheckItemStatus.CHECKED,
      flags: flags as SpotCheckFlag[],
      checkEvaluationId: id,
      checkedByUserId: caller.userId,
      checkedAt: new Date(),
    });
    return { item: checked };
  });
}

/** What `decideRecordCheck` needs of an item: its self-evaluation and the project's implementing unit. */
export async function checkFacts(
  ctx: RequestContext,
  em: EntityManager,
  item: SpotCheckItemEntity,
): Promise<CheckFacts> {
  const self = item.selfEvaluationId
    ? await evaluationLoadersOf(ctx).evaluationById.load(item.selfEvaluationId)
    : null;
  const goal = self ? await ctx.loaders.goalById.load(self.goalId) : null;
  const project = goal?.projectId
    ? await em.findOneBy(ProjectEntity, { tenantId: item.tenantId, id: goal.projectId })
    : null;
  return {
    position: item.position,
    sampled: item.sampled,
    status: item.status,
    self: self
      ? { evaluatorOrganizationId: self.evaluatorOrganizationId, status: self.status, kind: self.kind }
      : null,
    implementingUnitId: project?.implementingUnitId ?? null,
  };
}
