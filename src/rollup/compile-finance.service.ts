import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import { refusal as refused } from '../common/refusal';
import type { ReviewEvaluationInput } from '../evaluation/dto/evaluation.inputs';
import { meanings } from '../evaluation/evaluation.errors';
import { recordEvaluationChange, updateEvaluation } from '../evaluation/evaluation.repository';
import { visibleEvaluation } from '../evaluation/evaluation.query';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { EvaluationKind, EvaluationStatus, ReviewDecision } from '../evaluation/evaluation.enums';
import {
  awaitingTownshipFinance,
  financeReviewRefusal,
  type TownshipFinanceStep,
} from '../evaluation/rules/township-finance';
import { GoalEntity } from '../goals/goal.entity';
import { GoalScope } from '../goals/goal.enums';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';

/**
 * 003 转移支付 第二十三条 "镇办业务主管部门…汇总形成本地区自评结果报送同级财政部门，并逐级上报区业务主管部门"
 * (DOMAIN §11): a compiled regional result passes the township finance office before the fund's (district)
 * department reviews it. The finance step is a transition of the SUBMITTED result (APPROVE, SUBMITTED →
 * SUBMITTED, by the finance office) after its latest submission; a return sends it back to the compiler.
 */

/** The township finance office a compiled regional result passes, or null when none applies. */
export async function townshipFinanceOf(em: EntityManager, e: EvaluationEntity): Promise<string | null> {
  if (e.kind !== EvaluationKind.SELF) return null;
  const goal = await em.findOneBy(GoalEntity, { tenantId: e.tenantId, id: e.goalId });
  if (!goal || goal.scope !== GoalScope.TRANSFER_REGIONAL) return null;
  const finance = await em.findOne(OrganizationEntity, {
    where: { tenantId: e.tenantId, regionId: goal.regionId, kind: OrganizationKind.FINANCE_BUREAU },
    order: { id: 'ASC' },
  });
  return finance?.id ?? null;
}

/** Whether the finance office has passed the result since its latest submission (one statement). */
async function financePassed(em: EntityManager, e: EvaluationEntity, financeId: string): Promise<boolean> {
  const rows = (await em.query(
    `SELECT EXISTS (SELECT 1 FROM evaluation_transition f
       WHERE f.tenant_id = $1 AND f.evaluation_id = $2 AND f.action = 'APPROVE' AND f.from_status = 'SUBMITTED'
         AND f.to_status = 'SUBMITTED' AND f.actor_organization_id = $3
         AND f.at > coalesce((SELECT max(s.at) FROM evaluation_transition s WHERE s.tenant_id = $1
                      AND s.evaluation_id = $2 AND s.action = 'SUBMIT'), '-infinity')) AS passed`,
    [e.tenantId, e.id, financeId],
  )) as { passed: boolean }[];
  return rows[0]?.passed === true;
}

/** The township finance step of an evaluation (null unless it is a compiled regional result with a finance office). */
export async function townshipFinanceStep(
  em: EntityManager,
  e: EvaluationEntity,
): Promise<TownshipFinanceStep | null> {
  const financeId = await townshipFinanceOf(em, e);
  if (!financeId) return null;
  const passed = e.status === EvaluationStatus.SUBMITTED && (await financePassed(em, e, financeId));
  return { financeId, passed };
}

/**
 * Called by the department's review (reviewEvaluation): a compiled regional result is reviewed by the
 * fund's department only once the township finance office has passed it (003 转移支付 第二十三条) — the
 * same decision `availableActions` shows (`awaitingTownshipFinance`).
 */
export async function requireTownshipFinanceStep(em: EntityManager, e: EvaluationEntity): Promise<void> {
  if (e.status !== EvaluationStatus.SUBMITTED) return;
  const refusal = awaitingTownshipFinance(e.status, await townshipFinanceStep(em, e));
  if (refusal)
    throw refused(refusal.code, ['input', 'id'], refusal.message, {
      principle: refusal.principle ?? undefined,
    });
}

/** 乡镇财政审核: the township finance office passes (APPROVE) or returns (RETURN, with a comment) the result. */
export function reviewCompiledResultAsFinance(ctx: RequestContext, input: ReviewEvaluationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await visibleEvaluation(ctx, input.id);
    // The same decision as availableActions' FINANCE_REVIEW (rules/township-finance.ts).
    const refusal = financeReviewRefusal(
      current.status,
      ctx.caller.organizationId,
      await townshipFinanceStep(em, current),
    );
    if (refusal)
      throw refused(refusal.code, ['input', 'id'], refusal.message, {
        principle: refusal.principle ?? undefined,
      });
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    if (input.decision === ReviewDecision.APPROVE) {
      return recordEvaluationChange(ctx, em, current.id, {
        action: 'FINANCE_APPROVE',
        before: current,
        step: { action: 'APPROVE', from: current.status, to: EvaluationStatus.SUBMITTED, comment },
      });
    }
    if (!comment)
      throw refused(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'comment'],
        msg('退回须填写意见', 'A return needs a comment'),
        {
          reason: 'COMMENT_REQUIRED',
        },
      );
    return updateEvaluation(
      ctx,
      em,
      current,
      input.expectedVersion,
      { status: EvaluationStatus.RETURNED, reviewedAt: new Date() },
      {
        action: 'FINANCE_RETURN',
        step: { action: 'RETURN', from: current.status, to: EvaluationStatus.RETURNED, comment },
      },
    );
  });
}
