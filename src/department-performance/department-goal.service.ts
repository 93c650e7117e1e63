import type { RequestContext } from '../common/request-context';
import { createGoal } from '../goals/goal-drafting.service';
import { GoalScope } from '../goals/goal.enums';
import { asGoalIndicator, commonSetFor } from './common-indicators.service';
import type { CreateDepartmentGoalInput } from './dto/department.inputs';
import { impliedCategoryPoints } from './rules/common-lock';

/**
 * 编制部门整体绩效目标 (DOMAIN §5; 003 第十二条(二); 004 二(二)3): the department's yearly goal, with finance's
 * 共性 indicators of its region copied in first (locked: the goal module's hook refuses any change) and the
 * department's 个性 indicators after them; the goal's category points are the sums its indicators carry.
 * Everything else — drafter (P2), review chain (finance at its region), validation — is the goal module's.
 */
export async function createDepartmentGoal(ctx: RequestContext, input: CreateDepartmentGoalInput) {
  const em = await ctx.scope.manager();
  const common = await commonSetFor(em, ctx.caller.tenantId, ctx.caller.regionPath, input.year);
  const indicators = [...(common?.indicators.map(asGoalIndicator) ?? []), ...input.indicators];
  const implied = impliedCategoryPoints(
    indicators.map((i) => ({
      ...i,
      unit: i.unit ?? null,
      comparator: i.comparator ?? null,
      target: i.target ?? null,
      points: i.points ?? null,
    })),
  );
  const total = implied.common.plus(implied.output).plus(implied.benefit).plus(implied.satisfaction);
  return createGoal(ctx, {
    ...input,
    scope: GoalScope.DEPARTMENT,
    indicators,
    // DOMAIN §10.1: the category points the indicators imply, when they total 100 (else the hook refuses).
    categoryPoints: common && total.eq(100) ? implied : null,
  });
}
