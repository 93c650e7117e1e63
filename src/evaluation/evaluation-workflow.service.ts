import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { guardedUpdate } from '../common/guarded-update';
import { runMutation } from '../common/mutation';
import type { Problem } from '../common/problem';
import type { EvaluationActionInput, ReviewEvaluationInput } from './dto/evaluation.inputs';
import { EvaluationActualEntity } from './evaluation-actual.entity';
import {
  meanings,
  problemsAbort,
  recordEvaluationChange,
  refuse,
  requireEditable,
  ROW_VERSION,
  text,
  visibleEvaluation,
} from './evaluation-support';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationKind, EvaluationStatus, ReviewDecision } from './evaluation.enums';
import { lineOfRow } from './framework-content';
import { contentSnapshot, requireEditor, requireFramework } from './framework-evaluation.service';
import { scoreFramework } from './rules/framework';
import { policyFor } from '../policy/policy.service';
import { requireTownshipFinanceStep } from '../rollup/compile-finance.service';
import { gradeBandsOf, scoringPolicyOf } from '../policy/rules/policy';
import { checkReportSections } from './rules/report-outline';
import { rectificationThresholdOf, selfSubmitBlock } from './self-form';
import { goalIndicators, ownSelfEvaluation } from './self-evaluation.service';
import { scoreContent, storedContent, storedLines } from './self-scoring';

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
  requireEditable(current);
  const indicators = await goalIndicators(em, caller.tenantId, current.goalId);
  const rows = await em.findBy(EvaluationActualEntity, {
    tenantId: caller.tenantId,
    evaluationId: current.id,
  });
  const policy = await policyFor(ctx, current.year); // DOMAIN §10.7: the tenant policy of the year
  const { score, inputProblems, submissionProblems } = scoreContent(
    indicators,
    storedContent(current, rows, indicators),
    scoringPolicyOf(policy),
  );
  // DOMAIN §10.8, 002 第二十八条(一): low execution or a POOR grade needs 整改措施.
  const block = selfSubmitBlock(current, score.grade, rectificationThresholdOf(policy));
  const problems: Problem[] = [...inputProblems, ...submissionProblems, ...(block ? [block] : [])];
  if (problems.length > 0) problemsAbort(problems, ErrorCode.WORKFLOW_VIOLATION);
  const byIndicator = new Map(score.lines.map((l) => [l.key, l]));
  for (const row of rows) {
    const line = byIndicator.get(row.indicatorId);
    if (!line) continue;
    await em.update(
      EvaluationActualEntity,
      { tenantId: caller.tenantId, id: row.id },
      { score: line.score.toFixed(2), rule: line.rule, flags: [...line.flags] },
    );
  }
  await guardedUpdate(
    em,
    EvaluationEntity,
    current,
    input.expectedVersion,
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
  return recordEvaluationChange(ctx, em, current.id, {
    action: 'SUBMIT',
    before: current,
    step: { action: 'SUBMIT', from: current.status, to: EvaluationStatus.SUBMITTED },
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
    if (current.kind !== EvaluationKind.SELF || current.reviewerOrganizationId !== caller.organizationId) {
      refuse(
        ErrorCode.FORBIDDEN,
        ['input', 'id'],
        msg(
          '单位自评由项目主管部门审核（上一级审核），其他单位不能审核',
          'A self-evaluation is reviewed by the project’s competent department (the level above) only',
        ),
        'P4',
      );
    }
    await requireTownshipFinanceStep(em, current); // 003 转移支付 第二十三条: township finance first
    if (current.status !== EvaluationStatus.SUBMITTED) {
      refuse(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'id'],
        msg(
          `只有已提交的自评可以审核（当前 ${current.status}）`,
          `Only a SUBMITTED evaluation is reviewed (it is ${current.status})`,
        ),
      );
    }
    const comment = text(input.comment);
    if (input.decision === ReviewDecision.RETURN && !comment) {
      refuse(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'comment'],
        msg('退回须填写意见', 'A return needs a comment'),
      );
    }
    const to =
      input.decision === ReviewDecision.APPROVE ? EvaluationStatus.REVIEWED : EvaluationStatus.RETURNED;
    await guardedUpdate(
      em,
      EvaluationEntity,
      current,
      input.expectedVersion,
      { status: to, reviewedAt: new Date() },
      ROW_VERSION,
    );
    return recordEvaluationChange(ctx, em, current.id, {
      action: input.decision,
      before: current,
      step: { action: input.decision, from: current.status, to, comment },
      after: (evaluation) => ({ ...evaluation, comment }),
    });
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
  requireEditor(ctx, current);
  requireEditable(current);
  const { indicators, sections } = await contentSnapshot(em, current);
  const policy = await policyFor(ctx, current.year); // DOMAIN §10.7: the year's grade bands
  const score = scoreFramework(indicators.map(lineOfRow), gradeBandsOf(policy), current.weightJustification);
  const problems: Problem[] = [
    ...score.inputProblems,
    ...score.completionProblems,
    ...checkReportSections(sections.map((s) => ({ key: s.sectionKey, text: s.body }))),
  ];
  if (indicators.length === 0) {
    problems.push({
      code: ErrorCode.WORKFLOW_VIOLATION,
      field: ['indicators'],
      message: msg('尚未设置评价指标', 'No framework indicators are set yet'),
    });
  }
  if (problems.length > 0) problemsAbort(problems, ErrorCode.WORKFLOW_VIOLATION);
  await guardedUpdate(
    em,
    EvaluationEntity,
    current,
    input.expectedVersion,
    {
      status: EvaluationStatus.SUBMITTED,
      total: score.total.toFixed(2),
      grade: score.grade,
      submittedAt: new Date(),
      policyId: policy.id,
      // A preliminary result (初步结论) awaits a fresh response (交换意见, 002 第二十六条(二)6).
      responseDecision: null,
      responseText: null,
      respondedAt: null,
      respondedByOrganizationId: null,
    },
    ROW_VERSION,
  );
  return recordEvaluationChange(ctx, em, current.id, {
    action: 'SUBMIT',
    before: current,
    step: { action: 'SUBMIT', from: current.status, to: EvaluationStatus.SUBMITTED },
  });
}
