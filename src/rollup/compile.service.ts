import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { money } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { runMutation, Validation } from '../common/mutation';
import { abort, refusal } from '../common/refusal';
import { actualsOf } from '../evaluation/actuals-input';
import { EvaluationActualEntity } from '../evaluation/evaluation-actual.entity';
import {
  type EvaluationChange,
  insertEvaluation,
  insertScoredActuals,
  submittedColumns,
  updateEvaluation,
} from '../evaluation/evaluation.repository';
import { meanings } from '../evaluation/evaluation.errors';
import { requireGoalInForce } from '../evaluation/rules/evaluation-guards';
import { visibleGoal } from '../evaluation/evaluation.query';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { EvaluationKind, EvaluationStatus } from '../evaluation/evaluation.enums';
import { type IndicatorActual } from '../evaluation/rules/scoring-types';
import { goalIndicators } from '../evaluation/self-evaluation.service';
import { scoreContent, storedLines } from '../evaluation/self-scoring';
import { FundEntity } from '../funds/fund.entity';
import { scoringCategoryPoints } from '../goals/goal-category-points';
import type { GoalEntity } from '../goals/goal.entity';
import { GoalScope } from '../goals/goal.enums';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { counterpartIdOf } from '../hierarchy/counterpart.service';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type { CompileRollUpInput } from './compile.inputs';
import { rollUpLoadersOf } from './rollup.loaders';
import { policyFor } from '../policy/policy.service';
import { dueDatePassed, scoringPolicyOf } from '../policy/rules/policy';
import { compileFieldPaths } from './rules/compile-fields';

/** What the compiled result states of its coverage (DOMAIN §11): counted of all, the money share, who is missing. */
function coverageNote(basis: string, counted: number, total: number, share: string, missing: string[]) {
  const gap =
    counted < total
      ? `；缺报 ${total - counted} 个（不计为 0 分）${missing.length ? `：${missing.join('、')}` : ''}`
      : '';
  return `汇总口径 ${basis}；覆盖 ${counted}/${total}，资金 ${share}%${gap}`;
}

/**
 * Who compiles a transfer goal's result and who reviews it (DOMAIN §11, P4; 003 转移支付 第二十三条):
 * a regional result by the township's counterpart of the fund's department (DOMAIN §3), reviewed by the fund's
 * department; the overall result by the fund's department, submitted to finance at the fund's level.
 */
async function compilerAndReviewer(em: EntityManager, goal: GoalEntity) {
  const tenantId = goal.tenantId;
  const fund = await em.findOneByOrFail(FundEntity, { tenantId, id: goal.fundId ?? '' });
  if (goal.scope === GoalScope.TRANSFER_OVERALL) {
    const finance = await em.findOneBy(OrganizationEntity, {
      tenantId,
      regionId: fund.regionId,
      kind: OrganizationKind.FINANCE_BUREAU,
    });
    return { compilerId: fund.organizationId, reviewerId: finance?.id ?? null };
  }
  // DOMAIN §3: the region's counterpart of the fund's department, from the explicit mapping.
  const compilerId = await counterpartIdOf(em, tenantId, fund.organizationId, goal.regionId);
  return { compilerId, reviewerId: fund.organizationId };
}

const p4 = msg(
  '分区域结果由乡镇（区域）对口业务主管部门汇总确认，整体结果由资金主管部门汇总后报财政部门（P4）',
  'A regional result is compiled by the region’s counterpart of the fund’s department, the overall result by the fund’s department (P4)',
);

/**
 * 汇总确认 (DOMAIN §11; 003 转移支付 第二十三条): the live roll-up of a regional or overall transfer goal
 * becomes its submitted self-evaluation — combined actuals for linked indicators, the compiler's own
 * entries (qualitative tiers, explanations) for the rest, money summed, scored by the same engine — and
 * goes to the level above for review (a regional result first to the township finance office,
 * compile-finance.service.ts). Before the tenant's self-evaluation due date only a complete roll-up is
 * compiled; after it, missing children stay missing and the coverage is stated (DOMAIN §11). A returned
 * compilation is compiled again.
 */
