import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

// DOMAIN §16 (frontend teams): the documented examples are part of the product — every ```graphql block in the
// README and docs/ validates against the committed schema/schema.graphql, so a schema change that breaks an
// example (a list turned into a connection, a renamed field) fails here rather than in a reader's hands.

const root = join(__dirname, '..', '..');
const schema = buildSchema(readFileSync(join(root, 'schema', 'schema.graphql'), 'utf8'));

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f));
  return ['README.md', ...docs];
}

const blocks = markdownFiles().flatMap((file) => {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => ({
    where: `${file}:${text.slice(0, m.index).split('\n').length}`,
    source: m[1],
  }));
});

test('the README has GraphQL examples to check', () => {
  expect(blocks.filter((b) => b.where.startsWith('README.md')).length).toBeGreaterThan(5);
});

test.each(blocks.map((b) => [b.where, b.source]))('%s validates against the schema', (_where, source) => {
  expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
});
