import { requireDecimal, type Decimal } from '../common/decimal';
import type { ResolvedPolicy } from '../policy/rules/policy';
import type { Grade } from '../common/grade';
import type { Problem } from '../common/problem';
import type { EvaluationEntity } from './evaluation.entity';
import {
  DEFAULT_RECTIFICATION_EXECUTION_RATE_THRESHOLD,
  formExecutionRate,
  rectificationProblem,
  rectificationThresholdFrom,
} from './rules/self-evaluation-form';

/**
 * The tenant's threshold for 预算执行率偏低 (DOMAIN §10.7–8): derived from its SLOW_EXECUTION policy (points
 * behind time elapsed, §9) read at year end — 90% with the default 10 points.
 */
export const rectificationThresholdOf = (policy: Pick<ResolvedPolicy, 'slowExecutionThreshold'>): Decimal =>
  rectificationThresholdFrom(requireDecimal(policy.slowExecutionThreshold));

const dec = (v: string | null) => (v == null ? null : requireDecimal(v));

/**
 * The 附件6 rule of a stored self-evaluation (DOMAIN §10.8): 整改措施 needed when 执行数 ÷ 全年预算数 is below
 * the threshold or the grade POOR — one decision for `submitEvaluation` and `availableActions`.
 */
export function selfSubmitBlock(
  e: EvaluationEntity,
  grade: Grade | null,
  threshold: Decimal = DEFAULT_RECTIFICATION_EXECUTION_RATE_THRESHOLD,
): Problem | null {
  return rectificationProblem({
    spent: dec(e.spent),
    fullYearBudget: dec(e.budgeted),
    grade,
    measures: e.rectificationMeasures,
    threshold,
  });
}

/** 预算执行率 of the form (执行数 ÷ 全年预算数), or null. */
export const selfExecutionRate = (e: EvaluationEntity): Decimal | null =>
  formExecutionRate(dec(e.spent), dec(e.budgeted));
