import { rule } from 'graphql-shield';
import type { Principal } from '../auth/principal';
import { OrganizationKind } from '../auth/principal-kinds';
import { msg } from '../common/errors';
import { refusal, type RefusalError } from '../common/refusal';
import type { RequestContext } from '../common/request-context';

/**
 * Who may ask for the BI aggregate (DOMAIN §16; P6 and §11 "Who sees what"): a signed-in body that reads
 * figures — finance, competent departments and audit offices over their subtree, an implementing unit
 * over its own goals. A third party sees only what it is commissioned for (P6), never aggregates. Which
 * facts are counted is then decided per request (aggregate.engine.ts). One function for GraphQL (the
 * shield rule) and for the CSV route (reports-csv.http.ts), so both admit exactly the same callers.
 */
export function aggregateRefusal(principal: Principal | null): RefusalError | null {
  if (!principal) return refusal.unauthenticated();
  if (principal.organizationKind === OrganizationKind.THIRD_PARTY)
    return refusal.forbidden(
      'P6',
      msg(
        '第三方机构只能查阅受托评价的事项，不能查阅汇总数据',
        'A third party sees only what it is commissioned for, not aggregated figures',
      ),
    );
  return null;
}

export const p6AggregateReader = rule('P6 aggregate within jurisdiction', { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => aggregateRefusal(ctx.principal) ?? true,
);

/** Root fields of the BI aggregate and the principle that admits their callers (DOMAIN §8). */
export const reportingPermissions = {
  Query: { aggregate: p6AggregateReader },
  Mutation: {},
};
