import ExcelJS from 'exceljs';
import type { GoalEntity } from '../../goals/goal.entity';
import { GoalScope } from '../../goals/goal.enums';
import { nameIn, type GoalFormData } from '../data/goal-form.data';
import { ANNEX1_LAYOUT, type Annex1Field } from '../layouts/annex1';
import { PROJECT_ATTRIBUTE_LABELS, formatPeriod } from '../layouts/goal-header-text';
import type { CellInput } from '../render/sheet';
import { wrongForm, writeGoalSheet } from './goal-rows';

/** 附件1 is the form of an own-level project's goal (scope PROJECT). */
export function checkAnnex1(g: Pick<GoalEntity, 'scope'>): void {
  if (g.scope !== GoalScope.PROJECT) throw wrongForm(1, g.scope, [GoalScope.PROJECT]);
}

/**
 * 附件1 本级预算项目绩效目标表 of a PROJECT goal (002 附件1; DOMAIN §5): the 附件1 header (项目属性, 项目类别,
 * 项目实施期, 实施期金额 with its 财政拨款/其他资金 split) and the annual amounts in 万元, both objectives, and
 * the indicators with their targets (and 分值 right of the printed form).
 */
export function annex1Workbook(d: GoalFormData, wb = new ExcelJS.Workbook()): ExcelJS.Workbook {
  const g = d.goal;
  checkAnnex1(g);
  const values: Record<Annex1Field, CellInput> = {
    projectName: d.project?.name ?? g.name,
    period: formatPeriod(g.periodStartYear, g.periodEndYear),
    department: nameIn(d, d.project?.departmentId ?? g.departmentId),
    implementingUnit: nameIn(d, d.project?.implementingUnitId),
    projectAttribute: g.projectAttribute ? PROJECT_ATTRIBUTE_LABELS[g.projectAttribute] : null,
    projectCategory: g.projectCategory,
    periodAmount: g.periodAmount,
    annualAmount: g.annualAmount,
    periodFiscalAmount: g.periodFiscalAmount,
    fiscalAmount: g.fiscalAmount,
    periodOtherAmount: g.periodOtherAmount,
    otherAmount: g.otherAmount,
    implementationPeriodObjective: g.implementationPeriodObjective,
    annualObjective: g.annualObjective,
  };
  writeGoalSheet(wb, ANNEX1_LAYOUT, d, values);
  return wb;
}
