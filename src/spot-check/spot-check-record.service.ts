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
import { insertTransition, refuse, ROW_VERSION } from '../evaluation/evaluation-support';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { EvaluationKind, EvaluationStatus } from '../evaluation/evaluation.enums';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { spotCheckFlags } from './rules/flags';
import { policyUsed } from '../policy/policy.service';
import { endOfDueDate, scoringPolicyOf } from '../policy/rules/policy';
import { goalIndicators } from '../evaluation/self-evaluation.service';
import { scoreContent, storedContent, storedLines } from '../evaluation/self-scoring';
import { ProjectEntity } from '../funds/project.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import type { RecordSpotCheckInput } from './dto/spot-check.inputs';
import { checkContent } from './spot-check-content';
import { SpotCheckItemEntity } from './spot-check-item.entity';
import { spotCheckMeanings } from './spot-check-support';
import { SpotCheckItemStatus, type SpotCheckFlag } from './spot-check.enums';
import { spotCheckLoadersOf } from './spot-check.loaders';

const p7 = msg(
  '抽查复核人不能是被抽查自评的填报单位或项目实施单位（委托人和项目实施主体相分离）',
  'A spot-checker is never the self-evaluator or the implementing unit of what it checks (P7)',
);

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
    if (caller.organizationKind === OrganizationKind.IMPLEMENTING_UNIT)
      refuse(ErrorCode.FORBIDDEN, ['input', 'itemId'], p7, 'P7');
    const loaders = spotCheckLoadersOf(ctx);
    const itemId = idOfType(input.itemId, 'SpotCheckItem');
    const item = (itemId ? await loaders.itemById.load(itemId) : null) ?? notFound();
    const sample = (await loaders.sampleById.load(item.sampleId)) ?? notFound();
    if (!item.sampled || !item.selfEvaluationId) {
      refuse(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'itemId'],
        msg('该目标没有已提交的单位自评，无可复核', 'The goal has no submitted self-evaluation to re-score'),
      );
    }
    if (item.status !== SpotCheckItemStatus.PENDING) {
      refuse(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'itemId'],
        msg('该抽查对象已复核，不能再次录入', 'The item has already been checked'),
      );
    }
    const self = (await evaluationLoadersOf(ctx).evaluationById.load(item.selfEvaluationId)) ?? notFound();
    const goal = await ctx.loaders.goalById.load(self.goalId);
    const project = goal?.projectId
      ? await em.findOneBy(ProjectEntity, { tenantId: caller.tenantId, id: goal.projectId })
      : null;
    if (
      caller.organizationId === self.evaluatorOrganizationId ||
      caller.organizationId === project?.implementingUnitId
    ) {
      refuse(ErrorCode.FORBIDDEN, ['input', 'itemId'], p7, 'P7');
    }
    const open = self.status === EvaluationStatus.DRAFT || self.status === EvaluationStatus.RETURNED;
    const settled =
      self.kind === EvaluationKind.SELF
        ? self.status === EvaluationStatus.SUBMITTED || self.status === EvaluationStatus.REVIEWED
        : !open; // 部门评价 (002 第二十八条(二)): any state past its draft
    if (!settled) {
      refuse(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'itemId'],
        msg(
          `被抽查的自评已被退回（${self.status}），须待重新提交后复核`,
          `The sampled self-evaluation was returned (${self.status}); re-score it once resubmitted`,
        ),
      );
    }

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
    await guardedUpdate(
      em,
      SpotCheckItemEntity,
      item,
      input.expectedVersion,
      {
        status: SpotCheckItemStatus.CHECKED,
        flags: flags as SpotCheckFlag[],
        checkEvaluationId: id,
        checkedByUserId: caller.userId,
        checkedAt: new Date(),
      },
      ROW_VERSION,
    );
    const check = await em.findOneByOrFail(EvaluationEntity, { tenantId: caller.tenantId, id });
    const checked = await em.findOneByOrFail(SpotCheckItemEntity, { tenantId: caller.tenantId, id: item.id });
    await recordAudit(em, caller, {
      entityType: 'Evaluation',
      entityId: id,
      action: 'SPOT_CHECK',
      regionPath: check.regionPath,
      after: { ...check, actuals: content.actuals },
    });
    await recordAudit(em, caller, {
      entityType: 'SpotCheckItem',
      entityId: item.id,
      action: 'CHECK',
      regionPath: item.regionPath,
      before: item,
      after: checked,
    });
    loaders.itemById.clear(item.id).prime(item.id, checked);
    loaders.itemsBySampleId.clear(item.sampleId);
    return { item: checked };
  });
}
