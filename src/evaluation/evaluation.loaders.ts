import DataLoader from 'dataloader';
import type { RequestContext } from '../common/request-context';
import { groupBy } from '../common/collections';
import type { ScopedAccess } from '../common/scoped-access';
import type { EvaluationActualEntity } from './evaluation-actual.entity';
import type { EvaluationFrameworkScoreEntity } from './evaluation-framework-score.entity';
import type { EvaluationReportSectionEntity } from './evaluation-report-section.entity';
import type { EvaluationTransitionEntity } from './evaluation-transition.entity';
import type { EvaluationEntity } from './evaluation.entity';

/**
 * Per-request loaders of evaluations (STYLE principle 6): every batch goes through the scoped helper,
 * takes its keys as one array parameter and answers in key order; a key outside the caller's view answers
 * null (or leaves its list), exactly like a missing one.
 */
export function evaluationLoaders(scope: ScopedAccess) {
  const byEvaluation = <T extends { evaluationId: string }>(rows: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader<string, T[]>(async (ids) => {
      const grouped = groupBy(await rows(ids), (r) => r.evaluationId);
      return ids.map((id) => grouped.get(id) ?? []);
    });
  return {
    evaluationById: new DataLoader<string, EvaluationEntity | null>(async (ids) => {
      const rows = await (await scope.evaluations()).andWhere('ev.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((e) => [e.id, e]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    evaluationsByGoalId: new DataLoader<string, EvaluationEntity[]>(async (ids) => {
      const rows = await (await scope.evaluations())
        .andWhere('ev.goal_id = ANY(:ids)', { ids })
        .orderBy('ev.created_at')
        .addOrderBy('ev.id')
        .getMany();
      const grouped = groupBy(rows, (e) => e.goalId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    /** The self-evaluation of each goal version (at most one: uq_evaluation_self_goal), in the caller's view. */
    selfEvaluationByGoalId: new DataLoader<string, EvaluationEntity | null>(async (ids) => {
      const rows = await (await scope.evaluations())
        .andWhere('ev.goal_id = ANY(:ids)', { ids })
        .andWhere(`ev.kind = 'SELF'`)
        .getMany();
      const byGoal = new Map(rows.map((e) => [e.goalId, e]));
      return ids.map((id) => byGoal.get(id) ?? null);
    }),
    actualsByEvaluationId: byEvaluation<EvaluationActualEntity>(async (ids) =>
      (await scope.evaluationActuals()).andWhere('eva.evaluation_id = ANY(:ids)', { ids }).getMany(),
    ),
    frameworkByEvaluationId: byEvaluation<EvaluationFrameworkScoreEntity>(async (ids) =>
      (await scope.evaluationFrameworkScores())
        .andWhere('evf.evaluation_id = ANY(:ids)', { ids })
        .orderBy('evf.position')
        .getMany(),
    ),
    sectionsByEvaluationId: byEvaluation<EvaluationReportSectionEntity>(async (ids) =>
      (await scope.evaluationReportSections()).andWhere('evr.evaluation_id = ANY(:ids)', { ids }).getMany(),
    ),
    transitionsByEvaluationId: byEvaluation<EvaluationTransitionEntity>(async (ids) =>
      (await scope.evaluationTransitions())
        .andWhere('evt.evaluation_id = ANY(:ids)', { ids })
        .orderBy('evt.at')
        .addOrderBy('evt.id')
        .getMany(),
    ),
  };
}

export type EvaluationLoaders = ReturnType<typeof evaluationLoaders>;

const perRequest = new WeakMap<RequestContext, EvaluationLoaders>();

/** The evaluation loaders of this request, built once from its scoped access. */
export function evaluationLoadersOf(ctx: RequestContext): EvaluationLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = evaluationLoaders(ctx.scope);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
