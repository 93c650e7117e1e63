import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Getter = (root: unknown, context: Record<string, unknown>, info: unknown) => unknown;
type Param = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>[number];

/** How a parameter is read, or null when only type-graphql's own handler may read it. */
function getterOf(param: Param): Getter | null {
  switch (param.kind) {
    case 'root': {
      // A root typed by a class is converted to an instance of it by type-graphql (convertToType).
      const type = param.getType?.();
      if (param.propertyName || (type !== undefined && type !== Object)) return null;
      return (root) => root;
    }
    case 'context': {
      const name = param.propertyName;
      return name ? (_root, context) => context[name] : (_root, context) => context;
    }
    case 'info':
      return (_root, _context, info) => info;
    default:
      return null;
  }
}

/**
 * Issue 18: a field resolver of a resolver class whose parameters are only `@Root()` (untyped or typed
 * by an `import type`), `@Ctx()` and `@Info()` — no arguments, no middleware, no roles — is called
 * directly. type-graphql's handler did, for every object and field: a resolver-data object, a container
 * lookup, a sort and a map of the parameter list, and a promise check (~7 % of the city tree's CPU with
 * ~14,000 such calls). The same method of the same kind of instance gets the same arguments in the same
 * order; everything else keeps type-graphql's handler. Resolver classes are stateless (no container
 * is configured, so type-graphql too makes one instance per class). Returns the fields it changed
 * (`Type.field`).
 */
export function withDirectFieldResolvers(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string[]>();
  for (const t of storage.objectTypes) typeNames.set(t.target, [...(typeNames.get(t.target) ?? []), t.name]);
  const seen = new Map<string, number>();
  const plans: { type: string; field: string; resolve: GraphQLFieldResolver<unknown, unknown> }[] = [];
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();

  for (const fr of storage.fieldResolvers) {
    for (const type of typeNames.get(fr.getObjectType?.()) ?? []) {
      const key = `${type}.${fr.schemaName}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  for (const fr of storage.fieldResolvers) {
    if (fr.kind !== 'external' || fr.roles?.length || fr.middlewares?.length || !fr.params) continue;
    const params = [...fr.params].sort((a, b) => a.index - b.index);
    if (params.some((p, k) => p.index !== k)) continue;
    const getters = params.map(getterOf);
    if (getters.some((g) => g === null)) continue;
    const [g0, g1, g2] = getters as Getter[];
    const Target = fr.target as new () => Record<string, (...args: unknown[]) => unknown>;
    const instance = instances.get(Target) ?? new Target();
    instances.set(Target, instance);
    const method = instance[fr.methodName];
    if (typeof method !== 'function') continue;
    const call = method.bind(instance);
    const resolve: GraphQLFieldResolver<unknown, Record<string, unknown>> = getters.length === 1
      ? (root, _args, context, info) => call(g0(root, context, info))
      : getters.length === 2
        ? (root, _args, context, info) => call(g0(root, context, info), g1(root, context, info))
        : getters.length === 3
          ? (root, _args, context, info) =>
              call(g0(root, context, info), g1(root, context, info), g2(root, context, info))
          : (root, _args, context, info) => call(...(getters as Getter[]).map((g) => g(root, context, info)));
    for (const type of typeNames.get(fr.getObjectType?.()) ?? []) {
      if (seen.get(`${type}.${fr.schemaName}`) === 1)
        plans.push({
          type,
          field: fr.schemaName,
          resolve: resolve as GraphQLFieldResolver<unknown, unknown>,
        });
    }
  }
  const changed: string[] = [];
  for (const plan of plans) {
    const type = schema.getType(plan.type);
    const field = isObjectType(type) ? type.getFields()[plan.field] : undefined;
    if (!field?.resolve) continue;
    field.resolve = plan.resolve;
    changed.push(`${plan.type}.${plan.field}`);
  }
  return changed;
}

/** The classes whose fields an object type of `target` has: itself, its superclasses, its interfaces. */
function sourcesOf(target: unknown, interfaces: readonly unknown[]): Set<unknown> {
  const out = new Set<unknown>();
  const climb = (c: unknown) => {
    for (
      let k = c as { prototype?: object } | null;
      k && k !== Function.prototype;
      k = Object.getPrototypeOf(k)
    ) {
      if (typeof k !== 'function') break;
      out.add(k);
    }
  };
  climb(target);
  for (const i of interfaces) climb(i);
  return out;
}

/**
 * Issue 18: a plain field — a property with no field resolver, middleware or roles, read under its own
 * name — gets no resolver at all, so graphql-jit reads the property inline. type-graphql gave each one a
 * function that allocated a resolver-data object and went through its middleware dispatch for every
 * object and field (the plain fields of a W2 page are read ~40,000 times). Its answer was
 * `root[name]`; the default one is the same property (a function-valued property would be called, and
 * no object the API answers has one). Returns the fields it changed (`Type.field`).
 */
export function withPlainFields(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const changed: string[] = [];
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const interfaces = (objectType as { interfaceClasses?: unknown[] }).interfaceClasses ?? [];
    const sources = sourcesOf(objectType.target, interfaces);
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.resolve) continue;
      const resolved = storage.fieldResolvers.some(
        (fr) => fr.schemaName === name && sources.has(fr.getObjectType?.()),
      );
      if (resolved) continue;
      const declared = storage.fields.filter((f) => f.schemaName === name && sources.has(f.target));
      const plain =
        declared.length > 0 &&
        declared.every(
          (f) =>
            f.name === f.schemaName && f.roles === undefined && !f.middlewares?.length && !f.params?.length,
        );
      if (!plain) continue;
      field.resolve = undefined;
      changed.push(`${objectType.name}.${name}`);
    }
  }
  return changed;
}
