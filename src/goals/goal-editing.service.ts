import { ErrorCode, msg } from '../common/errors';
import { runMutation, Validation } from '../common/mutation';
import type { RequestContext } from '../common/request-context';
import { checkDepartmentGoalIndicators } from '../department-performance/common-indicators.service';
import type { UpdateGoalInput } from './dto/goal.inputs';
import { categoryPointsColumns, categoryPointsProblems } from './goal-category-points';
import { headerColumns, headerProblems, mergedHeader } from './goal-header';
import { validateIndicators, writeIndicators } from './goal-indicators';
import { meanings, refusalErrors } from './goal.errors';
import { GoalScope, WorkflowAction } from './goal.enums';
import { visibleGoal } from './goal.query';
import { snapshot, updateGoalRow } from './goal.repository';
import { goalContentPatch } from './rules/goal-patch';
import { decide } from './rules/workflow';
import { workflowGoal } from './rules/workflow-goal';

/**
 * 修改绩效目标 — the drafter, DRAFT or RETURNED only (P8), guarded by rowVersion (DOMAIN §15). A partial
 * update (issue 11 item 1): every field omitted is unchanged, an explicit null clears it; the name and the
 * indicator set cannot be cleared (null → BAD_USER_INPUT, nothing written).
 */
export function updateGoal(ctx: RequestContext, input: UpdateGoalInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleGoal(ctx, input.id);
    const d = decide(workflowGoal(current), caller, WorkflowAction.EDIT);
    if (!d.ok) refusalErrors(d);
    const v = new Validation();
    const patch = goalContentPatch(input);
    for (const p of patch.problems) v.add(p.code, p.field, p.message);
    if (input.indicators === null)
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'indicators'],
        msg(
          '绩效指标不能置空；不修改请省略该字段，删除全部指标请传空列表',
          'Indicators cannot be null: omit them to keep them, or pass [] to remove them all',
        ),
      );
    // DOMAIN §10.1: omitted = unchanged; null = back to the defaults; a set must total 100.
    for (const p of categoryPointsProblems(input.categoryPoints)) v.add(p.code, p.field, p.message);
    // DOMAIN §5 附件1–3 header: omitted = unchanged, null = cleared (the whole header or one field),
    // checked against the annual amount the goal will have.
    const header = mergedHeader(input.header, current);
    const annual =
      patch.columns.annualAmount !== undefined ? patch.columns.annualAmount : current.annualAmount;
    for (const p of headerProblems(header, current.scope, current.year, annual))
      v.add(p.code, p.field, p.message);
    v.check();
    const indicators = input.indicators ?? null;
    const links = indicators
      ? await validateIndicators(em, caller.tenantId, current.scope, current.parentGoalId, indicators)
      : [];
    // DOMAIN §5; 003 第十二条(二): the department may not remove or change finance's 共性 indicators.
    if (indicators && current.scope === GoalScope.DEPARTMENT)
      await checkDepartmentGoalIndicators(em, caller.tenantId, current.regionPath, current.year, indicators);
    const before = snapshot(current, await ctx.loaders.indicatorsByGoalId.load(current.id));
    return updateGoalRow(
      ctx,
      em,
      current,
      input.expectedVersion,
      {
        ...patch.columns,
        ...(input.categoryPoints !== undefined ? categoryPointsColumns(input.categoryPoints) : {}),
        ...headerColumns(header),
      },
      {
        action: 'UPDATE',
        before,
        children: indicators
          ? () => writeIndicators(em, caller.tenantId, current.id, indicators, links)
          : undefined,
      },
    );
  });
}
