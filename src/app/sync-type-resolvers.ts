import { isAbstractType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage, type TypeResolver } from 'type-graphql';

/**
 * The executable schema's abstract types (the Node interface, the FindingSource union) resolve their
 * concrete type with the function they declare, synchronously (issue 18). type-graphql wraps each declared
 * `resolveType` in an async function; ours answer a type name at once, so the wrapper only added a
 * promise per abstract value — and graphql-jit (src/app/jit-executor.ts) needs the answer at once.
 * A declared resolver must answer a type name (or nothing); anything else is a bug and says so.
 */
export function withSyncTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const declared = new Map<string, TypeResolver<unknown, unknown>>();
  for (const i of storage.interfaceTypes) if (i.resolveType) declared.set(i.name, i.resolveType);
  for (const u of storage.unions) if (u.resolveType) declared.set(u.name, u.resolveType);
  for (const type of Object.values(schema.getTypeMap())) {
    const resolve = isAbstractType(type) ? declared.get(type.name) : undefined;
    if (!isAbstractType(type) || !resolve) continue;
    type.resolveType = (value, context, info, abstractType) => {
      const name = resolve(value, context, info, abstractType);
      if (name === undefined || name === null || typeof name === 'string') return name ?? undefined;
      throw new Error(`${type.name}: its resolveType must answer a type name`);
    };
  }
  return schema;
}
