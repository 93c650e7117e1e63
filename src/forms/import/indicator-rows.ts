import { Decimal, decimalPlacesOf, formatDecimal, parseDecimal } from '../../common/decimal';
import type { GoalIndicatorInput } from '../../goals/dto/goal.inputs';
import { effectiveCategoryPoints } from '../../goals/rules/completeness';
import { checkIndicator, SUBCATEGORIES } from '../../goals/rules/indicator-rules';
import { indicatorOf } from '../../goals/goal-indicators';
import {
  categoryNames,
  IndicatorCategory,
  IndicatorKind,
  subcategoryNames,
} from '../../goals/indicator.enums';
import { categoryOfLabel, parseTarget, subcategoryOfLabel, type GoalIndicatorRole } from '../layouts';
import { CellErrors, ImportErrorCode as C } from './import-errors';
import type { IndicatorRow } from './goal-sheet';

/** An indicator read from its row, with the row's cells for later messages. */
export interface ReadIndicator {
  input: GoalIndicatorInput;
  cell: Record<GoalIndicatorRole, string>;
}

const STARTS_WITH_COMPARATOR = /^\s*(≥|>=|≤|<=|=|＝)/;
const PLAIN_NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

/** The field of an indicator (goal rules, createGoal input) → the role whose cell shows it. */
export const ROLE_OF_FIELD: Record<string, GoalIndicatorRole> = {
  kind: 'target',
  category: 'category',
  subcategory: 'subcategory',
  name: 'name',
  target: 'target',
  unit: 'target',
  comparator: 'target',
  points: 'points',
};

/** 分值: a decimal (a "分" suffix allowed), 0–100 with at most 2 decimals, or blank. */
function points(text: string | null): string | null | undefined {
  if (text === null) return null;
  const t = text.replace(/分$/, '').trim();
  const d = parseDecimal(t);
  return d && !d.isNegative() && d.lte(100) && decimalPlacesOf(t) <= 2 ? t : undefined;
}

/**
 * The indicator rows of a sheet as goal indicators (DOMAIN §5): 一级 and 二级 from the fixed enumerations
 * (a blank unmerged cell repeats the row above), the 年度指标值 split into comparator, number and unit
 * (quantitative) or kept as described text (qualitative), 分值 from the extra column. Every problem is a
 * cell error; the goal rules (`checkIndicator`, the same as createGoal's) run on each row too.
 */
