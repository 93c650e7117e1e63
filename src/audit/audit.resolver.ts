import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { whereGlobalId } from '../common/list-filter';
import type { RequestContext } from '../common/request-context';
import { fromGlobalId, toGlobalId } from '../common/global-id';
import { ConnectionArgs, queryConnection, type SortColumn, SortDirection } from '../common/pagination';
import { NO_ID } from '../common/sql';
import { OrganizationType, UserType } from '../hierarchy/dto/hierarchy.types';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { UserEntity } from '../hierarchy/user.entity';
import type { AuditEventEntity } from './audit-event.entity';
import { AuditEventConnection, AuditEventFilter, AuditEventType } from './audit.types';

/** Newest first (DOMAIN §15): keyset on (occurred_at, id). */
const newestFirst: SortColumn = {
  expression: 'a.occurred_at',
  read: (a) => (a as AuditEventEntity).occurredAt,
  timestamp: true,
};

type NameLoaders = {
  users: DataLoader<string, string | null>;
  organizations: DataLoader<string, string | null>;
};
const nameLoaders = new WeakMap<RequestContext, NameLoaders>();

/**
 * Names of the actors on record, batched per request. Only actors of audit events the caller may read
 * are looked up (the same ScopedAccess predicate, P6): an audit office learns who acted in its subtree
 * (DOMAIN §15 "who"), not the names of anyone else.
 */
function actorNames(ctx: RequestContext): NameLoaders {
  let loaders = nameLoaders.get(ctx);
  if (!loaders) {
    const load = async (
      entity: typeof UserEntity | typeof OrganizationEntity,
      column: 'actor_user_id' | 'actor_organization_id',
      nameColumn: string,
      ids: readonly string[],
    ): Promise<(string | null)[]> => {
      const visible = await ctx.scope.auditEvents('an');
      const em = await ctx.scope.manager();
      const rows = await em
        .createQueryBuilder(entity, 'x')
        .select(['x.id AS id', `x.${nameColumn} AS name`])
        .where('x.tenant_id = :nameTenant', { nameTenant: ctx.caller.tenantId })
        .andWhere('x.id = ANY(:nameIds)', { nameIds: ids })
        .andWhere(`x.id IN (${visible.select(`an.${column}`).getQuery()})`)
        .setParameters(visible.getParameters())
        .getRawMany<{ id: string; name: string }>();
      const byId = new Map(rows.map((r) => [r.id, r.name]));
      return ids.map((id) => byId.get(id) ?? null);
    };
    loaders = {
      users: new DataLoader((ids) => load(UserEntity, 'actor_user_id', 'display_name', ids)),
      organizations: new DataLoader((ids) => load(OrganizationEntity, 'actor_organization_id', 'name', ids)),
    };
    nameLoaders.set(ctx, loaders);
  }
  return loaders;
}

const userLoaders = new WeakMap<RequestContext, DataLoader<string, UserEntity | null>>();

/** The acting users, batched per request, through the users scope (P6: a user out of view reads null). */
function actorUsers(ctx: RequestContext): DataLoader<string, UserEntity | null> {
  let loader = userLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await (await ctx.scope.users('au'))
        .andWhere('au.id = ANY(:actorIds)', { actorIds: ids })
        .getMany();
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    userLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, {
    // issue 11 item 4: a caller the shield refuses (P6) gets null here, the rest of the response stands
    nullable: true,
    description:
      '审计留痕 — the audit trail of the caller’s subtree, newest first (DOMAIN §15; 003 第七条). Readable by ' +
      'audit offices (审计部门), finance bureaus (财政部门) and tenant administrators (系统管理员) of competent ' +
      'departments, each for its own region and the regions below it; implementing units, other department ' +
      'users and third parties are refused (FORBIDDEN, P6). Other tenants’ events are never shown.',
  })
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: '筛选 — filters' })
    filter?: AuditEventFilter,
  ) {
    const qb = await ctx.scope.auditEvents('a');
    if (filter?.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter?.entityId) {
      // A global id names its type too; a malformed one matches nothing (like a missing id, P6).
      const parsed = fromGlobalId(filter.entityId);
      qb.andWhere('a.entity_type = :idType AND a.entity_id = :entityId', {
        idType: parsed?.type ?? '',
        entityId: parsed?.id ?? NO_ID,
      });
    }
    if (filter?.action) qb.andWhere('a.action = :action', { action: filter.action });
    whereGlobalId(qb, 'a.actor_organization_id', 'actorOrg', filter?.actorOrganization, 'Organization');
    if (filter?.from) qb.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('a.occurred_at < :to', { to: filter.to });
    return queryConnection(
      AuditEventConnection,
      qb,
      page,
      { sort: newestFirst, direction: SortDirection.DESC },
      'a.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque id of this audit event' })
  id(@Root() a: AuditEventEntity): string {
    return toGlobalId('AuditEvent', a.id);
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description:
      '经办人 — the acting user (replaces actorUserId); null when the caller may not read that user (outside its view, P6): actorName still gives the name on record',
  })
  actor(@Root() a: AuditEventEntity, @Ctx() ctx: RequestContext): Promise<UserEntity | null> {
    return actorUsers(ctx).load(a.actorUserId);
  }

  @FieldResolver(() => ID, {
    description:
      '对象标识 — global id of the changed entity (of type entityType); kept beside `entity` because the entity may be out of the caller’s view or of a type without node(id) (e.g. TenantPolicy)',
  })
  entityId(@Root() a: AuditEventEntity): string {
    return toGlobalId(a.entityType, a.entityId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '经办人姓名 — the acting user’s name as on record (DOMAIN §15 “who”)',
  })
  actorName(@Root() a: AuditEventEntity, @Ctx() ctx: RequestContext): Promise<string | null> {
    return actorNames(ctx).users.load(a.actorUserId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '经办单位名称 — the acting organization’s name as on record',
  })
  actorOrganizationName(@Root() a: AuditEventEntity, @Ctx() ctx: RequestContext): Promise<string | null> {
    return actorNames(ctx).organizations.load(a.actorOrganizationId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '经办单位 — the acting organization (null if outside the caller’s view, e.g. a body above it)',
  })
  actorOrganization(
    @Root() a: AuditEventEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(a.actorOrganizationId);
  }
}
