/**
 * Issue 18: field resolvers whose parameters are only @Root(), @Ctx() and @Info() are called directly,
 * and plain fields (a property read under its own name) have no resolver, so graphql-jit reads them
 * inline (src/app/direct-field-resolvers.ts) — neither goes through type-graphql's per-call handler. The
 * answers are the same as with type-graphql's handlers on every field: the city tree, the fund-tree
 * roll-up (DOMAIN §11) and its restricted view (P6), the BI aggregate, the W2 nested list and a refused
 * field.
 */
import { execute, parse, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { withDirectFieldResolvers, withPlainFields } from '../../src/app/direct-field-resolvers';
import { withPermissions } from '../../src/app/permissions';
import { buildBareSchema, buildSchema } from '../../src/app/schema';
import { withSyncTypeResolvers } from '../../src/app/sync-type-resolvers';
import { withInputHygiene } from '../../src/common/input-hygiene';
import { createContext } from '../../src/common/request-context';
import { TestApp } from '../harness/app';
import { servedShapes } from './equivalence-cases';
import { REGION, workedExampleGoal } from '../rollup/fixtures';

let app: TestApp;
let cityCode: string;
let overall: string;
const direct = buildSchema();
const handled = withSyncTypeResolvers(withPermissions(withInputHygiene(buildBareSchema())));

beforeAll(async () => {
  app = await TestApp.start();
  [{ code: cityCode }] = await app.sql<{ code: string }>(
    `SELECT code FROM region WHERE level = 'CITY' LIMIT 1`,
  );
  overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
});
afterAll(async () => app.stop());

async function run(schema: GraphQLSchema, as: string, query: string, variables: Record<string, unknown>) {
  const token = await app.tokenFor(as);
  const ctx = await createContext(app.services, { headers: { authorization: `Bearer ${token}` } });
  try {
    const result = await execute({
      schema,
      document: parse(query),
      contextValue: ctx,
      variableValues: variables,
    });
    return JSON.parse(JSON.stringify(result)) as { data?: unknown; errors?: { message: string }[] };
  } finally {
    await ctx.db.finish(false);
  }
}

test('only fields without arguments, middleware, roles or a class-typed root are called directly', () => {
  const changed = withDirectFieldResolvers(buildBareSchema());
  expect(changed).toEqual(
    expect.arrayContaining(['Organization.id', 'Organization.supervisingDepartment', 'Region.id']),
  );
  expect(changed).not.toContain('Region.children'); // it takes arguments
  const storage = getMetadataStorage();
  for (const fr of storage.fieldResolvers) {
    const classRoot = (fr.params ?? []).some((p) => {
      if (p.kind !== 'root' || !p.getType) return false;
      const type: unknown = p.getType();
      return type !== undefined && type !== Object;
    });
    const withArgs = (fr.params ?? []).some((p) => p.kind === 'args' || p.kind === 'arg');
    if (!classRoot && !withArgs) continue;
    const type = storage.objectTypes.find((t) => t.target === fr.getObjectType?.())?.name;
    expect(changed).not.toContain(`${type}.${fr.schemaName}`);
  }
});

test('plain fields lose their resolver; renamed, guarded or resolved ones keep it', () => {
  const schema = buildBareSchema();
  const changed = withPlainFields(schema);
  expect(changed).toEqual(
    expect.arrayContaining(['Organization.name', 'Organization.kind', 'PerformanceGoal.annualAmount']),
  );
  const storage = getMetadataStorage();
  for (const key of changed) {
    const [type, field] = key.split('.');
    const declared = storage.fields.filter((f) => f.schemaName === field);
    expect(declared.length).toBeGreaterThan(0);
    expect(
      storage.fieldResolvers.some(
        (fr) =>
          fr.schemaName === field &&
          storage.objectTypes.find((t) => t.target === fr.getObjectType?.())?.name === type,
      ),
    ).toBe(false);
  }
  // Fields with a field resolver keep theirs (Organization.id encodes a global id).
  expect(changed).not.toContain('Organization.id');
  expect(changed).not.toContain('Organization.supervisingDepartment');
  const organization = schema.getType('Organization') as import('graphql').GraphQLObjectType;
  expect(organization.getFields().name.resolve).toBeUndefined();
  expect(organization.getFields().id.resolve).toBeDefined();
  // The executable schema has both.
  const executable = direct.getType('Organization') as import('graphql').GraphQLObjectType;
  expect(executable.getFields().name.resolve).toBeUndefined();
});

test('the same answers as through type-graphql’s handler', async () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ...servedShapes(cityCode, overall),
    // P6, 003 第七条: a unit sees its own organization and is refused the audit trail (a refused field).
    [
      'unit.chezhan',
      `{ me { organization { id name region { id name } supervisingDepartment { id name } } } auditEvents(first: 3) { nodes { id } } }`,
      {},
    ],
  ];
  for (const [as, query, variables] of cases) {
    const a = await run(direct, as, query, variables);
    const b = await run(handled, as, query, variables);
    expect(a).toEqual(b);
    expect(a.data).toBeTruthy();
    if (as === 'unit.chezhan') expect(a.errors?.map((e) => e.message)).toHaveLength(1);
  }
});