export function readIndicators(sheet: string, rows: IndicatorRow[], errors: CellErrors): ReadIndicator[] {
  const out: ReadIndicator[] = [];
  let previous: { category: string | null; subcategory: string | null } = {
    category: null,
    subcategory: null,
  };
  for (const row of rows) {
    const add = (code: C, role: GoalIndicatorRole, zh: string, en: string) =>
      errors.add(code, sheet, row.cell[role], zh, en);
    const categoryText = row.text.category ?? previous.category;
    const subcategoryText = row.text.subcategory ?? previous.subcategory;
    previous = { category: categoryText, subcategory: subcategoryText };
    const category = categoryOfLabel(categoryText ?? '');
    const subcategory = subcategoryOfLabel(subcategoryText ?? '');
    if (!category)
      add(
        C.UNKNOWN_CATEGORY,
        'category',
        `一级指标「${categoryText ?? ''}」不是规定的类别（产出指标、效益指标、满意度指标）`,
        `Category "${categoryText ?? ''}" is not one of the fixed categories (产出指标, 效益指标, 满意度指标)`,
      );
    if (!subcategory)
      add(
        C.UNKNOWN_SUBCATEGORY,
        'subcategory',
        `二级指标「${subcategoryText ?? ''}」不是规定的类别`,
        `Subcategory "${subcategoryText ?? ''}" is not one of the fixed subcategories`,
      );
    else if (category && !SUBCATEGORIES[category].includes(subcategory))
      add(
        C.UNKNOWN_SUBCATEGORY,
        'subcategory',
        `二级指标「${subcategoryNames[subcategory]}」不属于一级指标「${categoryNames[category]}」`,
        `Subcategory ${subcategory} does not belong to category ${category}`,
      );
    const targetText = row.text.target ?? '';
    const target = parseTarget(targetText);
    if (target.comparator === null && STARTS_WITH_COMPARATOR.test(targetText))
      add(
        C.TARGET_NOT_NUMBER,
        'target',
        `定量指标的指标值「${targetText}」不是数字，应写作「≥12.5公里」这样的比较符、数字和单位`,
        `The quantitative target "${targetText}" is not a number; write a comparator, a number and a unit such as "≥12.5公里"`,
      );
    else if (PLAIN_NUMBER.test(targetText))
      add(
        C.BAD_VALUE,
        'target',
        `定量指标值「${targetText}」须带比较方式和单位，如「≥${targetText.trim()}%」`,
        `The quantitative target "${targetText}" needs a comparator and a unit, e.g. "≥${targetText.trim()}%"`,
      );
    const given = points(row.text.points);
    if (given === undefined)
      add(
        C.BAD_VALUE,
        'points',
        `分值「${row.text.points}」无效：应为 0 到 100 之间、最多两位小数的数`,
        `Points "${row.text.points}" are invalid: a number from 0 to 100 with at most 2 decimals`,
      );
    if (!category || !subcategory) continue;
    const quantitative = target.comparator !== null;
    const input: GoalIndicatorInput = {
      category,
      subcategory,
      name: row.text.name ?? '',
      kind: quantitative ? IndicatorKind.QUANTITATIVE : IndicatorKind.QUALITATIVE,
      unit: quantitative ? target.unit : null,
      comparator: target.comparator,
      target: quantitative ? target.target : target.text,
      points: given ?? null,
    };
    for (const p of checkIndicator(indicatorOf(input), { use: 'GOAL', path: [] })) {
      if (
        p.reason === 'WRONG_SUBCATEGORY' ||
        (p.reason === 'TARGET_REQUIRED' && STARTS_WITH_COMPARATOR.test(targetText))
      )
        continue;
      const role = ROLE_OF_FIELD[p.field.at(-1) ?? ''] ?? 'name';
      add(C.BAD_VALUE, role, p.message.zh, p.message.en);
    }
    out.push({ input, cell: row.cell });
  }
  return out;
}

/**
 * 分值 within each 一级 (DOMAIN §10.1–2; 002 第二十一条(一)): the form carries no category points, so the
 * defaults (产出 50, 效益 30, 满意度 10) hold. When every indicator of a category has points they total the
 * category's exactly; when some have none, the given ones stay below it (the rest is split equally).
 * The error names the 分值 cell of the category's last row.
 */
export function checkPointTotals(sheet: string, read: ReadIndicator[], errors: CellErrors): void {
  const limits = effectiveCategoryPoints(null);
  for (const category of Object.values(IndicatorCategory)) {
    const members = read.filter((r) => r.input.category === category);
    if (members.length === 0) continue;
    const given = members.map((m) => (m.input.points ? new Decimal(m.input.points) : null));
    const total = given.reduce<Decimal>((s, p) => s.plus(p ?? 0), new Decimal(0));
    const open = given.filter((p) => p === null).length;
    const limit = limits[category];
    if (open === 0 ? total.eq(limit) : total.lt(limit)) continue;
    const name = categoryNames[category];
    errors.add(
      C.POINTS_TOTAL,
      sheet,
      members.at(-1)!.cell.points,
      open === 0
        ? `${name}各指标分值合计 ${formatDecimal(total)}，应等于该类分值 ${formatDecimal(limit)}`
        : `${name}已填分值合计 ${formatDecimal(total)}，须小于该类分值 ${formatDecimal(limit)}，为其余 ${open} 项留出分值`,
      open === 0
        ? `${category} indicators' points total ${formatDecimal(total)}; they must equal the category's ${formatDecimal(limit)}`
        : `${category} indicators' given points total ${formatDecimal(total)}; they must stay below the category's ${formatDecimal(limit)} for the other ${open}`,
    );
  }
}
