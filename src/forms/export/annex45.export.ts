import type ExcelJS from 'exceljs';
import { nameIn } from '../data/goal-form.data';
import type { MonitoringFormData } from '../data/monitoring-form.data';
import { ANNEX4_LAYOUT, type Annex4Field } from '../layouts/annex4';
import { ANNEX5_LAYOUT, type Annex5Field } from '../layouts/annex5';
import type { CellInput } from '../render/sheet';
import { checkMonitoringForm, fraction, monitoringWorkbook } from './monitoring.export';

/**
 * 附件4 本级预算项目绩效运行监控表 of a report on a PROJECT (or DEPARTMENT) goal (002 附件4; DOMAIN §9):
 * 1-M月执行率 = 执行数 ÷ 1-M月预算数, 全年预计执行率 = 预计执行数 ÷ 年度预算 (src/monitoring/rules/money.ts).
 */
export function annex4Workbook(d: MonitoringFormData): ExcelJS.Workbook {
  const g = d.goal.goal;
  checkMonitoringForm(4, g);
  const m = d.view.money;
  const values: Record<Annex4Field, CellInput> = {
    projectName: d.goal.project?.name ?? g.name,
    department: nameIn(d.goal, d.goal.project?.departmentId ?? g.departmentId),
    implementingUnit: nameIn(d.goal, d.goal.project?.implementingUnitId),
    initialBudget: m.annualBudget,
    budgetToDate: m.budgetToDate,
    executedToDate: m.executedToDate,
    executionRateToDate: fraction(m.executionRateToDate),
    projectedExecution: m.projectedExecution,
    projectedExecutionRate: fraction(m.projectedExecutionRate),
    fiscalInitialBudget: g.fiscalAmount,
    otherInitialBudget: g.otherAmount,
    annualObjective: g.annualObjective,
    completionSummary: d.report.completionSummary,
  };
  return monitoringWorkbook(ANNEX4_LAYOUT, d, values);
}

/**
 * 附件5 对下转移支付预算分区域/分项目绩效运行监控表 of a report on a transfer goal (002 附件5; DOMAIN §9):
 * 1-M月执行率 = 执行数 ÷ 年度预算数 (as SLOW_EXECUTION reads it), the split 市级预算资金 / 县级及以下资金 of the
 * annual budget from the goal (DOMAIN §4).
 */
export function annex5Workbook(d: MonitoringFormData): ExcelJS.Workbook {
  const g = d.goal.goal;
  checkMonitoringForm(5, g);
  const m = d.view.money;
  const fund = d.goal.fund;
  const values: Record<Annex5Field, CellInput> = {
    goalName: g.name,
    fundName: fund?.name ?? null,
    department: nameIn(d.goal, g.departmentId ?? d.goal.project?.departmentId ?? g.drafterOrganizationId),
    upperDepartment: nameIn(d.goal, fund?.organizationId),
    annualBudget: m.annualBudget,
    executedToDate: m.executedToDate,
    executionRateToDate: fraction(m.executionOfAnnualRate),
    projectedExecution: m.projectedExecution,
    projectedExecutionRate: fraction(m.projectedExecutionRate),
    allocatingLevelBudget: g.allocatingLevelAmount,
    lowerLevelBudget: g.lowerLevelAmount,
    annualObjective: g.annualObjective,
    completionSummary: d.report.completionSummary,
  };
  return monitoringWorkbook(ANNEX5_LAYOUT, d, values);
}
