import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { Decimal, roundHalfUp } from '../common/decimal';
import { gradeOf, type Grade } from '../common/grade';
import { gradeBandsOf } from '../policy/rules/policy';
import { policyFor } from '../policy/policy.service';
import { OVERDUE_SQL } from './results-lists';
import { COMPLETED_RESULT, RESULT_PRECEDENCE } from './results-sql';
import { shanghaiDateOf } from './rules/due-dates';
import { competitionRanking } from './rules/ranking';
import { RankingScope } from './dto/reports.types';

const SCOPES: Record<RankingScope, string> = {
  REGION: 'TRANSFER_REGIONAL',
  DEPARTMENT: 'DEPARTMENT',
  FUND: 'TRANSFER_OVERALL',
};

interface LatestRow {
  goal_id: string;
  goal_name: string;
  region_id: string;
  region_name: string;
  department_id: string | null;
  department_name: string | null;
  fund_id: string | null;
  fund_name: string | null;
  amount: string | null;
  total: string;
  grade: string;
  evaluation_id: string;
}

// Each goal's latest completed result of the year within `path` (DOMAIN §13 "from each subject's latest result").
const LATEST = `
  SELECT DISTINCT ON (g.id) g.id AS goal_id, g.name AS goal_name, g.region_id, r.name AS region_name,
         g.department_id, o.name AS department_name, g.fund_id, f.name AS fund_name,
         g.annual_amount::text AS amount, e.total::text AS total, e.grade, e.id AS evaluation_id
    FROM evaluation e JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
    JOIN region r ON r.tenant_id = g.tenant_id AND r.id = g.region_id
    LEFT JOIN organization o ON o.tenant_id = g.tenant_id AND o.id = g.department_id
    LEFT JOIN fund f ON f.tenant_id = g.tenant_id AND f.id = g.fund_id
   WHERE e.year = $1 AND g.region_path LIKE $2 AND ($3::text IS NULL OR g.scope = $3::text)
     AND e.total IS NOT NULL AND ${COMPLETED_RESULT}
   ORDER BY g.id, ${RESULT_PRECEDENCE}`;

/** The caller's subtree, narrowed to a region in it; null: nothing in jurisdiction (P6). */
async function withinPath(ctx: RequestContext, regionId: string | null): Promise<string | null> {
  const caller = ctx.caller;
  if (!hasSubtreeJurisdiction(caller)) return null;
  if (!regionId) return caller.regionPath;
  const region = await ctx.loaders.regionById.load(regionId);
  return region && region.path.startsWith(caller.regionPath) ? region.path : null;
}

async function latestResults(ctx: RequestContext, year: number, path: string, scope: string | null) {
  return ctx.db.query<LatestRow>(LATEST, [year, `${path}%`, scope]);
}

export interface RankingRow {
  rank: number;
  subjectKind: RankingScope;
  subjectType: string;
  subjectId: string;
  name: string;
  score: Decimal;
  grade: Grade;
  resultCount: number;
}

/**
 * 排序 (DOMAIN §13 "Ranking and reports"; 001 三(四)3): regions, departments or funds ranked by their results
 * of a year, only among the subjects in the caller's subtree (P6: no out-of-scope figure takes part or is
 * shown). A fund's and a department's result is its overall goal's latest result; a region's is the
 * money-weighted mean (by annual amount; equal weights when no amounts) of its regional goals' latest
 * results, rounded half-up to 2 decimals. Ties: competition ranking (rules/ranking.ts).
 */
export async function rankResults(
  ctx: RequestContext,
  year: number,
  scope: RankingScope,
  regionId: string | null,
): Promise<RankingRow[]> {
  const path = await withinPath(ctx, regionId);
  if (!path) return [];
  const rows = await latestResults(ctx, year, path, SCOPES[scope]);
  const groups = new Map<string, { name: string; type: string; rows: LatestRow[] }>();
  for (const r of rows) {
    const [id, name, type] =
      scope === 'REGION'
        ? [r.region_id, r.region_name, 'Region']
        : scope === 'FUND'
          ? [r.fund_id ?? r.goal_id, r.fund_name ?? r.goal_name, r.fund_id ? 'Fund' : 'PerformanceGoal']
          : [
              r.department_id ?? r.goal_id,
              r.department_name ?? r.goal_name,
              r.department_id ? 'Organization' : 'PerformanceGoal',
            ];
    const g = groups.get(id) ?? { name, type, rows: [] };
    g.rows.push(r);
    groups.set(id, g);
  }
  const bands = gradeBandsOf(await policyFor(ctx, year));
  const items = [...groups].map(([id, g]) => {
    const weights = g.rows.map((r) => new Decimal(r.amount ?? 0));
    const weighted = weights.every((w) => w.isZero()) ? g.rows.map(() => new Decimal(1)) : weights;
    const sum = weighted.reduce((s, w) => s.plus(w), new Decimal(0));
    const mean = g.rows
      .reduce((s, r, i) => s.plus(new Decimal(r.total).times(weighted[i])), new Decimal(0))
      .div(sum);
    return { id, name: g.name, type: g.type, score: roundHalfUp(mean, 2), count: g.rows.length };
  });
  return competitionRanking(items).map(({ rank, item }) => ({
    rank,
    subjectKind: scope,
    subjectType: item.type,
    subjectId: item.id,
    name: item.name,
    score: item.score,
    grade: gradeOf(item.score, bands),
    resultCount: item.count,
  }));
}

