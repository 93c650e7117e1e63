import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { idOfType } from '../common/global-id';
import type { RequestContext } from '../common/request-context';
import { OrganizationType, RegionType } from '../hierarchy/dto/hierarchy.types';
import { CommonIndicatorSetType, DepartmentSelfEvaluationReviewType } from './dto/department.types';

/**
 * Objects, not bare ids (issue 11 item 7) on 部门整体绩效 (DOMAIN §5, §10; 004 二(四)): the region whose
 * finance set the common indicators and the finance bureau that reviewed a self-evaluation, through the
 * request's scoped loaders (batched), null when the caller may not see it (P6). The ids beside them are global
 * ids like everywhere else in the schema.
 */
@Resolver(() => CommonIndicatorSetType)
export class CommonIndicatorSetLinksResolver {
  @FieldResolver(() => RegionType, {
    nullable: true,
    description:
      '所属区划 — the region whose finance set it (null when outside the caller’s jurisdiction, P6)',
  })
  region(@Root() s: CommonIndicatorSetType, @Ctx() ctx: RequestContext) {
    const id = idOfType(s.regionId, 'Region');
    return id ? ctx.loaders.regionById.load(id) : null;
  }
}

@Resolver(() => DepartmentSelfEvaluationReviewType)
export class DepartmentReviewLinksResolver {
  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '审核单位 — the finance bureau that reviewed it (004 二(四)); null when the caller may not read that organization (P6)',
  })
  reviewerOrganization(@Root() r: DepartmentSelfEvaluationReviewType, @Ctx() ctx: RequestContext) {
    const id = idOfType(r.reviewerOrganizationId, 'Organization');
    return id ? ctx.loaders.organizationById.load(id) : null;
  }
}

/** The department-performance links resolvers (composed by src/app/schema.ts). */
export const departmentLinkResolvers = [
  CommonIndicatorSetLinksResolver,
  DepartmentReviewLinksResolver,
] as const;
