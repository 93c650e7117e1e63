import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { rootPermissions } from '../src/app/permissions';
import { buildBareSchema, schemaSdl } from '../src/app/schema';

const schema: GraphQLSchema = buildBareSchema();
const hasChinese = (text: string | null | undefined) => /[\u4e00-\u9fff]/.test(text ?? '');

describe('the schema is a product (DEVELOPERS "Standards", DOMAIN §16)', () => {
  test('schema/schema.graphql is the emitted schema (run `npm run schema:emit` when this fails)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(schemaSdl(schema));
  });

  test('every type, field, argument and enum value has a description with its Chinese term', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!hasChinese(type.description)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!hasChinese(field.description)) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!hasChinese(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!hasChinese(value.description)) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

/** A rule's name; a composed rule (or/and/chain) shows its kind and the names of its parts. */
function describeRule(rule: unknown): string {
  const r = rule as { name?: string; getRules?: () => unknown[]; constructor: { name: string } };
  if (r.name) return r.name;
  if (r.getRules) return `${r.constructor.name}(${r.getRules().map(describeRule).join(', ')})`;
  return '(unnamed)';
}

describe('deny by default (STYLE principle 4, DOMAIN §8)', () => {
  test.each(['Query', 'Mutation'] as const)('every %s field has an explicit shield rule', (root) => {
    const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
    const fields = Object.keys(type?.getFields() ?? {}).sort();
    expect(fields.length).toBeGreaterThan(0);
    expect(Object.keys(rootPermissions[root]).sort()).toEqual(fields);
  });

  test('the permission declarations are reviewed as a change (snapshot of field → rule)', () => {
    const rules = (map: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(map)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([field, rule]) => [field, describeRule(rule)]),
      );
    expect({
      Query: rules(rootPermissions.Query),
      Mutation: rules(rootPermissions.Mutation),
    }).toMatchSnapshot();
  });
});
