import type { RequestContext } from '../common/request-context';
import { toGlobalId } from '../common/global-id';
import { splitBilingual } from '../common/bilingual';
import type { IndicatorCategory } from '../goals/indicator.enums';
import type { ScoreLineType } from './dto/evaluation-lines.types';
import type { EvaluationEntity, StoredScoreLine } from './evaluation.entity';
import { policyFor, policyUsed } from '../policy/policy.service';
import { scoringPolicyOf } from '../policy/rules/policy';
import { isEditable } from './rules/evaluation-guards';
import { evaluationLoadersOf } from './evaluation.loaders';
import { scoreContent, storedContent, storedLines } from './self-scoring';

/** A line key as clients see it: an indicator's global id, or the money line's own key. */
const lineKey = (key: string) => (key.startsWith('COMMON:') ? key : toGlobalId('GoalIndicator', key));

export function scoreLineTypes(lines: readonly StoredScoreLine[]): ScoreLineType[] {
  return lines.map((l) => ({
    key: lineKey(l.key),
    name: l.name,
    category: l.category as IndicatorCategory,
    points: l.points,
    inputs: Object.entries(l.inputs).map(([name, value]) => ({ name, value })),
    rule: l.rule,
    ruleText: splitBilingual(l.ruleText).zh,
    ruleTextEn: splitBilingual(l.ruleText).en,
    score: l.score,
    flags: l.flags,
    needsExplanation: l.needsExplanation,
  }));
}

/**
 * The engine's lines for an editable self-evaluation, from what is saved so far (a live preview: the
 * same function that scores the submission, DOMAIN §10). Indicators come through the caller's view of
 * the goal; the evaluator always sees its own goal.
 */
export async function scoreLinesOf(ctx: RequestContext, e: EvaluationEntity): Promise<StoredScoreLine[]> {
  const [indicators, rows, policy] = await Promise.all([
    ctx.loaders.indicatorsByGoalId.load(e.goalId),
    evaluationLoadersOf(ctx).actualsByEvaluationId.load(e.id),
    // DOMAIN §10.7: a draft previews with the policy in force for its year (as it will be submitted); a
    // submitted one without stored lines with the policy it was submitted with.
    isEditable(e) ? policyFor(ctx, e.year) : policyUsed(ctx, e.policyId, e.year),
  ]);
  return storedLines(
    scoreContent(indicators, storedContent(e, rows, indicators), scoringPolicyOf(policy)).score,
  );
}
