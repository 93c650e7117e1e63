import { Decimal, parseDecimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import type { Problem } from '../../common/problem';

/** A 共性 indicator as finance set it, or as a goal carries it: decimals as text. */
export interface CommonShape {
  name: string;
  kind: string;
  unit: string | null;
  comparator: string | null;
  target: string | null;
  points: string | null;
}

/** A goal indicator as entered (an absent unit, comparator, target or points reads as none), enough to check the lock and the points. */
export type GoalIndicatorShape = Pick<CommonShape, 'name' | 'kind'> &
  Partial<Omit<CommonShape, 'name' | 'kind'>> & { category: string };

const norm = (s: string | null | undefined) => (s ?? '').trim();
const sameNumber = (a: string | null | undefined, b: string | null | undefined) => {
  const x = parseDecimal(norm(a));
  const y = parseDecimal(norm(b));
  return x && y ? x.eq(y) : norm(a) === norm(b);
};

/** Whether a goal's copy of a 共性 indicator is exactly finance's (name, kind, unit, comparator, target, points). */
export function sameCommon(set: CommonShape, copy: Omit<GoalIndicatorShape, 'category'>): boolean {
  return (
    norm(set.name) === norm(copy.name) &&
    set.kind === copy.kind &&
    norm(set.unit) === norm(copy.unit) &&
    (set.comparator ?? null) === (copy.comparator ?? null) &&
    (set.kind === 'QUANTITATIVE'
      ? sameNumber(set.target, copy.target)
      : norm(set.target) === norm(copy.target)) &&
    sameNumber(set.points, copy.points)
  );
}

/**
 * A department goal against its year's 共性 set (DOMAIN §5; 003 第十二条(二) "共性指标按区财政部门规定设置，个性
 * 指标由区业务主管部门…自行设置"): every 共性 indicator present and unchanged; no other COMMON indicator (the
 * department's own are 个性: OUTPUT, BENEFIT, SATISFACTION); every indicator carries points and they total 100
 * (DOMAIN §10.1). All problems at once; field paths under `input.indicators`.
 */
export function departmentIndicatorProblems(
  common: readonly CommonShape[],
  indicators: readonly GoalIndicatorShape[],
): Problem[] {
  const problems: Problem[] = [];
  const at = (...f: (string | number)[]) => ['input', 'indicators', ...f.map(String)];
  const commons = indicators.map((i, k) => ({ i, k })).filter((x) => x.i.category === 'COMMON');
  for (const c of common) {
    const copy = commons.find((x) => norm(x.i.name) === norm(c.name));
    if (!copy) {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'COMMON_INDICATOR_REMOVED',
        field: at(),
        message: msg(
          `共性指标「${c.name}」由财政部门设定，部门整体绩效目标必须包含，不能删除`,
          `Common indicator "${c.name}" is set by finance; a department goal must carry it`,
        ),
      });
    } else if (!sameCommon(c, copy.i)) {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'COMMON_INDICATOR_CHANGED',
        field: at(copy.k),
        message: msg(
          `共性指标「${c.name}」由财政部门设定，部门不能修改（计量单位、比较方式、指标值、分值）`,
          `Common indicator "${c.name}" is set by finance and cannot be changed by the department`,
        ),
      });
    }
  }
  for (const x of commons) {
    if (common.some((c) => norm(c.name) === norm(x.i.name))) continue;
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'COMMON_INDICATOR_UNKNOWN',
      field: at(x.k, 'category'),
      message: msg(
        `「${x.i.name}」不是财政部门设定的共性指标；部门个性指标归入产出、效益或满意度指标`,
        `"${x.i.name}" is not one of finance's common indicators; the department's own go under OUTPUT, BENEFIT or SATISFACTION`,
      ),
    });
  }
  const missing = indicators.map((i, k) => ({ i, k })).filter((x) => !parseDecimal(norm(x.i.points)));
  for (const x of missing) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'POINTS_REQUIRED',
      field: at(x.k, 'points'),
      message: msg(`指标「${x.i.name}」须设定分值`, `Indicator "${x.i.name}" needs its points`),
    });
  }
  const total = indicators.reduce((s, i) => s.plus(parseDecimal(norm(i.points)) ?? 0), new Decimal(0));
  if (missing.length === 0 && !total.eq(100)) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'POINTS_TOTAL',
      field: at(),
      message: msg(
        `部门整体绩效目标各指标分值合计 ${total.toFixed()}，应为 100`,
        `The department goal's indicator points total ${total.toFixed()}; they must total 100`,
      ),
    });
  }
  return problems;
}

/** The category points a department goal's indicators imply (DOMAIN §10.1): each category's sum. */
export function impliedCategoryPoints(indicators: readonly GoalIndicatorShape[]) {
  const sum = (c: string) =>
    indicators
      .filter((i) => i.category === c)
      .reduce((s, i) => s.plus(parseDecimal(norm(i.points)) ?? 0), new Decimal(0));
  return {
    common: sum('COMMON'),
    output: sum('OUTPUT'),
    benefit: sum('BENEFIT'),
    satisfaction: sum('SATISFACTION'),
  };
}
