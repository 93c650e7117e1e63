import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  isEnumType,
  isUnionType,
  GraphQLError,
  type DocumentNode,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';
import { LIST_SIZE, listCost } from '../../common/list-cost';

/**
 * Connections (DOMAIN §16 cursor pagination): the selection is paid `first` (or `last`) times, the
 * default page size when neither is given; a page is never larger than 100, so neither is its cost.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first' || a.name === 'last')) return undefined;
  const asked = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
  const size = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  return 1 + size * Math.max(childComplexity, 1);
};

/**
 * Introspection is priced like any other read (issue 8 item 2: 1,000 aliased introspection queries
 * ran 40 s). `__Schema.types` and `__Schema.directives` multiply by their real size; a list below a
 * type multiplies by its real average per parent, rounded up, so a walk of the whole schema is priced
 * at least at what it returns (types × ⌈fields/types⌉ × ⌈args/fields⌉ ≥ args). One type looked up
 * (`__type`, `queryType`, `mutationType`) may be larger than the average: its selection is multiplied by the largest ratio.
 */
function introspectionEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const types = Object.values(schema.getTypeMap());
  const withFields = types.filter(
    (t: GraphQLNamedType): t is GraphQLObjectType | GraphQLInterfaceType =>
      isObjectType(t) || isInterfaceType(t),
  );
  const fields = withFields.flatMap((t) => Object.values(t.getFields()));
  const directives = schema.getDirectives();
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const perType = (values: number[]) => ({
    average: Math.ceil(total(values) / types.length),
    max: Math.max(0, ...values),
  });
  const lists = {
    fields: perType(withFields.map((t) => Object.keys(t.getFields()).length)),
    inputFields: perType(types.map((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0))),
    enumValues: perType(types.map((t) => (isEnumType(t) ? t.getValues().length : 0))),
    interfaces: perType(withFields.map((t) => t.getInterfaces().length)),
    possibleTypes: perType(
      types.map((t) => (isUnionType(t) || isInterfaceType(t) ? schema.getPossibleTypes(t).length : 0)),
    ),
  };
  const sizes: Record<string, number> = {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': lists.fields.average,
    '__Type.inputFields': lists.inputFields.average,
    '__Type.enumValues': lists.enumValues.average,
    '__Type.interfaces': lists.interfaces.average,
    '__Type.possibleTypes': lists.possibleTypes.average,
    '__Field.args': Math.ceil(total(fields.map((f) => f.args.length)) / Math.max(fields.length, 1)),
    '__Directive.args': Math.max(0, ...directives.map((d) => d.args.length)),
    '__Directive.locations': Math.max(0, ...directives.map((d) => d.locations.length)),
  };
  const single = new Set([
    'Query.__type',
    'Mutation.__type',
    '__Schema.queryType',
    '__Schema.mutationType',
    '__Schema.subscriptionType',
  ]);
  const oneType = Math.max(...Object.values(lists).map((l) => Math.ceil(l.max / Math.max(l.average, 1))));
  return ({ type, field, childComplexity }) => {
    if (single.has(`${type.name}.${field.name}`)) return 1 + oneType * Math.max(childComplexity, 1);
    const size = sizes[`${type.name}.${field.name}`];
    return size === undefined ? undefined : 1 + size * Math.max(childComplexity, 1);
  };
}

/** The items of a connection page: already multiplied by the page size at the connection field. */
const pageItemsEstimator: ComplexityEstimator = ({ type, field, childComplexity }) =>
  type.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')
    ? 1 + childComplexity
    : undefined;

/** Any other list without `first` and without its own `complexity` option. */
const otherListEstimator: ComplexityEstimator = (options) =>
  isListType(getNullableType(options.field.type)) && getNamedType(options.field.type)
    ? listCost(LIST_SIZE.other)(options)
    : undefined;

/**
 * A single scalar or enum value costs nothing of its own: like GitHub's node count, the cost counts the
 * objects and list items a query makes the server produce (a list item always costs at least 1).
 */
const leafEstimator: ComplexityEstimator = ({ field }) =>
  isLeafType(getNullableType(field.type)) ? 0 : undefined;

/** The estimators, most specific first; every other field costs 1 plus its selection. */
export function costEstimators(schema: GraphQLSchema): ComplexityEstimator[] {
  return [
    fieldExtensionsEstimator(),
    pageEstimator,
    pageItemsEstimator,
    introspectionEstimator(schema),
    otherListEstimator,
    leafEstimator,
    simpleEstimator({ defaultComplexity: 1 }),
  ];
}

/** graphql-query-complexity stops after visiting this many selections (fragments expanded). */
export const MAX_QUERY_NODES = 100_000;

/**
 * The estimated cost of the operation that will run, with the request's variables. A document whose
 * fragments expand to more than MAX_QUERY_NODES selections costs at least that much.
 */
export function operationCost(
  schema: GraphQLSchema,
  estimators: ComplexityEstimator[],
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName,
      estimators,
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return MAX_QUERY_NODES;
    }
    // Variables that do not fit their types: execution refuses them before any resolver runs.
    return 1;
  }
}
