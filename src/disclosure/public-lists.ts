import type { RequestContext } from '../common/request-context';
import { Decimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { toGlobalId } from '../common/global-id';
import { keysetConnection, keysetRequest, type ForwardConnectionArgs } from '../common/keyset-page';
import type { Connection } from '../common/pagination';
import { refusal } from '../common/refusal';
import type { PublicEvaluation, PublicGoal, PublicIndicator } from './disclosure.types';

const REGION_CODE = /^[0-9A-Za-z]{1,12}$/;

/** The region code and year of an anonymous read (a page's size and cursor are checked by keysetRequest). */
export function checkPublicArgs(regionCode: string, year: number): void {
  if (!REGION_CODE.test(regionCode))
    throw refusal(ErrorCode.BAD_USER_INPUT, ['regionCode'], msg('区划代码无效', 'Invalid region code'));
  if (year < 2000 || year > 2100)
    throw refusal(ErrorCode.BAD_USER_INPUT, ['year'], msg('年度无效', 'Invalid year'));
}

export const money = (v: string | null) => (v === null ? null : new Decimal(v).toFixed(2));

/** A row with what its cursor needs: the goal's name (the sort key) and the item's uuid. */
type Keyed<T> = T & { sortName: string; uuid: string };

async function count(ctx: RequestContext, fn: string, regionCode: string, year: number): Promise<number> {
  const [row] = await ctx.db.query<{ n: string }>(`SELECT ${fn}($1, $2)::text AS n`, [regionCode, year]);
  return Number(row?.n ?? 0);
}

/**
 * 公开绩效目标 (DOMAIN §14; 002 第二十九条): a page of the published goals of a region and year through the
 * SECURITY DEFINER function `disclosure_public_goals`, which pages by keyset after (name in pinyin order,
 * id) — migration 1763893000000.
 */
export async function publicGoalPage(
  ctx: RequestContext,
  regionCode: string,
  year: number,
  args: ForwardConnectionArgs,
): Promise<Connection<PublicGoal>> {
  checkPublicArgs(regionCode, year);
  const request = keysetRequest(args);
  type Row = Omit<PublicGoal, 'id' | 'indicators' | 'publishedOn'> & {
    subject_id: string;
    published_on: string;
    indicators: PublicIndicator[];
  };
  const rows = await ctx.db.query<Row>(
    `SELECT subject_id, name, year, region_code AS "regionCode", region_name AS "regionName",
            organization_name AS "organizationName", annual_objective AS "annualObjective",
            annual_amount::text AS "annualAmount", fiscal_amount::text AS "fiscalAmount",
            other_amount::text AS "otherAmount", to_char(published_on, 'YYYY-MM-DD') AS published_on, indicators
       FROM disclosure_public_goals($1, $2, $3, $4, $5)`,
    [regionCode, year, request.fetch, request.afterKey, request.afterId],
  );
  const items: Keyed<PublicGoal>[] = rows.map(({ subject_id, published_on, ...r }) => ({
    ...r,
    id: toGlobalId('PerformanceGoal', subject_id),
    publishedOn: published_on,
    annualAmount: money(r.annualAmount),
    fiscalAmount: money(r.fiscalAmount),
    otherAmount: money(r.otherAmount),
    sortName: r.name,
    uuid: subject_id,
  }));
  return keysetConnection(
    items,
    request,
    (g) => [g.sortName, g.uuid],
    () => count(ctx, 'disclosure_public_goal_count', regionCode, year),
  );
}

/**
 * 公开绩效评价结果 (DOMAIN §14; 003 第二十七条): a page of the published results (score and grade, no
 * comments) through `disclosure_public_evaluations`, keyset after (goal name in pinyin order, id).
 */
export async function publicEvaluationPage(
  ctx: RequestContext,
  regionCode: string,
  year: number,
  args: ForwardConnectionArgs,
): Promise<Connection<PublicEvaluation>> {
  checkPublicArgs(regionCode, year);
  const request = keysetRequest(args);
  const rows = await ctx.db.query<{
    subject_id: string;
    goal_name: string;
    kind: string;
    year: number;
    region_code: string;
    region_name: string;
    organization_name: string;
    total: string | null;
    grade: string | null;
    published_on: string;
  }>(
    `SELECT subject_id, goal_name, kind, year, region_code, region_name, organization_name, total::text AS total,
            grade, to_char(published_on, 'YYYY-MM-DD') AS published_on
       FROM disclosure_public_evaluations($1, $2, $3, $4, $5)`,
    [regionCode, year, request.fetch, request.afterKey, request.afterId],
  );
  const items: Keyed<PublicEvaluation>[] = rows.map((r) => ({
    id: toGlobalId('Evaluation', r.subject_id),
    goalName: r.goal_name,
    kind: r.kind,
    year: r.year,
    regionCode: r.region_code,
    regionName: r.region_name,
    organizationName: r.organization_name,
    score: money(r.total),
    grade: r.grade,
    publishedOn: r.published_on,
    sortName: r.goal_name,
    uuid: r.subject_id,
  }));
  return keysetConnection(
    items,
    request,
    (e) => [e.sortName, e.uuid],
    () => count(ctx, 'disclosure_public_evaluation_count', regionCode, year),
  );
}
