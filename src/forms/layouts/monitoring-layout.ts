import type { Likelihood } from '../../monitoring/monitoring.enums';
import type { FormLayout, LabelCell, ValueCell } from './layout';

/** The indicator table of 附件4–5: 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 | 1-M月完成情况 | 全年预计 | 偏差原因分析. */
export type MonitoringIndicatorRole =
  | 'category'
  | 'subcategory'
  | 'name'
  | 'target'
  | 'completion'
  | 'projected'
  | 'deviation';

/**
 * A monitoring form (002 附件4–5; DOMAIN §9): the common layout plus the 绩效指标 column merged down the
 * indicator table and the 总体结论 block below it — 完成年度绩效目标可能性 with its three boxes, 纠偏措施.
 */
export interface MonitoringLayout<F extends string> extends FormLayout<F, MonitoringIndicatorRole> {
  /** the column of 绩效指标, merged from the heading row down the table */
  leadingColumn: number;
  /** the box of each likelihood in the conclusion row: [first column, last column] */
  likelihoodColumns: Record<Likelihood, [number, number]>;
  /** the columns of the 纠偏措施 text */
  measuresColumns: [number, number];
  notes: string[];
}

export const LIKELIHOOD_LABELS: Record<Likelihood, string> = {
  CERTAIN: '确定能完成',
  POSSIBLE: '有可能完成',
  IMPOSSIBLE: '确定不能完成',
};

/** 附件4–5 备注 (偏差原因分析 and 纠偏措施). */
export const MONITORING_NOTES = [
  '备注：1. 偏差原因分析：针对与预期目标产生偏差的指标值，分别从经费保障、制度保障、人员保障、硬件条件保障等方面进行判断和分析。',
  '2. 发现项目存在绩效目标运行偏离、有可能完成或者确定不能完成等情况的，应提出针对性的纠偏措施。',
];

/** "1-*月" in the seed's labels, with the report's month: "1-6月". */
export const monthLabel = (text: string, month: number) => text.replace('1-*月', `1-${month}月`);

/**
 * What 附件4 and 附件5 print alike (002 附件4–5): the page (nine columns A–I, landscape), the 绩效目标 rows 10–11,
 * the indicator table from row 12 and the 总体结论 block. `completion` is the heading each seed prints over
 * the 1-M月 column of the table (附件4 "1-*月完成情况", 附件5 "1-*月实际完成情况").
 */
export function monitoringForm(completion: string) {
  const goalLabels: LabelCell[] = [
    { cell: 'A10', text: '绩效目标' },
    { cell: 'B10', text: '年度目标' },
    { cell: 'F10', text: '1-*月完成情况' },
    { cell: 'B11', text: '一级指标', heading: true },
    { cell: 'C11', text: '二级指标', heading: true },
    { cell: 'D11', text: '三级指标', heading: true },
    { cell: 'E11', text: '年度指标值', heading: true },
    { cell: 'F11', text: completion, heading: true },
    { cell: 'G11', text: '全年预计完成情况', heading: true },
    { cell: 'H11', text: '偏差原因分析', merge: 'H11:I11', heading: true },
  ];
  const goalFields: ValueCell<'annualObjective' | 'completionSummary'>[] = [
    { field: 'annualObjective', cell: 'C10', merge: 'C10:E10', kind: 'text', label: '年度目标' },
    { field: 'completionSummary', cell: 'G10', merge: 'G10:I10', kind: 'text', label: '1-*月完成情况' },
  ];
  return {
    page: {
      lastColumn: 9,
      widths: [12, 17, 17, 22, 15, 17, 17, 14, 14],
      orientation: 'landscape' as const,
      periodRow: 2,
      filerRow: 3,
    },
    goalLabels,
    goalFields,
    table: {
      indicatorHeadingRow: 11,
      firstIndicatorRow: 12,
      leadingColumn: 1,
      indicatorColumns: {
        category: { col: 2, heading: '一级指标', kind: 'text' },
        subcategory: { col: 3, heading: '二级指标', kind: 'text' },
        name: { col: 4, heading: '三级指标', kind: 'text' },
        target: { col: 5, heading: '年度指标值', kind: 'text' },
        completion: { col: 6, heading: completion, kind: 'text' },
        projected: { col: 7, heading: '全年预计完成情况', kind: 'text' },
        deviation: { col: 8, toCol: 9, heading: '偏差原因分析', kind: 'text' },
      } satisfies MonitoringLayout<string>['indicatorColumns'],
      measuresColumns: [3, 9] as [number, number],
      notes: MONITORING_NOTES,
    },
  };
}
