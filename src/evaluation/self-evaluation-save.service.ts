import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { scoringCategoryPoints } from '../goals/goal-category-points';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { GoalEntity } from '../goals/goal.entity';
import { money, type Decimal } from '../common/decimal';
import { msg } from '../common/errors';
import { runMutation, Validation } from '../common/mutation';
import type { RequestContext } from '../common/request-context';
import { policyFor } from '../policy/policy.service';
import { scoringPolicyOf } from '../policy/rules/policy';
import { actualsOf, checkMoney } from './actuals-input';
import type { SaveEvaluationActualsInput } from './dto/evaluation.inputs';
import { EvaluationActualEntity } from './evaluation-actual.entity';
import { EvaluationReportSectionEntity } from './evaluation-report-section.entity';
import type { EvaluationEntity } from './evaluation.entity';
import { meanings } from './evaluation.errors';
import { goalIndicators } from './evaluation.query';
import { updateEvaluation } from './evaluation.repository';
import { requireEditable, text } from './rules/evaluation-guards';
import { ownSelfEvaluation } from './self-evaluation.service';
import { checkReportSections } from './rules/report-outline';
import { scoreContent, storedContent, type SelfContent } from './self-scoring';
import { abort } from '../common/refusal';

const snapshot = (
  e: EvaluationEntity,
  actuals: readonly EvaluationActualEntity[],
  sections: readonly EvaluationReportSectionEntity[],
) => ({
  ...e,
  actuals: actuals.map((a) => ({ ...a })),
  reportSections: sections.map((r) => ({ key: r.sectionKey, body: r.body })),
});

async function storedRows(em: EntityManager, e: EvaluationEntity) {
  const key = { tenantId: e.tenantId, evaluationId: e.id };
  const [actuals, sections] = await Promise.all([
    em.findBy(EvaluationActualEntity, key),
    em.findBy(EvaluationReportSectionEntity, key),
  ]);
  return { actuals, sections };
}

const contentOfStored = async (em: EntityManager, e: EvaluationEntity) => {
  const { actuals, sections } = await storedRows(em, e);
  return snapshot(e, actuals, sections);
};

/** Whether a field was given (issue 11 item 1: omitted = unchanged, null = cleared). */
const given = <T>(v: T | undefined): v is T => v !== undefined;

/**
 * The saved content after this input (issue 11 item 1): every optional field omitted keeps the stored
 * value, an explicit null clears it — category points back to the goal's own (DOMAIN §10.1); the actuals
 * are the form's set and always given. Malformed ids and percentages are refused first (nothing written).
 */
function contentOf(
  input: SaveEvaluationActualsInput,
  stored: SelfContent,
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
    money: given(input.money) ? input.money : stored.money,
    fundArrivalExplanation: given(input.fundArrivalExplanation)
      ? text(input.fundArrivalExplanation)
      : stored.fundArrivalExplanation,
    budgetExecutionExplanation: given(input.budgetExecutionExplanation)
      ? text(input.budgetExecutionExplanation)
      : stored.budgetExecutionExplanation,
    categoryPoints: !given(cp)
      ? (stored.categoryPoints ?? goalPoints)
      : cp
        ? { COMMON: cp.common, OUTPUT: cp.output, BENEFIT: cp.benefit, SATISFACTION: cp.satisfaction }
        : goalPoints, // DOMAIN §10.1: null → the goal's own category points (null: the defaults)
    actuals,
  };
}

const points = (d: Decimal | undefined) => (d == null ? null : d.toFixed(2));

/** The evaluation columns this input changes (only the fields given; see `contentOf`). */
function changedColumns(input: SaveEvaluationActualsInput, content: SelfContent) {
  const m = content.money;
  const cp = content.categoryPoints;
  return {
    ...(given(input.money) && {
      initialBudget: input.money?.initialBudget != null ? money(input.money.initialBudget) : null,
      budgeted: m ? money(m.budgeted) : null,
      inPlace: m ? money(m.inPlace) : null,
      spent: m ? money(m.spent) : null,
    }),
    ...(given(input.fundArrivalExplanation) && { fundArrivalExplanation: content.fundArrivalExplanation }),
    ...(given(input.budgetExecutionExplanation) && {
      budgetExecutionExplanation: content.budgetExecutionExplanation,
    }),
    ...(given(input.categoryPoints) && {
      commonPoints: points(cp?.COMMON),
      outputPoints: points(cp?.OUTPUT),
      benefitPoints: points(cp?.BENEFIT),
      satisfactionPoints: points(cp?.SATISFACTION),
    }),
    ...(given(input.annualObjective) && { annualObjective: text(input.annualObjective) }),
    ...(given(input.achievement) && { achievement: text(input.achievement) }),
    ...(given(input.rectificationMeasures) && { rectificationMeasures: text(input.rectificationMeasures) }),
  };
}

/**
 * 填报自评 (DOMAIN §10): money (年初预算数 / 全年预算数 / 到位数 / 执行数), category points and actuals,
 * checked by the engine — a percentage outside its tier, a negative value or category points not
 * totalling 100 are refused with their fields and nothing is written; the 附件6 texts (年度总体目标,
 * 实际完成情况, 整改措施) and the 自评报告 sections (DOMAIN §10.8). Guarded by rowVersion. A partial update
 * (issue 11 item 1): an optional field omitted is unchanged, null (or "") clears it; the actuals are
 * replaced as a set, the report sections when given (null removes them).
 */
export function saveEvaluationActuals(ctx: RequestContext, input: SaveEvaluationActualsInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await ownSelfEvaluation(ctx, input.id);
    requireEditable(current);
    const indicators = await goalIndicators(em, caller.tenantId, current.goalId);
    const goal = await em.findOneByOrFail(GoalEntity, { tenantId: caller.tenantId, id: current.goalId });
    const rows = await storedRows(em, current);
    const stored = storedContent(current, rows.actuals, indicators);
    const content = contentOf(input, stored, indicators, scoringCategoryPoints(goal));
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
      abort([...inputProblems, ...sectionProblems], { under: ['input'] });
    const before = snapshot(current, rows.actuals, rows.sections);
    const key = { tenantId: caller.tenantId, evaluationId: current.id };
    const children = async () => {
      if (given(sections)) {
        await em.delete(EvaluationReportSectionEntity, key);
        const written = (sections ?? []).filter((r) => r.body.trim() !== '');
        if (written.length > 0)
          await em.insert(
            EvaluationReportSectionEntity,
            written.map((r) => ({ ...key, sectionKey: r.key, body: r.body.trim() })),
          );
      }
      await em.delete(EvaluationActualEntity, key);
      if (content.actuals.length > 0)
        await em.insert(
          EvaluationActualEntity,
          content.actuals.map((a) => ({
            ...key,
            id: randomUUID(),
            indicatorId: a.indicatorId,
            actual: a.actual ? a.actual.toFixed() : null,
            tier: a.tier ?? null,
            percentage: a.percentage ? a.percentage.toFixed(2) : null,
            explanation: a.explanation ?? null,
            targetSetTooLow: a.targetSetTooLow ?? false,
          })),
        );
    };
    return updateEvaluation(ctx, em, current, input.expectedVersion, changedColumns(input, content), {
      action: 'SAVE_ACTUALS',
      before,
      children,
      after: (evaluation) => contentOfStored(em, evaluation),
    });
  });
}
