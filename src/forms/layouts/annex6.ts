import { FormSlug, type FormLayout } from './layout';

/**
 * 附件6 本级预算项目绩效自评表 (002 附件6; DOMAIN §10): seven printed columns A–G; no 填报单位 line in the
 * seed (row 3 stays empty). Money rows 年初预算数 / 全年预算数 / 预算执行数 in 万元 (DOMAIN §10.8), then the
 * scored table: 一级 (with the category's points, "产出指标（50分）"), 二级, 三级, 年度指标值, 实际完成值,
 * 权重 (the indicator's exact points, shown with 2 decimals) and 得分 (2 decimals, DOMAIN §10.6), the 共性指标
 * rows 资金到位率 and 预算执行率 first, and 总计.
 */
export type Annex6Field =
  | 'projectName'
  | 'year'
  | 'department'
  | 'implementingUnit'
  | 'initialBudget'
  | 'fullYearBudget'
  | 'spent'
  | 'annualObjective'
  | 'achievement';

export type SelfEvaluationRole =
  | 'category'
  | 'subcategory'
  | 'name'
  | 'target'
  | 'actual'
  | 'points'
  | 'score';

export const ANNEX6_LAYOUT: FormLayout<Annex6Field, SelfEvaluationRole> = {
  form: FormSlug.ANNEX6,
  annex: 6,
  sheetName: '附件6',
  title: '本级预算项目绩效自评表',
  lastColumn: 7,
  widths: [16, 18, 24, 16, 18, 10, 10],
  orientation: 'portrait',
  periodRow: 2,
  filerRow: 3,
  labels: [
    { cell: 'A4', text: '项目名称' },
    { cell: 'D4', text: '项目年度' },
    { cell: 'A5', text: '主管部门' },
    { cell: 'D5', text: '实施单位' },
    { cell: 'A6', text: '资金投入（万元）', merge: 'A6:A8' },
    { cell: 'B6', text: '年初预算数' },
    { cell: 'B7', text: '全年预算数' },
    { cell: 'B8', text: '预算执行数' },
    { cell: 'A9', text: '绩效目标' },
    { cell: 'B9', text: '年度目标' },
    { cell: 'D9', text: '实际完成情况' },
    { cell: 'A10', text: '一级指标', heading: true },
    { cell: 'B10', text: '二级指标', heading: true },
    { cell: 'C10', text: '三级指标', heading: true },
    { cell: 'D10', text: '年度指标值', heading: true },
    { cell: 'E10', text: '实际完成值', heading: true },
    { cell: 'F10', text: '权重', heading: true },
    { cell: 'G10', text: '得分', heading: true },
  ],
  fields: [
    { field: 'projectName', cell: 'B4', merge: 'B4:C4', kind: 'text', label: '项目名称' },
    { field: 'year', cell: 'E4', merge: 'E4:G4', kind: 'text', label: '项目年度' },
    { field: 'department', cell: 'B5', merge: 'B5:C5', kind: 'text', label: '主管部门' },
    { field: 'implementingUnit', cell: 'E5', merge: 'E5:G5', kind: 'text', label: '实施单位' },
    { field: 'initialBudget', cell: 'C6', merge: 'C6:G6', kind: 'wan', label: '年初预算数' },
    { field: 'fullYearBudget', cell: 'C7', merge: 'C7:G7', kind: 'wan', label: '全年预算数' },
    { field: 'spent', cell: 'C8', merge: 'C8:G8', kind: 'wan', label: '预算执行数' },
    { field: 'annualObjective', cell: 'C9', kind: 'text', label: '年度目标' },
    { field: 'achievement', cell: 'E9', merge: 'E9:G9', kind: 'text', label: '实际完成情况' },
  ],
  indicatorHeadingRow: 10,
  firstIndicatorRow: 11,
  indicatorColumns: {
    category: { col: 1, heading: '一级指标', kind: 'text' },
    subcategory: { col: 2, heading: '二级指标', kind: 'text' },
    name: { col: 3, heading: '三级指标', kind: 'text' },
    target: { col: 4, heading: '年度指标值', kind: 'text' },
    actual: { col: 5, heading: '实际完成值', kind: 'text' },
    points: { col: 6, heading: '权重', kind: 'score' },
    score: { col: 7, heading: '得分', kind: 'score' },
  },
};
