import { fiveColumnGoalForm, type GoalIndicatorRole } from './goal-layout';
import { FormSlug, type FormLayout } from './layout';

/**
 * 附件1 本级预算项目绩效目标表 (002 附件1; DOMAIN §5): five printed columns A–E, label/value pairs in the
 * header as the seed lays them out ("项目名称 | ⟨B:C⟩ | 项目实施期 | ⟨E⟩"), money in 万元, then the three-level
 * indicator table (一级 A, 二级 B, 三级 C:D, 年度指标值 E) and 分值 in column G, as 附件2 (goal-layout.ts).
 */
export type Annex1Field =
  | 'projectName'
  | 'period'
  | 'department'
  | 'implementingUnit'
  | 'projectAttribute'
  | 'projectCategory'
  | 'periodAmount'
  | 'annualAmount'
  | 'periodFiscalAmount'
  | 'fiscalAmount'
  | 'periodOtherAmount'
  | 'otherAmount'
  | 'implementationPeriodObjective'
  | 'annualObjective';

export type { GoalIndicatorRole };

/** The page, objectives and indicator table shared by 附件1 and 附件2. */
const FORM = fiveColumnGoalForm(10);

export const ANNEX1_LAYOUT: FormLayout<Annex1Field, GoalIndicatorRole> = {
  form: FormSlug.ANNEX1,
  annex: 1,
  sheetName: '附件1',
  title: '本级预算项目绩效目标表',
  ...FORM.page,
  widths: [14, 16, 26, 16, 30],
  labels: [
    { cell: 'A4', text: '项目名称' },
    { cell: 'D4', text: '项目实施期' },
    { cell: 'A5', text: '主管部门' },
    { cell: 'D5', text: '实施单位' },
    { cell: 'A6', text: '项目属性' },
    { cell: 'D6', text: '项目类别' },
    { cell: 'A7', text: '资金投入（万元）', merge: 'A7:A9' },
    { cell: 'B7', text: '实施期金额' },
    { cell: 'D7', text: '年度金额' },
    { cell: 'B8', text: '其中：财政拨款' },
    { cell: 'D8', text: '其中：财政拨款' },
    { cell: 'B9', text: '其他资金' },
    { cell: 'D9', text: '其他资金' },
    ...FORM.objectiveLabels,
  ],
  fields: [
    { field: 'projectName', cell: 'B4', merge: 'B4:C4', kind: 'text', label: '项目名称' },
    { field: 'period', cell: 'E4', kind: 'text', label: '项目实施期' },
    { field: 'department', cell: 'B5', merge: 'B5:C5', kind: 'text', label: '主管部门' },
    { field: 'implementingUnit', cell: 'E5', kind: 'text', label: '实施单位' },
    { field: 'projectAttribute', cell: 'B6', merge: 'B6:C6', kind: 'text', label: '项目属性' },
    { field: 'projectCategory', cell: 'E6', kind: 'text', label: '项目类别' },
    { field: 'periodAmount', cell: 'C7', kind: 'wan', label: '实施期金额' },
    { field: 'annualAmount', cell: 'E7', kind: 'wan', label: '年度金额' },
    { field: 'periodFiscalAmount', cell: 'C8', kind: 'wan', label: '实施期金额其中：财政拨款' },
    { field: 'fiscalAmount', cell: 'E8', kind: 'wan', label: '年度金额其中：财政拨款' },
    { field: 'periodOtherAmount', cell: 'C9', kind: 'wan', label: '实施期金额其他资金' },
    { field: 'otherAmount', cell: 'E9', kind: 'wan', label: '年度金额其他资金' },
    ...FORM.objectiveFields,
  ],
  ...FORM.table,
};
