import { FormSlug } from './layout';
import { monitoringForm, type MonitoringLayout } from './monitoring-layout';

/**
 * 附件4 本级预算项目绩效运行监控表 (002 附件4; DOMAIN §9): nine printed columns A–I, landscape. The money
 * table (rows 6–9) has 年初预算数, 1-M月预算数, 1-M月执行数, 1-M月执行率 (执行数 ÷ 1-M月预算数), 全年预计执行数
 * and 全年预计执行率 (÷ the annual budget) for the total, of which 财政拨款 and 其他资金 (their 年初预算数).
 */
export type Annex4Field =
  | 'projectName'
  | 'department'
  | 'implementingUnit'
  | 'initialBudget'
  | 'budgetToDate'
  | 'executedToDate'
  | 'executionRateToDate'
  | 'projectedExecution'
  | 'projectedExecutionRate'
  | 'fiscalInitialBudget'
  | 'otherInitialBudget'
  | 'annualObjective'
  | 'completionSummary';

/** The parts shared with the other monitoring form; this seed's heading of the 1-M月 column. */
const FORM = monitoringForm('1-*月完成情况');

export const ANNEX4_LAYOUT: MonitoringLayout<Annex4Field> = {
  form: FormSlug.ANNEX4,
  annex: 4,
  sheetName: '附件4',
  title: '本级预算项目绩效运行监控表',
  ...FORM.page,
  labels: [
    { cell: 'A4', text: '项目名称' },
    { cell: 'A5', text: '主管部门' },
    { cell: 'F5', text: '实施单位' },
    { cell: 'A6', text: '资金投入\n（万元）', merge: 'A6:A9' },
    { cell: 'B6', text: '-' },
    { cell: 'C6', text: '年初预算数' },
    { cell: 'D6', text: '1-*月预算数' },
    { cell: 'E6', text: '1-*月执行数' },
    { cell: 'F6', text: '1-*月执行率' },
    { cell: 'G6', text: '全年预计执行数' },
    { cell: 'H6', text: '全年预计执行率', merge: 'H6:I6' },
    { cell: 'B7', text: '年度预算资金总额' },
    { cell: 'B8', text: '其中：财政拨款' },
    { cell: 'B9', text: '其他资金' },
    { cell: 'H8', text: '', merge: 'H8:I8' },
    { cell: 'H9', text: '', merge: 'H9:I9' },
    ...FORM.goalLabels,
  ],
  fields: [
    { field: 'projectName', cell: 'B4', merge: 'B4:I4', kind: 'text', label: '项目名称' },
    { field: 'department', cell: 'B5', merge: 'B5:E5', kind: 'text', label: '主管部门' },
    { field: 'implementingUnit', cell: 'G5', merge: 'G5:I5', kind: 'text', label: '实施单位' },
    { field: 'initialBudget', cell: 'C7', kind: 'wan', label: '年初预算数' },
    { field: 'budgetToDate', cell: 'D7', kind: 'wan', label: '1-*月预算数' },
    { field: 'executedToDate', cell: 'E7', kind: 'wan', label: '1-*月执行数' },
    { field: 'executionRateToDate', cell: 'F7', kind: 'rate', label: '1-*月执行率' },
    { field: 'projectedExecution', cell: 'G7', kind: 'wan', label: '全年预计执行数' },
    { field: 'projectedExecutionRate', cell: 'H7', merge: 'H7:I7', kind: 'rate', label: '全年预计执行率' },
    { field: 'fiscalInitialBudget', cell: 'C8', kind: 'wan', label: '其中：财政拨款' },
    { field: 'otherInitialBudget', cell: 'C9', kind: 'wan', label: '其他资金' },
    ...FORM.goalFields,
  ],
  ...FORM.table,
  likelihoodColumns: { CERTAIN: [3, 3], POSSIBLE: [4, 5], IMPOSSIBLE: [6, 9] },
};
