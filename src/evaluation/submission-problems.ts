import { ErrorCode, msg } from '../common/errors';
import type { Problem } from '../common/problem';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { gradeBandsOf, scoringPolicyOf, type ResolvedPolicy } from '../policy/rules/policy';
import type { EvaluationActualEntity } from './evaluation-actual.entity';
import type { EvaluationFrameworkScoreEntity } from './evaluation-framework-score.entity';
import type { EvaluationReportSectionEntity } from './evaluation-report-section.entity';
import type { EvaluationEntity } from './evaluation.entity';
import { lineOfRow } from './framework-content';
import { scoreFramework, type FrameworkScore } from './rules/framework';
import { checkReportSections } from './rules/report-outline';
import { rectificationThresholdOf, selfSubmitBlock } from './self-form';
import { scoreContent, storedContent, type SelfScoring } from './self-scoring';

/**
 * What keeps a stored evaluation from being submitted (DOMAIN §10.5–8; 002 第二十一条(二), 第二十七条), computed
 * from rows already loaded (no database) — one computation for `submitEvaluation` and `availableActions`,
 * so a SUBMIT shown as allowed never fails its checks (issue 11 item 2). Paths are those of the stored
 * evaluation (`actuals.2.explanation`, `rectificationMeasures`, `indicators`, `sections.…`).
 */

/** 单位自评: the engine's input and submission problems on the stored content, then 整改措施 (§10.8). */
export function selfSubmissionCheck(
  e: EvaluationEntity,
  indicators: readonly GoalIndicatorEntity[],
  rows: readonly EvaluationActualEntity[],
  policy: ResolvedPolicy,
): { scored: SelfScoring; problems: Problem[] } {
  const scored = scoreContent(indicators, storedContent(e, rows, indicators), scoringPolicyOf(policy));
  const problems = [...scored.inputProblems, ...scored.submissionProblems];
  // DOMAIN §10.8, 002 第二十八条(一): low execution or a POOR grade needs 整改措施.
  const block = selfSubmitBlock(e, scored.score.grade, rectificationThresholdOf(policy));
  return { scored, problems: block ? [...problems, block] : problems };
}

/** 部门/财政评价: every framework indicator scored, the points rules, and the report outline written. */
export function frameworkSubmissionCheck(
  e: EvaluationEntity,
  indicators: readonly EvaluationFrameworkScoreEntity[],
  sections: readonly EvaluationReportSectionEntity[],
  policy: ResolvedPolicy,
): { score: FrameworkScore; problems: Problem[] } {
  const score = scoreFramework(indicators.map(lineOfRow), gradeBandsOf(policy), e.weightJustification);
  const problems: Problem[] = [
    ...score.inputProblems,
    ...score.completionProblems,
    ...checkReportSections(sections.map((s) => ({ key: s.sectionKey, text: s.body }))),
  ];
  if (indicators.length === 0)
    problems.push({
      code: ErrorCode.WORKFLOW_VIOLATION,
      field: ['indicators'],
      message: msg('尚未设置评价指标', 'No framework indicators are set yet'),
    });
  return { score, problems };
}
