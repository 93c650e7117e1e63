import { FormSlug, type FormLayout } from './layout';

/**
 * 附件1 本级预算项目绩效目标表 (002 附件1; DOMAIN §5): five printed columns A–E, label/value pairs in the
 * header as the seed lays them out ("项目名称 | ⟨B:C⟩ | 项目实施期 | ⟨E⟩"), money in 万元, then the three-level
 * indicator table (一级 A, 二级 B, 三级 C:D, 年度指标值 E). Column G (outside the print area) carries each
 * indicator's 分值 (DOMAIN §10.1), which the official form has no column for, so an export imports back.
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

export type GoalIndicatorRole = 'category' | 'subcategory' | 'name' | 'target' | 'points';

export const ANNEX1_LAYOUT: FormLayout<Annex1Field, GoalIndicatorRole> = {
  form: FormSlug.ANNEX1,
  annex: 1,
  sheetName: '附件1',
  title: '本级预算项目绩效目标表',
  lastColumn: 5,
  widths: [14, 16, 26, 16, 30],
  orientation: 'portrait',
  periodRow: 2,
  filerRow: 3,
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
    { cell: 'A10', text: '绩效目标' },
    { cell: 'B10', text: '实施期目标' },
    { cell: 'D10', text: '年度目标' },
    { cell: 'A11', text: '一级指标', heading: true },
    { cell: 'B11', text: '二级指标', heading: true },
    { cell: 'C11', text: '三级指标', merge: 'C11:D11', heading: true },
    { cell: 'E11', text: '年度指标值', heading: true },
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
    { field: 'implementationPeriodObjective', cell: 'C10', kind: 'text', label: '实施期目标' },
    { field: 'annualObjective', cell: 'E10', kind: 'text', label: '年度目标' },
  ],
  indicatorHeadingRow: 11,
  firstIndicatorRow: 12,
  indicatorColumns: {
    category: { col: 1, heading: '一级指标', kind: 'text' },
    subcategory: { col: 2, heading: '二级指标', kind: 'text' },
    name: { col: 3, toCol: 4, heading: '三级指标', kind: 'text' },
    target: { col: 5, heading: '年度指标值', kind: 'text' },
    points: { col: 7, heading: '分值', kind: 'score' },
  },
  extraColumns: { points: { col: 7, heading: '分值', kind: 'score' } },
};
