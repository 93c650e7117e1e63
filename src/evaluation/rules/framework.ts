import { Decimal, formatDecimal, roundHalfUp } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import { gradeOf, type Grade, type GradeBands } from '../../common/grade';
import type { Problem } from '../../common/problem';

/**
 * 项目支出绩效评价指标体系框架 — the indicator framework of department and finance evaluations (DOMAIN §10
 * "Department and finance evaluation"; 002 附件7, 第二十一条(二)). Codes are stable identifiers.
 */
export type FrameworkCategory = 'DECISION' | 'PROCESS' | 'OUTPUT' | 'BENEFIT';

export interface FrameworkIndicatorDef {
  code: string;
  category: FrameworkCategory;
  /** 二级指标 as in 附件7. */
  subcategory: string;
  /** 三级指标. */
  name: string;
}

export const frameworkCategoryNames: Record<FrameworkCategory, string> = {
  DECISION: '决策',
  PROCESS: '过程',
  OUTPUT: '产出',
  BENEFIT: '效益',
};

const def = (
  code: string,
  category: FrameworkCategory,
  subcategory: string,
  name: string,
): FrameworkIndicatorDef => ({
  code,
  category,
  subcategory,
  name,
});

export const FRAMEWORK_INDICATORS: readonly FrameworkIndicatorDef[] = [
  def('PROJECT_BASIS', 'DECISION', '项目立项', '立项依据充分性'),
  def('PROJECT_PROCEDURE', 'DECISION', '项目立项', '立项程序规范性'),
  def('GOAL_REASONABLENESS', 'DECISION', '绩效目标', '绩效目标合理性'),
  def('INDICATOR_CLARITY', 'DECISION', '绩效目标', '绩效指标明确性'),
  def('BUDGET_PREPARATION', 'DECISION', '资金投入', '预算编制科学性'),
  def('FUND_ALLOCATION', 'DECISION', '资金投入', '资金分配合理性'),
  def('FUND_ARRIVAL_RATE', 'PROCESS', '资金管理', '资金到位率'),
  def('BUDGET_EXECUTION_RATE', 'PROCESS', '资金管理', '预算执行率'),
  def('FUND_USE_COMPLIANCE', 'PROCESS', '资金管理', '资金使用合规性'),
  def('MANAGEMENT_SYSTEMS', 'PROCESS', '组织实施', '管理制度健全性'),
  def('SYSTEM_EXECUTION', 'PROCESS', '组织实施', '制度执行有效性'),
  def('COMPLETION_RATE', 'OUTPUT', '产出数量', '实际完成率'),
  def('QUALITY_RATE', 'OUTPUT', '产出质量', '质量达标率'),
  def('TIMELINESS', 'OUTPUT', '产出时效', '完成及时性'),
  def('COST_SAVING_RATE', 'OUTPUT', '产出成本', '成本节约率'),
  def('IMPLEMENTATION_BENEFIT', 'BENEFIT', '项目效益', '实施效益'),
  def('SATISFACTION', 'BENEFIT', '项目效益', '满意度'),
];

const byCode = new Map(FRAMEWORK_INDICATORS.map((i) => [i.code, i]));

export function frameworkIndicator(code: string): FrameworkIndicatorDef | undefined {
  return byCode.get(code);
}

/** 实际完成率 = 实际产出数 ÷ 计划产出数 (附件7), as a fraction (× 100 for %). Null when planned is 0. */
export function completionRate(actualOutput: Decimal, plannedOutput: Decimal): Decimal | null {
  return plannedOutput.isZero() ? null : actualOutput.div(plannedOutput);
}

/** 质量达标率 = 质量达标产出数 ÷ 实际产出数 (附件7). Null when the actual output is 0. */
export function qualityRate(standardOutput: Decimal, actualOutput: Decimal): Decimal | null {
  return actualOutput.isZero() ? null : standardOutput.div(actualOutput);
}

