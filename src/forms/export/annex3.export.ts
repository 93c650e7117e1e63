import ExcelJS from 'exceljs';
import type { GoalEntity } from '../../goals/goal.entity';
import { GoalScope } from '../../goals/goal.enums';
import type { GoalFormData } from '../data/goal-form.data';
import { ANNEX3_LAYOUT, type Annex3Field } from '../layouts/annex3';
import { formatYearLine } from '../layouts/goal-header-text';
import { finishSheet, newFormSheet, writeHeader, writeIndicatorTable, type CellInput } from '../render/sheet';
import { goalIndicatorRows, wrongForm } from './goal-rows';

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
  const name = (id: string | null | undefined) => (id ? (d.names.get(id) ?? null) : null);
  const lower = g.departmentId ?? d.project?.departmentId ?? null;
  const values: Record<Annex3Field, CellInput> = {
    goalName: g.name,
    fundName: d.fund?.name ?? null,
    fundDepartment: name(d.fund?.organizationId),
    region: d.regionName,
    lowerDepartment: name(lower),
    annualAmount: g.annualAmount,
    allocatingLevelAmount: g.allocatingLevelAmount,
    lowerLevelAmount: g.lowerLevelAmount,
    annualObjective: g.annualObjective,
  };
  const ws = newFormSheet(wb, ANNEX3_LAYOUT, {
    period: formatYearLine(g.year),
    filer: name(g.drafterOrganizationId),
  });
  writeHeader(ws, ANNEX3_LAYOUT, values);
  const last = writeIndicatorTable(ws, ANNEX3_LAYOUT, goalIndicatorRows(d.indicators));
  finishSheet(ws, ANNEX3_LAYOUT, last, ANNEX3_LAYOUT.indicatorHeadingRow);
  return wb;
}
