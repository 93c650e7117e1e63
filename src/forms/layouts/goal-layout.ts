import type { FormLayout, LabelCell, ValueCell } from './layout';

/** The indicator table of the goal forms (附件1–3): 一级 | 二级 | 三级 | 年度指标值, and 分值 outside the print area. */
export type GoalIndicatorRole = 'category' | 'subcategory' | 'name' | 'target' | 'points';

type Table = Pick<
  FormLayout<string, GoalIndicatorRole>,
  'indicatorHeadingRow' | 'firstIndicatorRow' | 'indicatorColumns' | 'extraColumns'
>;

/**
 * What 附件1 and 附件2 print alike (002 附件1–2; DOMAIN §5): five portrait columns A–E; from `objectiveRow`
 * down, the 绩效目标 row (实施期目标 C, 年度目标 E) and the indicator table (一级 A, 二级 B, 三级 C:D,
 * 年度指标值 E, heading on the next row); column G carries each indicator's 分值 (DOMAIN §10.1), which the
 * official forms have no column for, so an export imports back.
 */
export function fiveColumnGoalForm(objectiveRow: number) {
  const o = objectiveRow;
  const h = objectiveRow + 1;
  const points = { col: 7, heading: '分值', kind: 'score' } as const;
  const objectiveLabels: LabelCell[] = [
    { cell: `A${o}`, text: '绩效目标' },
    { cell: `B${o}`, text: '实施期目标' },
    { cell: `D${o}`, text: '年度目标' },
    { cell: `A${h}`, text: '一级指标', heading: true },
    { cell: `B${h}`, text: '二级指标', heading: true },
    { cell: `C${h}`, text: '三级指标', merge: `C${h}:D${h}`, heading: true },
    { cell: `E${h}`, text: '年度指标值', heading: true },
  ];
  const objectiveFields: ValueCell<'implementationPeriodObjective' | 'annualObjective'>[] = [
    { field: 'implementationPeriodObjective', cell: `C${o}`, kind: 'text', label: '实施期目标' },
    { field: 'annualObjective', cell: `E${o}`, kind: 'text', label: '年度目标' },
  ];
  const table: Table = {
    indicatorHeadingRow: h,
    firstIndicatorRow: h + 1,
    indicatorColumns: {
      category: { col: 1, heading: '一级指标', kind: 'text' },
      subcategory: { col: 2, heading: '二级指标', kind: 'text' },
      name: { col: 3, toCol: 4, heading: '三级指标', kind: 'text' },
      target: { col: 5, heading: '年度指标值', kind: 'text' },
      points: { ...points },
    },
    extraColumns: { points: { ...points } },
  };
  return {
    page: { lastColumn: 5, orientation: 'portrait' as const, periodRow: 2, filerRow: 3 },
    objectiveLabels,
    objectiveFields,
    table,
  };
}
