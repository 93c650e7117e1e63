import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
import { registerNodeType } from '../common/node';
import { ConnectionArgs, queryConnection, type SortColumn, SortDirection } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { RegionType } from '../hierarchy/dto/hierarchy.types';
import type { RegionEntity } from '../hierarchy/region.entity';
import {
  CreateReportingLoginInput,
  ReportingLoginFilter,
  RevokeReportingLoginInput,
} from './dto/reporting-login.inputs';
import {
  CreateReportingLoginPayload,
  ReportingLoginConnection,
  ReportingLoginType,
  RevokeReportingLoginPayload,
} from './dto/reporting-login.types';
import { ReportingLoginEntity } from './reporting-login.entity';
import { createReportingLogin, revokeReportingLogin } from './reporting-login.service';

registerNodeType(ReportingLoginEntity, 'ReportingLogin');

const byIssued: SortColumn = {
  expression: 'rl.created_at',
  read: (l) => (l as ReportingLoginEntity).createdAt,
  timestamp: true,
};

/** 报表只读登录 (issue 14, DOMAIN §16): tenant administrators issue, list and revoke BI database logins. */
@Resolver(() => ReportingLoginType)
export class ReportingLoginResolver {
  @Query(() => ReportingLoginConnection, {
    nullable: true, // refused (P6, not an administrator) → this field null, not the response
    description:
      '报表只读登录列表 — the read-only BI database logins of the administrator’s subtree, newest first (never a password)',
  })
  async reportingLogins(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ReportingLoginFilter, { nullable: true, description: '筛选 — filters' })
    filter?: ReportingLoginFilter,
  ) {
    const qb = await ctx.scope.reportingLogins();
    if (filter?.isActive != null)
      qb.andWhere(filter.isActive ? 'rl.revoked_at IS NULL' : 'rl.revoked_at IS NOT NULL');
    return queryConnection(
      ReportingLoginConnection,
      qb,
      page,
      { sort: byIssued, direction: SortDirection.DESC },
      'rl.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() login: ReportingLoginEntity): string {
    return toGlobalId('ReportingLogin', login.id);
  }

  @FieldResolver(() => Boolean, {
    description: '是否有效 — false once revoked: the login can no longer connect or read',
  })
  isActive(@Root() login: ReportingLoginEntity): boolean {
    return login.revokedAt === null;
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '数据范围 — the region whose subtree the login reads; null = the whole tenant',
  })
  region(
    @Root() login: ReportingLoginEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<RegionEntity | null> | null {
    return login.regionId ? ctx.loaders.regionById.load(login.regionId) : null;
  }

  @Mutation(() => CreateReportingLoginPayload, {
    description:
      '签发报表只读登录 — tenant administrators issue a read-only database login for a BI tool, confined to their subtree or a region in it; the password is in this answer only',
  })
  createReportingLogin(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateReportingLoginInput, { description: '输入 — the mutation input' })
    input: CreateReportingLoginInput,
  ) {
    return createReportingLogin(ctx, input);
  }

  @Mutation(() => RevokeReportingLoginPayload, {
    description:
      '吊销报表只读登录 — tenant administrators revoke a login of their subtree: it reads nothing from its next statement and can no longer connect',
  })
  revokeReportingLogin(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeReportingLoginInput, { description: '输入 — the mutation input' })
    input: RevokeReportingLoginInput,
  ) {
    return revokeReportingLogin(ctx, input);
  }
}
