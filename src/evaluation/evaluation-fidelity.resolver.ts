import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { DecimalScalar } from '../common/decimal';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import {
  EvaluationResponseType,
  EvaluationWarningType,
  FrameworkFiguresType,
} from './dto/evaluation-fidelity.types';
import { EvaluationType } from './dto/evaluation.types';
import type { EvaluationFacts } from './rules/evaluation-decision';
import { isEditable } from './rules/evaluation-guards';
import type { EvaluationEntity } from './evaluation.entity';
import { EvaluationKind, EvaluationStatus, type ResponseDecision } from './evaluation.enums';
import { evaluationLoadersOf } from './evaluation.loaders';
import { figuresOf, lineOfRow } from './framework-content';
import { resultWeightWarning } from './rules/framework';
import { frameworkRates } from './rules/framework-figures';
import { GoalScope } from '../goals/goal.enums';
import { frameworkSubmissionCheck, selfSubmissionCheck } from './submission-problems';
import { policyFor } from '../policy/policy.service';
import { townshipFinanceStep } from '../rollup/compile-finance.service';
import { selfExecutionRate } from './self-form';

const isFramework = (e: EvaluationEntity) =>
  e.kind === EvaluationKind.DEPARTMENT || e.kind === EvaluationKind.FINANCE;

/** SUBMIT of a department or finance evaluation: the same check as submitEvaluation, for its editor. */
async function frameworkSubmitProblems(ctx: RequestContext, e: EvaluationEntity) {
  if (
    !isEditable(e) ||
    (e.commissionedOrganizationId ?? e.evaluatorOrganizationId) !== ctx.caller.organizationId
  )
    return null;
  const loaders = evaluationLoadersOf(ctx);
  const [indicators, sections, policy] = await Promise.all([
    loaders.frameworkByEvaluationId.load(e.id),
    loaders.sectionsByEvaluationId.load(e.id),
    policyFor(ctx, e.year),
  ]);
  return frameworkSubmissionCheck(e, indicators, sections, policy).problems;
}

/**
 * What `availableActions` decides on beyond the evaluation (DOMAIN §16), read through the caller's view:
 * the evaluated body and the evaluator's region (framework), a self-evaluation's submission block
 * (整改措施, DOMAIN §10.8) once its content is otherwise complete, and a submitted compiled regional
 * result's township finance step (DOMAIN §11; 003 转移支付 第二十三条).
 */
export async function evaluationFacts(ctx: RequestContext, e: EvaluationEntity): Promise<EvaluationFacts> {
  if (isFramework(e)) {
    const goal = await ctx.loaders.goalById.load(e.goalId);
    const project = goal?.projectId ? await ctx.loaders.projectById.load(goal.projectId) : null;
    const evaluator = await ctx.loaders.organizationById.load(e.evaluatorOrganizationId);
    return {
      evaluatedBodyId: !goal
        ? null
        : goal.projectId
          ? (project?.implementingUnitId ?? null)
          : goal.drafterOrganizationId,
      evaluatorRegionId: evaluator?.regionId ?? null,
      submitProblems: await frameworkSubmitProblems(ctx, e),
    };
  }
  if (e.kind === EvaluationKind.SELF && e.status === EvaluationStatus.SUBMITTED) {
    // 003 转移支付 第二十三条: a compiled regional result's township finance step (other goals: none; the
    // goal is read through the batched loader, so only regional results cost statements).
    const goal = await ctx.loaders.goalById.load(e.goalId);
    if (goal?.scope !== GoalScope.TRANSFER_REGIONAL) return {};
    return { townshipFinance: await townshipFinanceStep(await ctx.scope.manager(), e) };
  }
  // SUBMIT (issue 11 item 2): what submitEvaluation would refuse, computed by the same check — only for the
  // caller who fills the evaluation in while it is editable (anyone else is refused before content counts).
  if (
    e.kind !== EvaluationKind.SELF ||
    !isEditable(e) ||
    e.evaluatorOrganizationId !== ctx.caller.organizationId
  )
    return {};
  const [indicators, rows, policy] = await Promise.all([
    ctx.loaders.indicatorsByGoalId.load(e.goalId),
    evaluationLoadersOf(ctx).actualsByEvaluationId.load(e.id),
    policyFor(ctx, e.year), // DOMAIN §10.7: as submitEvaluation scores it
  ]);
  return { submitProblems: selfSubmissionCheck(e, indicators, rows, policy).problems };
}

