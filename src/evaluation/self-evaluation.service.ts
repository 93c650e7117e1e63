import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { Decimal, money } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { guardedUpdate } from '../common/guarded-update';
import { runMutation, Validation } from '../common/mutation';
import { selfEvaluationReviewerId } from '../funds/own-level';
import { ProjectEntity } from '../funds/project.entity';
import { scoringCategoryPoints } from '../goals/goal-category-points';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { GoalEntity } from '../goals/goal.entity';
import { GoalScope } from '../goals/goal.enums';
import { actualsOf, checkMoney } from './actuals-input';
import type { CreateEvaluationInput, SaveEvaluationActualsInput } from './dto/evaluation.inputs';
import { EvaluationActualEntity } from './evaluation-actual.entity';
import { EvaluationReportSectionEntity } from './evaluation-report-section.entity';
import {
  CREATED,
  meanings,
  problemsAbort,
  recordEvaluationChange,
  refuse,
  requireEditable,
  requireGoalInForce,
  ROW_VERSION,
  text,
  visibleEvaluation,
  visibleGoal,
} from './evaluation-support';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationKind, EvaluationStatus } from './evaluation.enums';
import { policyFor } from '../policy/policy.service';
import { scoringPolicyOf } from '../policy/rules/policy';
import { checkReportSections } from './rules/report-outline';
import { scoreContent, type SelfContent } from './self-scoring';

const p4 = msg(
  '单位自评只能由使用资金的项目实施单位填报和提交（谁支出、谁自评）',
  'Only the spending unit (the project’s implementing unit) fills in and submits its self-evaluation (P4)',
);

/** The indicators of the evaluated goal, in form order. */
export const goalIndicators = (em: EntityManager, tenantId: string, goalId: string) =>
  em.find(GoalIndicatorEntity, { where: { tenantId, goalId }, order: { position: 'ASC' } });

const snapshot = (
  e: EvaluationEntity,
  actuals: readonly EvaluationActualEntity[],
  sections: readonly EvaluationReportSectionEntity[],
) => ({
  ...e,
  actuals: actuals.map((a) => ({ ...a })),
  reportSections: sections.map((r) => ({ key: r.sectionKey, body: r.body })),
});

async function contentOfStored(em: EntityManager, e: EvaluationEntity) {
  const key = { tenantId: e.tenantId, evaluationId: e.id };
  const [actuals, sections] = await Promise.all([
    em.findBy(EvaluationActualEntity, key),
    em.findBy(EvaluationReportSectionEntity, key),
  ]);
  return snapshot(e, actuals, sections);
}

/** A text field of the form: null/absent keeps the saved value, "" clears it (DOMAIN §10.8). */
const keepOr = (given: string | null | undefined, saved: string | null) =>
  given == null ? saved : text(given);

/**
 * 单位自评 (DOMAIN §10; P4 谁支出、谁自评, 002 第十七条): only the implementing unit of the goal's project,
 * only on a PROJECT or TRANSFER_PROJECT goal in force. Regional and overall transfer results are
 * compiled from the children (DOMAIN §11), not self-evaluated. The reviewer (审核, the level above) is
 * the project's competent department — for a transfer project the township department that reviews and
 * compiles its region (003 转移支付 第二十三条).
 */
export function createSelfEvaluation(ctx: RequestContext, input: CreateEvaluationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const goal = await visibleGoal(ctx, input.goalId);
    if (goal.scope !== GoalScope.PROJECT && goal.scope !== GoalScope.TRANSFER_PROJECT) {
      refuse(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg(
          '单位自评针对项目绩效目标；分区域和整体绩效目标的自评结果由下级自评汇总形成',
          'Self-evaluations are of project goals; regional and overall results are compiled from the children',
        ),
      );
    }
    const project = await em.findOneByOrFail(ProjectEntity, {
      tenantId: caller.tenantId,
      id: goal.projectId ?? '',
    });
    if (project.implementingUnitId !== caller.organizationId)
      refuse(ErrorCode.FORBIDDEN, ['input', 'goalId'], p4, 'P4');
    requireGoalInForce(goal);
    const id = randomUUID();
    await em.insert(EvaluationEntity, {
      tenantId: caller.tenantId,
      id,
      goalId: goal.id,
      kind: EvaluationKind.SELF,
      year: goal.year,
      status: EvaluationStatus.DRAFT,
      evaluatorOrganizationId: caller.organizationId,
      reviewerOrganizationId: await selfEvaluationReviewerId(em, project), // own-level: finance (DOMAIN §10)
      regionPath: '',
      // DOMAIN §10.1: scored with the goal's own category points (null: the defaults).
      commonPoints: goal.commonPoints,
      outputPoints: goal.outputPoints,
      benefitPoints: goal.benefitPoints,
      satisfactionPoints: goal.satisfactionPoints,
      // 附件6 绩效目标 年度目标: the goal's annual objective, editable on the form (DOMAIN §10.8).
      annualObjective: goal.annualObjective,
    });
    return recordEvaluationChange(ctx, em, id, { action: 'CREATE', step: CREATED });
  });
}

/** The self-evaluation the caller fills in: its own (P4), still editable (P8). */
export async function ownSelfEvaluation(ctx: RequestContext, globalId: string): Promise<EvaluationEntity> {
  const current = await visibleEvaluation(ctx, globalId);
  if (current.kind !== EvaluationKind.SELF) {
    refuse(
      ErrorCode.WORKFLOW_VIOLATION,
      ['input', 'id'],
      msg('该评价不是单位自评', 'This evaluation is not a self-evaluation'),
    );
  }
  if (current.evaluatorOrganizationId !== ctx.caller.organizationId)
    refuse(ErrorCode.FORBIDDEN, ['input', 'id'], p4, 'P4');
  return current;
}

