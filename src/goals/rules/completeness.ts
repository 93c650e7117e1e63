import { ErrorCode } from '../../common/errors';
import { decimalPlacesOf, Decimal, formatDecimal, parseDecimal } from '../../common/decimal';
import { msg, type Message } from '../../common/errors';
import { GoalScope } from '../goal.enums';
import { categoryNames, IndicatorCategory } from '../indicator.enums';
import { linePoints } from '../../evaluation/rules/category-points';
import { exact, valueOf } from '../../evaluation/rules/exact';
import { checkIndicator, checkPoints, type IndicatorInput, type Problem } from './indicator-rules';

/**
 * 一级指标权重 by default: 共性 10, 产出 50, 效益 30, 满意度 10 (002 第二十一条(一); DOMAIN §10.1).
 * A goal may set others (一级指标权重可做适当调整) as long as they total 100.
 */
export const DEFAULT_CATEGORY_POINTS: Readonly<Record<IndicatorCategory, string>> = {
  COMMON: '10',
  OUTPUT: '50',
  BENEFIT: '30',
  SATISFACTION: '10',
};

export type CategoryPoints = Partial<Record<IndicatorCategory, string>>;

/** A goal as it is about to be submitted: money as decimal strings (DOMAIN §4, §5). */
export interface GoalDraft {
  scope: GoalScope;
  /** 实施期目标 — required where the form has it (附件1, 附件2); see `needsImplementationPeriodObjective`. */
  implementationPeriodObjective?: string | null;
  /** 年度目标. */
  annualObjective?: string | null;
  /** 年度金额 (yuan). */
  annualAmount?: string | null;
  /** 其中：财政拨款 / 其他资金 — when both are given they add up to the annual amount. */
  fiscalAmount?: string | null;
  otherAmount?: string | null;
  /** Category points; absent: DEFAULT_CATEGORY_POINTS. A category left out of a given set has 0. */
  categoryPoints?: CategoryPoints | null;
  indicators: IndicatorInput[];
}

/**
 * 实施期目标 appears on 附件1 (本级项目) and 附件2 (转移支付整体); 附件3 (分区域/分项目) has only 年度目标.
 * DOMAIN §5 asks for both objectives on every goal; the seed's forms win, so regional and transfer-project
 * goals need only the annual objective. A department's goal follows DOMAIN (no seed form).
 */
export function needsImplementationPeriodObjective(scope: GoalScope): boolean {
  return scope !== GoalScope.TRANSFER_REGIONAL && scope !== GoalScope.TRANSFER_PROJECT;
}

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';
const categories = Object.values(IndicatorCategory);

/** The category points in force: the goal's own set (missing categories 0), else the defaults. */
export function effectiveCategoryPoints(
  categoryPoints?: CategoryPoints | null,
): Record<IndicatorCategory, Decimal> {
  const given = categoryPoints && Object.keys(categoryPoints).length > 0 ? categoryPoints : null;
  const source = given ?? DEFAULT_CATEGORY_POINTS;
  return Object.fromEntries(
    categories.map((c) => [c, parseDecimal((source[c] ?? '0').trim()) ?? new Decimal(0)]),
  ) as Record<IndicatorCategory, Decimal>;
}

/**
 * Each indicator's points within its category (DOMAIN §10.2): its own when given; the category's
 * remaining points split equally among the indicators without points. Exact (an equal split of 50 by 3
 * is 50 ÷ 3 on each, shown as 16.666…7): scores are rounded per indicator, never the points (DOMAIN
 * §10.6). The same function as the self-evaluation scorer's (`linePoints`), so a goal and its
 * evaluation always agree on an indicator's points.
 */
export function indicatorPoints(
  indicators: readonly Pick<IndicatorInput, 'category' | 'points'>[],
  categoryPoints?: CategoryPoints | null,
): Decimal[] {
  const perCategory = effectiveCategoryPoints(categoryPoints);
  const given = indicators.map((i) => (blank(i.points) ? null : parseDecimal(i.points!.trim())));
  const result: Decimal[] = new Array<Decimal>(indicators.length);
  for (const c of categories) {
    const members = indicators.map((i, k) => ({ i, k })).filter(({ i }) => i.category === c);
    if (members.length === 0) continue;
    const nominal = perCategory[c];
    const carried = linePoints(
      nominal,
      exact(nominal),
      members.map(({ k }) => given[k] ?? null),
    );
    members.forEach(({ k }, m) => (result[k] = valueOf(carried[m]!)));
  }
  return result;
}

