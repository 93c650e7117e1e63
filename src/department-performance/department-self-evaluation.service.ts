import type { RequestContext } from '../common/request-context';
import { p4SelfEvaluator } from '../auth/principles';
import { Decimal } from '../common/decimal';
import { idOfType, toGlobalId } from '../common/global-id';
import { ErrorCode, msg } from '../common/errors';
import { gradeNames, type Grade } from '../common/grade';
import { runMutation } from '../common/mutation';
import { refusal, refusalIn } from '../common/refusal';
import { userErrorsOf } from '../common/user-error';
import type { EvaluationActionInput, SaveEvaluationActualsInput } from '../evaluation/dto/evaluation.inputs';
import { insertEvaluation } from '../evaluation/evaluation.repository';
import { meanings } from '../evaluation/evaluation.errors';
import { requireGoalInForce, text } from '../evaluation/rules/evaluation-guards';
import { visibleEvaluation, visibleGoal } from '../evaluation/evaluation.query';
import { EvaluationKind, ReviewDecision } from '../evaluation/evaluation.enums';
import { reviewEvaluation, submitEvaluation } from '../evaluation/evaluation-workflow.service';
import { EvaluationReportSectionEntity } from '../evaluation/evaluation-report-section.entity';
import { saveEvaluationActuals } from '../evaluation/self-evaluation-save.service';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { GoalScope, ReviewRole } from '../goals/goal.enums';
import { GoalExecutionEntity } from '../monitoring/execution.entity';
import { totalsToDate } from '../monitoring/rules/money';
import { DepartmentSelfEvaluationReviewEntity } from './common-indicator.entity';
import { commonSetFor } from './common-indicators.service';
import { CommonIndicatorSource } from './department.enums';
import type {
  CreateDepartmentSelfEvaluationInput,
  ReviewDepartmentSelfEvaluationInput,
} from './dto/department.inputs';

const p4 = msg(
  '部门整体自评由该部门自行开展（谁支出、谁自评，003 第二十条(一)）',
  'A department-wide self-evaluation is made by the department itself (P4; 003 第二十条(一))',
);

/** Refusals thrown before the reused mutation runs (e.g. an evaluation out of view) come back in the payload. */
async function answering<R extends object>(work: () => Promise<R>) {
  try {
    return await work();
  } catch (error) {
    const refused = refusalIn(error);
    if (refused) return { userErrors: userErrorsOf(refused.problems) };
    throw error;
  }
}

/**
 * 部门整体绩效自评 (DOMAIN §10.8; 003 第二十条(一); 004 二(四)): the department evaluates its own DEPARTMENT
 * goal of the year once it is issued, scored like a unit's self-evaluation with the goal's own indicators
 * (its 共性 indicators replace the money lines); the reviewer is finance at the goal's region — the final
 * step of the goal's review chain (003 第十三条(二)).
 */
export function createDepartmentSelfEvaluation(
  ctx: RequestContext,
  input: CreateDepartmentSelfEvaluationInput,
) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const goal = await visibleGoal(ctx, input.goalId);
    if (goal.scope !== GoalScope.DEPARTMENT)
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg('部门整体自评针对部门整体绩效目标', 'A department-wide self-evaluation is of a DEPARTMENT goal'),
      );
    const notSelf = p4SelfEvaluator({
      callerOrgId: caller.organizationId,
      selfEvaluatorOrgId: goal.departmentId,
      message: p4,
    });
    if (notSelf)
      throw refusal(notSelf.code, ['input', 'goalId'], notSelf.message, { principle: notSelf.principle });
    // 004 二(四): 依据年初确定的整体绩效目标 — only a goal in force (issued with the budget) is self-evaluated.
    requireGoalInForce(goal);
    const finance = goal.reviewChain.find((s) => s.role === ReviewRole.BUDGET_FINANCE && s.final);
    if (!finance)
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg(
          '该目标没有财政审核步骤，无法确定审核单位',
          'The goal has no finance step to review the self-evaluation',
        ),
      );
    return insertEvaluation(ctx, em, {
      goalId: goal.id,
      kind: EvaluationKind.SELF,
      year: goal.year,
      evaluatorOrganizationId: caller.organizationId,
      reviewerOrganizationId: finance.organizationId,
      commonPoints: goal.commonPoints,
      outputPoints: goal.outputPoints,
      benefitPoints: goal.benefitPoints,
      satisfactionPoints: goal.satisfactionPoints,
      annualObjective: goal.annualObjective,
    });
  });
}

