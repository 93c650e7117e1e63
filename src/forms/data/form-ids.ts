import { msg } from '../../common/errors';
import { idOfType, uuidPattern } from '../../common/global-id';
import { refusal } from '../../common/refusal';

/** The object an export reads: a goal (附件1–3), a monitoring report (附件4–5), an evaluation (附件6). */
export type FormSubject = 'PerformanceGoal' | 'MonitoringReport' | 'Evaluation';

const NOUN: Record<FormSubject, { zh: string; en: string }> = {
  PerformanceGoal: { zh: '绩效目标', en: 'performance goal' },
  MonitoringReport: { zh: '绩效运行监控报告', en: 'monitoring report' },
  Evaluation: { zh: '绩效评价', en: 'evaluation' },
};

/** P6: missing, malformed and outside the caller's jurisdiction all read the same (404). */
export function notFound(subject: FormSubject, field: readonly string[] = ['id']) {
  const n = NOUN[subject];
  return refusal.notFound(
    msg(`${n.zh}不存在或不在您的管辖范围内`, `No such ${n.en} in your jurisdiction`),
    field,
  );
}

/** A global id of the subject's type, or a bare UUID; anything else is null (reads as not found). */
export function subjectUuid(id: string, subject: FormSubject): string | null {
  const trimmed = id.trim();
  if (uuidPattern.test(trimmed.toLowerCase())) return trimmed.toLowerCase();
  return idOfType(trimmed, subject);
}
