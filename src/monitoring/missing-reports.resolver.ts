import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { ErrorCode, msg } from '../common/errors';
import { ConnectionArgs, paginate, SortDirection, toConnection } from '../common/pagination';
import { PerformanceGoalConnection, PerformanceGoalType } from '../goals/dto/goal.types';
import { GoalScope } from '../goals/goal.enums';
import type { GoalEntity } from '../goals/goal.entity';
import { policyFor } from '../policy/policy.service';
import { IN_FORCE } from './rules/parties';
import { refusal } from '../common/refusal';

const yearArg = { description: '年度 — year' };

/** Goals in force of the year in the caller's jurisdiction (DOMAIN §3: located in its subtree). */
async function goalsInForce(ctx: RequestContext, year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['year'],
      msg('年度须在 2000 至 2100 之间', 'The year lies between 2000 and 2100'),
    );
  }
  const p = ctx.caller;
  const qb = (await ctx.scope.goals())
    .andWhere('g.year = :year', { year })
    .andWhere('g.status = ANY(:inForce)', { inForce: [...IN_FORCE] });
  if (hasSubtreeJurisdiction(p))
    qb.andWhere('g.region_path LIKE :missingPrefix', { missingPrefix: `${p.regionPath}%` });
  return qb;
}

const byName = { expression: 'g.name', read: (x: object) => (x as GoalEntity).name };

/**
 * The other two lists of missing monitoring reports (DOMAIN §9), beside the per-month one: goals with no
 * report at all this year (002 第十四条 "每年至少开展一次"), and the department-goal check of the month the
 * tenant policy names (004 二(三)1 "以每年6月底为节点…对本单位年度整体绩效目标实现程度进行监控").
 */
@Resolver(() => PerformanceGoalType)
export class MissingReportsResolver {
  @Query(() => PerformanceGoalConnection, {
    description:
      '全年未报送监控报告的目标 — goals in force of the year in the caller’s jurisdiction with no submitted report for any month (DOMAIN §9; 002 第十四条)',
  })
  async goalsWithoutMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('year', () => Int, yearArg) year: number,
  ) {
    const qb = (await goalsInForce(ctx, year)).andWhere(
      `NOT EXISTS (SELECT 1 FROM monitoring_report ya WHERE ya.tenant_id = g.tenant_id AND ya.goal_id = g.id
         AND ya.year = :year AND ya.status IN ('SUBMITTED', 'ACKNOWLEDGED'))`,
    );
    return toConnection(
      PerformanceGoalConnection,
      await paginate(qb, page, byName, SortDirection.ASC, 'g.id'),
    );
  }

  @Query(() => PerformanceGoalConnection, {
    description:
      '未报送年中监控的部门整体目标 — DEPARTMENT goals in force of the year in the caller’s jurisdiction without a submitted report for the tenant’s department check month (June by default; DOMAIN §9; 004 二(三)1)',
  })
  async departmentGoalsMissingMidYearCheck(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('year', () => Int, yearArg) year: number,
  ) {
    const qb = await goalsInForce(ctx, year);
    const { departmentCheckMonth } = await policyFor(ctx, year);
    qb.andWhere('g.scope = :departmentScope', { departmentScope: GoalScope.DEPARTMENT }).andWhere(
      `NOT EXISTS (SELECT 1 FROM monitoring_report dc WHERE dc.tenant_id = g.tenant_id AND dc.goal_id = g.id
         AND dc.year = :year AND dc.month = :checkMonth AND dc.status IN ('SUBMITTED', 'ACKNOWLEDGED'))`,
      { checkMonth: departmentCheckMonth },
    );
    return toConnection(
      PerformanceGoalConnection,
      await paginate(qb, page, byName, SortDirection.ASC, 'g.id'),
    );
  }
}
