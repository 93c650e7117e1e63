import ExcelJS from 'exceljs';
import { Decimal, roundHalfUp } from '../../common/decimal';
import { msg, ErrorCode } from '../../common/errors';
import { refusal } from '../../common/refusal';
import { EvaluationKind } from '../../evaluation/evaluation.enums';
import type { EvaluationActualEntity } from '../../evaluation/evaluation-actual.entity';
import type { StoredScoreLine } from '../../evaluation/evaluation.entity';
import { IndicatorCategory, IndicatorSubcategory, categoryNames } from '../../goals/indicator.enums';
import type { EvaluationFormData } from '../data/evaluation-form.data';
import { nameIn } from '../data/goal-form.data';
import { ANNEX6_LAYOUT, type Annex6Field, type SelfEvaluationRole } from '../layouts/annex6';
import { cellAt, formatTarget } from '../layouts/layout';
import {
  finishSheet,
  newFormSheet,
  writeHeader,
  writeIndicatorTable,
  writeLabel,
  writeValue,
  type CellInput,
  type IndicatorRowInput,
} from '../render/sheet';

const TIER_LABELS: Record<NonNullable<EvaluationActualEntity['tier']>, string> = {
  ACHIEVED: '达成',
  PARTIAL: '部分达成',
  NOT_ACHIEVED: '未达成',
};

/** 附件6 is the self-evaluation form (单位自评, kind SELF). */
export function checkAnnex6(d: EvaluationFormData): void {
  if (d.evaluation.kind !== EvaluationKind.SELF)
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['form'],
      msg(
        `附件6 为单位自评表，不适用于 ${d.evaluation.kind} 评价`,
        `附件6 is the self-evaluation form; it does not apply to ${d.evaluation.kind} evaluations`,
      ),
      { reason: 'WRONG_FORM' },
    );
}

const ZERO = new Decimal(0);
const sum = (values: readonly string[]) => values.reduce((s, v) => s.plus(new Decimal(v)), ZERO);
/** Points as printed in a category label: "50", "33.33". */
const shortPoints = (d: Decimal) => roundHalfUp(d, 2).toString();

/** The scored rows (DOMAIN §10): 共性指标 money lines first, then every indicator with its actual value. */
function rows(d: EvaluationFormData): IndicatorRowInput<SelfEvaluationRole>[] {
  const indicators = new Map(d.goal.indicators.map((i) => [i.id, i]));
  const actuals = new Map(d.actuals.map((a) => [a.indicatorId, a]));
  const out: IndicatorRowInput<SelfEvaluationRole>[] = [];
  for (const line of d.lines) {
    const common = line.category === IndicatorCategory.COMMON && line.key.startsWith('COMMON:');
    const i = indicators.get(line.key);
    if (!common && !i) continue;
    const a = i ? actuals.get(i.id) : undefined;
    out.push({
      category: common ? IndicatorCategory.COMMON : i!.category,
      subcategory: common ? IndicatorSubcategory.BUDGET_MANAGEMENT : i!.subcategory,
      cells: {
        name: line.name,
        target: common ? '-' : formatTarget(i!),
        actual: common ? rateText(line) : actualText(i!.unit, a),
        points: new Decimal(line.points),
        score: new Decimal(line.score),
      },
    });
  }
  return out;
}

/** 资金到位率 / 预算执行率 as computed by the engine (the rate is exact; shown as a percentage, 2 decimals). */
function rateText(line: StoredScoreLine): string {
  const rate = line.inputs.rate;
  return rate === undefined ? '-' : `${roundHalfUp(new Decimal(rate).times(100), 2).toFixed(2)}%`;
}

function actualText(
  unit: string | null,
  a: Pick<EvaluationActualEntity, 'actual' | 'tier' | 'percentage'> | undefined,
): string {
  if (!a) return '';
  if (a.actual !== null) return `${a.actual}${unit ?? ''}`;
  if (a.tier) return `${TIER_LABELS[a.tier]}${a.percentage !== null ? `（${a.percentage}%）` : ''}`;
  return '';
}

/**
 * 附件6 本级预算项目绩效自评表 of a SELF evaluation (002 附件6; DOMAIN §10): the money rows in 万元, the
 * objective and what was achieved, the scored table with each category's points in its label, and 总计
 * (the points and the total, the sum of the rounded scores, DOMAIN §10.6).
 */
export function annex6Workbook(d: EvaluationFormData, wb = new ExcelJS.Workbook()): ExcelJS.Workbook {
  checkAnnex6(d);
  const e = d.evaluation;
  const g = d.goal.goal;
  const values: Record<Annex6Field, CellInput> = {
    projectName: d.goal.project?.name ?? g.name,
    year: `${e.year}年`,
    department: nameIn(d.goal, d.goal.project?.departmentId ?? g.departmentId),
    implementingUnit: nameIn(d.goal, d.goal.project?.implementingUnitId),
    initialBudget: e.initialBudget,
    fullYearBudget: e.budgeted,
    spent: e.spent,
    annualObjective: e.annualObjective ?? g.annualObjective,
    achievement: e.achievement,
  };
  const ws = newFormSheet(wb, ANNEX6_LAYOUT, { period: `（${e.year} 年）`, filer: false });
  writeHeader(ws, ANNEX6_LAYOUT, values);
  const categoryPoints = (c: IndicatorCategory) =>
    shortPoints(sum(d.lines.filter((l) => l.category === c).map((l) => l.points)));
  const last = writeIndicatorTable(ws, ANNEX6_LAYOUT, rows(d), {
    categoryLabel: (c) => `${categoryNames[c]}（${categoryPoints(c)}分）`,
  });
  // 总计: "-" in the text columns as the seed prints them; the points and the total with 2 decimals.
  const total = last + 1;
  writeLabel(ws, cellAt(total, 1), '总计', true);
  for (const col of [2, 3, 4, 5]) writeLabel(ws, cellAt(total, col), '-');
  writeValue(ws.getCell(total, 6), 'score', sum(d.lines.map((l) => l.points)));
  writeValue(ws.getCell(total, 7), 'score', e.total ?? sum(d.lines.map((l) => l.score)));
  finishSheet(ws, ANNEX6_LAYOUT, total, ANNEX6_LAYOUT.indicatorHeadingRow);
  return wb;
}
