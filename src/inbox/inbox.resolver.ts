import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { ErrorCode, msg } from '../common/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import type { FindingEntity } from '../results/results.entities';
import { findingView } from '../results/results.resolver';
import { INBOX_KINDS, InboxItemKind } from './inbox.enums';
import { inboxRowsOf, type KindResult } from './inbox.queries';
import { InboxArgs, InboxItemConnection, type InboxItemType } from './inbox.types';
import { decodeInboxCursor, encodeInboxCursor, mergePage, type InboxRow } from './rules/inbox-page';
import { refusal } from '../common/refusal';

const FINDING_KINDS = new Set([
  InboxItemKind.FINDING_FEEDBACK,
  InboxItemKind.FINDING_RESPONSE,
  InboxItemKind.FINDING_VERIFICATION,
]);

function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['first'],
      msg(`每页数量须在 0 到 ${MAX_PAGE_SIZE} 之间`, `first must be between 0 and ${MAX_PAGE_SIZE}`),
    );
  }
  return first;
}

@Resolver()
export class InboxResolver {
  @Query(() => InboxItemConnection, {
    description:
      '我的待办 — everything awaiting the caller’s organization (issue 11 item 3): goal reviews, assessments to review, monitoring reports to acknowledge, self-evaluations to review, results to compile, findings to answer or verify; oldest waiting first, within the caller’s jurisdiction (P6)',
  })
  async myInbox(@Ctx() ctx: RequestContext, @Args() args: InboxArgs): Promise<InboxItemConnection> {
    const first = pageSize(args.first);
    const cursor = args.after ? decodeInboxCursor(args.after) : null;
    if (args.after && !cursor) {
      throw refusal(ErrorCode.BAD_USER_INPUT, ['after'], msg('分页游标无效', 'The cursor is not valid'));
    }
    const kinds = args.kinds?.length ? INBOX_KINDS.filter((k) => args.kinds!.includes(k)) : INBOX_KINDS;
    // One statement per kind, whatever the page size (issue 11 item 7: statements independent of `first`).
    const results: KindResult[] = [];
    for (const kind of kinds) results.push(await inboxRowsOf(ctx, kind, cursor, first + 1));
    const { page, hasNextPage } = mergePage(
      results.map((r) => r.rows),
      first,
    );
    const nodes = page.map((row) => this.item(ctx, row));
    const edges = page.map((row, i) => ({ cursor: encodeInboxCursor(row), node: nodes[i] }));
    return Object.assign(new InboxItemConnection(), {
      edges,
      nodes,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      count: async () => {
        let total = 0;
        for (const r of results) total += await r.count();
        return total;
      },
    });
  }

  private item(ctx: RequestContext, row: InboxRow): InboxItemType {
    const node = FINDING_KINDS.has(row.kind)
      ? { ...findingView(row.entity as FindingEntity, ctx.caller), __typename: 'Finding' }
      : (row.entity as object);
    return { kind: row.kind, title: row.title, dueOn: row.dueOn, since: row.since, node };
  }
}
