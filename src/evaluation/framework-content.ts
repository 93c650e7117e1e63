import { type Decimal, requireDecimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import type { Problem } from '../common/problem';
import type { FrameworkFiguresInput, FrameworkScoreInput } from './dto/framework.inputs';
import type { EvaluationFrameworkScoreEntity } from './evaluation-framework-score.entity';
import type { EvaluationEntity } from './evaluation.entity';
import {
  CUSTOM_PREFIX,
  isCustomCode,
  lineDef,
  type FrameworkCategory,
  type FrameworkLineInput,
} from './rules/framework';
import {
  computedScore,
  frameworkRates,
  type FrameworkFigures,
  type FrameworkRates,
} from './rules/framework-figures';

const FIGURE_KEYS = [
  'plannedOutput',
  'actualOutput',
  'standardOutput',
  'plannedCost',
  'actualCost',
  'budgeted',
  'inPlace',
  'spent',
] as const;

/** Entered figures as the rule's input (absent ones null). */
export function figuresOfInput(input: FrameworkFiguresInput | null | undefined): FrameworkFigures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, input?.[k] ?? null])) as unknown as FrameworkFigures;
}

const dec = (v: string | null) => (v == null ? null : requireDecimal(v));

/** The stored figures of an evaluation. */
export function figuresOf(e: EvaluationEntity): FrameworkFigures {
  return {
    plannedOutput: dec(e.plannedOutput),
    actualOutput: dec(e.actualOutput),
    standardOutput: dec(e.standardOutput),
    plannedCost: dec(e.plannedCost),
    actualCost: dec(e.actualCost),
    budgeted: dec(e.budgeted),
    inPlace: dec(e.inPlace),
    spent: dec(e.spent),
  };
}

/** Figures as the evaluation's columns (money to 2 places, outputs exact). */
export function figureColumns(f: FrameworkFigures) {
  const text = (d: Decimal | null, money: boolean) => (d == null ? null : money ? d.toFixed(2) : d.toFixed());
  return {
    plannedOutput: text(f.plannedOutput, false),
    actualOutput: text(f.actualOutput, false),
    standardOutput: text(f.standardOutput, false),
    plannedCost: text(f.plannedCost, true),
    actualCost: text(f.actualCost, true),
    budgeted: text(f.budgeted, true),
    inPlace: text(f.inPlace, true),
    spent: text(f.spent, true),
  };
}

/** An input line as the rule's line (a custom indicator: code null, its category and name). */
export const lineOfInput = (i: FrameworkScoreInput): FrameworkLineInput => ({
  code: i.code ?? null,
  custom: i.code == null ? { category: (i.category ?? '') as FrameworkCategory, name: i.name ?? '' } : null,
  points: i.points,
  score: i.score ?? null,
});

/** A stored row as the rule's line. */
export const lineOfRow = (r: EvaluationFrameworkScoreEntity): FrameworkLineInput => ({
  code: isCustomCode(r.code) ? null : r.code,
  custom: isCustomCode(r.code) ? { category: r.category, name: r.name } : null,
  points: requireDecimal(r.points),
  score: r.score == null ? null : requireDecimal(r.score),
});

export interface PreparedFramework {
  lines: FrameworkLineInput[];
  figures: FrameworkFigures;
  rates: FrameworkRates;
  problems: Problem[];
}

/**
 * The entered set with the rate indicators' scores computed from the figures (附件7; DOMAIN §10): a score
 * typed for such an indicator must be absent or equal to the computed one (SCORE_COMPUTED otherwise).
 */
export function prepareFramework(
  inputs: readonly FrameworkScoreInput[],
  figuresInput: FrameworkFiguresInput | null | undefined,
): PreparedFramework {
  const figures = figuresOfInput(figuresInput);
  const { rates, problems } = frameworkRates(figures);
  const lines = inputs.map((input, k) => {
    const line = lineOfInput(input);
    const computed = computedScore(line.code, line.points, figures, rates);
    if (!computed) return line;
    if (line.score != null && !line.score.eq(computed.score)) {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'SCORE_COMPUTED',
        field: ['indicators', String(k), 'score'],
        message: msg(
          `该指标得分由评价数据计算为 ${computed.score.toFixed(2)}，不能手工填写其他分数`,
          `This indicator's score is computed from the figures (${computed.score.toFixed(2)}); leave it empty`,
        ),
      });
    }
    return { ...line, score: computed.score };
  });
  return { lines, figures, rates, problems };
}

/** Rows to insert for a prepared set: custom indicators get the codes CUSTOM_1, CUSTOM_2, … */
export function frameworkRows(lines: readonly FrameworkLineInput[], comments: readonly (string | null)[]) {
  let custom = 0;
  return lines.map((line, position) => {
    const def = lineDef(line);
    return {
      position,
      category: def?.category ?? 'DECISION',
      code: line.code ?? `${CUSTOM_PREFIX}${++custom}`,
      name: def?.name ?? line.code ?? '',
      points: line.points.toFixed(2),
      score: line.score ? line.score.toFixed(2) : null,
      comment: comments[position] ?? null,
    };
  });
}
