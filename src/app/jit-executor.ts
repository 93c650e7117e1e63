import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from '../common/request-context';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/** Compiled query documents kept per process (by document hash and operation name). */
const COMPILED_DOCUMENTS = 500;

/** Operations this process executed by each engine (tests check which one ran). */
export const executions = { compiled: 0, interpreted: 0 };

/**
 * Issue 18: queries executed by graphql-jit — each document compiled once into plain JavaScript — instead
 * of graphql-js's interpreter, which spent a tenth of a large nested list in argument coercion
 * (`getArgumentValues` runs for every field of every object) and much of the rest in per-field
 * bookkeeping and the garbage it leaves. Same schema, same resolvers (permissions and input hygiene
 * included), same answers; Apollo still parses, validates, limits and formats as before.
 *
 * graphql-js keeps what the compiled form would answer differently or not at all:
 * - mutations (they are small, and their order of execution and userErrors stay graphql-js's);
 * - a document whose variables do not coerce: graphql-js answers with its own errors (Apollo turns
 *   those into BAD_USER_INPUT with HTTP 400, as before);
 * - a document graphql-jit cannot compile.
 * Plugged in through Apollo Server's gateway interface, its supported way to execute with another engine.
 */
export function jitExecution(schema: GraphQLSchema): Gateway {
  const compiled = new LRUCache<string, { query: CompiledQuery | null }>({ max: COMPILED_DOCUMENTS });
  const executor: Executor = async (rc) => {
    if (rc.operation.operation !== 'query') return interpreted(schema, rc);
    const coerced = getVariableValues(
      schema,
      rc.operation.variableDefinitions ?? [],
      rc.request.variables ?? {},
    );
    if (coerced.errors) return interpreted(schema, rc);
    const key = `${rc.queryHash}|${rc.operationName ?? ''}`;
    let entry = compiled.get(key);
    if (!entry) {
      const result = compileQuery(schema, rc.document, rc.operationName ?? undefined);
      entry = { query: isCompiledQuery(result) ? result : null };
      compiled.set(key, entry);
    }
    if (!entry.query) return interpreted(schema, rc);
    executions.compiled += 1;
    return (await entry.query.query(undefined, rc.context, rc.request.variables ?? {})) as ExecutionResult;
  };
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}

/** graphql-js, exactly as Apollo Server runs it without a gateway. */
function interpreted(schema: GraphQLSchema, rc: ExecutorRequest) {
  executions.interpreted += 1;
  return execute({
    schema,
    document: rc.document,
    contextValue: rc.context,
    variableValues: rc.request.variables,
    operationName: rc.request.operationName,
  }) as Promise<ExecutionResult> | ExecutionResult;
}
