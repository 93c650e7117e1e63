import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { IMiddlewareFunction, IMiddlewareTypeMap } from 'graphql-middleware';
import { msg } from '../common/error-code';
import type { RequestContext } from '../common/request-context';
import { refusal } from '../common/refusal';
import type { Principal } from './principal';
import { ServiceAccountScope } from './service-account-token';

/**
 * 服务账号权限范围 (issue 14): the root fields a service-account token may call, by scope — an allow-list,
 * so a root field added later is refused to tokens until it is named here (deny by default, STYLE 4).
 * Every mutation is refused to every token: a service account never writes.
 *
 * REPORTING_READ (the only scope, and the default): the aggregate reports of DOMAIN §16 and §13 — the
 * BI aggregate (`aggregate`, also as CSV at /reports/aggregate.csv), the cross-level report
 * (`regionReport`), the ranking of results (`resultRanking`) and the people's congress package
 * (`congressPackage`, also as DOCX). They read within the account's organization's jurisdiction (P6)
 * exactly as a user of that organization would; the field's own permission rule still applies.
 * The HTTP exports (/reports/aggregate.csv, /reports/congress-package.docx) mirror allowed queries and
 * are not gated here: a new HTTP endpoint that reads with `createContext` must call `scopeAdmits` itself.
 * A general READ scope (every reading query) is not offered: several reads are built around a person
 * (me, inbox, pending reviews) and each would need its own review and tests.
 */
export const SCOPE_QUERIES: Record<ServiceAccountScope, readonly string[]> = {
  [ServiceAccountScope.REPORTING_READ]: ['aggregate', 'regionReport', 'resultRanking', 'congressPackage'],
};

/** Whether a caller may call a root field at all, as far as its token's scope goes (people: always). */
export function scopeAdmits(
  caller: Principal | null,
  operation: 'Query' | 'Mutation' | string,
  field: string,
): boolean {
  const account = caller?.serviceAccount;
  if (!account) return true;
  if (operation !== 'Query') return false;
  return SCOPE_QUERIES[account.scope].includes(field);
}

const outOfScope = () =>
  refusal.forbidden(
    'SCOPE',
    msg(
      '服务账号令牌只能调用其权限范围内的只读报表查询',
      'A service-account token may only call the read-only reporting queries of its scope',
    ),
  );

const gate: IMiddlewareFunction = async (resolve, parent, args, ctx: RequestContext, info) => {
  if (!scopeAdmits(ctx.principal, info.parentType.name, info.fieldName)) throw outOfScope();
  return (resolve as GraphQLFieldResolver<unknown, unknown>)(parent, args, ctx, info);
};

/**
 * The gate on every root field (applied by src/app/permissions.ts outside the shield, inside the payload
 * refusals, so a refused mutation answers FORBIDDEN in its `userErrors`).
 */
export function serviceAccountScopes(schema: GraphQLSchema): IMiddlewareTypeMap {
  const map: IMiddlewareTypeMap = {};
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    map[type.name] = Object.fromEntries(Object.keys(type.getFields()).map((f) => [f, gate]));
  }
  return map;
}