/**
 * 填报部门整体自评: as any self-evaluation (附件6 money rows, actuals, texts, report sections), except that a
 * 共性 indicator whose figure follows from money the system holds is computed, never typed: 预算执行率 =
 * 执行数 ÷ 全年预算数 (DOMAIN §10.8), 资金到位率 = 到位数 ÷ 全年预算数 — from the money rows, which default to
 * the goal's recorded execution (全年预算数 = the goal's annual amount; 到位/执行 = the year's records).
 */
export function saveDepartmentSelfEvaluation(ctx: RequestContext, input: SaveEvaluationActualsInput) {
  return answering(() => saveChecked(ctx, input));
}

async function saveChecked(ctx: RequestContext, input: SaveEvaluationActualsInput) {
  const evaluation = await visibleEvaluation(ctx, input.id);
  const em = await ctx.scope.manager();
  const goal = await ctx.loaders.goalById.load(evaluation.goalId);
  if (!goal || goal.scope !== GoalScope.DEPARTMENT || evaluation.kind !== EvaluationKind.SELF)
    return saveEvaluationActuals(ctx, input); // not a department self-evaluation: the ordinary rules answer
  const common = await commonSetFor(em, goal.tenantId, goal.regionPath, goal.year);
  const indicators = await em.find(GoalIndicatorEntity, {
    where: { tenantId: goal.tenantId, goalId: goal.id },
    order: { position: 'ASC' },
  });
  const computedIds = new Map<string, CommonIndicatorSource>();
  for (const c of common?.indicators ?? []) {
    if (c.source === CommonIndicatorSource.ENTERED) continue;
    const gi = indicators.find((i) => i.category === 'COMMON' && i.name === c.name);
    if (gi) computedIds.set(gi.id, c.source);
  }
  const typed = input.actuals.findIndex((a) =>
    computedIds.has(idOfType(a.indicatorId, 'GoalIndicator') ?? ''),
  );
  if (typed >= 0)
    return {
      userErrors: [
        {
          code: ErrorCode.BAD_USER_INPUT,
          field: ['input', 'actuals', String(typed), 'actual'],
          message: '该共性指标由已记录的资金数计算，不能填报',
          messageEn: 'This common indicator is computed from recorded money and is never typed',
        },
      ],
    };
  // issue 11 item 1: money omitted keeps the stored figures; null (or none stored) takes the records.
  const stored =
    input.money === undefined &&
    evaluation.budgeted != null &&
    evaluation.inPlace != null &&
    evaluation.spent != null
      ? {
          budgeted: new Decimal(evaluation.budgeted),
          inPlace: new Decimal(evaluation.inPlace),
          spent: new Decimal(evaluation.spent),
          initialBudget: evaluation.initialBudget != null ? new Decimal(evaluation.initialBudget) : null,
        }
      : null;
  let money = input.money ?? stored;
  if (!money) {
    const rows = await em.findBy(GoalExecutionEntity, { tenantId: goal.tenantId, goalId: goal.id });
    const t = totalsToDate(rows, goal.year, 12);
    money = {
      budgeted: new Decimal(goal.annualAmount ?? '0'),
      inPlace: t.inPlaceToDate,
      spent: t.executedToDate,
    };
  }
  const extra = [...computedIds].map(([id, source]) => {
    const part = source === CommonIndicatorSource.BUDGET_EXECUTION_RATE ? money.spent : money.inPlace;
    const rate = money.budgeted.isZero() ? new Decimal(0) : part.times(100).div(money.budgeted);
    // A computed line below its points is explained with the money line's explanation (DOMAIN §10.5).
    const explanation =
      source === CommonIndicatorSource.BUDGET_EXECUTION_RATE
        ? (input.budgetExecutionExplanation ?? null)
        : (input.fundArrivalExplanation ?? null);
    return { indicatorId: toGlobalId('GoalIndicator', id), actual: rate, explanation };
  });
  return saveEvaluationActuals(ctx, { ...input, money, actuals: [...input.actuals, ...extra] });
}

/**
 * 财政审核部门整体自评 (004 二(四) "财政部门审核部门单位报送绩效自评报告的真实性、完整性，确定评价等级"):
 * finance at the department's region (the evaluation's reviewer) accepts it — confirming the grade or
 * fixing another with a reason — or returns it with a comment. The review row records both grades.
 */
export function reviewDepartmentSelfEvaluation(
  ctx: RequestContext,
  input: ReviewDepartmentSelfEvaluationInput,
) {
  return answering(() => reviewChecked(ctx, input));
}

