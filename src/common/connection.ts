import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { encodeCursor } from './cursor';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: '排序方向 — sort direction',
  valuesConfig: { ASC: { description: '升序 — ascending' }, DESC: { description: '降序 — descending' } },
});

/**
 * The `XOrder` input of a list (`orderBy: { field, direction }`): a sort key of the list's registered
 * `XSortField` enum and a direction, ascending by default. Declare the type beside it:
 * `export const GoalOrder = orderInput<GoalSortField>(GoalSortField, 'GoalOrder', '绩效目标排序 — …');`
 * `export type GoalOrder = InstanceType<typeof GoalOrder>;`
 */
export function orderInput<F extends string>(
  sortField: Record<string, F>,
  name: string,
  description: string,
) {
  @InputType(name, { description })
  class Order {
    @Field(() => sortField, { description: '排序字段 — sort key' })
    field!: F;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 — direction' })
    direction!: SortDirection;
  }
  Object.defineProperty(Order, 'name', { value: name });
  return Order;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: '前N条 — page size from the start (at most 100)' })
  first?: number;

  @Field({ nullable: true, description: '游标之后 — return items after this cursor' })
  after?: string;

  @Field(() => Int, { nullable: true, description: '后N条 — page size from the end (at most 100)' })
  last?: number;

  @Field({ nullable: true, description: '游标之前 — return items before this cursor' })
  before?: string;
}

@ObjectType({ description: '分页信息 — page information of a connection' })
export class PageInfo {
  @Field({ description: '有下一页 — more items follow' })
  hasNextPage!: boolean;

  @Field({ description: '有上一页 — items precede' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: '起始游标 — cursor of the first item' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: '结束游标 — cursor of the last item' })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Builds the `XConnection` and `XEdge` types of a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string, zh: string) {
  @ObjectType(`${name}Edge`, { description: `${zh}（边） — an edge of ${name}Connection` })
  class Edge {
    @Field({ description: '游标 — opaque cursor of this item' })
    cursor!: string;

    @Field(() => node, { description: `${zh} — the item` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${zh}列表 — a page of ${name} items` })
  class ConnectionClass implements Omit<Connection<T>, 'totalCount'> {
    @Field(() => [Edge], { description: '边 — items with their cursors' })
    edges!: Edge[];

    @Field(() => [node], { description: '节点 — the items of this page' })
    nodes!: T[];

    @Field(() => PageInfo, { description: '分页信息 — page information' })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { name: 'totalCount', description: '总数 — number of items matching the filter' })
    resolveTotalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionClass;
}

/**
 * An edge whose cursor is encoded when first read (issue 18): most queries select `nodes` or the edges'
 * nodes only, and a nested list of thousands of nodes spent its time encoding cursors nobody read.
 */
class LazyEdge<T> {
  #cursor: string | undefined;

  constructor(
    readonly node: T,
    private readonly cursorOf: (node: T) => [string | number | Date, string],
  ) {}

  get cursor(): string {
    return (this.#cursor ??= encodeCursor(...this.cursorOf(this.node)));
  }
}

/**
 * The connection of one page of nodes: each edge's cursor is the node's [sort key, id] (the one encoding of
 * every list), the page flags as the pager worked them out.
 */
export function connectionOf<T>(
  page: T[],
  cursorOf: (node: T) => [string | number | Date, string],
  more: { hasNextPage: boolean; hasPreviousPage: boolean },
  totalCount: () => Promise<number>,
): Connection<T> {
  const edges = page.map((node) => new LazyEdge(node, cursorOf));
  return {
    edges,
    nodes: page,
    pageInfo: {
      ...more,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount,
  };
}

/** Turns a page of entities into a connection object of the emitted type. */
export function toConnection<C extends { count: () => Promise<number> }, T>(
  type: new () => C,
  page: Connection<T>,
): C {
  return Object.assign(new type(), {
    edges: page.edges,
    nodes: page.nodes,
    pageInfo: page.pageInfo,
    count: page.totalCount,
  });
}

/** The same page with each node turned into its view (the cursors stay those of the rows). */
export function mapConnection<T, V>(page: Connection<T>, view: (node: T) => V): Connection<V> {
  const nodes = page.nodes.map(view);
  return {
    edges: page.edges.map((edge, i) => ({
      node: nodes[i],
      get cursor() {
        return edge.cursor;
      },
    })),
    nodes,
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}
