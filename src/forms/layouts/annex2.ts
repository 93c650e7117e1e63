import { fiveColumnGoalForm, type GoalIndicatorRole } from './goal-layout';
import { FormSlug, type FormLayout } from './layout';

/**
 * 附件2 对下转移支付预算项目整体绩效目标表 (002 附件2; DOMAIN §5 TRANSFER_OVERALL): five printed columns as
 * 附件1 — 专项资金名称 / 专项实施期, 主管部门 / 资金分配方式, the annual amount with 其中：市级预算资金 and
 * 县级及以下资金 in 万元, both objectives — then the indicator table and the form's 备注.
 */
export type Annex2Field =
  | 'fundName'
  | 'period'
  | 'department'
  | 'allocationMethod'
  | 'annualAmount'
  | 'allocatingLevelAmount'
  | 'lowerLevelAmount'
  | 'implementationPeriodObjective'
  | 'annualObjective';

/** The page, objectives and indicator table shared by 附件1 and 附件2. */
const FORM = fiveColumnGoalForm(9);

export const ANNEX2_NOTES = ['备注：资金分配方式包括因素法、项目法等。'];

export const ANNEX2_LAYOUT: FormLayout<Annex2Field, GoalIndicatorRole> = {
  form: FormSlug.ANNEX2,
  annex: 2,
  sheetName: '附件2',
  title: '对下转移支付预算项目整体绩效目标表',
  ...FORM.page,
  widths: [14, 18, 26, 16, 30],
  labels: [
    { cell: 'A4', text: '专项资金名称' },
    { cell: 'D4', text: '专项实施期' },
    { cell: 'A5', text: '主管部门' },
    { cell: 'D5', text: '资金分配方式' },
    { cell: 'A6', text: '资金投入（万元）', merge: 'A6:A8' },
    { cell: 'B6', text: '年度金额' },
    { cell: 'B7', text: '其中：市级预算资金' },
    { cell: 'B8', text: '县级及以下资金' },
    ...FORM.objectiveLabels,
  ],
  fields: [
    { field: 'fundName', cell: 'B4', merge: 'B4:C4', kind: 'text', label: '专项资金名称' },
    { field: 'period', cell: 'E4', kind: 'text', label: '专项实施期' },
    { field: 'department', cell: 'B5', merge: 'B5:C5', kind: 'text', label: '主管部门' },
    { field: 'allocationMethod', cell: 'E5', kind: 'text', label: '资金分配方式' },
    { field: 'annualAmount', cell: 'C6', merge: 'C6:E6', kind: 'wan', label: '年度金额' },
    {
      field: 'allocatingLevelAmount',
      cell: 'C7',
      merge: 'C7:E7',
      kind: 'wan',
      label: '其中：市级预算资金',
    },
    { field: 'lowerLevelAmount', cell: 'C8', merge: 'C8:E8', kind: 'wan', label: '县级及以下资金' },
    ...FORM.objectiveFields,
  ],
  ...FORM.table,
};
