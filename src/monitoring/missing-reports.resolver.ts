import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { ErrorCode, msg } from '../common/errors';
import type { SelectQueryBuilder } from 'typeorm';
import { ConnectionArgs, queryConnection, SortDirection } from '../common/pagination';
import { PerformanceGoalConnection, PerformanceGoalType } from '../goals/dto/goal.types';
import { GoalScope } from '../goals/goal.enums';
import type { GoalEntity } from '../goals/goal.entity';
import { policyFor } from '../policy/policy.service';
import { monitoringMonthDue } from '../policy/rules/policy';
import { IN_FORCE } from './rules/parties';
import { refusal } from '../common/refusal';

type GoalQuery = SelectQueryBuilder<GoalEntity>;

const yearArg = { description: '年度 — year' };
const monthArg = { description: '截至月份 — month M (1–12)' };

/** Goals in force of the year in the caller's jurisdiction, the year checked first. */
async function goalsInForce(ctx: RequestContext, year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['year'],
      msg('年度须在 2000 至 2100 之间', 'The year lies between 2000 and 2100'),
    );
  }
  return goalsInForceOf(ctx, year);
}

/**
 * Goals in force of the year in the caller's jurisdiction (DOMAIN §3): bodies with a subtree list the goals
 * located in it, not those they only review.
 */
async function goalsInForceOf(ctx: RequestContext, year: number): Promise<GoalQuery> {
  const p = ctx.caller;
  const qb = (await ctx.scope.goals())
    .andWhere('g.year = :year', { year })
    .andWhere('g.status = ANY(:inForce)', { inForce: [...IN_FORCE] });
  if (hasSubtreeJurisdiction(p))
    qb.andWhere('g.region_path LIKE :missingPrefix', { missingPrefix: `${p.regionPath}%` });
  return qb;
}

/**
 * Keeps the goals with no submitted (or acknowledged) monitoring report of the year (`:year`) and, when
 * given, of one month (DOMAIN §9; 002 第十四条).
 */
function withoutSubmittedReport(qb: GoalQuery, month?: number): GoalQuery {
  return qb.andWhere(
    `NOT EXISTS (SELECT 1 FROM monitoring_report mr WHERE mr.tenant_id = g.tenant_id AND mr.goal_id = g.id
       AND mr.year = :year${month === undefined ? '' : ' AND mr.month = :reportMonth'}
       AND mr.status IN ('SUBMITTED', 'ACKNOWLEDGED'))`,
    month === undefined ? {} : { reportMonth: month },
  );
}

const byName = { expression: 'g.name', read: (x: object) => (x as GoalEntity).name };

/** A page of goals by name (pinyin order, issue 11 item 8). */
async function goalPage(qb: GoalQuery, page: ConnectionArgs) {
  return queryConnection(
    PerformanceGoalConnection,
    qb,
    page,
    { sort: byName, direction: SortDirection.ASC },
    'g.id',
  );
}

/**
 * The lists of missing monitoring reports (DOMAIN §9): goals without a submitted report for month M once it
 * is due, goals with no report at all this year (002 第十四条 "每年至少开展一次"), and the department-goal
 * check of the month the tenant policy names (004 二(三)1 "以每年6月底为节点…对本单位年度整体绩效目标实现程度进行监控").
 */
@Resolver(() => PerformanceGoalType)
export class MissingReportsResolver {
  @Query(() => PerformanceGoalConnection, {
    description:
      '未报送监控报告的目标 — goals in force of the year in the caller’s jurisdiction without a submitted report for month M, once that report is due: the tenant policy’s cadence asks for month M (监控频次) and its due day of month M + 1 has passed (报送日, Asia/Shanghai); otherwise empty (DOMAIN §9; 002 第十四条)',
  })
  async goalsMissingMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('year', () => Int, yearArg) year: number,
    @Arg('month', () => Int, monthArg) month: number,
  ) {
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['month'],
        msg('月份应为 1 到 12', 'The month must be 1 to 12'),
      );
    }
    // DOMAIN §9 "Cadences and due dates are tenant settings": a month the cadence does not ask for, or whose
    // due day (of month M + 1, Asia/Shanghai) has not passed yet, lists nothing as missing.
    const due = monitoringMonthDue(await policyFor(ctx, year), year, month, new Date());
    const qb = withoutSubmittedReport(await goalsInForceOf(ctx, year), month);
    if (!due) qb.andWhere('FALSE');
    return goalPage(qb, page);
  }

  @Query(() => PerformanceGoalConnection, {
    description:
      '全年未报送监控报告的目标 — goals in force of the year in the caller’s jurisdiction with no submitted report for any month (DOMAIN §9; 002 第十四条)',
  })
  async goalsWithoutMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('year', () => Int, yearArg) year: number,
  ) {
    return goalPage(withoutSubmittedReport(await goalsInForce(ctx, year)), page);
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
    qb.andWhere('g.scope = :departmentScope', { departmentScope: GoalScope.DEPARTMENT });
    return goalPage(withoutSubmittedReport(qb, departmentCheckMonth), page);
  }
}
