import { FormSlug, type LabelCell } from './layout';
import { monitoringForm, type MonitoringLayout } from './monitoring-layout';

/**
 * 附件5 对下转移支付预算分区域/分项目绩效运行监控表 (002 附件5; DOMAIN §9): as 附件4, with 所属专项 and the
 * 本级/上级主管部门 in the header, and the money table 年度预算数, 1-M月执行数, 1-M月执行率 (执行数 ÷ 年度预算数),
 * 全年预计执行数, 全年预计执行率 for the total, of which 市级预算资金 and 县级及以下资金 (their 年度预算数; the
 * seed prints "-" in their other columns).
 */
export type Annex5Field =
  | 'goalName'
  | 'fundName'
  | 'department'
  | 'upperDepartment'
  | 'annualBudget'
  | 'executedToDate'
  | 'executionRateToDate'
  | 'projectedExecution'
  | 'projectedExecutionRate'
  | 'allocatingLevelBudget'
  | 'lowerLevelBudget'
  | 'annualObjective'
  | 'completionSummary';

/** The seed's "-" in the 1-M月 and 全年预计 columns of the split rows. */
const dashes = (row: number): LabelCell[] => [
  { cell: `D${row}`, text: '-' },
  { cell: `E${row}`, text: '-' },
  { cell: `F${row}`, text: '-' },
  { cell: `G${row}`, text: '-', merge: `G${row}:I${row}` },
];

/** The parts shared with the other monitoring form; this seed's heading of the 1-M月 column. */
const FORM = monitoringForm('1-*月实际完成情况');

export const ANNEX5_LAYOUT: MonitoringLayout<Annex5Field> = {
  form: FormSlug.ANNEX5,
  annex: 5,
  sheetName: '附件5',
  title: '对下转移支付预算分区域/分项目绩效运行监控表',
  ...FORM.page,
  labels: [
    { cell: 'A4', text: '资金/项目名称' },
    { cell: 'G4', text: '所属专项' },
    { cell: 'A5', text: '本级主管部门' },
    { cell: 'G5', text: '上级主管部门' },
    { cell: 'A6', text: '资金投入\n（万元）', merge: 'A6:A9' },
    { cell: 'B6', text: '-' },
    { cell: 'C6', text: '年度预算数' },
    { cell: 'D6', text: '1-*月执行数' },
    { cell: 'E6', text: '1-*月执行率' },
    { cell: 'F6', text: '全年预计执行数' },
    { cell: 'G6', text: '全年预计执行率', merge: 'G6:I6' },
    { cell: 'B7', text: '年度预算资金总额' },
    { cell: 'B8', text: '其中：市级预算资金' },
    { cell: 'B9', text: '县级及以下资金' },
    ...dashes(8),
    ...dashes(9),
    ...FORM.goalLabels,
  ],
  fields: [
    { field: 'goalName', cell: 'B4', merge: 'B4:F4', kind: 'text', label: '资金/项目名称' },
    { field: 'fundName', cell: 'H4', merge: 'H4:I4', kind: 'text', label: '所属专项' },
    { field: 'department', cell: 'B5', merge: 'B5:F5', kind: 'text', label: '本级主管部门' },
    { field: 'upperDepartment', cell: 'H5', merge: 'H5:I5', kind: 'text', label: '上级主管部门' },
    { field: 'annualBudget', cell: 'C7', kind: 'wan', label: '年度预算数' },
    { field: 'executedToDate', cell: 'D7', kind: 'wan', label: '1-*月执行数' },
    { field: 'executionRateToDate', cell: 'E7', kind: 'rate', label: '1-*月执行率' },
    { field: 'projectedExecution', cell: 'F7', kind: 'wan', label: '全年预计执行数' },
    { field: 'projectedExecutionRate', cell: 'G7', merge: 'G7:I7', kind: 'rate', label: '全年预计执行率' },
    { field: 'allocatingLevelBudget', cell: 'C8', kind: 'wan', label: '其中：市级预算资金' },
    { field: 'lowerLevelBudget', cell: 'C9', kind: 'wan', label: '县级及以下资金' },
    ...FORM.goalFields,
  ],
  ...FORM.table,
  likelihoodColumns: { CERTAIN: [3, 4], POSSIBLE: [5, 6], IMPOSSIBLE: [7, 9] },
};
