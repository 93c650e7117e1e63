import type { GoalIndicatorRole } from './annex1';
import { FormSlug, type FormLayout } from './layout';

/**
 * 附件3 对下转移支付预算分区域/分项目绩效目标表 (002 附件3; DOMAIN §5 TRANSFER_REGIONAL / TRANSFER_PROJECT):
 * four printed columns A–D as in the seed ("资金/项目名称 | ⟨B:D⟩", "所属专项 | ⟨B⟩ | 主管部门 | ⟨D⟩"), money in
 * 万元 (年度金额, 其中：市级预算资金, 县级及以下资金), the indicator table 一级 A, 二级 B, 三级 C, 年度指标值 D.
 * Column F (outside the print area) carries each indicator's 分值 (DOMAIN §10.1).
 */
export type Annex3Field =
  | 'goalName'
  | 'fundName'
  | 'fundDepartment'
  | 'region'
  | 'lowerDepartment'
  | 'annualAmount'
  | 'allocatingLevelAmount'
  | 'lowerLevelAmount'
  | 'annualObjective';

export const ANNEX3_LAYOUT: FormLayout<Annex3Field, GoalIndicatorRole> = {
  form: FormSlug.ANNEX3,
  annex: 3,
  sheetName: '附件3',
  title: '对下转移支付预算分区域/分项目绩效目标表',
  lastColumn: 4,
  widths: [16, 24, 30, 30],
  orientation: 'portrait',
  periodRow: 2,
  filerRow: 3,
  labels: [
    { cell: 'A4', text: '资金/项目名称' },
    { cell: 'A5', text: '所属专项' },
    { cell: 'C5', text: '主管部门' },
    { cell: 'A6', text: '下达地区' },
    { cell: 'C6', text: '下级主管部门' },
    { cell: 'A7', text: '资金投入（万元）', merge: 'A7:A9' },
    { cell: 'B7', text: '年度金额' },
    { cell: 'B8', text: '其中：市级预算资金' },
    { cell: 'B9', text: '县级及以下资金' },
    { cell: 'A10', text: '绩效目标' },
    { cell: 'B10', text: '年度目标' },
    { cell: 'A11', text: '一级指标', heading: true },
    { cell: 'B11', text: '二级指标', heading: true },
    { cell: 'C11', text: '三级指标', heading: true },
    { cell: 'D11', text: '年度指标值', heading: true },
  ],
  fields: [
    { field: 'goalName', cell: 'B4', merge: 'B4:D4', kind: 'text', label: '资金/项目名称' },
    { field: 'fundName', cell: 'B5', kind: 'text', label: '所属专项' },
    { field: 'fundDepartment', cell: 'D5', kind: 'text', label: '主管部门' },
    { field: 'region', cell: 'B6', kind: 'text', label: '下达地区' },
    { field: 'lowerDepartment', cell: 'D6', kind: 'text', label: '下级主管部门' },
    { field: 'annualAmount', cell: 'C7', merge: 'C7:D7', kind: 'wan', label: '年度金额' },
    {
      field: 'allocatingLevelAmount',
      cell: 'C8',
      merge: 'C8:D8',
      kind: 'wan',
      label: '其中：市级预算资金',
    },
    { field: 'lowerLevelAmount', cell: 'C9', merge: 'C9:D9', kind: 'wan', label: '县级及以下资金' },
    { field: 'annualObjective', cell: 'C10', merge: 'C10:D10', kind: 'text', label: '年度目标' },
  ],
  indicatorHeadingRow: 11,
  firstIndicatorRow: 12,
  indicatorColumns: {
    category: { col: 1, heading: '一级指标', kind: 'text' },
    subcategory: { col: 2, heading: '二级指标', kind: 'text' },
    name: { col: 3, heading: '三级指标', kind: 'text' },
    target: { col: 4, heading: '年度指标值', kind: 'text' },
    points: { col: 6, heading: '分值', kind: 'score' },
  },
  extraColumns: { points: { col: 6, heading: '分值', kind: 'score' } },
};
