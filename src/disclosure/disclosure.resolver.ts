import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { toGlobalId } from '../common/global-id';
import { ForwardConnectionArgs } from '../common/keyset-page';
import { toConnection } from '../common/pagination';
import { runMutation } from '../common/mutation';
import {
  classifying,
  disclose,
  loadSubject,
  publishing,
  withdrawing,
  type DisclosureRule,
  type DisclosureRow,
} from './disclosure.service';
import {
  ClassifyInput,
  DisclosureDateInput,
  DisclosurePayload,
  DisclosureSubjectType,
  DisclosureType,
  PublicationDueItemConnection,
  PublicEvaluationConnection,
  PublicGoalConnection,
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
import { publicationDuePage } from './publication-due';
import { checkPublicArgs, money, publicEvaluationPage, publicGoalPage } from './public-lists';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date of publication or withdrawal: YYYY-MM-DD, a real day. */
function dated(on: string, rule: (on: string) => DisclosureRule): DisclosureRule {
  const valid =
    ISO_DATE.test(on) && !Number.isNaN(Date.parse(on)) && new Date(on).toISOString().startsWith(on);
  if (!valid)
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'on'],
      msg('日期格式应为 YYYY-MM-DD', 'A date is YYYY-MM-DD'),
    );
  return rule(on);
}

const view = (r: DisclosureRow): DisclosureType => ({
  ...r,
  subjectType: r.subjectType as DisclosureSubjectType,
  subjectId: toGlobalId(r.subjectType === 'GOAL' ? 'PerformanceGoal' : 'Evaluation', r.subjectId),
  responsibleOrganizationUuid: r.responsibleOrganizationId,
});

/** One disclosure mutation: the rule (its input checked first), the subject in view, the change. */
function mutate(
  ctx: RequestContext,
  subjectId: string,
  rule: () => DisclosureRule,
): Promise<DisclosurePayload> {
  return runMutation(ctx, {}, async (em) => {
    const checked = rule();
    const subject = await loadSubject(ctx, subjectId);
    return { disclosure: view(await disclose(em, ctx, subject, checked)) };
  });
}

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
    return mutate(ctx, input.subjectId, () => classifying(input.classified, input.reason?.trim() || null));
  }

  @Mutation(() => PublishDisclosurePayload, {
    description: '公开 — the responsible department publishes an issued goal or a completed evaluation (P5)',
  })
  publishDisclosure(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishDisclosureInput, { description: '公开 — item and date' })
    input: DisclosureDateInput,
  ): Promise<DisclosurePayload> {
    return mutate(ctx, input.subjectId, () => dated(input.on, publishing));
  }

  @Mutation(() => WithdrawDisclosurePayload, {
    description: '撤回公开 — the responsible department withdraws a publication on a date (P5)',
  })
  withdrawDisclosure(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawDisclosureInput, { description: '撤回 — item and date' })
    input: DisclosureDateInput,
  ): Promise<DisclosurePayload> {
    return mutate(ctx, input.subjectId, () => dated(input.on, withdrawing));
  }

  @Query(() => PublicationDueItemConnection, {
    description:
      '待公开清单 — issued goals, then completed evaluations, of a year in the caller’s jurisdiction that are ' +
      'neither classified nor ever published (DOMAIN §14; 002 第二十九条); each kind by name in pinyin order ' +
      '(an evaluation by its goal’s name), a page at a time (first/after)',
  })
  async publicationDue(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
    @Args() page: ForwardConnectionArgs,
  ) {
    return toConnection(PublicationDueItemConnection, await publicationDuePage(ctx, year, page));
  }

  @Query(() => PublicGoalConnection, {
    description:
      '公开绩效目标 — published goals of a region and year, readable without signing in; disclosure fields ' +
      'only (DOMAIN §14; 002 第二十九条; 003 第二十七条), by name in pinyin order, a page (at most 100) at a time (first/after)',
  })
  async publicGoals(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', { description: '区划代码 — the region’s code, e.g. 370303' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
    @Args() page: ForwardConnectionArgs,
  ) {
    return toConnection(PublicGoalConnection, await publicGoalPage(ctx, regionCode, year, page));
  }

  @Query(() => PublicEvaluationConnection, {
    description:
      '公开绩效评价结果 — published evaluation results of a region and year, readable without signing in; ' +
      'score and grade only, no comments (DOMAIN §14; 003 第二十七条), by goal name in pinyin order, a page ' +
      '(at most 100) at a time (first/after)',
  })
  async publicEvaluations(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', { description: '区划代码 — the region’s code, e.g. 370303' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
    @Args() page: ForwardConnectionArgs,
  ) {
    return toConnection(PublicEvaluationConnection, await publicEvaluationPage(ctx, regionCode, year, page));
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
    checkPublicArgs(regionCode, year);
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
