import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { Decimal, parseDecimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { runMutation, Validation } from '../common/mutation';
import { problem } from '../common/problem';
import { abort } from '../common/refusal';
import type { GoalIndicatorInput } from '../goals/dto/goal.inputs';
import { IndicatorCategory, IndicatorKind, IndicatorSubcategory } from '../goals/indicator.enums';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { indicatorOf } from '../goals/goal-indicators';
import { checkIndicator } from '../goals/rules/indicator-rules';
import type { DepartmentCommonIndicatorEntity } from './common-indicator.entity';
import { CommonIndicatorSource } from './department.enums';
import type { SetCommonIndicatorsInput } from './dto/department.inputs';
import { departmentIndicatorProblems } from './rules/common-lock';
import { commonSetFor, replaceCommonSet } from './common-indicators.repository';

// The set's reads and its one writer live in common-indicators.repository.ts (issue 10 item 2).
export { commonSetFor, type CommonSet } from './common-indicators.repository';

/** A common indicator as a goal carries it: 共性指标 / 预算管理, locked (DOMAIN §5). */
export const asGoalIndicator = (c: DepartmentCommonIndicatorEntity): GoalIndicatorInput => ({
  category: IndicatorCategory.COMMON,
  subcategory: IndicatorSubcategory.BUDGET_MANAGEMENT,
  name: c.name,
  kind: c.kind,
  unit: c.unit,
  comparator: c.comparator,
  target: c.target,
  points: new Decimal(c.points).toFixed(),
});

/**
 * The hook the goal module calls for a DEPARTMENT goal on create and update (DOMAIN §5): when finance set
 * common indicators for the year, they are present and unchanged and the points total 100; otherwise
 * nothing is written and every problem comes back.
 */
export async function checkDepartmentGoalIndicators(
  em: EntityManager,
  tenantId: string,
  regionPath: string,
  year: number,
  indicators: readonly GoalIndicatorInput[],
): Promise<void> {
  const common = await commonSetFor(em, tenantId, regionPath, year);
  if (!common) return;
  const problems = departmentIndicatorProblems(
    common.indicators,
    // The goal module's own reading of the entered indicators (goal-indicators.ts).
    indicators.map(indicatorOf),
  );
  if (problems.length) abort(problems);
}

/**
 * The same lock at submission (DOMAIN §5; 003 第十二条(二)): a draft made before finance set (or changed) the
 * year's list must be brought in line before it goes to review. Refused with WORKFLOW_VIOLATION, one error
 * naming the 共性 indicators missing or changed, then each problem; nothing is written.
 */
export async function checkDepartmentGoalAtSubmit(
  em: EntityManager,
  goal: { tenantId: string; id: string; regionPath: string; year: number },
): Promise<void> {
  const common = await commonSetFor(em, goal.tenantId, goal.regionPath, goal.year);
  if (!common) return;
  const stored = await em.find(GoalIndicatorEntity, {
    where: { tenantId: goal.tenantId, goalId: goal.id },
    order: { position: 'ASC' },
  });
  const problems = departmentIndicatorProblems(
    common.indicators,
    stored.map((i) => ({ ...i, points: i.points == null ? null : String(i.points) })),
  );
  if (!problems.length) return;
  const named = common.indicators
    .filter((c) => problems.some((p) => p.message.zh.includes(`「${c.name}」`)))
    .map((c) => c.name);
  const head = named.length
    ? msg(
        `须先按财政部门设定的共性指标修改目标再提交：${named.map((n) => `「${n}」`).join('、')}`,
        `Bring the goal in line with finance's common indicators before submitting: ${named.join(', ')}`,
      )
    : msg('须先修改指标分值再提交', 'Correct the indicator points before submitting');
  abort(
    [head, ...problems.map((p) => p.message)].map((m) =>
      problem(ErrorCode.WORKFLOW_VIOLATION, ['input', 'id'], m),
    ),
  );
}

const computed = (s: CommonIndicatorSource) => s !== CommonIndicatorSource.ENTERED;

/**
 * 设定共性指标 (004 二(二)1 "年度部门预算编制前，财政部门建立、更新本级共性的绩效指标框架"): finance sets the
 * list for its own region and year, replacing the previous one; each indicator is checked like a goal's,
 * names are unique, points are given and total above 0 and below 100 (the department's 个性 indicators
 * carry the rest); a computed rate is quantitative in %. Goals already drafted keep their copy.
 */
export function setCommonIndicators(ctx: RequestContext, input: SetCommonIndicatorsInput) {
  return runMutation(ctx, {}, async (em) => {
    const v = new Validation();
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'year'],
        msg('年度须在 2000 至 2100 之间', 'The year lies between 2000 and 2100'),
      );
    const names = new Set<string>();
    let total = new Decimal(0);
    input.indicators.forEach((c, k) => {
      const path = ['input', 'indicators', String(k)];
      const goalShape = {
        ...asGoalIndicator({ ...c, points: '0' } as DepartmentCommonIndicatorEntity),
        points: c.points,
      };
      for (const p of checkIndicator(
        { ...goalShape, aggregation: null, parentIndicatorId: null },
        { use: 'DEPARTMENT_GOAL', path },
      ))
        v.add(p.code, p.field, p.message);
      const points = parseDecimal(c.points.trim());
      if (!points)
        v.add(ErrorCode.BAD_USER_INPUT, [...path, 'points'], msg('须设定分值', 'Points are required'));
      else total = total.plus(points);
      if (names.has(c.name.trim()))
        v.add(
          ErrorCode.BAD_USER_INPUT,
          [...path, 'name'],
          msg(`共性指标「${c.name}」重复`, `"${c.name}" repeats`),
        );
      names.add(c.name.trim());
      if (computed(c.source) && (c.kind !== IndicatorKind.QUANTITATIVE || (c.unit ?? '').trim() !== '%'))
        v.add(
          ErrorCode.BAD_USER_INPUT,
          [...path, 'source'],
          msg('由资金数计算的比率须为以 % 计的定量指标', 'A rate computed from money is quantitative, in %'),
        );
    });
    if (input.indicators.length > 0 && (total.lte(0) || total.gte(100)))
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'indicators'],
        msg(
          `共性指标分值合计 ${total.toFixed()}，应大于 0 且小于 100（其余分值由部门个性指标承担）`,
          `The common indicators' points total ${total.toFixed()}; they must lie above 0 and below 100`,
        ),
      );
    v.check();
    const after = await replaceCommonSet(ctx, em, input);
    return { set: after };
  });
}