/** 成本节约率 = (计划成本 − 实际成本) ÷ 计划成本 (附件7); negative when over cost. Null when planned is 0. */
export function costSavingRate(plannedCost: Decimal, actualCost: Decimal): Decimal | null {
  return plannedCost.isZero() ? null : plannedCost.minus(actualCost).div(plannedCost);
}

/**
 * One indicator of a framework evaluation: a reference indicator of 附件7 by its code, or a custom one
 * (code null) with its own category and name beside them (附件7 is 参考, "可根据项目实际情况有选择地设置和细化");
 * the points the evaluator set and, once scored, its score.
 */
export interface FrameworkLineInput {
  code: string | null;
  custom?: { category: FrameworkCategory; name: string } | null;
  points: Decimal;
  score?: Decimal | null;
}

/** Stored code of a custom indicator: CUSTOM_1, CUSTOM_2, … in form order. */
export const CUSTOM_PREFIX = 'CUSTOM_';
export const isCustomCode = (code: string) => code.startsWith(CUSTOM_PREFIX);

/** A line's category and name: the reference indicator's, or the custom one's. */
export function lineDef(line: FrameworkLineInput): { category: FrameworkCategory; name: string } | null {
  if (line.code != null) {
    const known = byCode.get(line.code);
    return known ? { category: known.category, name: known.name } : null;
  }
  return line.custom ? { category: line.custom.category, name: line.custom.name.trim() } : null;
}

const bad = (reason: string, field: string[], zh: string, en: string): Problem => ({
  code: ErrorCode.BAD_USER_INPUT,
  reason,
  field,
  message: msg(zh, en),
});

/** OUTPUT + BENEFIT points of a set (002 第二十一条(二) 产出、效益指标权重合计). */
export function resultWeight(lines: readonly FrameworkLineInput[]): Decimal {
  return lines.reduce((sum, line) => {
    const def = lineDef(line);
    const result = def && (def.category === 'OUTPUT' || def.category === 'BENEFIT');
    return result && line.points.isFinite() ? sum.plus(line.points) : sum;
  }, new Decimal(0));
}

const weightText = (w: Decimal) =>
  msg(
    `产出、效益指标分值合计 ${formatDecimal(w)}，原则上不低于 60（002 第二十一条(二)）`,
    `Output and benefit indicators carry ${formatDecimal(w)} points; in principle at least 60 (002 art. 21(2))`,
  );

/**
 * 原则上产出、效益指标权重合计不低于60% (002 第二十一条(二)): "in principle", so a lower weight is a warning
 * that needs a justification (DOMAIN §10), not a refusal. Null when the weight is at least 60.
 */
export function resultWeightWarning(lines: readonly FrameworkLineInput[]): Problem | null {
  const w = resultWeight(lines);
  if (w.gte(60)) return null;
  return {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'RESULT_WEIGHT_BELOW_60',
    field: ['indicators'],
    message: weightText(w),
  };
}

/**
 * The evaluator's indicator set (002 第二十一条(二)): reference codes each once, custom indicators with a
 * category and a name not repeated, points ≥ 0 with at most 2 decimals, totalling 100 (002 第二十五条
 * 总分一般设置为100分); OUTPUT + BENEFIT under 60 only with a justification.
 */
