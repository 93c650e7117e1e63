import type { RequestContext } from '../../common/request-context';
import { Decimal, money } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { RegionEntity } from '../../hierarchy/region.entity';
import { COMPLETED_RESULT, RESULT_PRECEDENCE } from '../results-sql';
import { refusal } from '../../common/refusal';

/**
 * 人大报送材料 (DOMAIN §13 "the people's congress package"; 002 第二十九条 "重要绩效目标随预算草案同步报送同级人大
 * …绩效评价结果分别编入部门决算和政府决算，报送同级人大常委会"; 003 第二十八条): for a year and a region (the
 * level), the major goals with the draft budget, and the results with the final accounts. Major goals are
 * the level's own issued fund-overall, department-overall and project goals (not the decomposed regional or
 * project parts of transfers); classified (涉密) items are withheld and only counted. Assembled by finance
 * at the level or above (003 第二十八条 "区财政部门负责组织实施绩效结果向区人大报送工作").
 */

const MAJOR_SCOPES = `('TRANSFER_OVERALL', 'DEPARTMENT', 'PROJECT')`;
const NOT_CLASSIFIED = (alias: string, type: string) =>
  `NOT EXISTS (SELECT 1 FROM disclosure c WHERE c.tenant_id = ${alias}.tenant_id AND c.subject_type = '${type}'
     AND c.subject_id = ${alias}.id AND c.classified)`;

const GOALS = `
  SELECT g.id, g.name, g.scope, g.annual_amount::text AS amount, g.annual_objective AS objective,
         coalesce(o.name, fo.name) AS department
    FROM performance_goal g
    LEFT JOIN organization o ON o.tenant_id = g.tenant_id AND o.id = g.department_id
    LEFT JOIN fund f ON f.tenant_id = g.tenant_id AND f.id = g.fund_id
    LEFT JOIN organization fo ON fo.tenant_id = f.tenant_id AND fo.id = f.organization_id
   WHERE g.region_id = $1 AND g.year = $2 AND g.status = 'ISSUED' AND g.scope IN ${MAJOR_SCOPES}
     AND ${NOT_CLASSIFIED('g', 'GOAL')}
   ORDER BY g.annual_amount DESC NULLS LAST, g.name, g.id LIMIT 200`;

const RESULTS = `
  SELECT DISTINCT ON (g.id) e.id, g.name, e.kind, e.total::text AS total, e.grade,
         g.annual_amount::text AS budgeted,
         (SELECT sum(x.spent)::text FROM goal_execution x WHERE x.tenant_id = g.tenant_id AND x.goal_id = g.id AND x.year = e.year) AS spent
    FROM evaluation e JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
   WHERE g.region_id = $1 AND e.year = $2 AND g.scope IN ${MAJOR_SCOPES} AND ${COMPLETED_RESULT}
     AND ${NOT_CLASSIFIED('e', 'EVALUATION')} AND ${NOT_CLASSIFIED('g', 'GOAL')}
   ORDER BY g.id, ${RESULT_PRECEDENCE}`;

const WITHHELD = `
  SELECT count(*)::int AS n FROM disclosure d
    JOIN performance_goal g ON g.tenant_id = d.tenant_id AND d.subject_type = 'GOAL' AND g.id = d.subject_id
   WHERE d.classified AND g.region_id = $1 AND g.year = $2`;

export interface CongressGoal {
  goalId: string;
  name: string;
  scope: string;
  department: string | null;
  amount: string | null;
  objective: string | null;
}

export interface CongressResult {
  evaluationId: string;
  goalName: string;
  kind: string;
  score: string | null;
  grade: string | null;
  budgeted: string | null;
  spent: string | null;
  executionRate: string | null;
}

export interface CongressPackage {
  year: number;
  regionId: string;
  regionName: string;
  regionCode: string;
  draftBudgetTotal: string;
  finalAccountsTotal: string;
  goals: CongressGoal[];
  results: CongressResult[];
  classifiedWithheld: number;
}

/** The region of the package: in the caller's subtree (else NOT_FOUND, P6), assembled by finance only. */
async function packageRegion(ctx: RequestContext, find: { id?: string; code?: string }) {
  const caller = ctx.caller;
  const em = await ctx.db.manager();
  const region = find.id
    ? await em.findOneBy(RegionEntity, { tenantId: caller.tenantId, id: find.id })
    : await em.findOneBy(RegionEntity, { tenantId: caller.tenantId, code: find.code ?? '-' });
  if (!region || !region.path.startsWith(caller.regionPath))
    throw refusal(ErrorCode.NOT_FOUND, ['region'], msg('未找到该区划', 'Region not found'));
  if (caller.organizationKind !== OrganizationKind.FINANCE_BUREAU)
    throw refusal.forbidden(
      'P6',
      msg(
        '人大报送材料由财政部门组织（003 第二十八条）',
        'The people’s congress package is assembled by finance (003 art. 28)',
      ),
    );
  return region;
}

export async function congressPackage(
  ctx: RequestContext,
  year: number,
  find: { id?: string; code?: string },
): Promise<CongressPackage> {
  const region = await packageRegion(ctx, find);
  const goals = await ctx.db.query<{
    id: string;
    name: string;
    scope: string;
    amount: string | null;
    objective: string | null;
    department: string | null;
  }>(GOALS, [region.id, year]);
  const results = await ctx.db.query<{
    id: string;
    name: string;
    kind: string;
    total: string | null;
    grade: string | null;
    budgeted: string | null;
    spent: string | null;
  }>(RESULTS, [region.id, year]);
  const [{ n }] = await ctx.db.query<{ n: number }>(WITHHELD, [region.id, year]);
  const sum = (xs: (string | null)[]) => money(xs.reduce((s, x) => s.plus(x ?? 0), new Decimal(0)));
  return {
    year,
    regionId: toGlobalId('Region', region.id),
    regionName: region.name,
    regionCode: region.code,
    draftBudgetTotal: sum(goals.map((g) => g.amount)),
    finalAccountsTotal: sum(results.map((r) => r.spent)),
    goals: goals.map((g) => ({
      goalId: toGlobalId('PerformanceGoal', g.id),
      name: g.name,
      scope: g.scope,
      department: g.department,
      amount: g.amount,
      objective: g.objective,
    })),
    results: results
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((r) => ({
        evaluationId: toGlobalId('Evaluation', r.id),
        goalName: r.name,
        kind: r.kind,
        score: r.total,
        grade: r.grade,
        budgeted: r.budgeted,
        spent: r.spent,
        // 预算执行率 = spent ÷ budget (附件7), as a percentage to 2 decimals.
        executionRate:
          r.budgeted && r.spent && !new Decimal(r.budgeted).isZero()
            ? new Decimal(r.spent).div(r.budgeted).times(100).toDecimalPlaces(2).toFixed(2)
            : null,
      })),
    classifiedWithheld: n,
  };
}
