import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { byPinyin } from '../common/collation';
import { Decimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { toGlobalId } from '../common/global-id';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination';
import { runMutation } from '../common/mutation';
import {
  classify,
  EVALUATION_RESPONSIBLE_SQL,
  GOAL_RESPONSIBLE_SQL,
  loadSubject,
  publish,
  withdraw,
  type DisclosureRow,
} from './disclosure.service';
import {
  ClassifyInput,
  DisclosureDateInput,
  DisclosurePayload,
  DisclosureSubjectType,
  DisclosureType,
  PublicationDueItem,
  PublicEvaluation,
  PublicGoal,
  type PublicIndicator,
  PublicResults,
} from './disclosure.types';
import {
  ClassifyForDisclosurePayload,
  PublishDisclosureInput,
  PublishDisclosurePayload,
  WithdrawDisclosureInput,
  WithdrawDisclosurePayload,
} from './disclosure-mutation.types';
import { refusal } from '../common/refusal';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION_CODE = /^[0-9A-Za-z]{1,12}$/;

function checkDate(on: string): void {
  const valid =
    ISO_DATE.test(on) && !Number.isNaN(Date.parse(on)) && new Date(on).toISOString().startsWith(on);
  if (!valid)
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'on'],
      msg('日期格式应为 YYYY-MM-DD', 'A date is YYYY-MM-DD'),
    );
}

const PAGE = '每页条数 — page size, 1–100 (the query cost is paid per item)';
const SKIP = '跳过条数 — items to skip (paging), 0–10000';

function checkPublicArgs(regionCode: string, year: number, first: number, skip: number): void {
  if (first < 1 || first > MAX_PAGE_SIZE)
    throw refusal(ErrorCode.BAD_USER_INPUT, ['first'], msg('每页条数应为 1–100', 'first is 1–100'));
  if (skip < 0 || skip > 10000)
    throw refusal(ErrorCode.BAD_USER_INPUT, ['skip'], msg('跳过条数应为 0–10000', 'skip is 0–10000'));
  if (!REGION_CODE.test(regionCode))
    throw refusal(ErrorCode.BAD_USER_INPUT, ['regionCode'], msg('区划代码无效', 'Invalid region code'));
  if (year < 2000 || year > 2100)
    throw refusal(ErrorCode.BAD_USER_INPUT, ['year'], msg('年度无效', 'Invalid year'));
}

const view = (r: DisclosureRow): DisclosureType => ({
  ...r,
  subjectType: r.subjectType as DisclosureSubjectType,
  subjectId: toGlobalId(r.subjectType === 'GOAL' ? 'PerformanceGoal' : 'Evaluation', r.subjectId),
  responsibleOrganizationId: toGlobalId('Organization', r.responsibleOrganizationId),
});

const money = (v: string | null) => (v === null ? null : new Decimal(v).toFixed(2));