export function checkFramework(
  lines: readonly FrameworkLineInput[],
  justification?: string | null,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  let total = new Decimal(0);
  lines.forEach((line, k) => {
    const at = (f: string) => ['indicators', String(k), f];
    const def = lineDef(line);
    if (line.code != null && !def)
      problems.push(
        bad(
          'UNKNOWN_FRAMEWORK_INDICATOR',
          at('code'),
          `未知的评价指标 ${line.code}`,
          `Unknown framework indicator ${line.code}`,
        ),
      );
    else if (line.code != null && seen.has(line.code))
      problems.push(
        bad(
          'DUPLICATE_INDICATOR',
          at('code'),
          `评价指标「${def?.name}」重复`,
          `Indicator ${line.code} repeats`,
        ),
      );
    else if (line.code == null && (!def || def.name === '' || def.name.length > 200))
      problems.push(
        bad(
          'CUSTOM_INDICATOR_INVALID',
          at('name'),
          '自定义评价指标须给出一级指标和名称（1–200 字）',
          'A custom indicator needs a category and a name of 1–200 characters',
        ),
      );
    else if (line.code == null && def && names.has(def.name))
      problems.push(
        bad(
          'DUPLICATE_INDICATOR',
          at('name'),
          `评价指标「${def.name}」重复`,
          `Indicator "${def.name}" repeats`,
        ),
      );
    if (line.code != null) seen.add(line.code);
    if (def) names.add(def.name);
    const p = line.points;
    if (!p.isFinite() || p.isNegative() || p.decimalPlaces() > 2) {
      problems.push(
        bad(
          'POINTS_INVALID',
          at('points'),
          `分值 ${p.toString()} 无效：应为不小于 0、最多两位小数的数`,
          `Points ${p.toString()} are invalid: ≥ 0, at most 2 decimals`,
        ),
      );
      return;
    }
    total = total.plus(p);
  });
  if (!total.eq(100)) {
    problems.push(
      bad(
        'POINTS_TOTAL',
        ['indicators'],
        `评价指标分值合计应为 100，现为 ${formatDecimal(total)}`,
        `Indicator points must total 100, not ${formatDecimal(total)}`,
      ),
    );
  }
  const warning = resultWeightWarning(lines);
  if (warning && (justification == null || justification.trim() === '')) {
    const w = weightText(resultWeight(lines));
    problems.push({
      ...warning,
      reason: 'RESULT_WEIGHT_TOO_LOW',
      field: ['weightJustification'],
      message: msg(`${w.zh}；低于 60 须说明理由`, `${w.en}; under 60 needs a justification`),
    });
  }
  return problems;
}

export interface FrameworkScore {
  lines: {
    code: string | null;
    name: string;
    category: FrameworkCategory;
    points: Decimal;
    score: Decimal | null;
  }[];
  total: Decimal;
  grade: Grade;
  /** Refuse to save: set problems, and scores outside 0..points. */
  inputProblems: Problem[];
  /** Refuse to complete: an indicator not yet scored. */
  completionProblems: Problem[];
}

/**
 * Scores a framework evaluation: each indicator's score is given by the evaluator within 0..points, rounded
 * half-up to 2 dp (DOMAIN §10.6); total = Σ rounded scores; grade by 002 第二十五条 (bands a parameter).
 */
export function scoreFramework(
  lines: readonly FrameworkLineInput[],
  bands?: GradeBands,
  justification?: string | null,
): FrameworkScore {
  const inputProblems = checkFramework(lines, justification);
  const completionProblems: Problem[] = [];
  const scored = lines.map((line, k) => {
    const known = lineDef(line);
    const name = known?.name ?? line.code ?? '';
    const shown = line.code ?? name;
    let score: Decimal | null = null;
    if (line.score === null || line.score === undefined) {
      completionProblems.push(
        bad(
          'SCORE_REQUIRED',
          ['indicators', String(k), 'score'],
          `评价指标「${name}」尚未评分`,
          `Indicator ${shown} has no score yet`,
        ),
      );
    } else if (!line.score.isFinite() || line.score.isNegative() || line.score.gt(line.points)) {
      inputProblems.push(
        bad(
          'SCORE_OUT_OF_RANGE',
          ['indicators', String(k), 'score'],
          `评价指标「${name}」得分须在 0 至 ${formatDecimal(line.points)} 之间`,
          `The score of ${shown} lies between 0 and ${formatDecimal(line.points)}`,
        ),
      );
    } else score = roundHalfUp(line.score, 2);
    return { code: line.code, name, category: known?.category ?? 'DECISION', points: line.points, score };
  });
  const total = scored.reduce((s, l) => s.plus(l.score ?? 0), new Decimal(0));
  const safe = Decimal.min(Decimal.max(total, 0), 100); // an invalid set (points > 100) is refused anyway
  return { lines: scored, total, grade: gradeOf(safe, bands), inputProblems, completionProblems };
}
