import type { Likelihood } from '../../monitoring/monitoring.enums';
import type { FormLayout } from './layout';

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
