import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { money, requireDecimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation } from '../common/mutation';
import { insertEvaluation, insertScoredActuals, submittedColumns } from '../evaluation/evaluation.repository';
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
import { abort, refusal } from '../common/refusal';

const notFound = (): never => {
  throw refusal(
    ErrorCode.NOT_FOUND,
    ['input', 'itemId'],
    msg('未找到该抽查对象', 'Spot-check item not found'),
  );
};

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
      abort(problems, { under: ['input'], code: ErrorCode.BAD_USER_INPUT });
    }

    const id = randomUUID();
    // One write through the evaluation's writer (issue 10 item 2; DOMAIN §15): the check row, its scored
    // actuals, its CREATE and SUBMIT steps and one SPOT_CHECK audit event, in this transaction.
    await insertEvaluation(
      ctx,
      em,
      {
        id,
        goalId: self.goalId,
        kind: EvaluationKind.SPOT_CHECK,
        year: self.year,
        evaluatorOrganizationId: caller.organizationId,
        spotCheckOfEvaluationId: self.id,
        budgeted: money(input.money.budgeted),
        inPlace: money(input.money.inPlace),
        spent: money(input.money.spent),
        commonPoints: self.commonPoints,
        outputPoints: self.outputPoints,
        benefitPoints: self.benefitPoints,
        satisfactionPoints: self.satisfactionPoints,
      },
      {
        action: 'SPOT_CHECK',
        children: () => insertScoredActuals(em, caller.tenantId, id, content.actuals, score),
        submit: {
          columns: {
            ...submittedColumns(score, policy.id),
            scoreLines: storedLines(score),
          },
          step: { action: 'SUBMIT', from: EvaluationStatus.DRAFT, to: EvaluationStatus.SUBMITTED },
        },
        after: (written) => ({ ...written, actuals: content.actuals }),
      },
    );

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
