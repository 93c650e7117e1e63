import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { idOfType } from '../common/global-id';
import type { RequestContext } from '../common/request-context';
import { FundType } from '../funds/dto/funds.types';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import { AggregateRowType } from './aggregate.types';

/** The ids an aggregate row carries when grouped by fund or department (null otherwise). */
interface RowIds {
  fundId?: string | null;
  departmentId?: string | null;
}

/**
 * Objects, not bare ids (issue 11 item 7) on the BI aggregate's rows (DOMAIN §13): the fund and the
 * department of a row grouped by them, through the request's scoped loaders — one statement per kind for
 * the whole page of rows, and null for an object the caller may not read (P6), like a missing one.
 */
@Resolver(() => AggregateRowType)
export class AggregateRowLinksResolver {
  @FieldResolver(() => FundType, {
    nullable: true,
    description:
      '专项资金 — the row’s fund (grouped by FUND); null otherwise or when the caller may not read it (P6)',
  })
  fund(@Root() row: RowIds, @Ctx() ctx: RequestContext) {
    const id = row.fundId ? idOfType(row.fundId, 'Fund') : null;
    return id ? ctx.loaders.fundById.load(id) : null;
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '主管部门 — the row’s department (grouped by DEPARTMENT); null otherwise or when the caller may not read it (P6)',
  })
  department(@Root() row: RowIds, @Ctx() ctx: RequestContext) {
    const id = row.departmentId ? idOfType(row.departmentId, 'Organization') : null;
    return id ? ctx.loaders.organizationById.load(id) : null;
  }
}

/** The reporting links resolvers (composed by src/app/schema.ts). */
export const reportingLinkResolvers = [AggregateRowLinksResolver] as const;
