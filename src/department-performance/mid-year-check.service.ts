import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { userErrorsOf } from '../common/user-error';
import { GoalScope } from '../goals/goal.enums';
import { visibleGoal } from '../monitoring/monitoring.query';
import { createMonitoringReport } from '../monitoring/report.service';
import { policyFor } from '../policy/policy.service';
import type { CreateMidYearCheckInput } from './dto/department.inputs';
import { refusal, refusalIn } from '../common/refusal';

/**
 * 年中整体绩效监控 (004 二(三)1 "以每年6月底为节点，各部门单位对本单位年度整体绩效目标实现程度进行监控，监控结果报
 * 财政部门"; DOMAIN §9): the June check of a DEPARTMENT (department- or unit-wide) goal is its monitoring report
 * covering January to the policy's department-check month (6 by default) of the goal's year — the month is
 * fixed here, never typed. Everything else (spending side, goal in force, content, the acknowledging
 * finance at the reporting body's level) is the ordinary report's. Monthly reports of projects are untouched.
 */
export async function createMidYearCheck(ctx: RequestContext, input: CreateMidYearCheckInput) {
  try {
    const goal = await visibleGoal(ctx, input.goalId, ['input', 'goalId']);
    if (goal.scope !== GoalScope.DEPARTMENT)
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'goalId'],
        msg(
          '年中整体绩效监控针对部门（单位）整体绩效目标；项目按月报送监控报告',
          'The mid-year check is of a department- or unit-wide goal; projects report monthly',
        ),
      );
    const { departmentCheckMonth } = await policyFor(ctx, goal.year);
    return await createMonitoringReport(ctx, { ...input, year: goal.year, month: departmentCheckMonth });
  } catch (error) {
    const refused = refusalIn(error);
    if (refused?.belongsInPayload) return { report: null, userErrors: userErrorsOf(refused.problems) };
    throw error;
  }
}
