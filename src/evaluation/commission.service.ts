import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation } from '../common/mutation';
import { GoalEntity } from '../goals/goal.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type { CommissionEvaluationInput } from './dto/evaluation.inputs';
import { meanings } from './evaluation.errors';
import { updateEvaluation } from './evaluation.repository';
import { visibleEvaluation } from './evaluation.query';
import { EvaluationStatus } from './evaluation.enums';
import { checkSeparation, requireFramework } from './framework-evaluation.service';
import { refusal } from '../common/refusal';

/**
 * 委托第三方 (002 第十七条; DOMAIN §10): the evaluating department or finance commissions a third party
 * while the evaluation is a draft, once; the third party then sees and edits only this evaluation (P6)
 * and is never the implementing unit or the self-evaluator (P7).
 */
export function commissionEvaluation(ctx: RequestContext, input: CommissionEvaluationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleEvaluation(ctx, input.id);
    requireFramework(current);
    if (current.evaluatorOrganizationId !== caller.organizationId) {
      throw refusal(
        ErrorCode.FORBIDDEN,
        ['input', 'id'],
        msg(
          '只有开展评价的部门或财政部门可以委托第三方',
          'Only the evaluating body commissions a third party',
        ),
        { principle: 'P7' },
      );
    }
    if (current.status !== EvaluationStatus.DRAFT || current.commissionedOrganizationId) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'id'],
        msg('评价只能在草稿阶段委托一次', 'An evaluation is commissioned once, while a draft'),
      );
    }
    const id = idOfType(input.thirdPartyOrganizationId, 'Organization');
    const org = id ? await em.findOneBy(OrganizationEntity, { tenantId: caller.tenantId, id }) : null;
    if (!org || org.kind !== OrganizationKind.THIRD_PARTY) {
      throw refusal(
        ErrorCode.NOT_FOUND,
        ['input', 'thirdPartyOrganizationId'],
        msg('未找到该第三方机构', 'Third-party organization not found'),
      );
    }
    const goal = await em.findOneByOrFail(GoalEntity, {
      tenantId: caller.tenantId,
      id: current.goalId,
    });
    await checkSeparation(em, goal, org.id, ['input', 'thirdPartyOrganizationId']);
    return updateEvaluation(
      ctx,
      em,
      current,
      input.expectedVersion,
      { commissionedOrganizationId: org.id, commissionedAt: new Date() },
      {
        action: 'COMMISSION',
        before: current,
        step: { action: 'COMMISSION', from: current.status, to: current.status, comment: org.name },
      },
    );
  });
}
