/**
 * Issue 11 item 4: a forbidden field in a query nulls that field only, never the whole response. A root
 * query field whose shield rule can refuse a signed-in caller (any rule but "signed in" or "public")
 * must be nullable, or its FORBIDDEN would null `data` for every other field asked alongside. And every
 * mutation that answers with `userErrors` gets shield refusals in its payload (app/payload-refusals.ts).
 */
import { getNamedType, isNonNullType, isObjectType } from 'graphql';
import { payloadRefusals } from '../../src/app/payload-refusals';
import { rootPermissions } from '../../src/app/permissions';
import { buildBareSchema } from '../../src/app/schema';
import { p6SignedInWithinJurisdiction, publicAccess } from '../../src/auth/rules';

const schema = buildBareSchema();
const everyone = new Set<unknown>([p6SignedInWithinJurisdiction, publicAccess]);

test('a query field behind a refusing rule is nullable', () => {
  const fields = schema.getQueryType()!.getFields();
  const guarded = Object.entries(rootPermissions.Query).filter(([, rule]) => !everyone.has(rule));
  expect(guarded.map(([name]) => name)).toEqual(expect.arrayContaining(['auditEvents', 'users']));
  const nonNull = guarded
    .filter(([name]) => fields[name] && isNonNullType(fields[name].type))
    .map(([n]) => n);
  expect(nonNull).toEqual([]);
});

test('every mutation whose payload has userErrors answers refusals in it', () => {
  const mutations = schema.getMutationType()!.getFields();
  const withPayload = Object.entries(mutations)
    .filter(([, f]) => {
      const t = getNamedType(f.type);
      return isObjectType(t) && 'userErrors' in t.getFields();
    })
    .map(([name]) => name);
  const wrapped = Object.keys(payloadRefusals(schema).Mutation as object);
  expect(withPayload.length).toBeGreaterThan(50);
  expect(wrapped.sort()).toEqual(withPayload.sort());
});