/** The 附件6 and 附件7 fields of an evaluation that are computed, not stored (DOMAIN §10.8, §10). */
@Resolver(() => EvaluationType)
export class EvaluationFidelityResolver {
  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description:
      '预算执行率（自评表） — 执行数 ÷ 全年预算数 of a self-evaluation (附件6, DOMAIN §10.8), exact; null without both',
  })
  formExecutionRate(@Root() e: EvaluationEntity): string | null {
    if (e.kind !== EvaluationKind.SELF) return null;
    return selfExecutionRate(e)?.toFixed() ?? null;
  }

  @FieldResolver(() => FrameworkFiguresType, {
    nullable: true,
    description:
      '评价数据 — entered figures and computed rates of a department or finance evaluation (附件7)',
  })
  figures(@Root() e: EvaluationEntity): FrameworkFiguresType | null {
    if (!isFramework(e)) return null;
    const { rates } = frameworkRates(figuresOf(e));
    const t = (d: { toFixed(): string } | null) => d?.toFixed() ?? null;
    return {
      plannedOutput: e.plannedOutput,
      actualOutput: e.actualOutput,
      standardOutput: e.standardOutput,
      plannedCost: e.plannedCost,
      actualCost: e.actualCost,
      budgeted: e.budgeted,
      inPlace: e.inPlace,
      spent: e.spent,
      completionRate: t(rates.completionRate),
      qualityRate: t(rates.qualityRate),
      costSavingRate: t(rates.costSavingRate),
      fundArrivalRate: t(rates.fundArrivalRate),
      budgetExecutionRate: t(rates.budgetExecutionRate),
    };
  }

  @FieldResolver(() => EvaluationResponseType, {
    nullable: true,
    description: '交换意见 — the evaluated body’s response to the preliminary result (null until given)',
  })
  response(@Root() e: EvaluationEntity): EvaluationResponseType | null {
    if (!e.responseDecision || !e.respondedAt || !e.respondedByOrganizationId) return null;
    return {
      decision: e.responseDecision as ResponseDecision,
      text: e.responseText,
      at: e.respondedAt,
      organizationId: e.respondedByOrganizationId,
    };
  }

  @FieldResolver(() => [EvaluationWarningType], {
    description:
      '提示 — rules departed from with a recorded justification, e.g. RESULT_WEIGHT_BELOW_60 (OUTPUT + BENEFIT under 60, 002 第二十一条(二) 原则上)',
  })
  async warnings(@Root() e: EvaluationEntity, @Ctx() ctx: RequestContext): Promise<EvaluationWarningType[]> {
    if (!isFramework(e)) return [];
    const rows = await evaluationLoadersOf(ctx).frameworkByEvaluationId.load(e.id);
    const w = rows.length > 0 ? resultWeightWarning(rows.map(lineOfRow)) : null;
    if (!w) return [];
    return [
      {
        code: w.reason ?? 'RESULT_WEIGHT_BELOW_60',
        message: w.message.zh,
        messageEn: w.message.en,
        justification: e.weightJustification,
      },
    ];
  }
}

@Resolver(() => EvaluationResponseType)
export class EvaluationResponseResolver {
  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '被评价单位 — who responded (null if outside the caller’s view)',
  })
  organization(
    @Root() r: EvaluationResponseType,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(r.organizationId);
  }
}
