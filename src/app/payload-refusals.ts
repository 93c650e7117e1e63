import { getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { IMiddlewareFunction, IMiddlewareTypeMap } from 'graphql-middleware';
import { refusalIn } from '../common/refusal';
import { userErrorsOf } from '../common/user-error';

/**
 * A refusal comes back one way (issue 11 item 4): an expected refusal of a mutation whose payload has
 * `userErrors` — a shield denial (FORBIDDEN, with its principle), or a refusal a resolver throws outside
 * `runMutation` — is answered as that payload (`{ <object>: null, userErrors: [...] }`), not as a
 * top-level error with `data: null`. Applied outside the shield, which returns (not throws) its
 * refusals and the resolvers' errors (`allowExternalErrors`). Request-level failures (UNAUTHENTICATED,
 * RATE_LIMITED, TIMEOUT, SERVICE_UNAVAILABLE) and bugs stay top-level. The request's transaction commits
 * or rolls back exactly as before: a payload refusal writes what the top-level error would have.
 */
const answerInPayload: IMiddlewareFunction = async (resolve, parent, args, ctx, info) => {
  let result: unknown;
  try {
    result = await (resolve as GraphQLFieldResolver<unknown, unknown>)(parent, args, ctx, info);
  } catch (error) {
    result = error;
  }
  if (!(result instanceof Error)) return result;
  const refused = refusalIn(result);
  if (refused?.belongsInPayload) return { userErrors: userErrorsOf(refused.problems) };
  throw result;
};

/** The middleware for every Mutation field whose payload type has a `userErrors` field. */
export function payloadRefusals(schema: GraphQLSchema): IMiddlewareTypeMap {
  const mutation = schema.getMutationType();
  const fields: Record<string, IMiddlewareFunction> = {};
  for (const [name, field] of Object.entries(mutation?.getFields() ?? {})) {
    const payload = getNamedType(field.type);
    if (isObjectType(payload) && payload.getFields().userErrors) fields[name] = answerInPayload;
  }
  return { Mutation: fields };
}
