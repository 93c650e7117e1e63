import type { RequestContext } from '../common/request-context';
import { p4SelfEvaluator } from '../auth/principles';
import { enforce, principleVerdict } from '../common/decision';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import { selfEvaluationReviewerId } from '../funds/own-level';
import { ProjectEntity } from '../funds/project.entity';
import { GoalScope } from '../goals/goal.enums';
import type { CreateEvaluationInput } from './dto/evaluation.inputs';
import { insertEvaluation } from './evaluation.repository';
import { meanings } from './evaluation.errors';
import { requireGoalInForce } from './rules/evaluation-guards';
import { visibleEvaluation, visibleGoal } from './evaluation.query';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationKind } from './evaluation.enums';
import { refusal } from '../common/refusal';

/** P4 谁支出、谁自评 (002 第十七条) as a refusal at `field`, when the caller is not the self-evaluator. */
function requireSelfEvaluator(callerOrgId: string, selfEvaluatorOrgId: string | null, field: string[]) {
  enforce(principleVerdict(p4SelfEvaluator({ callerOrgId, selfEvaluatorOrgId }), field));
}

/** The indicators of the evaluated goal, in form order (kept here for the modules that import it). */
export { goalIndicators } from './evaluation.query';

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
      throw refusal(
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
    requireSelfEvaluator(caller.organizationId, project.implementingUnitId, ['input', 'goalId']);
    requireGoalInForce(goal);
    return insertEvaluation(ctx, em, {
      goalId: goal.id,
      kind: EvaluationKind.SELF,
      year: goal.year,
      evaluatorOrganizationId: caller.organizationId,
      reviewerOrganizationId: await selfEvaluationReviewerId(em, project), // own-level: finance (DOMAIN §10)
      // DOMAIN §10.1: scored with the goal's own category points (null: the defaults).
      commonPoints: goal.commonPoints,
      outputPoints: goal.outputPoints,
      benefitPoints: goal.benefitPoints,
      satisfactionPoints: goal.satisfactionPoints,
      // 附件6 绩效目标 年度目标: the goal's annual objective, editable on the form (DOMAIN §10.8).
      annualObjective: goal.annualObjective,
    });
  });
}

/** The self-evaluation the caller fills in: its own (P4), still editable (P8). */
export async function ownSelfEvaluation(ctx: RequestContext, globalId: string): Promise<EvaluationEntity> {
  const current = await visibleEvaluation(ctx, globalId);
  if (current.kind !== EvaluationKind.SELF) {
    throw refusal(
      ErrorCode.WORKFLOW_VIOLATION,
      ['input', 'id'],
      msg('该评价不是单位自评', 'This evaluation is not a self-evaluation'),
    );
  }
  requireSelfEvaluator(ctx.caller.organizationId, current.evaluatorOrganizationId, ['input', 'id']);
  return current;
}
