import ExcelJS from 'exceljs';
import type { GoalEntity } from '../../goals/goal.entity';
import { GoalScope } from '../../goals/goal.enums';
import { nameIn, type GoalFormData } from '../data/goal-form.data';
import { ANNEX3_LAYOUT, type Annex3Field } from '../layouts/annex3';
import type { CellInput } from '../render/sheet';
import { wrongForm, writeGoalSheet } from './goal-rows';

/** 附件3 is the form of a regional or project goal of a transfer payment. */
export function checkAnnex3(g: Pick<GoalEntity, 'scope'>): void {
  if (g.scope !== GoalScope.TRANSFER_REGIONAL && g.scope !== GoalScope.TRANSFER_PROJECT)
    throw wrongForm(3, g.scope, [GoalScope.TRANSFER_REGIONAL, GoalScope.TRANSFER_PROJECT]);
}

/**
 * 附件3 对下转移支付预算分区域/分项目绩效目标表 of a TRANSFER_REGIONAL or TRANSFER_PROJECT goal (002 附件3;
 * DOMAIN §5): the fund (所属专项) and its competent department, the receiving region (下达地区) and the
 * lower-level department, the annual amount with 其中：市级预算资金 / 县级及以下资金 in 万元, the annual
 * objective and the indicators.
 */
export function annex3Workbook(d: GoalFormData, wb = new ExcelJS.Workbook()): ExcelJS.Workbook {
  const g = d.goal;
  checkAnnex3(g);
  const lower = g.departmentId ?? d.project?.departmentId ?? null;
  const values: Record<Annex3Field, CellInput> = {
    goalName: g.name,
    fundName: d.fund?.name ?? null,
    fundDepartment: nameIn(d, d.fund?.organizationId),
    region: d.regionName,
    lowerDepartment: nameIn(d, lower),
    annualAmount: g.annualAmount,
    allocatingLevelAmount: g.allocatingLevelAmount,
    lowerLevelAmount: g.lowerLevelAmount,
    annualObjective: g.annualObjective,
  };
  writeGoalSheet(wb, ANNEX3_LAYOUT, d, values);
  return wb;
}
