import { ErrorCode, msg } from '../common/errors';
import { refusal } from '../common/refusal';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../common/request-context';
import { loadGoalForm, type GoalFormData } from './data/goal-form.data';
import type { FormSubject } from './data/form-ids';
import { annex1Workbook, checkAnnex1 } from './export/annex1.export';
import { annex3Workbook, checkAnnex3 } from './export/annex3.export';
import { loadEvaluationForm, type EvaluationFormData } from './data/evaluation-form.data';
import { loadMonitoringForm, type MonitoringFormData } from './data/monitoring-form.data';
import { annex2Workbook, checkAnnex2 } from './export/annex2.export';
import { annex4Workbook, annex5Workbook } from './export/annex45.export';
import { annex6Workbook, checkAnnex6 } from './export/annex6.export';
import { checkMonitoringForm } from './export/monitoring.export';
import { FormSlug } from './layouts/layout';

/**
 * One form of 002: what it is of (`subject`, the `id` parameter), how its data is read through the
 * caller's loaders (`load`: NOT_FOUND outside the caller's jurisdiction, P6), and how it is drawn (`draw`:
 * BAD_USER_INPUT when the object is not of the form's kind, e.g. 附件1 of a transfer goal). `load` and
 * `draw` are apart so that a batch reads everything first, inside the request's transaction, and streams
 * the workbooks after the connection is given back.
 */
export interface FormDefinition<D = unknown> {
  subject: FormSubject;
  load(ctx: RequestContext, id: string): Promise<D>;
  /** refuses an object of another kind than the form's (BAD_USER_INPUT), before anything is drawn */
  check?(data: D): void;
  draw(data: D): ExcelJS.Workbook;
  /** file name (Chinese, Content-Disposition filename*) and its ASCII fallback */
  filename(data: D): { filename: string; ascii: string };
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80);

function goalForm(
  form: FormSlug,
  annex: number,
  draw: (d: GoalFormData) => ExcelJS.Workbook,
  check: (d: GoalFormData) => void,
): FormDefinition<GoalFormData> {
  return {
    subject: 'PerformanceGoal',
    load: loadGoalForm,
    check,
    draw,
    filename: (d) => ({
      filename: `附件${annex}-${safe(d.goal.name)}-${d.goal.year}.xlsx`,
      ascii: `${form}-${d.goal.id}.xlsx`,
    }),
  };
}

/** The forms by slug (docs/forms.md). */
export const FORMS: Partial<Record<FormSlug, FormDefinition>> = {
  [FormSlug.ANNEX1]: erase(
    goalForm(
      FormSlug.ANNEX1,
      1,
      (d) => annex1Workbook(d),
      (d) => checkAnnex1(d.goal),
    ),
  ),
  [FormSlug.ANNEX2]: erase(
    goalForm(
      FormSlug.ANNEX2,
      2,
      (d) => annex2Workbook(d),
      (d) => checkAnnex2(d.goal),
    ),
  ),
  [FormSlug.ANNEX3]: erase(
    goalForm(
      FormSlug.ANNEX3,
      3,
      (d) => annex3Workbook(d),
      (d) => checkAnnex3(d.goal),
    ),
  ),
  [FormSlug.ANNEX4]: erase(monitoringForm(4, annex4Workbook)),
  [FormSlug.ANNEX5]: erase(monitoringForm(5, annex5Workbook)),
  [FormSlug.ANNEX6]: erase<EvaluationFormData>({
    subject: 'Evaluation',
    load: loadEvaluationForm,
    check: checkAnnex6,
    draw: annex6Workbook,
    filename: (d) => ({
      filename: `附件6-${safe(d.goal.project?.name ?? d.goal.goal.name)}-${d.evaluation.year}.xlsx`,
      ascii: `annex6-${d.evaluation.id}.xlsx`,
    }),
  }),
};

function monitoringForm(
  annex: 4 | 5,
  draw: (d: MonitoringFormData) => ExcelJS.Workbook,
): FormDefinition<MonitoringFormData> {
  return {
    subject: 'MonitoringReport',
    load: loadMonitoringForm,
    check: (d) => checkMonitoringForm(annex, d.goal.goal),
    draw,
    filename: (d) => ({
      filename: `附件${annex}-${safe(d.goal.goal.name)}-${d.report.year}年1-${d.report.month}月.xlsx`,
      ascii: `annex${annex}-${d.report.id}.xlsx`,
    }),
  };
}

/** A definition in the table: `draw` and `filename` only ever get what its own `load` returned. */
function erase<D>(def: FormDefinition<D>): FormDefinition {
  return def as unknown as FormDefinition;
}

export function formOf(slug: string): FormDefinition<unknown> | null {
  return (Object.values(FormSlug) as string[]).includes(slug) ? (FORMS[slug as FormSlug] ?? null) : null;
}

/** A filled form as XLSX bytes with its file names. */
export async function exportForm(
  ctx: RequestContext,
  form: FormSlug,
  id: string,
): Promise<{ body: Buffer; filename: string; ascii: string }> {
  const def = formOf(form);
  if (!def)
    throw refusal(ErrorCode.BAD_USER_INPUT, ['form'], msg(`没有表单 ${form}`, `There is no form ${form}`));
  const data = await def.load(ctx, id);
  const workbook = def.draw(data);
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), ...def.filename(data) };
}

/** 附件1 of a PROJECT goal (global id or UUID) as XLSX bytes, read with the caller's jurisdiction. */
export const exportAnnex1 = async (ctx: RequestContext, goalId: string): Promise<Buffer> =>
  (await exportForm(ctx, FormSlug.ANNEX1, goalId)).body;

/** 附件3 of a TRANSFER_REGIONAL / TRANSFER_PROJECT goal as XLSX bytes, read with the caller's jurisdiction. */
export const exportAnnex3 = async (ctx: RequestContext, goalId: string): Promise<Buffer> =>
  (await exportForm(ctx, FormSlug.ANNEX3, goalId)).body;