export type NoticeReason = 'POOR_RESULT' | 'SPOT_CHECK_FLAG' | 'OVERDUE_RECTIFICATION';

export interface NoticeRow {
  reason: NoticeReason;
  subjectType: string;
  subjectId: string;
  goalId: string;
  goalName: string;
  regionId: string;
  regionName: string;
  detail: string;
  rule: string;
}

const SPOT_FLAGS = `
  SELECT i.id, g.id AS goal_id, g.name AS goal_name, g.region_id, r.name AS region_name, i.flags
    FROM spot_check_item i JOIN spot_check_sample s ON s.tenant_id = i.tenant_id AND s.id = i.sample_id
    JOIN performance_goal g ON g.tenant_id = i.tenant_id AND g.id = i.goal_id
    JOIN region r ON r.tenant_id = g.tenant_id AND r.id = g.region_id
   WHERE s.year = $1 AND g.region_path LIKE $2 AND jsonb_array_length(i.flags) > 0 ORDER BY g.name, i.id`;

const OVERDUE = `
  SELECT f.id, g.id AS goal_id, g.name AS goal_name, g.region_id, r.name AS region_name,
         to_char(f.rectification_due_on, 'YYYY-MM-DD') AS due, to_char(f.feedback_due_on, 'YYYY-MM-DD') AS feedback_due, f.state
    FROM result_finding f JOIN performance_goal g ON g.tenant_id = f.tenant_id AND g.id = f.goal_id
    JOIN region r ON r.tenant_id = g.tenant_id AND r.id = g.region_id
   WHERE f.year = $1 AND f.region_path LIKE $2
     AND ${OVERDUE_SQL.replaceAll(':today', '$3::date')} ORDER BY g.name, f.id`;

/**
 * 通报名单 (DOMAIN §12, §13; 001 三(四)3, 四(四) "对绩效目标完成差的…予以通报批评"; 003 第二十一条, 转移支付
 * 第二十四、三十一条): the year's poor performers (latest result POOR), flagged spot-check items and overdue
 * rectifications, within the caller's subtree only (P6).
 */
export async function noticeList(
  ctx: RequestContext,
  year: number,
  regionId: string | null,
): Promise<NoticeRow[]> {
  const path = await withinPath(ctx, regionId);
  if (!path) return [];
  const poor = (await latestResults(ctx, year, path, null)).filter((r) => r.grade === 'POOR');
  const flagged = await ctx.db.query<{
    id: string;
    goal_id: string;
    goal_name: string;
    region_id: string;
    region_name: string;
    flags: string[];
  }>(SPOT_FLAGS, [year, `${path}%`]);
  const overdue = await ctx.db.query<{
    id: string;
    goal_id: string;
    goal_name: string;
    region_id: string;
    region_name: string;
    due: string;
    feedback_due: string;
    state: string;
  }>(OVERDUE, [year, `${path}%`, shanghaiDateOf(new Date())]);
  const base = (r: { goal_id: string; goal_name: string; region_id: string; region_name: string }) => ({
    goalId: r.goal_id,
    goalName: r.goal_name,
    regionId: r.region_id,
    regionName: r.region_name,
  });
  return [
    ...poor.map((r) => ({
      ...base(r),
      reason: 'POOR_RESULT' as const,
      subjectType: 'Evaluation',
      subjectId: r.evaluation_id,
      detail: `评价得分${r.total}，等级为差`,
      rule: '001 四(四); 003 转移支付 第三十一条: 对绩效差的通报批评',
    })),
    ...flagged.map((r) => ({
      ...base(r),
      reason: 'SPOT_CHECK_FLAG' as const,
      subjectType: 'SpotCheckItem',
      subjectId: r.id,
      detail: `抽查复核标记：${r.flags.join('、')}`,
      rule: '003 第二十一条, 转移支付 第二十四条: 抽查复核发现问题的予以通报',
    })),
    ...overdue.map((r) => ({
      ...base(r),
      reason: 'OVERDUE_RECTIFICATION' as const,
      subjectType: 'Finding',
      subjectId: r.id,
      detail: r.state === 'OPEN' ? `反馈逾期（期限${r.feedback_due}）` : `整改逾期（期限${r.due}）`,
      rule: '002 第二十八条(二); 003 转移支付 第三十三条: 整改情况按期书面报送同级财政部门',
    })),
  ];
}