/** 信息公开 (DOMAIN §14, P5; 002 第二十九条; 003 第二十七条, 转移支付 第三十五条; 004 四(四)). */
@Resolver()
export class DisclosureResolver {
  @Mutation(() => ClassifyForDisclosurePayload, {
    description:
      '定密 — the responsible department marks a goal or evaluation classified (涉密), audited (P5)',
  })
  classifyForDisclosure(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: '定密 — item, mark and reason' }) input: ClassifyInput,
  ): Promise<DisclosurePayload> {
    return runMutation(ctx, {}, async (em) => {
      const subject = await loadSubject(ctx, input.subjectId);
      return {
        disclosure: view(await classify(em, ctx, subject, input.classified, input.reason?.trim() || null)),
      };
    });
  }

  @Mutation(() => PublishDisclosurePayload, {
    description: '公开 — the responsible department publishes an issued goal or a completed evaluation (P5)',
  })
  publishDisclosure(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishDisclosureInput, { description: '公开 — item and date' })
    input: DisclosureDateInput,
  ): Promise<DisclosurePayload> {
    return runMutation(ctx, {}, async (em) => {
      checkDate(input.on);
      const subject = await loadSubject(ctx, input.subjectId);
      return { disclosure: view(await publish(em, ctx, subject, input.on)) };
    });
  }

  @Mutation(() => WithdrawDisclosurePayload, {
    description: '撤回公开 — the responsible department withdraws a publication on a date (P5)',
  })
  withdrawDisclosure(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawDisclosureInput, { description: '撤回 — item and date' })
    input: DisclosureDateInput,
  ): Promise<DisclosurePayload> {
    return runMutation(ctx, {}, async (em) => {
      checkDate(input.on);
      const subject = await loadSubject(ctx, input.subjectId);
      return { disclosure: view(await withdraw(em, ctx, subject, input.on)) };
    });
  }

  @Query(() => [PublicationDueItem], {
    description:
      '待公开清单 — issued goals and completed evaluations of a year in the caller’s jurisdiction that are ' +
      'neither classified nor ever published (DOMAIN §14; 002 第二十九条). At most 500.',
  })
  async publicationDue(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
  ): Promise<PublicationDueItem[]> {
    const handled = (alias: string, type: string) =>
      `NOT EXISTS (SELECT 1 FROM disclosure dd WHERE dd.tenant_id = ${alias}.tenant_id AND dd.subject_type = '${type}'
        AND dd.subject_id = ${alias}.id AND (dd.classified OR dd.published_on IS NOT NULL))`;
    type Row = { id: string; name: string; year: number; responsible: string | null };
    const goals = await (
      await ctx.scope.goals('g')
    )
      .select('g.id', 'id')
      .addSelect('g.name', 'name')
      .addSelect('g.year', 'year')
      .addSelect(GOAL_RESPONSIBLE_SQL, 'responsible')
      .andWhere(`g.status = 'ISSUED' AND g.year = :dueYear AND ${handled('g', 'GOAL')}`, { dueYear: year })
      .orderBy(byPinyin('g.name'))
      .limit(500)
      .getRawMany<Row>();
    const evaluations = await (
      await ctx.scope.evaluations('e')
    )
      .select('e.id', 'id')
      .addSelect(
        `(SELECT gn.name FROM performance_goal gn WHERE gn.tenant_id = e.tenant_id AND gn.id = e.goal_id)`,
        'name',
      )
      .addSelect('e.year', 'year')
      .addSelect(EVALUATION_RESPONSIBLE_SQL, 'responsible')
      .andWhere(
        `e.status IN ('REVIEWED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED') AND e.year = :dueYear AND ${handled('e', 'EVALUATION')}`,
        { dueYear: year },
      )
      .orderBy('e.id')
      .limit(500)
      .getRawMany<Row>();
    const item = (type: DisclosureSubjectType, node: string) => (r: Row) => ({
      subjectId: toGlobalId(node, r.id),
      subjectType: type,
      name: r.name,
      year: r.year,
      responsibleOrganizationId: r.responsible ? toGlobalId('Organization', r.responsible) : null,
    });
    return [
      ...goals.map(item(DisclosureSubjectType.GOAL, 'PerformanceGoal')),
      ...evaluations.map(item(DisclosureSubjectType.EVALUATION, 'Evaluation')),
    ].slice(0, 500);
  }

  @Query(() => [PublicGoal], {
    description:
      '公开绩效目标 — published goals of a region and year, readable without signing in; disclosure fields ' +
      'only (DOMAIN §14; 002 第二十九条; 003 第二十七条), by name, a page at a time.',
  })
  async publicGoals(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', { description: '区划代码 — the region’s code, e.g. 370303' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: PAGE }) first: number,
    @Arg('skip', () => Int, { defaultValue: 0, description: SKIP }) skip: number,
  ): Promise<PublicGoal[]> {
    checkPublicArgs(regionCode, year, first, skip);
    type Row = Omit<PublicGoal, 'id' | 'indicators' | 'publishedOn'> & {
      subject_id: string;
      published_on: string;
      indicators: PublicIndicator[];
    };
    const rows = await ctx.db.query<Record<string, unknown>>(
      `SELECT subject_id, name, year, region_code AS "regionCode", region_name AS "regionName",
              organization_name AS "organizationName", annual_objective AS "annualObjective",
              annual_amount::text AS "annualAmount", fiscal_amount::text AS "fiscalAmount",
              other_amount::text AS "otherAmount", to_char(published_on, 'YYYY-MM-DD') AS published_on, indicators
         FROM disclosure_public_goals($1, $2, $3, $4)`,
      [regionCode, year, first, skip],
    );
    return (rows as Row[]).map(({ subject_id, published_on, ...r }) => ({
      ...r,
      id: toGlobalId('PerformanceGoal', subject_id),
      publishedOn: published_on,
      annualAmount: money(r.annualAmount),
      fiscalAmount: money(r.fiscalAmount),
      otherAmount: money(r.otherAmount),
    }));
  }

  @Query(() => [PublicEvaluation], {
    description:
      '公开绩效评价结果 — published evaluation results of a region and year, readable without signing in; ' +
      'score and grade only, no comments (DOMAIN §14; 003 第二十七条), a page at a time.',
  })
  async publicEvaluations(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', { description: '区划代码 — the region’s code, e.g. 370303' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: PAGE }) first: number,
    @Arg('skip', () => Int, { defaultValue: 0, description: SKIP }) skip: number,
  ): Promise<PublicEvaluation[]> {
    checkPublicArgs(regionCode, year, first, skip);
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
         FROM disclosure_public_evaluations($1, $2, $3, $4)`,
      [regionCode, year, first, skip],
    );
    return rows.map((r) => ({
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
    }));
  }

  @Query(() => PublicResults, {
    description:
      '公开绩效结果 — the published, unclassified evaluation results of a region (by code, with its subtree) and year as counts and mean scores per kind and grade; readable without signing in (DOMAIN §14; 002 第二十九条)',
  })
  async publicResults(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', { description: '区划代码 — the region’s code, e.g. 370303' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
  ): Promise<PublicResults> {
    checkPublicArgs(regionCode, year, 1, 0);
    const rows = await ctx.db.query<{
      region_name: string;
      kind: string;
      grade: string;
      item_count: number;
      mean_score: string | null;
    }>(
      `SELECT region_name, kind, grade, item_count, mean_score::text AS mean_score
         FROM disclosure_public_results($1, $2)`,
      [regionCode, year],
    );
    return {
      regionCode,
      regionName: rows[0]?.region_name ?? null,
      year,
      publishedCount: rows.reduce((n, r) => n + r.item_count, 0),
      groups: rows.map((r) => ({
        kind: r.kind,
        grade: r.grade,
        count: r.item_count,
        meanScore: money(r.mean_score),
      })),
    };
  }
}
