import type { RequestContext } from '../../common/request-context';
import type { EvaluationActualEntity } from '../../evaluation/evaluation-actual.entity';
import type { EvaluationEntity, StoredScoreLine } from '../../evaluation/evaluation.entity';
import { evaluationLoadersOf } from '../../evaluation/evaluation.loaders';
import { isEditable } from '../../evaluation/rules/evaluation-guards';
import { scoreLinesOf } from '../../evaluation/score-lines';
import { notFound, subjectUuid } from './form-ids';
import { goalFormOf, type GoalFormData } from './goal-form.data';

/**
 * A self-evaluation as 附件6 shows it (DOMAIN §10): the evaluation only when the caller may see it (P6,
 * otherwise NOT_FOUND), its goal, the actual values entered, and the score lines exactly as GraphQL
 * `scoreLines` gives them — those stored on submission, or the live preview of an editable one.
 */
export interface EvaluationFormData {
  evaluation: EvaluationEntity;
  goal: GoalFormData;
  actuals: EvaluationActualEntity[];
  lines: StoredScoreLine[];
}

export async function loadEvaluationForm(ctx: RequestContext, id: string): Promise<EvaluationFormData> {
  void ctx.caller;
  const uuid = subjectUuid(id, 'Evaluation');
  const l = evaluationLoadersOf(ctx);
  const evaluation = uuid ? await l.evaluationById.load(uuid) : null;
  const goal = evaluation ? await ctx.loaders.goalById.load(evaluation.goalId) : null;
  if (!evaluation || !goal) throw notFound('Evaluation');
  const [data, actuals, lines] = await Promise.all([
    goalFormOf(ctx, goal),
    l.actualsByEvaluationId.load(evaluation.id),
    !isEditable(evaluation) && evaluation.scoreLines
      ? Promise.resolve(evaluation.scoreLines)
      : scoreLinesOf(ctx, evaluation),
  ]);
  return { evaluation, goal: data, actuals, lines };
}
