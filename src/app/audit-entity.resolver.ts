import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AuditEventEntity } from '../audit/audit-event.entity';
import { AuditEventType } from '../audit/audit.types';
import { toGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import type { RequestContext } from '../common/request-context';
import { listFindings, listRecommendations } from '../results/results-lists';
import { findingView, recommendationView } from '../results/results.resolver';
import { NodeResolver } from './node.resolver';

type Key = `${string}:${string}`;

/** The lists `node(id)` reads one at a time; here a whole page's worth in one statement each. */
const MANY: Record<string, (ctx: RequestContext, ids: string[]) => Promise<[string, object][]>> = {
  User: async (ctx, ids) =>
    (await (await ctx.scope.users('nu')).andWhere('nu.id = ANY(:nodeIds)', { nodeIds: ids }).getMany()).map(
      (u) => [u.id, u],
    ),
  Finding: async (ctx, ids) =>
    (await listFindings(ctx, { ids }, ids.length)).map((f) => [
      f.id,
      { ...findingView(f, ctx.caller), __typename: 'Finding' },
    ]),
  BudgetRecommendation: async (ctx, ids) =>
    (await listRecommendations(ctx, null, ids)).map((r) => [
      r.id,
      { ...recommendationView(r), __typename: 'BudgetRecommendation' },
    ]),
};

const perRequest = new WeakMap<RequestContext, DataLoader<Key, object | null>>();

/**
 * The changed entities of audit events, batched per request (issue 11 item 7; `test/query-count.test.ts`):
 * resolved exactly as `node(id)` resolves them — through the same scoped loaders, which batch by type — so
 * an entity outside the caller's jurisdiction, or of a type node(id) does not know, reads as null (P6).
 */
function entities(ctx: RequestContext): DataLoader<Key, object | null> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    const node = new NodeResolver();
    loader = new DataLoader<Key, object | null>(async (keys) => {
      const split = keys.map((k) => k.split(':') as [string, string]);
      const found = new Map<Key, object>();
      for (const [type, many] of Object.entries(MANY)) {
        const ids = split.filter(([t]) => t === type).map(([, id]) => id);
        if (ids.length) for (const [id, v] of await many(ctx, ids)) found.set(`${type}:${id}`, v);
      }
      return Promise.all(
        split.map(([type, id]) =>
          type in MANY
            ? (found.get(`${type}:${id}`) ?? null)
            : (node.node(ctx, toGlobalId(type, id)) as Promise<object | null>),
        ),
      );
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => AuditEventType)
export class AuditEntityResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description:
      '变更对象 — the changed entity itself, as node(id) returns it; null when the caller may not read it (outside its jurisdiction, P6), when it no longer exists, or when its type has no node(id) (entityType and entityId still name it)',
  })
  entity(@Root() a: AuditEventEntity, @Ctx() ctx: RequestContext): Promise<object | null> {
    return entities(ctx).load(`${a.entityType}:${a.entityId}`);
  }
}
