import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { whereGlobalId } from '../common/list-filter';
import { toGlobalId } from '../common/global-id';
import { registerNodeType } from '../common/node';
import {
  ConnectionArgs,
  mapConnection,
  paginate,
  SortDirection,
  toConnection,
  type SortColumn,
} from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import {
  CreateServiceAccountInput,
  CreateServiceAccountPayload,
  DeactivateServiceAccountInput,
  DeactivateServiceAccountPayload,
  IssueServiceAccountTokenInput,
  IssueServiceAccountTokenPayload,
  RevokeServiceAccountTokenInput,
  RevokeServiceAccountTokenPayload,
  ServiceAccountFilter,
} from './dto/service-account.inputs';
import {
  ServiceAccountConnection,
  ServiceAccountTokenConnection,
  ServiceAccountType,
} from './dto/service-account.types';
import { ServiceAccountEntity, type ServiceAccountTokenEntity } from './service-account.entity';
import {
  createServiceAccount,
  deactivateServiceAccount,
  issueServiceAccountToken,
  revokeServiceAccountToken,
} from './service-account.service';
import { tokenView } from './service-account.views';
import { Idempotent } from '../idempotency/idempotent';

registerNodeType(ServiceAccountEntity, 'ServiceAccount');

const byName: SortColumn = { expression: 'sa.name', read: (a) => (a as ServiceAccountEntity).name };
const byIssued: SortColumn = {
  expression: 'sat.created_at',
  read: (t) => (t as ServiceAccountTokenEntity).createdAt,
  timestamp: true,
};

/** `node(id)` of a service account: the same scoped read as the list (administrators, their subtree). */
export async function serviceAccountNode(ctx: RequestContext, id: string) {
  return (await ctx.scope.serviceAccounts()).andWhere('sa.id = :id', { id }).getOne();
}

/** `node(id)` of a token: through its account's visibility. */
export async function serviceAccountTokenNode(ctx: RequestContext, id: string) {
  const token = await (await ctx.scope.serviceAccountTokens()).andWhere('sat.id = :id', { id }).getOne();
  if (!token) return null;
  const account = await serviceAccountNode(ctx, token.serviceAccountId);
  return tokenView(token, account?.isActive ?? false, new Date());
}

/** 服务账号 (issue 14): tenant administrators manage the service accounts of their subtree. */
@Resolver(() => ServiceAccountType)
export class ServiceAccountResolver {
  @Query(() => ServiceAccountConnection, {
    nullable: true, // refused (P6, not an administrator) → this field null, not the response
    description:
      '服务账号列表 — service accounts of the administrator’s subtree with their tokens (never a secret), by name',
  })
  async serviceAccounts(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ServiceAccountFilter, { nullable: true, description: '筛选 — filters' })
    filter?: ServiceAccountFilter,
  ) {
    const qb = await ctx.scope.serviceAccounts();
    whereGlobalId(qb, 'sa.organization_id', 'org', filter?.organizationId, 'Organization');
    if (filter?.isActive != null) qb.andWhere('sa.is_active = :active', { active: filter.isActive });
    return toConnection(
      ServiceAccountConnection,
      await paginate(qb, page, byName, SortDirection.ASC, 'sa.id'),
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() account: ServiceAccountEntity): string {
    return toGlobalId('ServiceAccount', account.id);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '所属单位 — the organization whose jurisdiction the account reads with',
  })
  organization(
    @Root() account: ServiceAccountEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(account.organizationId);
  }

  @FieldResolver(() => ServiceAccountTokenConnection, {
    description: 'API 令牌 — the account’s tokens, newest first: prefix, scope, expiry, last use, revocation',
  })
  async tokens(
    @Root() account: ServiceAccountEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
  ) {
    const qb = (await ctx.scope.serviceAccountTokens()).andWhere('sat.service_account_id = :account', {
      account: account.id,
    });
    const now = new Date();
    const rows = await paginate(qb, page, byIssued, SortDirection.DESC, 'sat.id');
    return toConnection(
      ServiceAccountTokenConnection,
      mapConnection(rows, (t) => tokenView(t, account.isActive, now)),
    );
  }

  @Mutation(() => CreateServiceAccountPayload, {
    description: '新建服务账号 — tenant administrators, for an organization of their subtree',
  })
  @Idempotent()
  createServiceAccount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateServiceAccountInput, { description: '输入 — the mutation input' })
    input: CreateServiceAccountInput,
  ) {
    return createServiceAccount(ctx, input);
  }

  @Mutation(() => IssueServiceAccountTokenPayload, {
    description:
      '签发令牌 — a new API token of an active service account; the token is shown in this answer only',
  })
  issueServiceAccountToken(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => IssueServiceAccountTokenInput, { description: '输入 — the mutation input' })
    input: IssueServiceAccountTokenInput,
  ) {
    return issueServiceAccountToken(ctx, input);
  }

  @Mutation(() => RevokeServiceAccountTokenPayload, {
    description: '吊销令牌 — the token is refused from the next request on',
  })
  revokeServiceAccountToken(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeServiceAccountTokenInput, { description: '输入 — the mutation input' })
    input: RevokeServiceAccountTokenInput,
  ) {
    return revokeServiceAccountToken(ctx, input);
  }

  @Mutation(() => DeactivateServiceAccountPayload, {
    description: '停用服务账号 — the account and all its tokens are refused from the next request on',
  })
  deactivateServiceAccount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeactivateServiceAccountInput, { description: '输入 — the mutation input' })
    input: DeactivateServiceAccountInput,
  ) {
    return deactivateServiceAccount(ctx, input);
  }
}