export function compileRollUp(ctx: RequestContext, input: CompileRollUpInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const goal = await visibleGoal(ctx, input.goalId);
    if (goal.scope !== GoalScope.TRANSFER_REGIONAL && goal.scope !== GoalScope.TRANSFER_OVERALL) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg(
          '只有转移支付分区域和整体绩效目标的结果由下级汇总形成',
          'Only regional and overall transfer goals are compiled from their children',
        ),
        { reason: 'NOT_COMPILED_SCOPE' },
      );
    }
    requireGoalInForce(goal);
    const { compilerId, reviewerId } = await compilerAndReviewer(em, goal);
    if (compilerId !== caller.organizationId) throw refusal.forbidden('P4', p4, ['input', 'goalId']);
    const existing = await em.findOneBy(EvaluationEntity, {
      tenantId: caller.tenantId,
      goalId: goal.id,
      kind: EvaluationKind.SELF,
    });
    if (existing && existing.status !== EvaluationStatus.RETURNED) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg(
          `该目标的结果已汇总（状态 ${existing.status}），退回后方可重新汇总`,
          `This goal’s result is already compiled (${existing.status}); it is compiled again only after a return`,
        ),
        { principle: 'P8', reason: 'ALREADY_COMPILED' },
      );
    }
    const loaders = rollUpLoadersOf(ctx);
    const node = await loaders.rollUpNode.load(loaders.key(input.basis, goal.id));
    if (!node) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg('该目标没有已下达的下级目标，无可汇总', 'The goal has no children in force to compile'),
        { reason: 'NO_CHILDREN' },
      );
    }
    const c = node.result.coverage;
    const share = c.moneyShare.times(100).toFixed(2);
    // DOMAIN §11; §10.7: before the tenant's self-evaluation due date only a complete roll-up compiles;
    // after it, one with children missing — listed as missing (never 0), the coverage stated.
    const policy = await policyFor(ctx, goal.year);
    const due = policy.selfEvaluationDueDate;
    if (node.result.provisional && !dueDatePassed(policy, new Date())) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'basis'],
        msg(
          `下级结果尚不完整（已计入 ${c.counted}/${c.total}，资金覆盖 ${share}%），自评截止日期 ${due} 前不能汇总确认`,
          `The children’s results are incomplete (${c.counted} of ${c.total} counted, ${share}% of the money); before the self-evaluation due date ${due} only a complete roll-up is compiled`,
        ),
        { reason: 'ROLLUP_INCOMPLETE' },
      );
    }
    if (c.counted === 0) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'basis'],
        msg(
          `下级结果均未计入（已计入 0/${c.total}），无可汇总`,
          `No child result is counted (0 of ${c.total} counted, ${share}% of the money): nothing to compile`,
        ),
        { reason: 'NOTHING_COUNTED' },
      );
    }
    const missing = node.result.children.filter((ch) => !ch.counted).map((ch) => ch.name);
    const indicators = await goalIndicators(em, caller.tenantId, goal.id);
    const v = new Validation();
    const entered = actualsOf(
      v,
      input.entries,
      indicators,
      msg('该指标不属于此绩效目标', 'The indicator is not one of this goal’s'),
      ['input', 'entries'],
    );
    v.check();
    const entries = new Map(entered.map((e) => [e.indicatorId, e]));
    const combined = new Map(
      node.result.actuals.flatMap((a) => (a.combined ? [[a.indicatorId, a.combined.value] as const] : [])),
    );
    const actuals: IndicatorActual[] = indicators.map((i) => {
      const e = entries.get(i.id);
      return {
        indicatorId: i.id,
        actual: combined.get(i.id) ?? e?.actual ?? null,
        tier: e?.tier ?? null,
        percentage: e?.percentage ?? null,
        explanation: e?.explanation ?? null,
        targetSetTooLow: e?.targetSetTooLow ?? null,
      };
    });
    const sums = node.result.money;
    const scored = scoreContent(
      indicators,
      {
        money: sums,
        fundArrivalExplanation: input.fundArrivalExplanation ?? null,
        budgetExecutionExplanation: input.budgetExecutionExplanation ?? null,
        categoryPoints: scoringCategoryPoints(goal), // DOMAIN §10.1: the goal's own (null: the defaults)
        actuals,
      },
      scoringPolicyOf(policy),
    );
    const blocking = compileFieldPaths(
      [...scored.inputProblems, ...scored.submissionProblems],
      actuals.map((a) => a.indicatorId),
      entered.map((e) => e.indicatorId),
    );
    if (blocking.length > 0) abort(blocking, { code: ErrorCode.WORKFLOW_VIOLATION });

    const content = {
      budgeted: money(sums.budgeted),
      inPlace: money(sums.inPlace),
      spent: money(sums.spent),
      fundArrivalExplanation: input.fundArrivalExplanation ?? null,
      budgetExecutionExplanation: input.budgetExecutionExplanation ?? null,
      commonPoints: goal.commonPoints,
      outputPoints: goal.outputPoints,
      benefitPoints: goal.benefitPoints,
      satisfactionPoints: goal.satisfactionPoints,
    };
    const id = existing?.id ?? randomUUID();
    // One write through the evaluation's writer (issue 10 item 2): row, actuals, CREATE/SUBMIT history, one
    // COMPILE audit event with the coverage.
    const change = {
      action: 'COMPILE',
      children: async () => {
        if (existing)
          await em.delete(EvaluationActualEntity, { tenantId: caller.tenantId, evaluationId: existing.id });
        await insertScoredActuals(em, caller.tenantId, id, actuals, scored.score);
      },
      submit: {
        columns: {
          ...submittedColumns(scored.score, policy.id),
          scoreLines: storedLines(scored.score),
        },
        step: {
          action: 'SUBMIT',
          from: existing?.status ?? EvaluationStatus.DRAFT,
          to: EvaluationStatus.SUBMITTED,
          comment: coverageNote(input.basis, c.counted, c.total, share, missing),
        },
      },
      after: (evaluation: EvaluationEntity) => ({
        ...evaluation,
        basis: input.basis,
        coverage: { counted: c.counted, total: c.total, moneyShare: share, missing },
        policy: { id: policy.id, version: policy.version, dueDate: due },
      }),
    } satisfies EvaluationChange;
    if (existing) return updateEvaluation(ctx, em, existing, existing.rowVersion, content, change);
    return insertEvaluation(
      ctx,
      em,
      {
        id,
        goalId: goal.id,
        kind: EvaluationKind.SELF,
        year: goal.year,
        evaluatorOrganizationId: caller.organizationId,
        reviewerOrganizationId: reviewerId,
        ...content,
      },
      change,
    );
  });
}
