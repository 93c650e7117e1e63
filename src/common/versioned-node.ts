import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateTime } from './scalars';

/**
 * What every node edited under optimistic concurrency shows besides its id: its row version (the
 * `expectedVersion` of the next change) and when it was created and last updated. Abstract: each
 * subclass is its own GraphQL type implementing Node.
 */
@ObjectType('VersionedNodeBase', {
  description: '可修改节点（基类） — base of the nodes with a row version; not in the schema itself',
})
export abstract class VersionedNode extends Node {
  @Field(() => Int, {
    name: 'rowVersion',
    description:
      '行版本 — row version, for optimistic concurrency on updates (expectedVersion of the next change)',
  })
  version!: number;

  @Field(() => DateTime, { description: '创建时间 — created at' })
  createdAt!: Date;

  @Field(() => DateTime, { description: '更新时间 — last updated at' })
  updatedAt!: Date;
}
