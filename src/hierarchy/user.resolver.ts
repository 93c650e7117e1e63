import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { whereContains, whereGlobalId } from '../common/list-filter';
import type { RequestContext } from '../common/request-context';
import { idOfType, toGlobalId } from '../common/global-id';
import { ConnectionArgs, queryConnection, sortedBy } from '../common/pagination';
import { FilterArg, IdArg, OrderByArg, sortColumns } from '../common/query-args';
import { whereWithin } from './within-filter';
import { OrganizationType, UserConnection, UserType } from './dto/hierarchy.types';
import { CreateUserInput, UpdateUserInput, UserFilter, UserOrder, UserSortField } from './dto/user.inputs';
import type { OrganizationEntity } from './organization.entity';
import type { UserEntity } from './user.entity';
import { createUser, updateUser } from './user.service';
import { Idempotent } from '../idempotency/idempotent';
import { CreateUserPayload, UpdateUserPayload } from './dto/hierarchy-mutation.types';

const userSort = sortColumns<UserEntity, UserSortField>('u', {
  LOGIN: ['login', (u) => u.login],
  DISPLAY_NAME: ['display_name', (u) => u.displayName],
});

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserType, {
    nullable: true,
    description: '用户 — one user (administrators: their subtree; others: themselves)',
  })
  async user(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    const uuid = idOfType(id, 'User');
    return uuid ? (await ctx.scope.users()).andWhere('u.id = :uuid', { uuid }).getOne() : null;
  }

  @Query(() => UserConnection, {
    nullable: true, // issue 11 item 4: refused (P6, not an administrator) → this field null, not the response
    description: '用户列表 — users of the administrator’s subtree, filtered and sorted',
  })
  async users(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @FilterArg(UserFilter) filter?: UserFilter,
    @OrderByArg(UserOrder, 'login ascending') orderBy?: UserOrder,
  ) {
    const qb = await ctx.scope.users();
    whereGlobalId(qb, 'u.organization_id', 'org', filter?.organizationId, 'Organization');
    if (filter?.isActive != null) qb.andWhere('u.is_active = :active', { active: filter.isActive });
    whereContains(qb, ['u.login', 'u.display_name'], 'search', filter?.search);
    await whereWithin(ctx, qb, 'u.region_path', filter?.within);
    return queryConnection(
      UserConnection,
      qb,
      page,
      sortedBy(userSort, orderBy, UserSortField.LOGIN),
      'u.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() user: UserEntity): string {
    return toGlobalId('User', user.id);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '所在单位 — the organization the user acts for',
  })
  organization(@Root() user: UserEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(user.organizationId);
  }

  @Mutation(() => CreateUserPayload, {
    description: '新建用户 — tenant administrators, for organizations of their subtree',
  })
  @Idempotent()
  createUser(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateUserInput, { description: '输入 — the mutation input' }) input: CreateUserInput,
  ) {
    return createUser(ctx, input);
  }

  @Mutation(() => UpdateUserPayload, {
    description: '修改用户 — change, deactivate, reactivate or reset the password',
  })
  updateUser(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateUserInput, { description: '输入 — the mutation input' }) input: UpdateUserInput,
  ) {
    return updateUser(ctx, input);
  }
}
