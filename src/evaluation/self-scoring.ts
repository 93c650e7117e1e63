import { Decimal, requireDecimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import type { Problem } from '../common/problem';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { EvaluationActualEntity } from './evaluation-actual.entity';
import type { EvaluationEntity, StoredScoreLine } from './evaluation.entity';
import { scoreSelfEvaluation } from './rules/scoring';
import {
  BUDGET_EXECUTION_KEY,
  FUND_ARRIVAL_KEY,
  type IndicatorActual,
  type ScoringCategory,
  type ScoringIndicator,
  type ScoringPolicy,
  type SelfScore,
} from './rules/scoring-types';

/** What a self-evaluation holds, as plain data (from an input or from stored rows). */
export interface SelfContent {
  money: { budgeted: Decimal; inPlace: Decimal; spent: Decimal } | null;
  fundArrivalExplanation: string | null;
  budgetExecutionExplanation: string | null;
  categoryPoints: Record<ScoringCategory, Decimal> | null;
  actuals: IndicatorActual[];
}

const decimalOrNull = (text: string | null): Decimal | null => (text == null ? null : requireDecimal(text));

/** A goal indicator as the engine sees it (DOMAIN §5 → §10): targets of quantitative indicators are decimals. */
export function scoringIndicator(i: GoalIndicatorEntity): ScoringIndicator {
  const target = i.kind === 'QUANTITATIVE' && i.target != null ? new Decimal(i.target) : null;
  return {
    id: i.id,
    name: i.name,
    category: i.category,
    kind: i.kind,
    comparator: i.kind === 'QUANTITATIVE' ? i.comparator : null,
    target,
    points: decimalOrNull(i.points),
  };
}

/** The stored content of a self-evaluation, actuals in the goal's indicator order. */
export function storedContent(
  e: EvaluationEntity,
  rows: readonly EvaluationActualEntity[],
  indicators: readonly GoalIndicatorEntity[],
): SelfContent {
  const order = new Map(indicators.map((i) => [i.id, i.position]));
  const sorted = [...rows].sort((a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0));
  const points =
    e.commonPoints != null &&
    e.outputPoints != null &&
    e.benefitPoints != null &&
    e.satisfactionPoints != null
      ? {
          COMMON: requireDecimal(e.commonPoints),
          OUTPUT: requireDecimal(e.outputPoints),
          BENEFIT: requireDecimal(e.benefitPoints),
          SATISFACTION: requireDecimal(e.satisfactionPoints),
        }
      : null;
  return {
    money:
      e.budgeted != null && e.inPlace != null && e.spent != null
        ? {
            budgeted: requireDecimal(e.budgeted),
            inPlace: requireDecimal(e.inPlace),
            spent: requireDecimal(e.spent),
          }
        : null,
    fundArrivalExplanation: e.fundArrivalExplanation,
    budgetExecutionExplanation: e.budgetExecutionExplanation,
    categoryPoints: points,
    actuals: sorted.map((r) => ({
      indicatorId: r.indicatorId,
      actual: decimalOrNull(r.actual),
      tier: r.tier,
      percentage: decimalOrNull(r.percentage),
      explanation: r.explanation,
      targetSetTooLow: r.targetSetTooLow,
    })),
  };
}

export interface SelfScoring {
  score: SelfScore;
  /** Problems with field paths of the save input (`actuals.<k>.…`, `money.…`, `categoryPoints`). */
  inputProblems: Problem[];
  submissionProblems: Problem[];
}

/**
 * Runs the engine (DOMAIN §10) on a self-evaluation's content. The money lines' explanations travel as
 * actuals keyed by their line keys (when the goal has no COMMON indicators of its own); problems are
 * mapped back to the input's field paths. Unknown money counts as 0 for a preview and is a submission
 * problem.
 */
export function scoreContent(
  indicators: readonly GoalIndicatorEntity[],
  c: SelfContent,
  policy?: ScoringPolicy | null, // DOMAIN §10.7: the tenant policy's bands and over-target (defaults when absent)
): SelfScoring {
  const own = indicators.some((i) => i.category === 'COMMON');
  const moneyNotes: IndicatorActual[] = own
    ? []
    : [
        ...(c.fundArrivalExplanation
          ? [{ indicatorId: FUND_ARRIVAL_KEY, explanation: c.fundArrivalExplanation }]
          : []),
        ...(c.budgetExecutionExplanation
          ? [{ indicatorId: BUDGET_EXECUTION_KEY, explanation: c.budgetExecutionExplanation }]
          : []),
      ];
  const zero = new Decimal(0);
  const score = scoreSelfEvaluation({
    indicators: indicators.map(scoringIndicator),
    actuals: [...c.actuals, ...moneyNotes],
    money: c.money ?? { budgeted: zero, inPlace: zero, spent: zero },
    categoryPoints: c.categoryPoints,
    policy,
  });
  const n = c.actuals.length;
  const remap = (p: Problem): Problem => {
    const [head, index, ...rest] = p.field;
    if (head === 'actuals' && index !== undefined && Number(index) >= n) {
      const key = moneyNotes[Number(index) - n]?.indicatorId;
      return {
        ...p,
        field: [key === FUND_ARRIVAL_KEY ? 'fundArrivalExplanation' : 'budgetExecutionExplanation'],
      };
    }
    if (head === 'indicators') return { ...p, field: ['id'] };
    if (head === 'actuals' && p.reason === 'EXPLANATION_REQUIRED' && index === undefined) {
      const moneyLine = score.lines.find((l) => p.message.en.includes(`"${l.name}"`))?.key;
      if (moneyLine === FUND_ARRIVAL_KEY) return { ...p, field: ['fundArrivalExplanation'] };
      if (moneyLine === BUDGET_EXECUTION_KEY) return { ...p, field: ['budgetExecutionExplanation'] };
    }
    return index === undefined ? p : { ...p, field: [head, index, ...rest] };
  };
  const submission = score.submissionProblems.map(remap);
  if (!c.money) {
    submission.unshift({
      code: ErrorCode.BAD_USER_INPUT,
      field: ['money'],
      message: msg(
        '尚未填报资金情况（预算数、到位数、执行数）',
        'The money figures (budgeted, in place, spent) are not reported yet',
      ),
      reason: 'MONEY_REQUIRED',
    });
  }
  return { score, inputProblems: score.inputProblems.map(remap), submissionProblems: submission };
}

/** The engine's lines as stored on submission: exact decimal text, so the record explains itself. */
export function storedLines(score: SelfScore): StoredScoreLine[] {
  return score.lines.map((l) => ({
    key: l.key,
    name: l.name,
    category: l.category,
    points: l.points.toFixed(),
    inputs: l.inputs,
    rule: l.rule,
    ruleText: l.ruleText,
    score: l.score.toFixed(2),
    flags: [...l.flags],
    needsExplanation: l.needsExplanation,
  }));
}
