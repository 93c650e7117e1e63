import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { p6SignedInWithinJurisdiction } from '../auth/rules';
import { msg } from '../common/error-code';
import { refusal } from '../common/refusal';
import { OrganizationKind, RegionLevel } from '../hierarchy/hierarchy.enums';

/**
 * 绩效管理参数 are set by finance (DOMAIN §10 rule 7: "changed by finance"), and they bind the whole tenant
 * (a city's tree, §3): only the tenant's top finance bureau — the city's 财政局, whose jurisdiction is the
 * whole tenant (P6) — changes them. A district or township finance bureau would set rules for its siblings
 * and its ancestors, which P6 forbids; competent departments, audit offices (read only, 003 第七条), units and
 * third parties never do. Any user of the city finance bureau may, administrator or not: it is finance's
 * business rule, not system administration.
 */
export const p6TopFinanceSetsPolicy = rule('P6 top finance bureau sets the policy', { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (!ctx.principal) return refusal.unauthenticated();
  const p = ctx.principal;
  return p.organizationKind === OrganizationKind.FINANCE_BUREAU && p.regionLevel === RegionLevel.CITY
    ? true
    : refusal.forbidden(
        'P6',
        msg(
          '绩效管理参数由本市（租户）财政部门设定',
          'The tenant’s policy is set by its top (city) finance bureau only',
        ),
      );
});

/** Root fields of the tenant policy: read by every signed-in user of the tenant, set by its top finance. */
export const policyPermissions = {
  Query: { policy: p6SignedInWithinJurisdiction },
  Mutation: { updatePolicy: p6TopFinanceSetsPolicy },
};