async function reviewChecked(ctx: RequestContext, input: ReviewDepartmentSelfEvaluationInput) {
  const current = await visibleEvaluation(ctx, input.id);
  const goal = await ctx.loaders.goalById.load(current.goalId);
  const fail = (code: ErrorCode, field: string[], zh: string, en: string, principle?: string) => ({
    evaluation: null,
    review: null,
    userErrors: [{ code, field, message: zh, messageEn: en, ...(principle ? { principle } : {}) }],
  });
  if (current.kind !== EvaluationKind.SELF || goal?.scope !== GoalScope.DEPARTMENT)
    return fail(
      ErrorCode.WORKFLOW_VIOLATION,
      ['input', 'id'],
      '该评价不是部门整体自评',
      'Not a department-wide self-evaluation',
    );
  const comment = text(input.comment);
  const changed = !input.returnIt && input.grade != null && input.grade !== current.grade;
  if (changed && !comment)
    return fail(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'comment'],
      '调整自评等级须说明理由',
      'A changed grade needs a reason',
    );
  if (input.returnIt && input.grade != null)
    return fail(ErrorCode.BAD_USER_INPUT, ['input', 'grade'], '退回时不确定等级', 'A return fixes no grade');
  const decision = input.returnIt ? ReviewDecision.RETURN : ReviewDecision.APPROVE;
  const note =
    changed && current.grade
      ? `等级由${gradeNames[current.grade as Grade]}调整为${gradeNames[input.grade!]}：${comment}`
      : comment;
  const result = await reviewEvaluation(ctx, {
    id: input.id,
    expectedVersion: input.expectedVersion,
    decision,
    comment: note,
  });
  if (result.userErrors.length || input.returnIt) return { ...result, review: null };
  const em = await ctx.scope.manager();
  const review = {
    tenantId: current.tenantId,
    evaluationId: current.id,
    selfGrade: current.grade!,
    confirmedGrade: (changed ? input.grade : current.grade)!,
    reason: changed ? comment : null,
    reviewerOrganizationId: ctx.caller.organizationId,
  };
  await em.insert(DepartmentSelfEvaluationReviewEntity, review);
  return {
    ...result,
    review: await em.findOneByOrFail(DepartmentSelfEvaluationReviewEntity, {
      tenantId: review.tenantId,
      evaluationId: review.evaluationId,
    }),
  };
}

/** 部门整体自评报告 (004 二(四) "形成绩效自评报告"): the sections a department's report must hold before submission. */
export const DEPARTMENT_REPORT_SECTIONS = [
  ['BASIC_INFORMATION', '基本情况'],
  ['INDICATOR_ANALYSIS', '绩效目标完成情况'],
  ['EXPERIENCE_AND_PROBLEMS', '存在问题及原因'],
] as const;

/**
 * 提交部门整体自评: the report's sections 基本情况, 绩效目标完成情况, 存在问题及原因 and the 整改措施 (the form's
 * field, or the 有关建议 section) are written; then the ordinary submission scores and freezes it (P8).
 */
export function submitDepartmentSelfEvaluation(ctx: RequestContext, input: EvaluationActionInput) {
  return answering(() => submitChecked(ctx, input));
}

async function submitChecked(ctx: RequestContext, input: EvaluationActionInput) {
  const current = await visibleEvaluation(ctx, input.id);
  const goal = await ctx.loaders.goalById.load(current.goalId);
  if (current.kind === EvaluationKind.SELF && goal?.scope === GoalScope.DEPARTMENT) {
    const em = await ctx.scope.manager();
    const sections = await em.findBy(EvaluationReportSectionEntity, {
      tenantId: current.tenantId,
      evaluationId: current.id,
    });
    const has = (key: string) => sections.some((s) => s.sectionKey === key && s.body.trim() !== '');
    const missing: string[] = DEPARTMENT_REPORT_SECTIONS.filter(([key]) => !has(key)).map(([, zh]) => zh);
    if (!current.rectificationMeasures && !has('RECOMMENDATIONS')) missing.push('整改措施');
    if (missing.length)
      return {
        evaluation: null,
        userErrors: [
          {
            code: ErrorCode.WORKFLOW_VIOLATION,
            field: ['input', 'reportSections'],
            message: `部门整体自评报告尚缺：${missing.join('、')}`,
            messageEn: `The department self-evaluation report lacks: ${missing.join(', ')}`,
          },
        ],
      };
  }
  return submitEvaluation(ctx, input);
}
