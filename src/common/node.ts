import { Field, ID, InterfaceType } from 'type-graphql';

/** Entity class → GraphQL type name, registered by each module for `node(id)` and `Node.resolveType`. */
const nodeTypeNames = new Map<object, string>();

export function registerNodeType(entity: abstract new () => object, typeName: string): void {
  nodeTypeNames.set(entity.prototype as object, typeName);
}

/**
 * The GraphQL type of a node value: registered by its entity class, or — for plain view objects built
 * by a resolver (findings, recommendations) — named by their own `__typename`.
 */
export function nodeTypeName(value: object): string | undefined {
  return (
    nodeTypeNames.get(Object.getPrototypeOf(value) as object) ?? (value as { __typename?: string }).__typename
  );
}

/** 节点 — any object with a global id, fetchable with `node(id)` (DOMAIN §16). */
@InterfaceType('Node', {
  description: '节点 — an object with a global id, fetchable with node(id)',
  resolveType: (value: object) => nodeTypeName(value),
})
export abstract class Node {
  @Field(() => ID, { description: '全局标识 — opaque global id' })
  id!: string;
}
