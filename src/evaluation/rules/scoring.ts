import { Decimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import { gradeOf } from '../../common/grade';
import type { Problem } from '../../common/problem';
import {
  categoryPoints,
  linePoints,
  SCORING_CATEGORIES,
  scoringCategoryNames,
  validPoints,
} from './category-points';
import { cmp, exact, roundExact, valueOf, type Exact } from './exact';
import { checkMoney, checkPointTotals } from './scoring-checks';
import { COMMON_LINES, scoreRateLine } from './scoring-common';
import { scoreIndicatorLine, type IndexedActual } from './scoring-lines';
import type { ScoreLine, SelfScore, SelfScoringInput } from './scoring-types';

export * from './scoring-types';

/**
 * 单位自评打分 (DOMAIN §10 rules 1–7; 002 第二十一、二十四、二十五条; 附件6). Pure and exact.
 *
 * Lines come in the order of 附件6: COMMON, OUTPUT, BENEFIT, SATISFACTION, indicators in input order.
 * COMMON (policy choice): when the goal has no COMMON indicators (project and transfer goals, whose forms
 * 附件1–3 have none), the two money lines 资金到位率 and 预算执行率 carry COMMON's points, split equally
 * (5/5 by default). When it has COMMON indicators (a department goal, whose 共性指标 finance sets,
 * 003 第十二条(二)), those are scored as ordinary indicators and replace the money lines, so budget
 * execution is never counted twice.
 */
export function scoreSelfEvaluation(input: SelfScoringInput): SelfScore {
  const inputProblems: Problem[] = [];
  const submissionProblems: Problem[] = [];
  const withCommonIndicators = input.indicators.some((i) => i.category === 'COMMON');
  const moneyKeys: string[] = withCommonIndicators ? [] : COMMON_LINES.map((l) => l.key);

  // Actuals by indicator id (an actual may also carry the explanation of a money line, keyed by its line key).
  const known = new Set([...input.indicators.map((i) => i.id), ...moneyKeys]);
  const byId = new Map<string, IndexedActual>();
  input.actuals.forEach((actual, index) => {
    const field = ['actuals', String(index), 'indicatorId'];
    if (!known.has(actual.indicatorId)) {
      inputProblems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'UNKNOWN_INDICATOR',
        field,
        message: msg(`未知的指标 ${actual.indicatorId}`, `Unknown indicator ${actual.indicatorId}`),
      });
    } else if (byId.has(actual.indicatorId)) {
      inputProblems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'DUPLICATE_ACTUAL',
        field,
        message: msg(
          `指标 ${actual.indicatorId} 重复填报`,
          `Indicator ${actual.indicatorId} is reported twice`,
        ),
      });
    } else byId.set(actual.indicatorId, { actual, index });
  });

  const moneyValid = checkMoney(input.money, inputProblems);
  const points = categoryPoints(
    input.categoryPoints,
    (c) => c === 'COMMON' || input.indicators.some((i) => i.category === c),
  );
  inputProblems.push(...points.problems);

  const lines: ScoreLine[] = [];
  for (const category of SCORING_CATEGORIES) {
    const members = input.indicators
      .map((indicator, index) => ({ indicator, index }))
      .filter((m) => m.indicator.category === category);
    const given = members.map(({ indicator, index }) => {
      const p = indicator.points;
      if (p === null || p === undefined) return null;
      if (validPoints(p)) return p;
      inputProblems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'INDICATOR_POINTS_INVALID',
        field: ['indicators', String(index), 'points'],
        message: msg(
          `指标「${indicator.name}」的分值 ${p.toString()} 无效`,
          `The points ${p.toString()} of "${indicator.name}" are invalid`,
        ),
      });
      return null;
    });
    const nominal = points.nominal[category];
    const effective = points.effective[category];
    if (category === 'COMMON' && !withCommonIndicators) {
      const [arrival, execution] = linePoints(nominal, effective, [null, null]) as [Exact, Exact];
      lines.push(rateLine(0, arrival, input), rateLine(1, execution, input));
      if (!moneyValid) for (const l of lines.slice(-2)) invalidate(l);
      continue;
    }
    if (members.length === 0) continue;
    inputProblems.push(
      ...checkPointTotals(
        category,
        nominal,
        given,
        members.map((m) => m.indicator),
      ),
    );
    const carried = linePoints(nominal, effective, given);
    members.forEach(({ indicator, index }, k) => {
      const outcome = scoreIndicatorLine(
        indicator,
        index,
        carried[k]!,
        byId.get(indicator.id),
        input.policy?.overTarget,
      );
      inputProblems.push(...outcome.inputProblems);
      lines.push(outcome.line);
      if (!outcome.hasActual && outcome.inputProblems.length === 0) {
        submissionProblems.push({
          code: ErrorCode.BAD_USER_INPUT,
          reason: 'ACTUAL_REQUIRED',
          field: ['actuals'],
          message: msg(
            `指标「${indicator.name}」（${scoringCategoryNames[category]}）尚未填报实际完成情况`,
            `Indicator "${indicator.name}" (${category}) has no actual yet`,
          ),
        });
      }
    });
  }

  // DOMAIN §10.5 (001 三(三)1 未实现绩效目标的，须说明理由) and §10.3 (over target: 要分析原因).
  for (const line of lines) {
    if (!line.needsExplanation || line.rule === 'NO_ACTUAL' || line.rule === 'INVALID_INPUT') continue;
    const entry = byId.get(line.key);
    if (entry && entry.actual.explanation && entry.actual.explanation.trim() !== '') continue;
    submissionProblems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'EXPLANATION_REQUIRED',
      field: entry ? ['actuals', String(entry.index), 'explanation'] : ['actuals'],
      message: line.flags.includes('OVER_TARGET')
        ? msg(
            `指标「${line.name}」完成值高于指标值较多，须分析说明原因`,
            `"${line.name}" is far over its target: explain why`,
          )
        : msg(
            `指标「${line.name}」得分 ${line.score.toFixed(2)} 低于分值 ${line.points.toFixed()}，须说明理由`,
            `"${line.name}" scores ${line.score.toFixed(2)} of ${line.points.toFixed()} points: explain why`,
          ),
    });
  }

  // DOMAIN §10.6: the total is the sum of the rounded line scores — with exact points (§10.2) it may pass
  // 100 by the rounding of the lines (three lines of 50 ÷ 3 fully met: 16.67 × 3); §10.7: grade by 002
  // 第二十五条 (a total above 100 grades as 100 would).
  const total = lines.reduce((s, l) => s.plus(l.score), new Decimal(0));
  return {
    lines,
    total,
    grade: gradeOf(Decimal.min(total, 100), input.policy?.gradeBands),
    inputProblems,
    submissionProblems,
  };
}

function rateLine(which: 0 | 1, points: Exact, input: SelfScoringInput): ScoreLine {
  const r = scoreRateLine(which, points, input.money);
  const score = roundExact(r.raw, 2); // DOMAIN §10.6: only the score is rounded
  return {
    key: r.key,
    name: r.name,
    category: 'COMMON',
    points: valueOf(points),
    inputs: r.inputs,
    rule: r.rule,
    ruleText: r.ruleText,
    score,
    flags: [],
    needsExplanation: cmp(exact(score), points) < 0,
  };
}

function invalidate(line: ScoreLine): void {
  line.rule = 'INVALID_INPUT';
  line.ruleText =
    '规则 INVALID_INPUT：资金数无效，计 0 分 / rule INVALID_INPUT: the money figures are invalid; 0 points';
  line.score = new Decimal(0);
  line.needsExplanation = line.points.gt(0);
}
