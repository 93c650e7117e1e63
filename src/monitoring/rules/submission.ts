import { ErrorCode, msg } from '../../common/errors';
import type { Problem } from '../../common/problem';
import { Likelihood, type DeviationCauseEntry, type MonitoringFlag } from '../monitoring.enums';

/** One indicator line as the submission check reads it. */
export interface SubmissionLine {
  name: string;
  /** True when off track, null when nothing is projected. */
  offTrack: boolean | null;
  causes: readonly DeviationCauseEntry[];
}

export interface SubmissionFacts {
  likelihood: Likelihood | null;
  correctiveMeasures: string | null;
  projectedExecution: string | null;
  flags: readonly MonitoringFlag[];
  lines: readonly SubmissionLine[];
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/**
 * Whether a monitoring report may be submitted (DOMAIN §9; 附件4 备注 1–2), all problems at once:
 * - the conclusion (likelihood) and the projected full-year execution are given;
 * - every indicator has a projected full-year completion;
 * - a report with any flag, or with likelihood other than CERTAIN, names at least one cause with text
 *   for each off-track indicator and gives corrective measures (纠偏措施).
 */
export function submissionProblems(f: SubmissionFacts): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string[], zh: string, en: string, reason: string) =>
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      field: ['report', ...field],
      message: msg(zh, en),
      reason,
    });
  if (!f.likelihood)
    add(
      ['likelihood'],
      '请选择完成年度绩效目标的可能性',
      'Give the likelihood of meeting the annual goal',
      'LIKELIHOOD',
    );
  if (blank(f.projectedExecution))
    add(
      ['projectedExecution'],
      '请填写全年预计执行数',
      'Give the projected full-year execution',
      'PROJECTED_EXECUTION',
    );
  f.lines.forEach((line, i) => {
    if (line.offTrack === null)
      add(
        ['indicators', String(i), 'projected'],
        `指标"${line.name}"缺少全年预计完成情况`,
        `Indicator "${line.name}" has no projected full-year completion`,
        'PROJECTION',
      );
  });
  const needsAnalysis = f.flags.length > 0 || (f.likelihood !== null && f.likelihood !== Likelihood.CERTAIN);
  if (!needsAnalysis) return problems;
  f.lines.forEach((line, i) => {
    if (line.offTrack && !line.causes.some((c) => !blank(c.text)))
      add(
        ['indicators', String(i), 'causes'],
        `指标"${line.name}"预计不能达到指标值，须从经费、制度、人员、硬件条件等方面分析偏差原因`,
        `Indicator "${line.name}" is off track: classify and explain the causes of the deviation`,
        'CAUSES',
      );
  });
  if (blank(f.correctiveMeasures))
    add(
      ['correctiveMeasures'],
      '存在偏离或不能确定完成年度目标时，须提出纠偏措施',
      'A flagged report, or one not certain to meet the goal, needs corrective measures',
      'MEASURES',
    );
  return problems;
}

/** The submission facts of a report and its findings (rules/findings.ts): one shape for mutation and UI. */
export function submissionFacts(
  report: Pick<SubmissionFacts, 'likelihood' | 'correctiveMeasures' | 'projectedExecution'>,
  findings: {
    flags: readonly MonitoringFlag[];
    lines: readonly {
      indicator: { name: string };
      line: { causes: readonly DeviationCauseEntry[] } | null;
      offTrack: boolean | null;
    }[];
  },
): SubmissionFacts {
  return {
    likelihood: report.likelihood,
    correctiveMeasures: report.correctiveMeasures,
    projectedExecution: report.projectedExecution,
    flags: findings.flags,
    lines: findings.lines.map((l) => ({
      name: l.indicator.name,
      offTrack: l.offTrack,
      causes: l.line?.causes ?? [],
    })),
  };
}
