import { toGlobalId } from '../../common/global-id';
import type { RequestContext } from '../../common/request-context';
import type { UserError } from '../../common/user-error';
import { createGoal } from '../../goals/goal-drafting.service';
import type { DraftPlan } from './draft-plan';
import { resolveSubject } from './draft-subject';
import { CellErrors, ImportErrorCode as C, type ImportError } from './import-errors';

/** 已导入的绩效目标 — a draft created by an import: global id, name, scope, and the sheet it came from. */
export interface ImportedGoal {
  id: string;
  name: string;
  scope: string;
  sheet: string;
}

/** A refusal of the goal service as a cell error of the sheet (P1/P2 → NOT_DRAFTER on the subject's name). */
function cellErrorOf(plan: DraftPlan, e: UserError): ImportError {
  const drafting = e.code === 'FORBIDDEN' && (e.principle === 'P1' || e.principle === 'P2');
  const code = drafting ? C.NOT_DRAFTER : e.code === 'NOT_FOUND' ? C.SUBJECT_NOT_FOUND : C.GOAL_REFUSED;
  const cell = drafting ? plan.subjectCells.name : (plan.cellFor(e.field) ?? plan.subjectCells.name);
  const why = [e.code, e.principle, e.reason].filter(Boolean).join(' ');
  return {
    code,
    sheet: plan.sheet,
    cell,
    messageZh: `${e.message}（${why}）`,
    message: `${e.messageEn} (${why})`,
  };
}

/**
 * Creates one DRAFT goal per plan through the goal service (`createGoal`: the same checks, review chain,
 * history and audit event as the GraphQL mutation), all in the request's one transaction. Subjects are
 * resolved first; any error anywhere returns every error and the caller rolls the transaction back, so a
 * file with an error writes nothing.
 */
export async function createDrafts(
  ctx: RequestContext,
  plans: DraftPlan[],
): Promise<{ goals: ImportedGoal[]; errors: ImportError[] }> {
  const errors = new CellErrors();
  for (const plan of plans) await resolveSubject(ctx, plan, errors);
  if (!errors.ok) return { goals: [], errors: errors.list };
  const goals: ImportedGoal[] = [];
  const refused: ImportError[] = [];
  for (const plan of plans) {
    const result = await createGoal(ctx, plan.input);
    if (result.userErrors.length > 0 || !result.goal) {
      refused.push(...result.userErrors.map((e) => cellErrorOf(plan, e)));
      continue;
    }
    goals.push({
      id: toGlobalId('PerformanceGoal', result.goal.id),
      name: result.goal.name,
      scope: result.goal.scope,
      sheet: plan.sheet,
    });
  }
  return { goals: refused.length > 0 ? [] : goals, errors: refused };
}
