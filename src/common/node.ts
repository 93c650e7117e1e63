import { Field, ID, InterfaceType } from 'type-graphql';

/** Entity class → GraphQL type name, registered by each module for `node(id)` and `Node.resolveType`. */
const nodeTypeNames = new Map<object, string>();

export function registerNodeType(entity: abstract new () => object, typeName: string): void {
  nodeTypeNames.set(entity.prototype as object, typeName);
}

export function nodeTypeName(value: object): string | undefined {
  return nodeTypeNames.get(Object.getPrototypeOf(value) as object);
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
