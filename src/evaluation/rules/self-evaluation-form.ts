import { Decimal, formatDecimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import { Grade } from '../../common/grade';
import type { Problem } from '../../common/problem';

/**
 * **Policy choice** (DOMAIN §10.8; 002 第二十八条(一) "对预算执行率偏低、自评结果较差的项目，要单独说明原因，
 * 提出整改措施"): the seeds give no number for 偏低. 90% — the year-end reading of the SLOW_EXECUTION rule
 * of DOMAIN §9 (more than 10 percentage points behind the time elapsed, M = 12). A tenant-policy value:
 * pass the tenant's threshold where the policy module provides one; this is its default.
 */
export const DEFAULT_RECTIFICATION_EXECUTION_RATE_THRESHOLD = new Decimal('0.9');

/**
 * 预算执行率 of the 附件6 form: 预算执行数 ÷ 全年预算数 — the rates of a self-evaluation use the full-year
 * budget, not the initial one (DOMAIN §10.8). Null when the full-year budget is unknown or 0.
 */
export function formExecutionRate(spent: Decimal | null, fullYearBudget: Decimal | null): Decimal | null {
  if (spent == null || fullYearBudget == null || fullYearBudget.isZero()) return null;
  return spent.div(fullYearBudget);
}

export interface RectificationInput {
  spent: Decimal | null;
  fullYearBudget: Decimal | null;
  /** The grade the submission would get (the engine's). */
  grade: Grade | null;
  measures: string | null;
  threshold?: Decimal;
}

/** Why 整改措施 are needed, if they are: the execution rate under the threshold and/or grade POOR. */
export function rectificationReasons(i: RectificationInput): string[] {
  const threshold = i.threshold ?? DEFAULT_RECTIFICATION_EXECUTION_RATE_THRESHOLD;
  const rate = formExecutionRate(i.spent, i.fullYearBudget);
  const reasons: string[] = [];
  if (rate != null && rate.lt(threshold)) reasons.push('LOW_EXECUTION');
  if (i.grade === Grade.POOR) reasons.push('POOR_GRADE');
  return reasons;
}

/**
 * The one decision behind both the submission and `availableActions` (DOMAIN §10.8, 002 第二十八条(一)):
 * when the execution rate is below the threshold or the grade would be POOR, the self-evaluation cannot
 * be submitted without 整改措施. Returns the problem (path `rectificationMeasures`) or null.
 */
export function rectificationProblem(i: RectificationInput): Problem | null {
  const reasons = rectificationReasons(i);
  if (reasons.length === 0 || (i.measures != null && i.measures.trim() !== '')) return null;
  const threshold = i.threshold ?? DEFAULT_RECTIFICATION_EXECUTION_RATE_THRESHOLD;
  const rate = formExecutionRate(i.spent, i.fullYearBudget);
  // Shown truncated, so a rate just under the threshold never reads as equal to it.
  const pct = (d: Decimal) => `${formatDecimal(d.times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN), 2)}%`;
  const zh: string[] = [];
  const en: string[] = [];
  if (reasons.includes('LOW_EXECUTION')) {
    zh.push(`预算执行率 ${pct(rate!)} 低于 ${pct(threshold)}`);
    en.push(`the execution rate ${pct(rate!)} is below ${pct(threshold)}`);
  }
  if (reasons.includes('POOR_GRADE')) {
    zh.push('自评等级为差');
    en.push('the grade is POOR');
  }
  return {
    code: ErrorCode.WORKFLOW_VIOLATION,
    reason: 'RECTIFICATION_REQUIRED',
    field: ['rectificationMeasures'],
    message: msg(
      `${zh.join('、')}，须单独说明原因并提出整改措施（002 第二十八条(一)）`,
      `${en.join(' and ')}: rectification measures (整改措施) are required (002 art. 28(1))`,
    ),
  };
}

/**
 * The threshold from the tenant's SLOW_EXECUTION policy (percentage points behind time elapsed, DOMAIN §9,
 * default 10): at year end, 1 − points ÷ 100. For wiring to the tenant policy module.
 */
export function rectificationThresholdFrom(slowExecutionPoints: Decimal): Decimal {
  return new Decimal(1).minus(slowExecutionPoints.div(100));
}
