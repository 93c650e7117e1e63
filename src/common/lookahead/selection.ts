import {
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * Look-ahead over the GraphQL selection (issue 18): what a resolver's caller asked for below it, so one
 * SQL statement can read exactly those columns for a whole page of parents. A small walker over `info`
 * (fragments, inline fragments, `@skip`/`@include` with the request's variables); fields are grouped by
 * name across aliases.
 */
export interface SelectedField {
  name: string;
  /** Every occurrence (aliases included) of the field, to read their arguments and sub-selections. */
  nodes: FieldNode[];
}

export type Selection = Map<string, SelectedField>;

interface Walk {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function included(
  node: {
    directives?: readonly {
      name: { value: string };
      arguments?: readonly { name: { value: string }; value: never }[];
    }[];
  },
  walk: Walk,
): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = directive.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? Boolean(valueFromASTUntyped(arg.value, walk.variables)) : false;
    if (name === 'skip' && value) return false;
    if (name === 'include' && !value) return false;
  }
  return true;
}

function collect(set: SelectionSetNode | undefined, walk: Walk, into: Selection): void {
  for (const selection of set?.selections ?? []) {
    if (!included(selection as never, walk)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const entry = into.get(name) ?? { name, nodes: [] };
      entry.nodes.push(selection);
      into.set(name, entry);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, walk, into);
    } else {
      const fragment = walk.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, walk, into);
    }
  }
}

/** A selection walker bound to one request (its fragments and variables). */
export class LookAhead {
  private readonly walk: Walk;

  constructor(info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>) {
    this.walk = { fragments: info.fragments, variables: info.variableValues };
  }

  /** The fields selected below these field nodes. */
  below(nodes: readonly FieldNode[]): Selection {
    const into: Selection = new Map();
    for (const node of nodes) collect(node.selectionSet, this.walk, into);
    return into;
  }

  /** The fields selected below one field of a selection (empty when it is not selected). */
  child(selection: Selection, name: string): Selection {
    const field = selection.get(name);
    return field ? this.below(field.nodes) : new Map();
  }

  /** The node fields of a connection selection: `nodes { … }` and `edges { node { … } }` merged. */
  connectionNodes(connection: Selection): Selection {
    const merged = this.child(connection, 'nodes');
    for (const [name, field] of this.child(this.child(connection, 'edges'), 'node')) {
      const entry = merged.get(name) ?? { name, nodes: [] };
      entry.nodes.push(...field.nodes);
      merged.set(name, entry);
    }
    return merged;
  }

  /**
   * The arguments of a selected field, when every occurrence asks the same (else `undefined`: the
   * caller falls back to per-field loading). Values with the request's variables substituted.
   */
  sameArguments(field: SelectedField): Record<string, unknown> | undefined {
    let first: string | undefined;
    let value: Record<string, unknown> = {};
    for (const node of field.nodes) {
      const args: Record<string, unknown> = {};
      for (const arg of node.arguments ?? [])
        args[arg.name.value] = valueFromASTUntyped(arg.value, this.walk.variables);
      const key = JSON.stringify(args);
      if (first === undefined) {
        first = key;
        value = args;
      } else if (key !== first) return undefined;
    }
    return value;
  }
}

/** The fields selected below the field being resolved. */
export function selectionOf(info: GraphQLResolveInfo): { look: LookAhead; selection: Selection } {
  const look = new LookAhead(info);
  return { look, selection: look.below(info.fieldNodes) };
}