/**
 * Whether a goal may be submitted (DOMAIN §5; 002 第十条(四)): all problems at once, with field paths
 * under `path` (default ['input']), e.g. ['input', 'indicators', '3', 'target'].
 */
export function checkGoalCompleteness(goal: GoalDraft, path: string[] = ['input']): Problem[] {
  const problems: Problem[] = [];
  const add = (reason: string, field: (string | number)[], message: Message) =>
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason,
      field: [...path, ...field.map(String)],
      message,
    });

  // 附件1–3: 绩效目标 — 实施期目标 / 年度目标.
  if (needsImplementationPeriodObjective(goal.scope) && blank(goal.implementationPeriodObjective)) {
    add(
      'OBJECTIVE_REQUIRED',
      ['implementationPeriodObjective'],
      msg('须填写实施期目标', 'The implementation-period objective is required'),
    );
  }
  if (blank(goal.annualObjective)) {
    add('OBJECTIVE_REQUIRED', ['annualObjective'], msg('须填写年度目标', 'The annual objective is required'));
  }
  problems.push(...checkMoney(goal, path));

  // 002 第十条(四)2: 从数量、质量、时效、成本等方面进行细化 — at least one output indicator.
  if (!goal.indicators.some((i) => i.category === IndicatorCategory.OUTPUT)) {
    add(
      'OUTPUT_INDICATOR_REQUIRED',
      ['indicators'],
      msg(
        '绩效目标至少须有一项产出指标（数量、质量、时效或成本）',
        'A goal needs at least one output indicator (quantity, quality, timeliness or cost)',
      ),
    );
  }
  const use = goal.scope === GoalScope.DEPARTMENT ? 'DEPARTMENT_GOAL' : 'GOAL';
  goal.indicators.forEach((indicator, k) => {
    problems.push(...checkIndicator(indicator, { use, path: [...path, 'indicators', String(k)] }));
  });
  const seen = new Map<string, number>();
  goal.indicators.forEach((indicator, k) => {
    const key = `${indicator.subcategory}\u0000${indicator.name.trim()}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, k);
    else
      add(
        'DUPLICATE_INDICATOR',
        ['indicators', k, 'name'],
        msg(
          `指标「${indicator.name.trim()}」与第 ${first + 1} 项重复`,
          `Indicator "${indicator.name.trim()}" repeats item ${first + 1}`,
        ),
      );
  });
  problems.push(...checkPointTotals(goal, path));
  return problems;
}

function checkMoney(goal: GoalDraft, path: string[]): Problem[] {
  const problems: Problem[] = [];
  const amount = (field: 'annualAmount' | 'fiscalAmount' | 'otherAmount', required: boolean) => {
    const text = goal[field];
    if (blank(text)) {
      if (required)
        problems.push({
          code: ErrorCode.BAD_USER_INPUT,
          reason: 'AMOUNT_REQUIRED',
          field: [...path, field],
          message: msg('须填写年度金额', 'The annual amount is required'),
        });
      return null;
    }
    const d = parseDecimal(text!.trim());
    if (!d || d.isNegative() || decimalPlacesOf(text!.trim()) > 2 || (required && d.isZero())) {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'AMOUNT_INVALID',
        field: [...path, field],
        message: msg(
          `金额 "${text}" 无效：应为${required ? '大于' : '不小于'} 0、精确到分（最多两位小数）的元数`,
          `Amount "${text}" is invalid: yuan ${required ? '> 0' : '≥ 0'} to the fen (at most 2 decimals)`,
        ),
      });
      return null;
    }
    return d;
  };
  const annual = amount('annualAmount', true);
  const fiscal = amount('fiscalAmount', false);
  const other = amount('otherAmount', false);
  // 附件1: 年度金额 = 其中：财政拨款 + 其他资金.
  if (annual && fiscal && other && !fiscal.plus(other).eq(annual)) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'AMOUNT_PARTS',
      field: [...path, 'fiscalAmount'],
      message: msg(
        `财政拨款 ${fiscal.toFixed()} + 其他资金 ${other.toFixed()} ≠ 年度金额 ${annual.toFixed()}`,
        `Fiscal ${fiscal.toFixed()} + other ${other.toFixed()} ≠ annual amount ${annual.toFixed()}`,
      ),
    });
  }
  return problems;
}

/** The API field of each category's points (GoalCategoryPointsInput). */
const categoryField: Record<IndicatorCategory, string> = {
  COMMON: 'common',
  OUTPUT: 'output',
  BENEFIT: 'benefit',
  SATISFACTION: 'satisfaction',
};

/**
 * A goal's own category points (DOMAIN §10.1; 002 第二十一条(一) 一级指标权重可做适当调整): each a decimal ≥ 0
 * with at most 2 decimals, together exactly 100 (a category left out counts 0). Problems under
 * `path`.categoryPoints(.field), e.g. ['input', 'categoryPoints', 'output'].
 */
export function checkCategoryPoints(given: CategoryPoints, path: string[]): Problem[] {
  const problems: Problem[] = [];
  let valid = true;
  for (const c of categories) {
    const text = given[c];
    const problem = text === undefined ? null : checkPoints(text.trim());
    if (problem) {
      valid = false;
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'POINTS_INVALID',
        field: [...path, 'categoryPoints', categoryField[c]],
        message: msg(`${categoryNames[c]}：${problem.zh}`, `${c}: ${problem.en}`),
      });
    }
  }
  const total = categories.reduce(
    (s, c) => s.plus(parseDecimal((given[c] ?? '0').trim()) ?? 0),
    new Decimal(0),
  );
  if (valid && !total.eq(100)) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'CATEGORY_POINTS_TOTAL',
      field: [...path, 'categoryPoints'],
      message: msg(
        `一级指标分值合计应为 100，现为 ${formatDecimal(total)}`,
        `Category points must total 100, not ${formatDecimal(total)}`,
      ),
    });
  }
  return problems;
}

/**
 * Points (DOMAIN §10.1–2; 002 第二十一条(一)): category points, when the goal sets them, total 100. Within
 * a category, points given on indicators never exceed the category's points; if every indicator has
 * points they add up to exactly the category's; if some have none, the remainder (which must be > 0) is
 * split equally among those. A category without indicators raises nothing here: scoring hands its
 * points on (DOMAIN §10.1 policy choice), and on project and transfer goals COMMON's points go to the
 * two common indicators the self-evaluation adds.
 */
function checkPointTotals(goal: GoalDraft, path: string[]): Problem[] {
  const problems: Problem[] = [];
  const given =
    goal.categoryPoints && Object.keys(goal.categoryPoints).length > 0 ? goal.categoryPoints : null;
  if (given) {
    problems.push(...checkCategoryPoints(given, path));
    // Indicator points are checked against valid category points only.
    if (problems.some((p) => p.reason === 'POINTS_INVALID')) return problems;
  }
  const perCategory = effectiveCategoryPoints(goal.categoryPoints);
  for (const c of categories) {
    const members = goal.indicators.filter((i) => i.category === c);
    if (members.length === 0) continue;
    const points = members.map((i) => (blank(i.points) ? null : parseDecimal(i.points!.trim())));
    if (members.some((i, k) => !blank(i.points) && !points[k])) continue; // reported per indicator
    const fixed = points.reduce<Decimal>((s, p) => s.plus(p ?? 0), new Decimal(0));
    const open = points.filter((p) => !p).length;
    const limit = perCategory[c];
    const wrong = open === 0 ? !fixed.eq(limit) : !fixed.lt(limit);
    if (!wrong) continue;
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'INDICATOR_POINTS_TOTAL',
      field: [...path, 'indicators'],
      message:
        open === 0
          ? msg(
              `${categoryNames[c]}各指标分值合计 ${formatDecimal(fixed)}，应等于该类分值 ${formatDecimal(limit)}`,
              `${c} indicators' points total ${formatDecimal(fixed)}; they must equal the category's ${formatDecimal(limit)}`,
            )
          : msg(
              `${categoryNames[c]}已指定的分值合计 ${formatDecimal(fixed)}，须小于该类分值 ${formatDecimal(limit)}，才能为其余 ${open} 项未指定分值的指标留出分值`,
              `${c} indicators' given points total ${formatDecimal(fixed)}; they must stay below the category's ${formatDecimal(limit)} to leave points for the other ${open}`,
            ),
    });
  }
  return problems;
}
