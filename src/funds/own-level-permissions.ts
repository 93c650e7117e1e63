import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { idOfType } from '../common/global-id';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { isSelfImplemented } from './own-level';

/**
 * P4 谁支出、谁自评 (002 第十七条) for an own-level (本级) project a competent department runs itself
 * (002 第十六条 "部门本级"; DOMAIN §3): the department is the spending body, so it self-evaluates. Admits a
 * competent department only for a goal (createSelfEvaluation: input.goalId) or a self-evaluation
 * (saveEvaluationActuals: input.id) of such a project of its own; anything else answers false, so the
 * spending-unit rule's refusal is the one reported. The services check the evaluator again.
 */
export const p4OwnLevelDepartment = rule('P4 department self-evaluates its own-level project', {
  cache: 'strict',
})(async (_parent, args: { input?: { goalId?: string; id?: string } }, ctx: RequestContext) => {
  const p = ctx.principal;
  if (!p || p.organizationKind !== OrganizationKind.COMPETENT_DEPARTMENT) return false;
  let goalId = args.input?.goalId ? idOfType(args.input.goalId, 'PerformanceGoal') : null;
  if (!goalId && args.input?.id) {
    const evaluationId = idOfType(args.input.id, 'Evaluation');
    const evaluation = evaluationId ? await evaluationLoadersOf(ctx).evaluationById.load(evaluationId) : null;
    if (!evaluation || evaluation.evaluatorOrganizationId !== p.organizationId) return false;
    goalId = evaluation.goalId;
  }
  const goal = goalId ? await ctx.loaders.goalById.load(goalId) : null;
  const project = goal?.projectId ? await ctx.loaders.projectById.load(goal.projectId) : null;
  return !!project && isSelfImplemented(project) && project.departmentId === p.organizationId;
});
