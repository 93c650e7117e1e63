import ExcelJS from 'exceljs';
import { Decimal } from '../../common/decimal';
import { allocationMethodNames } from '../../funds/fund.enums';
import type { GoalEntity } from '../../goals/goal.entity';
import { GoalScope } from '../../goals/goal.enums';
import { nameIn, type GoalFormData } from '../data/goal-form.data';
import { ANNEX2_LAYOUT, ANNEX2_NOTES, type Annex2Field } from '../layouts/annex2';
import { formatPeriod } from '../layouts/goal-header-text';
import type { CellInput } from '../render/sheet';
import { wrongForm, writeGoalSheet } from './goal-rows';

/** 附件2 is the form of a transfer payment's overall goal (scope TRANSFER_OVERALL). */
export function checkAnnex2(g: Pick<GoalEntity, 'scope'>): void {
  if (g.scope !== GoalScope.TRANSFER_OVERALL) throw wrongForm(2, g.scope, [GoalScope.TRANSFER_OVERALL]);
}

/**
 * 附件2 of a TRANSFER_OVERALL goal (002 附件2; DOMAIN §4–5): the fund, its period (the goal's 专项实施期, else
 * the fund's), its competent department and allocation method (因素法 / 项目法), the annual amount with the
 * allocating level's money (DOMAIN §4: upper-level plus own-level) and the lower levels' in 万元.
 */
export function annex2Workbook(d: GoalFormData, wb = new ExcelJS.Workbook()): ExcelJS.Workbook {
  const g = d.goal;
  checkAnnex2(g);
  const f = d.fund;
  const allocating =
    g.allocatingLevelAmount ?? (f ? new Decimal(f.upperLevelAmount).plus(f.ownLevelAmount) : null);
  const values: Record<Annex2Field, CellInput> = {
    fundName: f?.name ?? g.name,
    period: formatPeriod(g.periodStartYear ?? f?.startYear ?? null, g.periodEndYear ?? f?.endYear ?? null),
    department: nameIn(d, f?.organizationId ?? g.drafterOrganizationId),
    allocationMethod: f ? allocationMethodNames[f.allocationMethod] : null,
    annualAmount: g.annualAmount,
    allocatingLevelAmount: allocating,
    lowerLevelAmount: g.lowerLevelAmount ?? f?.lowerLevelAmount ?? null,
    implementationPeriodObjective: g.implementationPeriodObjective,
    annualObjective: g.annualObjective,
  };
  writeGoalSheet(wb, ANNEX2_LAYOUT, d, values, ANNEX2_NOTES);
  return wb;
}
