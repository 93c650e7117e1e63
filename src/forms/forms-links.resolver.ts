import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { toGlobalId } from '../common/global-id';
import { EvaluationType } from '../evaluation/dto/evaluation.types';
import { EvaluationKind } from '../evaluation/evaluation.enums';
import type { EvaluationEntity } from '../evaluation/evaluation.entity';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { GoalScope } from '../goals/goal.enums';
import { MonitoringReportType } from '../monitoring/dto/monitoring.types';
import type { MonitoringReportEntity } from '../monitoring/report.entity';
import { FormSlug } from './layouts/layout';

/**
 * Where the official forms of 002 (附件1–6) are downloaded (docs/forms.md): a path relative to the API's
 * origin, fetched with the same bearer token; the download reads with the caller's jurisdiction like the
 * object itself (P6).
 */
export const formPath = (form: FormSlug, type: string, id: string) =>
  `/forms/${form}.xlsx?id=${encodeURIComponent(toGlobalId(type, id))}`;

/** 附件1 (PROJECT), 附件2 (TRANSFER_OVERALL), 附件3 (TRANSFER_REGIONAL / TRANSFER_PROJECT); none for DEPARTMENT. */
const GOAL_FORMS: Partial<Record<GoalScope, FormSlug>> = {
  PROJECT: FormSlug.ANNEX1,
  TRANSFER_OVERALL: FormSlug.ANNEX2,
  TRANSFER_REGIONAL: FormSlug.ANNEX3,
  TRANSFER_PROJECT: FormSlug.ANNEX3,
};

const DESCRIPTION = '— a path relative to the API origin; GET it with the same bearer token (docs/forms.md)';

@Resolver(() => PerformanceGoalType)
export class GoalFormLinksResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: `绩效目标表下载地址 — this goal’s official form as XLSX: 附件1 本级预算项目绩效目标表 (PROJECT), 附件2 整体绩效目标表 (TRANSFER_OVERALL), 附件3 分区域/分项目绩效目标表 (TRANSFER_REGIONAL, TRANSFER_PROJECT); null for DEPARTMENT goals ${DESCRIPTION}`,
  })
  formUrl(@Root() g: GoalEntity): string | null {
    const form = GOAL_FORMS[g.scope];
    return form ? formPath(form, 'PerformanceGoal', g.id) : null;
  }
}

@Resolver(() => MonitoringReportType)
export class MonitoringReportFormLinksResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: `绩效运行监控表下载地址 — this report as 附件4 本级预算项目绩效运行监控表 (PROJECT, DEPARTMENT goals) or 附件5 对下转移支付预算分区域/分项目绩效运行监控表 (transfer goals); null when the caller may not see the goal ${DESCRIPTION}`,
  })
  async formUrl(@Root() r: MonitoringReportEntity, @Ctx() ctx: RequestContext): Promise<string | null> {
    const goal = await ctx.loaders.goalById.load(r.goalId);
    if (!goal) return null;
    const own = goal.scope === GoalScope.PROJECT || goal.scope === GoalScope.DEPARTMENT;
    return formPath(own ? FormSlug.ANNEX4 : FormSlug.ANNEX5, 'MonitoringReport', r.id);
  }
}

@Resolver(() => EvaluationType)
export class EvaluationFormLinksResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: `绩效自评表下载地址 — a self-evaluation (单位自评) as 附件6 本级预算项目绩效自评表; null for other kinds ${DESCRIPTION}`,
  })
  formUrl(@Root() e: EvaluationEntity): string | null {
    return e.kind === EvaluationKind.SELF ? formPath(FormSlug.ANNEX6, 'Evaluation', e.id) : null;
  }
}

/** The form links resolvers (composed by src/app/schema.ts). */
export const formLinkResolvers = [
  GoalFormLinksResolver,
  MonitoringReportFormLinksResolver,
  EvaluationFormLinksResolver,
] as const;