/** The input as engine content; malformed ids and percentages are refused first (nothing written). */
function contentOf(
  input: SaveEvaluationActualsInput,
  indicators: readonly GoalIndicatorEntity[],
  goalPoints: SelfContent['categoryPoints'],
): SelfContent {
  const v = new Validation();
  const actuals = actualsOf(
    v,
    input.actuals,
    indicators,
    msg('该指标不属于被评价的绩效目标', 'The indicator is not one of the evaluated goal’s'),
  );
  if (input.money) checkMoney(v, input.money);
  v.check();
  const cp = input.categoryPoints;
  return {
    money: input.money ?? null,
    fundArrivalExplanation: text(input.fundArrivalExplanation),
    budgetExecutionExplanation: text(input.budgetExecutionExplanation),
    categoryPoints: cp
      ? { COMMON: cp.common, OUTPUT: cp.output, BENEFIT: cp.benefit, SATISFACTION: cp.satisfaction }
      : goalPoints, // DOMAIN §10.1: none given → the goal's own category points (null: the defaults)
    actuals,
  };
}

const points = (d: Decimal | undefined) => (d == null ? null : d.toFixed(2));

/**
 * 填报自评 (DOMAIN §10): money (年初预算数 / 全年预算数 / 到位数 / 执行数), category points and actuals,
 * checked by the engine — a percentage outside its tier, a negative value or category points not
 * totalling 100 are refused with their fields and nothing is written; the 附件6 texts (年度总体目标,
 * 实际完成情况, 整改措施) and the 自评报告 sections (DOMAIN §10.8). Guarded by rowVersion; actuals and
 * report sections are replaced as sets.
 */
export function saveEvaluationActuals(ctx: RequestContext, input: SaveEvaluationActualsInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await ownSelfEvaluation(ctx, input.id);
    requireEditable(current);
    const indicators = await goalIndicators(em, caller.tenantId, current.goalId);
    const goal = await em.findOneByOrFail(GoalEntity, { tenantId: caller.tenantId, id: current.goalId });
    const content = contentOf(input, indicators, scoringCategoryPoints(goal));
    // DOMAIN §10.7: checked by the engine with the tenant policy in force for the year (as on submission).
    const policy = scoringPolicyOf(await policyFor(ctx, current.year));
    const { inputProblems } = scoreContent(indicators, content, policy);
    // 自评报告 (DOMAIN §10.8): sections of the 002 outline, never an unknown or repeated one.
    const sections = input.reportSections;
    const sectionProblems = sections
      ? checkReportSections(sections.map((r) => ({ key: r.key, text: r.body })))
          .filter((p) => p.reason === 'UNKNOWN_SECTION' || p.reason === 'DUPLICATE_SECTION')
          .map((p) => ({ ...p, field: ['reportSections', ...p.field.slice(1)] }))
      : [];
    if (inputProblems.length + sectionProblems.length > 0)
      problemsAbort([...inputProblems, ...sectionProblems]);
    const before = await contentOfStored(em, current);
    const cp = content.categoryPoints;
    await guardedUpdate(
      em,
      EvaluationEntity,
      current,
      input.expectedVersion,
      {
        initialBudget: input.money?.initialBudget != null ? money(input.money.initialBudget) : null,
        budgeted: content.money ? money(content.money.budgeted) : null,
        inPlace: content.money ? money(content.money.inPlace) : null,
        spent: content.money ? money(content.money.spent) : null,
        fundArrivalExplanation: content.fundArrivalExplanation,
        budgetExecutionExplanation: content.budgetExecutionExplanation,
        commonPoints: points(cp?.COMMON),
        outputPoints: points(cp?.OUTPUT),
        benefitPoints: points(cp?.BENEFIT),
        satisfactionPoints: points(cp?.SATISFACTION),
        annualObjective: keepOr(input.annualObjective, current.annualObjective),
        achievement: keepOr(input.achievement, current.achievement),
        rectificationMeasures: keepOr(input.rectificationMeasures, current.rectificationMeasures),
      },
      ROW_VERSION,
    );
    if (sections) {
      const key = { tenantId: caller.tenantId, evaluationId: current.id };
      await em.delete(EvaluationReportSectionEntity, key);
      const written = sections.filter((r) => r.body.trim() !== '');
      if (written.length > 0)
        await em.insert(
          EvaluationReportSectionEntity,
          written.map((r) => ({ ...key, sectionKey: r.key, body: r.body.trim() })),
        );
    }
    await em.delete(EvaluationActualEntity, { tenantId: caller.tenantId, evaluationId: current.id });
    if (content.actuals.length > 0) {
      await em.insert(
        EvaluationActualEntity,
        content.actuals.map((a) => ({
          tenantId: caller.tenantId,
          id: randomUUID(),
          evaluationId: current.id,
          indicatorId: a.indicatorId,
          actual: a.actual ? a.actual.toFixed() : null,
          tier: a.tier ?? null,
          percentage: a.percentage ? a.percentage.toFixed(2) : null,
          explanation: a.explanation ?? null,
          targetSetTooLow: a.targetSetTooLow ?? false,
        })),
      );
    }
    return recordEvaluationChange(ctx, em, current.id, {
      action: 'SAVE_ACTUALS',
      before,
      after: (evaluation) => contentOfStored(em, evaluation),
    });
  });
}
