/**
 * The isolation matrix (DOMAIN §3 "Hierarchy and tenancy", §8 P6 "jurisdiction"), reads by id: region,
 * organization, user and node. Every read and write is limited to the caller's subtree; "an
 * out-of-jurisdiction id looks exactly like a missing one" (§8, last paragraph). Each rule is proved both
 * ways: the allowed caller gets the object, the others get exactly what a nonexistent id gives them. Shared
 * world: ./isolation-world.ts.
 */
import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from '../harness/app';
import { organizationGid, regionGid } from '../harness/ids';
import {
  type Json,
  MISSING_CODE,
  MISSING_UUID,
  missingGid,
  type NodeType,
  useIsolationApp,
  visiblePart,
} from './isolation-world';
import { ALIAS, OPS_OF, READ_CASES, READ_DOCUMENTS, READ_MATRIX, READ_QUERIES } from './read-matrix';

const world = useIsolationApp();
const { resolveTarget } = world;
let app: TestApp;
beforeAll(() => void (app = world.app()));

// ---------------------------------------------------------------------------------------------------
// 1. Read by id: region(id), region(code), organization(id), user(id), node(id)

/** What `caller` gets for a well-formed id (and code) of nothing, per type — the reference answer. */
const missingResponses = new Map<string, Json>();
async function missingResponse(caller: string, type: NodeType): Promise<Json> {
  const key = `${caller} ${type}`;
  let response = missingResponses.get(key);
  if (!response) {
    const variables =
      type === 'Region' ? { id: missingGid(type), code: MISSING_CODE } : { id: missingGid(type) };
    response = visiblePart(await app.gql(READ_DOCUMENTS[type], variables, { as: caller }));
    missingResponses.set(key, response);
  }
  return response;
}

describe('read by id (DOMAIN §8 P6: out of jurisdiction reads exactly like missing)', () => {
  test('the matrix has both outcomes for every target', () => {
    for (const row of READ_MATRIX) {
      expect(row.visibleTo.length).toBeGreaterThan(0);
      expect(row.hiddenFrom.length).toBeGreaterThan(0);
      expect(row.visibleTo.filter((c) => row.hiddenFrom.includes(c))).toEqual([]);
    }
  });

  test.each(READ_CASES)('$caller → $ops of $label → $outcome', async ({ caller, target, outcome }) => {
    const { gid, key, keyField } = await resolveTarget(target);
    const ops = OPS_OF[target.type];
    const variables = target.type === 'Region' ? { id: gid, code: key } : { id: gid };
    const res = await app.gql<Record<string, Json | null>>(READ_DOCUMENTS[target.type], variables, {
      as: caller,
    });
    expect(res.errors).toBeUndefined();
    if (outcome === 'visible') {
      for (const op of ops) {
        expect({ op, value: res.data?.[ALIAS[op]] }).toMatchObject({
          op,
          value: { id: gid, [keyField]: key },
        });
      }
      return;
    }
    expect(res.data).toEqual(Object.fromEntries(ops.map((op) => [ALIAS[op], null])));
    expect(visiblePart(res)).toEqual(await missingResponse(caller, target.type));
  });

  test.each([
    ['region(id)', 'Organization', '车站街道财政所'],
    ['organization(id)', 'Region', '370303001'],
    ['user(id)', 'Organization', '车站街道财政所'],
  ] as const)('%s given a %s id (type confusion) reads as missing', async (op, type, ref) => {
    const gid = type === 'Region' ? await regionGid(app, ref) : await organizationGid(app, ref);
    const res = await app.gql(READ_QUERIES[op], { v: gid }, { as: 'finance.chezhan' });
    expect(visiblePart(res)).toEqual({ data: { x: null }, errors: undefined });
  });

  test.each(['not-a-global-id', toGlobalId('Region', 'not-a-uuid'), toGlobalId('Spaceship', MISSING_UUID)])(
    'node(%s) (malformed) is null with no error',
    async (id) => {
      const res = await app.gql(READ_QUERIES['node(id)'], { v: id }, { as: 'finance.zibo' });
      expect(visiblePart(res)).toEqual({ data: { x: null }, errors: undefined });
    },
  );

  test('nested fields do not leak: finance.chezhan sees only its own branch under its ancestor 张店区', async () => {
    const res = await app.gql<{
      r: {
        children: { nodes: { code: string }[] };
        descendants: { nodes: { code: string }[] };
        organizations: { nodes: { name: string }[] };
      };
    }>(
      '{ r: region(code: "370303") { children { nodes { code } } descendants { nodes { code } } organizations { nodes { name } } } }',
      {},
      {
        as: 'finance.chezhan',
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.r.children.nodes.map((r) => r.code)).toEqual(['370303001']);
    expect(res.data?.r.descendants.nodes.map((r) => r.code)).toEqual(['370303001']);
    expect(res.data?.r.organizations.nodes).toEqual([]);
  });

  test('nested fields do not leak: unit.chezhan sees in its township only itself and its supervisor', async () => {
    const res = await app.gql<{
      r: { organizations: { nodes: { name: string }[] }; children: { nodes: unknown[] } };
    }>(
      '{ r: region(code: "370303001") { children { nodes { code } } organizations { nodes { name } } } }',
      {},
      { as: 'unit.chezhan' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.r.organizations.nodes.map((o) => o.name).sort()).toEqual(
      ['车站街道市政道路养护站', '车站街道建设办公室'].sort(),
    );
    expect(res.data?.r.children.nodes).toEqual([]);
  });
});
