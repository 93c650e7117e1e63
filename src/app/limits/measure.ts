import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { Lexer, Source, TokenKind, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/** What the depth and alias limits look at; cached per parsed document (Apollo reuses them). */
export interface Shape {
  depth: number;
  aliases: number;
}

/**
 * Lexical tokens of a request, counted as graphql's `parse(…, { maxTokens })` counts them (comments
 * and the end of input excluded). Linear, and bounded by the 1 MB body limit.
 */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error: parsing reports it; the tokens before it are what was counted.
  }
  return count;
}

const shapes = new WeakMap<DocumentNode, Shape>();

/**
 * Depth and aliases of the document's deepest / most aliased operation, measured by graphql-armor's
 * rules with no threshold of their own (the caller's limits are applied by the plugin). Fragments
 * are flattened (a spread adds no level) and introspection counts like any field, so neither an
 * operation, fragment or alias named `__schema`/`__type` nor introspection itself escapes the limit.
 */
export function measureShape(schema: GraphQLSchema, document: DocumentNode): Shape {
  const known = shapes.get(document);
  if (known) return known;
  const shape: Shape = { depth: 0, aliases: 0 };
  validate(schema, document, [
    maxDepthRule({
      n: Number.POSITIVE_INFINITY,
      ignoreIntrospection: false,
      flattenFragments: true,
      onAccept: [(_context, { n }) => (shape.depth = Math.max(shape.depth, n))],
    }),
    maxAliasesRule({
      n: Number.POSITIVE_INFINITY,
      allowList: [],
      onAccept: [(_context, { n }) => (shape.aliases = Math.max(shape.aliases, n))],
    }),
  ]);
  shapes.set(document, shape);
  return shape;
}
