/**
 * Relay completeness (issue 11 item 7; DOMAIN §16): fields return objects, not bare ids. Every field of an
 * object type named `…Id` (or `…Ids`) of scalar ID or String has its object beside it (`fundId` → `fund`,
 * `memberIds` → `members`), so a client follows the link in the same query instead of a second round trip.
 * The id stays for existing clients (kept for compatibility). A field that has no object to point at is
 * named below with the reason. Checked on the committed SDL (what frontends generate code from) and on the
 * schema the code builds (so a new bare id fails before the SDL is emitted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { buildBareSchema } from '../../src/app/schema';

/** Bare ids with no object to return, and why (coordinates `Type.field`; `*` matches a name prefix). */
const ALLOWED: Record<string, string> = {
  'Delete*Payload.deletedId': 'the object was just deleted: only its id is left to name it',
};

type Field = GraphQLField<unknown, unknown>;

const matches = (pattern: string, coordinate: string): boolean =>
  new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[A-Za-z]*')}$`).test(coordinate);
const allowed = (coordinate: string): boolean => Object.keys(ALLOWED).some((p) => matches(p, coordinate));

const isIdScalar = (field: Field): boolean => {
  const named = getNamedType(field.type);
  return isScalarType(named) && (named.name === 'ID' || named.name === 'String');
};

const isObjectLink = (field: Field | undefined, list: boolean): boolean => {
  if (!field) return false;
  const named = getNamedType(field.type);
  const linked = isObjectType(named) || isInterfaceType(named) || isUnionType(named);
  return linked && isListType(getNullableType(field.type)) === list;
};

/** The coordinates of bare ids: `…Id`/`…Ids` scalars without their object field beside them. */
export function bareIds(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    const fields = type.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const match = /^(.+?)(Id|Ids)$/.exec(name);
      if (!match || !isIdScalar(field)) continue;
      const [, base, suffix] = match as unknown as [string, string, string];
      const linked =
        suffix === 'Id'
          ? isObjectLink(fields[base], false)
          : isObjectLink(fields[`${base}s`], true) || isObjectLink(fields[base], true);
      if (!linked) found.push(`${type.name}.${name}`);
    }
  }
  return found.sort();
}

const committed = (): GraphQLSchema =>
  buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));

describe.each([
  ['schema/schema.graphql (committed SDL)', committed],
  ['the schema the code builds', buildBareSchema],
])('bare ids in %s (issue 11 item 7)', (_name, load) => {
  const schema = load();

  it('has an object field beside every …Id/…Ids field, or a stated reason', () => {
    expect(bareIds(schema).filter((c) => !allowed(c))).toEqual([]);
  });

  it('names only real fields in its allow-list (no stale reasons)', () => {
    const found = bareIds(schema);
    const stale = Object.keys(ALLOWED).filter((p) => !found.some((c) => matches(p, c)));
    expect(stale).toEqual([]);
  });

  it('keeps the ids beside their objects (non-breaking): e.g. Finding.goalId and Finding.goal', () => {
    const finding = schema.getType('Finding');
    expect(isObjectType(finding) && Object.keys(finding.getFields())).toEqual(
      expect.arrayContaining(['goalId', 'goal', 'sourceId', 'source']),
    );
  });
});

describe('the bare-id check itself (can fail)', () => {
  it('finds a bare id, accepts a linked one, and ignores plain ids', () => {
    const schema = buildSchema(`
      type Fund { id: ID! }
      type A { fundId: ID!, fund: Fund, regionId: ID, memberIds: [ID!]!, members: [Fund!]!, id: ID! }
      type B { ownerIds: [String!]!, owner: Fund }
      type Query { a: A, b: B }
    `);
    expect(bareIds(schema)).toEqual(['A.regionId', 'B.ownerIds']);
  });
});
