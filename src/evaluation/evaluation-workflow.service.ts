import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import type { EvaluationActionInput, ReviewEvaluationInput } from './dto/evaluation.inputs';
import { EvaluationActualEntity } from './evaluation-actual.entity';
import type { EvaluationEntity } from './evaluation.entity';
import { enforce } from '../common/decision';
import { decideEvaluation } from './rules/evaluation-decision';
import { frameworkSubmissionCheck, selfSubmissionCheck } from './submission-problems';
import { meanings } from './evaluation.errors';
import { storeLineScores, submittedColumns, updateEvaluation } from './evaluation.repository';
import { text } from './rules/evaluation-guards';
import { visibleEvaluation } from './evaluation.query';
import { EvaluationAction, EvaluationKind, EvaluationStatus, ReviewDecision } from './evaluation.enums';
import { contentSnapshot, requireFramework } from './framework-evaluation.service';
import { policyFor } from '../policy/policy.service';
import { townshipFinanceStep } from '../rollup/compile-finance.service';
import { goalIndicators } from './evaluation.query';
import { ownSelfEvaluation } from './self-evaluation.service';
import { storedLines } from './self-scoring';
import { refusal } from '../common/refusal';

/**
 * 提交评价 (DOMAIN §10, P8): a self-evaluation is scored by the engine and awaits review; a department or
 * finance evaluation is scored from its framework and is final. Either is frozen once submitted.
 */
export function submitEvaluation(ctx: RequestContext, input: EvaluationActionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await visibleEvaluation(ctx, input.id);
    return current.kind === EvaluationKind.SELF
      ? submitSelfEvaluation(ctx, em, input)
      : submitFrameworkEvaluation(ctx, em, input);
  });
}

/**
 * 提交自评 (DOMAIN §10.5–7; P8): the engine scores the stored content; every submission problem (an
 * indicator without an actual, a missing explanation, money not reported) is listed as a
 * WORKFLOW_VIOLATION and nothing changes. Otherwise each line's score, rule and flags, the total and
 * the grade are stored and the evaluation is frozen.
 */
async function submitSelfEvaluation(ctx: RequestContext, em: EntityManager, input: EvaluationActionInput) {
  const caller = ctx.caller;
  const current = await ownSelfEvaluation(ctx, input.id);
  const indicators = await goalIndicators(em, caller.tenantId, current.goalId);
  const rows = await em.findBy(EvaluationActualEntity, {
    tenantId: caller.tenantId,
    evaluationId: current.id,
  });
  const policy = await policyFor(ctx, current.year); // DOMAIN §10.7: the tenant policy of the year
  // One decision with availableActions (issue 11 item 2): P4, P8, then every problem of the stored content.
  const { scored, problems } = selfSubmissionCheck(current, indicators, rows, policy);
  enforce(decideEvaluation(current, caller, EvaluationAction.SUBMIT, { submitProblems: problems }));
  const score = scored.score;
  await storeLineScores(em, caller.tenantId, rows, score);
  return markSubmitted(ctx, em, current, input.expectedVersion, {
    ...submittedColumns(score, policy.id),
    scoreLines: storedLines(score),
  });
}

/**
 * 审核自评 (DOMAIN §10; 003 转移支付 第二十三条): the level above — the project's competent department —
 * accepts a submitted self-evaluation (REVIEWED) or returns it with a comment (RETURNED, editable again).
 */
export function reviewEvaluation(ctx: RequestContext, input: ReviewEvaluationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleEvaluation(ctx, input.id);
    // The same decision as availableActions' APPROVE/RETURN (P4 the level above, the township finance
    // step of 003 转移支付 第二十三条, SUBMITTED only).
    const townshipFinance =
      current.kind === EvaluationKind.SELF && current.status === EvaluationStatus.SUBMITTED
        ? await townshipFinanceStep(em, current)
        : null;
    const action =
      input.decision === ReviewDecision.APPROVE ? EvaluationAction.APPROVE : EvaluationAction.RETURN;
    enforce(decideEvaluation(current, caller, action, { townshipFinance }));
    const comment = text(input.comment);
    if (input.decision === ReviewDecision.RETURN && !comment) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'comment'],
        msg('退回须填写意见', 'A return needs a comment'),
      );
    }
    const to =
      input.decision === ReviewDecision.APPROVE ? EvaluationStatus.REVIEWED : EvaluationStatus.RETURNED;
    return updateEvaluation(
      ctx,
      em,
      current,
      input.expectedVersion,
      { status: to, reviewedAt: new Date() },
      {
        action: input.decision,
        before: current,
        step: { action: input.decision, from: current.status, to, comment },
        after: (evaluation) => ({ ...evaluation, comment }),
      },
    );
  });
}

/**
 * 提交部门/财政评价 (DOMAIN §10; 002 第二十七条): every framework indicator scored, the points rules of
 * 002 第二十一条(二), and every section of the report outline but 其他需要说明的问题 written; the total is
 * the sum of the scores, graded by 002 第二十五条. The evaluation is then final and frozen (P8).
 */
async function submitFrameworkEvaluation(
  ctx: RequestContext,
  em: EntityManager,
  input: EvaluationActionInput,
) {
  const current = await visibleEvaluation(ctx, input.id);
  requireFramework(current);
  const { indicators, sections } = await contentSnapshot(em, current);
  const policy = await policyFor(ctx, current.year); // DOMAIN §10.7: the year's grade bands
  // One decision with availableActions (issue 11 item 2): P7 editor, P8, then every content problem.
  const { score, problems } = frameworkSubmissionCheck(current, indicators, sections, policy);
  enforce(decideEvaluation(current, ctx.caller, EvaluationAction.SUBMIT, { submitProblems: problems }));
  return markSubmitted(ctx, em, current, input.expectedVersion, {
    ...submittedColumns(score, policy.id),
    // A preliminary result (初步结论) awaits a fresh response (交换意见, 002 第二十六条(二)6).
    responseDecision: null,
    responseText: null,
    respondedAt: null,
    respondedByOrganizationId: null,
  });
}

/** Stores a submission (P8: SUBMITTED, frozen) with its scored columns, one SUBMIT step in the history. */
function markSubmitted(
  ctx: RequestContext,
  em: EntityManager,
  current: EvaluationEntity,
  expectedVersion: number,
  columns: QueryDeepPartialEntity<EvaluationEntity>,
) {
  return updateEvaluation(
    ctx,
    em,
    current,
    expectedVersion,
    { status: EvaluationStatus.SUBMITTED, ...columns },
    {
      action: 'SUBMIT',
      before: current,
      step: { action: 'SUBMIT', from: current.status, to: EvaluationStatus.SUBMITTED },
    },
  );
}
