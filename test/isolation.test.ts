/**
 * The isolation matrix (DOMAIN §3 "Hierarchy and tenancy", §8 P6 "jurisdiction"): every read and write is
 * limited to the caller's subtree; units see only their own items; audit offices read their subtree and
 * write nothing; third parties see only what they are commissioned for; tenants never see each other;
 * and "an out-of-jurisdiction id looks exactly like a missing one" (§8, last paragraph).
 *
 * Each rule is proved both ways: the allowed caller gets the object, the others get exactly what a
 * nonexistent id gives them. Expected sets are computed from the database (owner connection) with
 * division-code prefixes — deliberately not with the materialized path the implementation uses.
 */
import { SignJWT } from 'jose';
import { toGlobalId } from '../src/common/global-id';
import { TestApp, type GraphQLResponse } from './harness/app';
import { TEST_TOKEN_SECRET } from './harness/env';
import { organizationGid, regionGid, userGid } from './harness/ids';

type Json = Record<string, unknown>;
type NodeType = 'Region' | 'Organization' | 'User';

interface UserErrorShape {
  code: string;
  field: string[];
  message: string;
  messageEn: string;
}

/** A well-formed id of an object that does not exist (same shape as a real one). */
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';
const MISSING_CODE = '999999999';
const missingGid = (type: NodeType): string => toGlobalId(type, MISSING_UUID);

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
  // Empty regions that a successful (buggy) delete could really remove: one under the sibling district
  // 淄川区, one in the other tenant (日照市 岚山区), one inside 张店区 (target of refused non-admin deletes).
  for (const [parentCode, code, name] of [
    ['370302', '370302199', '隔离测试镇'],
    ['371103', '371103099', '隔离测试街道'],
    ['370303', '370303097', '空白测试街道'],
  ]) {
    await app.sql(
      `INSERT INTO region (tenant_id, id, parent_id, level, name, code, path)
       SELECT tenant_id, gen_random_uuid(), id, 'TOWNSHIP', $2, $3, '' FROM region WHERE code = $1`,
      [parentCode, name, code],
    );
  }
});
afterAll(async () => app.stop());

/** Signs every caller of the matrix in at once (password hashing runs in parallel; tokens are cached). */
beforeAll(async () => {
  const callers = new Set<string>([
    ...READ_MATRIX.flatMap((row) => [...row.visibleTo, ...row.hiddenFrom]),
    ...NON_ADMINS,
    ...SPOOFS.map((row) => row.caller),
  ]);
  await Promise.all([...callers].map((login) => app.tokenFor(login)));
});

// ---------------------------------------------------------------------------------------------------
// helpers

async function tenantId(name: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM tenant WHERE name = $1', [name]);
  return row.id;
}

async function userUuid(login: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM app_user WHERE login = $1', [login]);
  return row.id;
}

/** Every table's row count and a digest of its content: "the database is unchanged" means equal. */
const fingerprint = () => app.tableDigests();

async function count(table: string): Promise<number> {
  const [row] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}

/** Sends a raw request, to see the HTTP status too. */
async function rawPost(
  authorization: string | undefined,
  query: string,
): Promise<{ status: number; body: GraphQLResponse }> {
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

/** What the client sees of a response, without the test-only SQL statement counter. */
function visiblePart(res: GraphQLResponse): Json {
  return { data: res.data, errors: res.errors };
}

function mutationDocument(name: string): string {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return `mutation($input: ${inputType}!) { m: ${name}(input: $input) { userErrors { code field message messageEn } } }`;
}

// ---------------------------------------------------------------------------------------------------
// 1. Read by id: region(id), region(code), organization(id), user(id), node(id)

type Target =
  | { type: 'Region'; code: string; label: string }
  | { type: 'Organization'; name: string; label: string }
  | { type: 'User'; login: string; label: string };

type ReadOp = 'region(id)' | 'region(code)' | 'organization(id)' | 'user(id)' | 'node(id)';

const READ_QUERIES: Record<ReadOp, string> = {
  'region(id)': 'query($v: ID!) { x: region(id: $v) { id code name } }',
  'region(code)': 'query($v: String!) { x: region(code: $v) { id code name } }',
  'organization(id)': 'query($v: ID!) { x: organization(id: $v) { id name } }',
  'user(id)': 'query($v: ID!) { x: user(id: $v) { id login } }',
  'node(id)':
    'query($v: ID!) { x: node(id: $v) { id ... on Region { code name } ... on Organization { name } ... on User { login } } }',
};

const OPS_OF: Record<NodeType, ReadOp[]> = {
  Region: ['region(id)', 'region(code)', 'node(id)'],
  Organization: ['organization(id)', 'node(id)'],
  User: ['user(id)', 'node(id)'],
};

/** The alias of each operation in the one request that asks all of a type's operations at once. */
const ALIAS: Record<ReadOp, string> = {
  'region(id)': 'regionById',
  'region(code)': 'regionByCode',
  'organization(id)': 'organization',
  'user(id)': 'user',
  'node(id)': 'node',
};

const NODE_SELECTION =
  '{ id ... on Region { code name } ... on Organization { name } ... on User { login } }';

const READ_DOCUMENTS: Record<NodeType, string> = {
  Region: `query($id: ID!, $code: String!) {
    regionById: region(id: $id) { id code name }
    regionByCode: region(code: $code) { id code name }
    node(id: $id) ${NODE_SELECTION}
  }`,
  Organization: `query($id: ID!) { organization(id: $id) { id name } node(id: $id) ${NODE_SELECTION} }`,
  User: `query($id: ID!) { user(id: $id) { id login } node(id: $id) ${NODE_SELECTION} }`,
};

interface ReadRow {
  target: Target;
  /** Who must get the object. */
  visibleTo: string[];
  /** Who must get exactly what a nonexistent id gives. */
  hiddenFrom: string[];
}

const R = (code: string, label: string): Target => ({ type: 'Region', code, label });
const O = (name: string, label: string): Target => ({ type: 'Organization', name, label });
const U = (login: string, label: string): Target => ({ type: 'User', login, label });

const READ_MATRIX: ReadRow[] = [
  // DOMAIN §3, §8 P6: tenants never see each other (日照市 objects vs 淄博市 callers and back).
  {
    target: R('371100', '日照市 (other tenant city)'),
    visibleTo: ['admin.rizhao', 'finance.rizhao', 'finance.donggang', 'unit.rizhao'],
    hiddenFrom: [
      'admin.zibo',
      'finance.zibo',
      'audit.zibo',
      'finance.chezhan',
      'unit.chezhan',
      'thirdparty.zibo',
    ],
  },
  {
    target: R('371102001', '日照街道 (other tenant township)'),
    visibleTo: ['finance.rizhao', 'finance.donggang', 'unit.rizhao'],
    hiddenFrom: ['admin.zibo', 'finance.zibo', 'finance.zhangdian'],
  },
  {
    target: O('日照市财政局', '日照市财政局 (other tenant)'),
    visibleTo: ['admin.rizhao', 'finance.rizhao'],
    // finance.donggang: an ancestor's organization; unit.rizhao: not its own nor its supervisor.
    hiddenFrom: ['admin.zibo', 'finance.zibo', 'audit.zibo', 'finance.donggang', 'unit.rizhao'],
  },
  {
    target: O('日照街道道路养护站', 'unit of 日照街道 (other tenant)'),
    visibleTo: ['unit.rizhao', 'finance.donggang', 'finance.rizhao'],
    hiddenFrom: ['admin.zibo', 'finance.zibo', 'unit.chezhan'],
  },
  {
    target: U('finance.rizhao', 'user finance.rizhao (other tenant)'),
    visibleTo: ['admin.rizhao', 'finance.rizhao'],
    hiddenFrom: ['admin.zibo', 'admin.zhangdian', 'finance.zibo', 'finance.donggang'],
  },
  {
    target: U('admin.zibo', 'user admin.zibo (other tenant, seen from 日照)'),
    visibleTo: ['admin.zibo'],
    hiddenFrom: ['admin.rizhao', 'finance.rizhao'],
  },
  // DOMAIN §3: a body acts within its subtree, never on a sibling — sibling township 公园街道 vs 车站街道.
  {
    target: R('370303002', '公园街道 (sibling township of 车站街道)'),
    visibleTo: [
      'finance.gongyuan',
      'transport.gongyuan',
      'unit.gongyuan',
      'finance.zhangdian',
      'audit.zhangdian',
      'finance.zibo',
    ],
    hiddenFrom: [
      'finance.chezhan',
      'transport.chezhan',
      'agri.chezhan',
      'unit.chezhan',
      'finance.zichuan',
      'admin.rizhao',
    ],
  },
  {
    target: O('公园街道财政所', '公园街道财政所 (sibling township body)'),
    visibleTo: [
      'finance.gongyuan',
      'transport.gongyuan',
      'finance.zhangdian',
      'audit.zhangdian',
      'finance.zibo',
    ],
    // unit.gongyuan: units see only themselves and their supervisor, not their township's finance office.
    hiddenFrom: [
      'finance.chezhan',
      'transport.chezhan',
      'unit.chezhan',
      'unit.gongyuan',
      'finance.zichuan',
      'finance.rizhao',
    ],
  },
  {
    target: U('finance.gongyuan', 'user finance.gongyuan (sibling township)'),
    visibleTo: ['admin.zhangdian', 'admin.zibo', 'finance.gongyuan'],
    // Non-administrators see only themselves (P6), even inside their subtree.
    hiddenFrom: [
      'finance.chezhan',
      'finance.zhangdian',
      'audit.zhangdian',
      'transport.gongyuan',
      'admin.rizhao',
    ],
  },
  // Sibling district 淄川区 vs 张店区.
  {
    target: R('370302', '淄川区 (sibling district of 张店区)'),
    visibleTo: ['finance.zichuan', 'finance.zibo', 'audit.zibo', 'transport.zibo'],
    hiddenFrom: [
      'finance.zhangdian',
      'admin.zhangdian',
      'audit.zhangdian',
      'finance.chezhan',
      'unit.zhangdian',
      'finance.rizhao',
    ],
  },
  {
    target: O('淄川区财政局', '淄川区财政局 (sibling district body)'),
    visibleTo: ['finance.zichuan', 'finance.zibo'],
    hiddenFrom: ['finance.zhangdian', 'admin.zhangdian', 'audit.zhangdian', 'admin.rizhao'],
  },
  {
    target: U('finance.zichuan', 'user finance.zichuan (sibling district)'),
    visibleTo: ['admin.zibo', 'finance.zichuan'],
    hiddenFrom: ['admin.zhangdian', 'finance.zibo', 'admin.rizhao'],
  },
  // Ancestors: their regions are readable (breadcrumbs), their organizations and users are not.
  {
    target: R('370303', '张店区 (ancestor region of 车站街道)'),
    visibleTo: ['finance.chezhan', 'unit.chezhan', 'finance.zhangdian'],
    hiddenFrom: ['finance.zichuan', 'thirdparty.zibo', 'finance.rizhao'],
  },
  {
    target: R('370300', '淄博市 (city, ancestor of everyone in 淄博)'),
    visibleTo: ['finance.zibo', 'finance.chezhan', 'unit.chezhan', 'thirdparty.zibo', 'audit.zhangdian'],
    hiddenFrom: ['finance.rizhao', 'unit.rizhao', 'admin.rizhao'],
  },
  {
    target: O('张店区财政局', '张店区财政局 (ancestor organization of 车站街道 callers)'),
    visibleTo: ['finance.zhangdian', 'admin.zhangdian', 'finance.zibo'],
    hiddenFrom: [
      'finance.chezhan',
      'transport.chezhan',
      'unit.chezhan',
      'finance.gongyuan',
      'finance.zichuan',
      'finance.rizhao',
    ],
  },
  {
    target: O('淄博市财政局', '淄博市财政局 (ancestor organization of 张店区 callers)'),
    visibleTo: ['finance.zibo', 'admin.zibo', 'audit.zibo', 'transport.zibo'],
    hiddenFrom: [
      'finance.zhangdian',
      'admin.zhangdian',
      'finance.chezhan',
      'unit.zhangdian',
      'thirdparty.zibo',
      'finance.rizhao',
    ],
  },
  {
    target: U('admin.zibo', 'user admin.zibo (ancestor administrator)'),
    visibleTo: ['admin.zibo'],
    hiddenFrom: ['admin.zhangdian', 'finance.zibo', 'audit.zibo'],
  },
  // Units see only their own items and their supervising department (P6).
  {
    target: O('车站街道中心小学', '车站街道中心小学 (sibling unit of unit.chezhan)'),
    visibleTo: ['finance.chezhan', 'agri.chezhan', 'finance.zhangdian'],
    hiddenFrom: ['unit.chezhan', 'unit.gongyuan', 'finance.gongyuan'],
  },
  {
    target: O('车站街道建设办公室', '车站街道建设办公室 (supervisor of unit.chezhan)'),
    visibleTo: ['unit.chezhan', 'transport.chezhan', 'finance.chezhan'],
    hiddenFrom: ['unit.gongyuan', 'finance.gongyuan', 'finance.rizhao'],
  },
  {
    target: U('unit.chezhan', 'user unit.chezhan'),
    visibleTo: ['unit.chezhan', 'admin.zhangdian'],
    hiddenFrom: ['transport.chezhan', 'finance.chezhan', 'unit.gongyuan'],
  },
];

interface ReadCase {
  caller: string;
  ops: string;
  label: string;
  target: Target;
  outcome: 'visible' | 'hidden';
}

const READ_CASES: ReadCase[] = READ_MATRIX.flatMap((row) => {
  const ops = OPS_OF[row.target.type].join(', ');
  const base = { ops, label: row.target.label, target: row.target };
  return [
    ...row.visibleTo.map((caller) => ({ ...base, caller, outcome: 'visible' as const })),
    ...row.hiddenFrom.map((caller) => ({ ...base, caller, outcome: 'hidden' as const })),
  ];
});

const resolved = new Map<Target, { gid: string; key: string; keyField: string }>();
async function resolveTarget(t: Target): Promise<{ gid: string; key: string; keyField: string }> {
  let r = resolved.get(t);
  if (!r) {
    switch (t.type) {
      case 'Region':
        r = { gid: await regionGid(app, t.code), key: t.code, keyField: 'code' };
        break;
      case 'Organization':
        r = { gid: await organizationGid(app, t.name), key: t.name, keyField: 'name' };
        break;
      case 'User':
        r = { gid: await userGid(app, t.login), key: t.login, keyField: 'login' };
        break;
    }
    resolved.set(t, r);
  }
  return r;
}

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
      r: { children: { code: string }[]; descendants: { code: string }[]; organizations: { name: string }[] };
    }>(
      '{ r: region(code: "370303") { children { code } descendants { code } organizations { name } } }',
      {},
      {
        as: 'finance.chezhan',
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.r.children.map((r) => r.code)).toEqual(['370303001']);
    expect(res.data?.r.descendants.map((r) => r.code)).toEqual(['370303001']);
    expect(res.data?.r.organizations).toEqual([]);
  });

  test('nested fields do not leak: unit.chezhan sees in its township only itself and its supervisor', async () => {
    const res = await app.gql<{ r: { organizations: { name: string }[]; children: unknown[] } }>(
      '{ r: region(code: "370303001") { children { code } organizations { name } } }',
      {},
      { as: 'unit.chezhan' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.r.organizations.map((o) => o.name).sort()).toEqual(
      ['车站街道市政道路养护站', '车站街道建设办公室'].sort(),
    );
    expect(res.data?.r.children).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. Lists with totalCount, compared with the database

interface Scope {
  /** Division-code prefix of the subtree (tenant 淄博: 3703…, 日照: 3711…). */
  prefix?: string;
  /** Extra regions by exact code (ancestors), or the whole set for units and third parties. */
  codes?: string[];
  /** Explicit organizations (units, third parties). */
  names?: string[];
}

async function pageAll(
  caller: string,
  field: 'regions' | 'organizations' | 'users',
  selection: string,
  filter: Json | null = null,
): Promise<{ totalCount: number; nodes: Json[] }> {
  const nodes: Json[] = [];
  let after: string | null = null;
  let totalCount = -1;
  const filterType = { regions: 'RegionFilter', organizations: 'OrganizationFilter', users: 'UserFilter' }[
    field
  ];
  for (let page = 0; page < 20; page += 1) {
    const res: GraphQLResponse<{
      c: { totalCount: number; nodes: Json[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }> = await app.gql(
      `query($after: String, $filter: ${filterType}) { c: ${field}(first: 100, after: $after, filter: $filter) {
         totalCount nodes { id ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after, filter },
      { as: caller },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.c;
    if (totalCount === -1) totalCount = c.totalCount;
    nodes.push(...c.nodes);
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { totalCount, nodes };
}

const ids = (rows: Json[]): string[] => rows.map((r) => String(r.id)).sort();

async function otherTenantGids(type: NodeType, ownTenant: string): Promise<Set<string>> {
  const table = { Region: 'region', Organization: 'organization', User: 'app_user' }[type];
  const rows = await app.sql<{ id: string }>(`SELECT id FROM ${table} WHERE tenant_id <> $1`, [ownTenant]);
  return new Set(rows.map((r) => toGlobalId(type, r.id)));
}

async function tenantOfLogin(login: string): Promise<string> {
  const [row] = await app.sql<{ tenant_id: string }>('SELECT tenant_id FROM app_user WHERE login = $1', [
    login,
  ]);
  return row.tenant_id;
}

describe('lists: regions (DOMAIN §3: subtree plus own ancestors; units and third parties: own region and ancestors)', () => {
  const REGION_SCOPES: [string, Scope][] = [
    ['admin.zibo', { prefix: '3703' }],
    ['audit.zibo', { prefix: '3703' }],
    ['admin.zhangdian', { prefix: '370303', codes: ['370300'] }],
    ['audit.zhangdian', { prefix: '370303', codes: ['370300'] }],
    ['finance.zichuan', { prefix: '370302', codes: ['370300'] }],
    ['finance.chezhan', { prefix: '370303001', codes: ['370300', '370303'] }],
    ['finance.gongyuan', { prefix: '370303002', codes: ['370300', '370303'] }],
    ['unit.chezhan', { codes: ['370300', '370303', '370303001'] }],
    ['unit.zhangdian', { codes: ['370300', '370303'] }],
    ['thirdparty.zibo', { codes: ['370300'] }],
    ['admin.rizhao', { prefix: '3711' }],
    ['finance.donggang', { prefix: '371102', codes: ['371100'] }],
    ['unit.rizhao', { codes: ['371100', '371102', '371102001'] }],
  ];

  test.each(REGION_SCOPES)('%s sees exactly %j', async (caller, scope) => {
    const expected = await app.sql<{ id: string; code: string }>(
      `SELECT id, code FROM region WHERE ($1::text IS NOT NULL AND code LIKE $1 || '%') OR code = ANY($2::text[])`,
      [scope.prefix ?? null, scope.codes ?? []],
    );
    expect(expected.length).toBeGreaterThan(0);
    const { totalCount, nodes } = await pageAll(caller, 'regions', 'code');
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.code).sort()).toEqual(expected.map((r) => r.code).sort());
    expect(ids(nodes)).toEqual(expected.map((r) => toGlobalId('Region', r.id)).sort());
    const foreign = await otherTenantGids('Region', await tenantOfLogin(caller));
    expect(ids(nodes).filter((id) => foreign.has(id))).toEqual([]);
  });

  test('admin.zhangdian sees no region of the sibling district 淄川区', async () => {
    const { nodes } = await pageAll('admin.zhangdian', 'regions', 'code');
    expect(nodes.filter((n) => String(n.code).startsWith('370302'))).toEqual([]);
  });

  test('a filter naming an out-of-jurisdiction region finds nothing (admin.zibo within 日照市)', async () => {
    const rizhao = await regionGid(app, '371100');
    const { totalCount, nodes } = await pageAll('admin.zibo', 'regions', 'code', { within: rizhao });
    expect(totalCount).toBe(0);
    expect(nodes).toEqual([]);
    const byParent = await pageAll('finance.chezhan', 'regions', 'code', {
      parentId: await regionGid(app, '370303'),
    });
    expect(byParent.nodes.map((n) => n.code)).toEqual(['370303001']);
  });
});

describe('lists: organizations (P6: subtree; units and third parties: themselves and their supervisor)', () => {
  const ORGANIZATION_SCOPES: [string, Scope][] = [
    ['admin.zibo', { prefix: '3703' }],
    ['finance.zibo', { prefix: '3703' }],
    ['admin.zhangdian', { prefix: '370303' }],
    ['audit.zhangdian', { prefix: '370303' }],
    ['finance.chezhan', { prefix: '370303001' }],
    ['transport.gongyuan', { prefix: '370303002' }],
    ['finance.zichuan', { prefix: '370302' }],
    ['admin.rizhao', { prefix: '3711' }],
    ['finance.donggang', { prefix: '371102' }],
    ['unit.chezhan', { names: ['车站街道市政道路养护站', '车站街道建设办公室'] }],
    ['unit.gongyuan', { names: ['公园街道市政道路养护站', '公园街道建设办公室'] }],
    ['unit.zhangdian', { names: ['张店区公路事业发展中心', '张店区交通运输局'] }],
    ['unit.rizhao', { names: ['日照街道道路养护站', '日照街道建设办公室'] }],
    ['thirdparty.zibo', { names: ['山东正信绩效评价咨询有限公司'] }],
  ];

  test.each(ORGANIZATION_SCOPES)('%s sees exactly %j', async (caller, scope) => {
    const expected = await app.sql<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organization o JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
        WHERE ($1::text IS NOT NULL AND r.code LIKE $1 || '%') OR o.name = ANY($2::text[])`,
      [scope.prefix ?? null, scope.names ?? []],
    );
    expect(expected.length).toBe(scope.names ? scope.names.length : expected.length);
    expect(expected.length).toBeGreaterThan(0);
    const { totalCount, nodes } = await pageAll(caller, 'organizations', 'name');
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.name).sort()).toEqual(expected.map((o) => o.name).sort());
    expect(ids(nodes)).toEqual(expected.map((o) => toGlobalId('Organization', o.id)).sort());
    const foreign = await otherTenantGids('Organization', await tenantOfLogin(caller));
    expect(ids(nodes).filter((id) => foreign.has(id))).toEqual([]);
  });

  test('admin.zibo pages through more than one page without duplicates', async () => {
    const { totalCount, nodes } = await pageAll('admin.zibo', 'organizations', 'name');
    expect(totalCount).toBeGreaterThan(100);
    expect(new Set(ids(nodes)).size).toBe(totalCount);
  });

  test('filters naming an out-of-jurisdiction region or department find nothing', async () => {
    const sibling = await pageAll('finance.chezhan', 'organizations', 'name', {
      regionId: await regionGid(app, '370303002'),
    });
    expect(sibling).toEqual({ totalCount: 0, nodes: [] });
    const ancestor = await pageAll('finance.chezhan', 'organizations', 'name', {
      regionId: await regionGid(app, '370303'),
    });
    expect(ancestor).toEqual({ totalCount: 0, nodes: [] });
    const foreign = await pageAll('admin.zibo', 'organizations', 'name', {
      supervisingDepartmentId: await organizationGid(app, '日照街道建设办公室'),
    });
    expect(foreign).toEqual({ totalCount: 0, nodes: [] });
    const unitWithin = await pageAll('unit.chezhan', 'organizations', 'name', {
      within: await regionGid(app, '370300'),
    });
    expect(unitWithin.totalCount).toBe(2);
  });
});

describe('lists: users (P6: tenant administrators see the users of their subtree)', () => {
  const USER_SCOPES: [string, string][] = [
    ['admin.zibo', '3703'],
    ['admin.zhangdian', '370303'],
    ['admin.rizhao', '3711'],
  ];

  test.each(USER_SCOPES)('%s sees exactly the users under division code %s…', async (caller, prefix) => {
    const expected = await app.sql<{ id: string; login: string }>(
      `SELECT u.id, u.login FROM app_user u
         JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
         JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
        WHERE r.code LIKE $1 || '%'`,
      [prefix],
    );
    expect(expected.length).toBeGreaterThan(0);
    const { totalCount, nodes } = await pageAll(caller, 'users', 'login');
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.login).sort()).toEqual(expected.map((u) => u.login).sort());
    expect(ids(nodes)).toEqual(expected.map((u) => toGlobalId('User', u.id)).sort());
    const foreign = await otherTenantGids('User', await tenantOfLogin(caller));
    expect(ids(nodes).filter((id) => foreign.has(id))).toEqual([]);
  });

  test('admin.zhangdian: the 张店区 accounts of the demo, no one from the city, 淄川区 or 日照', async () => {
    const { nodes } = await pageAll('admin.zhangdian', 'users', 'login');
    const logins = nodes.map((n) => String(n.login));
    for (const login of [
      'admin.zhangdian',
      'finance.zhangdian',
      'audit.zhangdian',
      'finance.chezhan',
      'unit.chezhan',
      'finance.gongyuan',
      'unit.zhangdian',
    ]) {
      expect(logins).toContain(login);
    }
    for (const login of [
      'admin.zibo',
      'finance.zibo',
      'thirdparty.zibo',
      'inactive.zibo',
      'finance.zichuan',
      'finance.rizhao',
      'unit.rizhao',
    ]) {
      expect(logins).not.toContain(login);
    }
  });

  test('user filters cannot widen the scope', async () => {
    const foreignOrg = await pageAll('admin.zhangdian', 'users', 'login', {
      organizationId: await organizationGid(app, '淄川区财政局'),
    });
    expect(foreignOrg).toEqual({ totalCount: 0, nodes: [] });
    const otherTenant = await pageAll('admin.zibo', 'users', 'login', {
      organizationId: await organizationGid(app, '日照市财政局'),
    });
    expect(otherTenant).toEqual({ totalCount: 0, nodes: [] });
    // within the city (an ancestor it may read) still yields only its own subtree
    const [{ n }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app_user u JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
         JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id WHERE r.code LIKE '370303%'`,
    );
    const withinCity = await pageAll('admin.zhangdian', 'users', 'login', {
      within: await regionGid(app, '370300'),
    });
    expect(withinCity.totalCount).toBe(n);
  });

  test.each([
    'finance.zibo',
    'audit.zhangdian',
    'audit.zibo',
    'unit.chezhan',
    'thirdparty.zibo',
    'finance.rizhao',
  ])('%s (not a tenant administrator) is FORBIDDEN (P6) on users', async (caller) => {
    const res = await app.gql('{ users { totalCount nodes { id } } }', {}, { as: caller });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' });
  });

  test('a non-administrator reads itself by id', async () => {
    const gid = await userGid(app, 'audit.zhangdian');
    const res = await app.gql<{ x: Json }>(READ_QUERIES['user(id)'], { v: gid }, { as: 'audit.zhangdian' });
    expect(res.data?.x).toEqual({ id: gid, login: 'audit.zhangdian' });
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. Units and third parties (P6: units see only their own items; third parties what they are commissioned for)

describe('units and third parties', () => {
  test('unit.chezhan reads its own organization with its supervisor and region', async () => {
    const own = await organizationGid(app, '车站街道市政道路养护站');
    const res = await app.gql<{ x: Json }>(
      'query($v: ID!) { x: organization(id: $v) { id name supervisingDepartment { name } region { code parent { code } } } }',
      { v: own },
      { as: 'unit.chezhan' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.x).toEqual({
      id: own,
      name: '车站街道市政道路养护站',
      supervisingDepartment: { name: '车站街道建设办公室' },
      region: { code: '370303001', parent: { code: '370303' } },
    });
  });

  test('unit.chezhan: its sibling units are invisible by list and by id', async () => {
    const { nodes } = await pageAll('unit.chezhan', 'organizations', 'name');
    const names = nodes.map((n) => n.name);
    expect(names).not.toContain('车站街道中心小学');
    expect(names).not.toContain('车站街道农业综合服务站');
    for (const sibling of ['车站街道中心小学', '车站街道农业综合服务站']) {
      const res = await app.gql(
        READ_QUERIES['organization(id)'],
        { v: await organizationGid(app, sibling) },
        { as: 'unit.chezhan' },
      );
      expect(visiblePart(res)).toEqual({ data: { x: null }, errors: undefined });
    }
  });

  test('thirdparty.zibo sees its own organization and the city, nothing below', async () => {
    const res = await app.gql<{ me: { organization: { name: string } }; d: Json | null; o: Json | null }>(
      '{ me { organization { name } } d: region(code: "370303") { id } o: organization(id: "' +
        (await organizationGid(app, '淄博市交通运输局')) +
        '") { id } }',
      {},
      { as: 'thirdparty.zibo' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      me: { organization: { name: '山东正信绩效评价咨询有限公司' } },
      d: null,
      o: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. Spoofed ids in mutation inputs: NOT_FOUND, exactly like a missing id, and nothing written

interface SpoofRow {
  caller: string;
  mutation: string;
  what: string;
  /** The spoofed reference. */
  target: Target;
  /** The input, given the target's global id. */
  input: (target: string) => Promise<Json>;
  field: string[];
}

const regionIdOf = (code: string) => regionGid(app, code);
const orgIdOf = (name: string) => organizationGid(app, name);

const SPOOFS: SpoofRow[] = [
  // DOMAIN §3: never on a sibling or an ancestor; §8 P6: tenants never see each other.
  {
    caller: 'admin.zhangdian',
    mutation: 'createRegion',
    what: 'parent = 淄川区 (sibling district)',
    target: R('370302', ''),
    input: async (t) => ({ parentId: t, level: 'TOWNSHIP', name: '越权测试街道', code: '370302098' }),
    field: ['input', 'parentId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createRegion',
    what: 'parent = 日照市 (other tenant)',
    target: R('371100', ''),
    input: async (t) => ({ parentId: t, level: 'DISTRICT', name: '越权测试区', code: '371198' }),
    field: ['input', 'parentId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createRegion',
    what: 'parent = 淄博市 (ancestor)',
    target: R('370300', ''),
    input: async (t) => ({ parentId: t, level: 'DISTRICT', name: '越权测试区', code: '370398' }),
    field: ['input', 'parentId'],
  },
  {
    caller: 'admin.rizhao',
    mutation: 'createRegion',
    what: 'parent = 张店区 (other tenant)',
    target: R('370303', ''),
    input: async (t) => ({ parentId: t, level: 'TOWNSHIP', name: '越权测试街道', code: '370303098' }),
    field: ['input', 'parentId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createOrganization',
    what: 'region = 日照街道 (other tenant)',
    target: R('371102001', ''),
    input: async (t) => ({
      regionId: t,
      kind: 'IMPLEMENTING_UNIT',
      name: '越权测试单位',
      sector: 'TRANSPORT',
    }),
    field: ['input', 'regionId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createOrganization',
    what: 'region = 淄川区 (sibling district)',
    target: R('370302', ''),
    input: async (t) => ({
      regionId: t,
      kind: 'IMPLEMENTING_UNIT',
      name: '越权测试单位',
      sector: 'TRANSPORT',
    }),
    field: ['input', 'regionId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createOrganization',
    what: 'own region, supervisor = 日照街道建设办公室 (other tenant)',
    target: O('日照街道建设办公室', ''),
    input: async (t) => ({
      regionId: await regionIdOf('370303002'),
      kind: 'IMPLEMENTING_UNIT',
      name: '越权测试单位',
      sector: 'TRANSPORT',
      supervisingDepartmentId: t,
    }),
    field: ['input', 'supervisingDepartmentId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createUser',
    what: 'organization = 日照市财政局 (other tenant)',
    target: O('日照市财政局', ''),
    input: async (t) => ({
      organizationId: t,
      login: 'spoof.user1',
      displayName: '越权用户',
      password: 'Spoofed2025x',
    }),
    field: ['input', 'organizationId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createUser',
    what: 'organization = 淄川区财政局 (sibling district)',
    target: O('淄川区财政局', ''),
    input: async (t) => ({
      organizationId: t,
      login: 'spoof.user2',
      displayName: '越权用户',
      password: 'Spoofed2025x',
    }),
    field: ['input', 'organizationId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'createUser',
    what: 'organization = 淄博市财政局 (ancestor)',
    target: O('淄博市财政局', ''),
    input: async (t) => ({
      organizationId: t,
      login: 'spoof.user3',
      displayName: '越权用户',
      password: 'Spoofed2025x',
      isTenantAdmin: true,
    }),
    field: ['input', 'organizationId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateRegion',
    what: '淄川区 (sibling district)',
    target: R('370302', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateRegion',
    what: '日照街道 (other tenant)',
    target: R('371102001', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateRegion',
    what: '淄博市 (ancestor)',
    target: R('370300', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'deleteRegion',
    what: 'an empty township of 淄川区 (sibling district)',
    target: R('370302199', ''),
    input: async (t) => ({ id: t }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'deleteRegion',
    what: 'an empty township of 日照 (other tenant)',
    target: R('371103099', ''),
    input: async (t) => ({ id: t }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zibo',
    mutation: 'deleteRegion',
    what: 'an empty township of 日照 (other tenant, city administrator)',
    target: R('371103099', ''),
    input: async (t) => ({ id: t }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateOrganization',
    what: '日照市财政局 (other tenant)',
    target: O('日照市财政局', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateOrganization',
    what: '淄川区财政局 (sibling district)',
    target: O('淄川区财政局', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateOrganization',
    what: '淄博市财政局 (ancestor)',
    target: O('淄博市财政局', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateOrganization',
    what: 'own unit, supervisor = 淄川区交通运输局 (sibling district)',
    target: O('淄川区交通运输局', ''),
    input: async (t) => ({
      id: await orgIdOf('车站街道市政道路养护站'),
      expectedVersion: 1,
      supervisingDepartmentId: t,
    }),
    field: ['input', 'supervisingDepartmentId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'deleteOrganization',
    what: '日照市审计局 (other tenant, deletable)',
    target: O('日照市审计局', ''),
    input: async (t) => ({ id: t }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'deleteOrganization',
    what: '淄川区审计局 (sibling district, deletable)',
    target: O('淄川区审计局', ''),
    input: async (t) => ({ id: t }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateUser',
    what: 'finance.rizhao (other tenant)',
    target: U('finance.rizhao', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, isActive: false }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateUser',
    what: 'finance.zichuan (sibling district)',
    target: U('finance.zichuan', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, isActive: false }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateUser',
    what: 'admin.zibo (ancestor administrator)',
    target: U('admin.zibo', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, isActive: false }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.rizhao',
    mutation: 'updateUser',
    what: 'admin.zibo (other tenant)',
    target: U('admin.zibo', ''),
    input: async (t) => ({ id: t, expectedVersion: 1, password: 'Takeover2025x' }),
    field: ['input', 'id'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateUser',
    what: 'own user finance.chezhan moved to 日照市财政局 (other tenant)',
    target: O('日照市财政局', ''),
    input: async (t) => ({
      id: await userGid(app, 'finance.chezhan'),
      expectedVersion: 1,
      organizationId: t,
    }),
    field: ['input', 'organizationId'],
  },
  {
    caller: 'admin.zhangdian',
    mutation: 'updateUser',
    what: 'own user finance.chezhan moved to 淄博市财政局 (ancestor)',
    target: O('淄博市财政局', ''),
    input: async (t) => ({
      id: await userGid(app, 'finance.chezhan'),
      expectedVersion: 1,
      organizationId: t,
    }),
    field: ['input', 'organizationId'],
  },
];

describe('spoofed ids in mutation inputs (DOMAIN §3, §8 P6): NOT_FOUND like a missing id, nothing written', () => {
  test.each(SPOOFS)(
    '$caller $mutation with $what → NOT_FOUND',
    async ({ caller, mutation, target, input, field }) => {
      const { gid } = await resolveTarget(target);
      const before = await fingerprint();
      const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
        mutationDocument(mutation),
        { input: await input(gid) },
        { as: caller },
      );
      expect(res.errors).toBeUndefined();
      const errors = res.data?.m.userErrors ?? [];
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: 'NOT_FOUND', field });
      expect(await fingerprint()).toEqual(before);

      const missing = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
        mutationDocument(mutation),
        { input: await input(missingGid(target.type)) },
        { as: caller },
      );
      expect(missing.data?.m.userErrors).toEqual(errors);
      expect(await fingerprint()).toEqual(before);
    },
  );
});

describe('allowed writes inside the subtree (the other side of the spoof table)', () => {
  test('admin.zhangdian creates, renames and deletes a township of 张店区', async () => {
    const regionsBefore = await count('region');
    const created = await app.gql<{
      m: { region: { id: string; code: string } | null; userErrors: UserErrorShape[] };
    }>(
      'mutation($input: CreateRegionInput!) { m: createRegion(input: $input) { region { id code } userErrors { code field message messageEn } } }',
      {
        input: {
          parentId: await regionGid(app, '370303'),
          level: 'TOWNSHIP',
          name: '允许测试街道',
          code: '370303098',
        },
      },
      { as: 'admin.zhangdian' },
    );
    expect(created.data?.m.userErrors).toEqual([]);
    const id = created.data!.m.region!.id;
    expect(await count('region')).toBe(regionsBefore + 1);
    const [row] = await app.sql<{ parent: string }>(
      'SELECT p.code AS parent FROM region r JOIN region p ON p.tenant_id = r.tenant_id AND p.id = r.parent_id WHERE r.code = $1',
      ['370303098'],
    );
    expect(row.parent).toBe('370303');

    const renamed = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateRegion'),
      { input: { id, expectedVersion: 1, name: '允许测试街道二' } },
      { as: 'admin.zhangdian' },
    );
    expect(renamed.data?.m.userErrors).toEqual([]);
    expect((await app.sql('SELECT name FROM region WHERE code = $1', ['370303098']))[0]).toEqual({
      name: '允许测试街道二',
    });

    const deleted = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('deleteRegion'),
      { input: { id } },
      { as: 'admin.zhangdian' },
    );
    expect(deleted.data?.m.userErrors).toEqual([]);
    expect(await count('region')).toBe(regionsBefore);
  });

  test('admin.zhangdian creates a unit in 公园街道 and a user for it; admin.zibo updates a user of 淄川区', async () => {
    const orgsBefore = await count('organization');
    const unit = await app.gql<{ m: { organization: { id: string } | null; userErrors: UserErrorShape[] } }>(
      'mutation($input: CreateOrganizationInput!) { m: createOrganization(input: $input) { organization { id } userErrors { code field message messageEn } } }',
      {
        input: {
          regionId: await regionGid(app, '370303002'),
          kind: 'IMPLEMENTING_UNIT',
          name: '公园街道允许测试单位',
          sector: 'TRANSPORT',
          supervisingDepartmentId: await organizationGid(app, '公园街道建设办公室'),
        },
      },
      { as: 'admin.zhangdian' },
    );
    expect(unit.data?.m.userErrors).toEqual([]);
    expect(await count('organization')).toBe(orgsBefore + 1);

    const usersBefore = await count('app_user');
    const user = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('createUser'),
      {
        input: {
          organizationId: unit.data!.m.organization!.id,
          login: 'allowed.user',
          displayName: '允许用户',
          password: 'Allowed2025x',
        },
      },
      { as: 'admin.zhangdian' },
    );
    expect(user.data?.m.userErrors).toEqual([]);
    expect(await count('app_user')).toBe(usersBefore + 1);

    const update = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateUser'),
      {
        input: {
          id: await userGid(app, 'finance.zichuan'),
          expectedVersion: 1,
          displayName: '吴敏（已核对）',
        },
      },
      { as: 'admin.zibo' },
    );
    expect(update.data?.m.userErrors).toEqual([]);
    expect(
      (await app.sql('SELECT display_name FROM app_user WHERE login = $1', ['finance.zichuan']))[0],
    ).toEqual({
      display_name: '吴敏（已核对）',
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Who may write at all: tenant administrators, never audit offices (P6, 003 第七条)

const WRITE_INPUTS: [string, () => Promise<Json>][] = [
  [
    'createRegion',
    async () => ({
      parentId: await regionGid(app, '370303'),
      level: 'TOWNSHIP',
      name: '禁止测试街道',
      code: '370303196',
    }),
  ],
  [
    'updateRegion',
    async () => ({ id: await regionGid(app, '370303002'), expectedVersion: 1, name: '禁止改名' }),
  ],
  ['deleteRegion', async () => ({ id: await regionGid(app, '370303097') })],
  [
    'createOrganization',
    async () => ({
      regionId: await regionGid(app, '370303002'),
      kind: 'IMPLEMENTING_UNIT',
      name: '禁止测试单位',
      sector: 'TRANSPORT',
    }),
  ],
  [
    'updateOrganization',
    async () => ({
      id: await organizationGid(app, '公园街道中心幼儿园'),
      expectedVersion: 1,
      name: '禁止改名',
    }),
  ],
  ['deleteOrganization', async () => ({ id: await organizationGid(app, '公园街道审计办公室') })],
  [
    'createUser',
    async () => ({
      organizationId: await organizationGid(app, '公园街道财政所'),
      login: 'forbidden.probe',
      displayName: '禁止',
      password: 'Forbidden2025x',
    }),
  ],
  [
    'updateUser',
    async () => ({ id: await userGid(app, 'finance.gongyuan'), expectedVersion: 1, isTenantAdmin: true }),
  ],
];

const NON_ADMINS = [
  'audit.zhangdian',
  'audit.zibo',
  'finance.zhangdian',
  'finance.zibo',
  'transport.zhangdian',
  'unit.chezhan',
  'thirdparty.zibo',
];

const FORBIDDEN_CASES = NON_ADMINS.flatMap((caller) =>
  WRITE_INPUTS.map(([mutation, input]) => ({ caller, mutation, input })),
);

describe('non-administrators and audit offices write nothing (P6)', () => {
  test.each(FORBIDDEN_CASES)('$caller → $mutation → FORBIDDEN P6', async ({ caller, mutation, input }) => {
    const before = await fingerprint();
    const res = await app.gql(mutationDocument(mutation), { input: await input() }, { as: caller });
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P6',
      messageZh: expect.any(String),
      messageEn: expect.any(String),
    });
    expect(await fingerprint()).toEqual(before);
  });

  test('an audit-office user cannot be made an administrator (it would write)', async () => {
    const before = await fingerprint();
    const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateUser'),
      { input: { id: await userGid(app, 'audit.zhangdian'), expectedVersion: 1, isTenantAdmin: true } },
      { as: 'admin.zhangdian' },
    );
    expect(res.data?.m.userErrors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toEqual(before);
  });

  test('the same inputs succeed for the tenant administrator (admin.zhangdian)', async () => {
    for (const [mutation, input] of WRITE_INPUTS) {
      const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
        mutationDocument(mutation),
        { input: await input() },
        {
          as: 'admin.zhangdian',
        },
      );
      expect({ mutation, errors: res.errors, userErrors: res.data?.m.userErrors }).toEqual({
        mutation,
        errors: undefined,
        userErrors: [],
      });
    }
    expect(
      await app.sql('SELECT code FROM region WHERE code = ANY($1)', [['370303196', '370303097']]),
    ).toEqual([{ code: '370303196' }]);
    expect(
      await app.sql('SELECT is_tenant_admin FROM app_user WHERE login = $1', ['finance.gongyuan']),
    ).toEqual([{ is_tenant_admin: true }]);
  });

  // P6: "units see only their own items". Whether a unit user may hold the administrator flag is a policy
  // choice; either the API refuses the flag, or the flag does not widen the unit's reach beyond its own items
  // (never its township's other users, never its supervising department's record).
  test('an implementing unit made administrator still reaches only its own items (P6)', async () => {
    const grant = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateUser'),
      { input: { id: await userGid(app, 'unit.gongyuan'), expectedVersion: 1, isTenantAdmin: true } },
      { as: 'admin.zhangdian' },
    );
    expect(grant.errors).toBeUndefined();
    const refusedFlag = (grant.data?.m.userErrors ?? []).map((e) => e.code);
    if (refusedFlag.length > 0) {
      expect(refusedFlag).toEqual(['BAD_USER_INPUT']);
      return;
    }
    try {
      const token = await app.tokenFor('unit.gongyuan');
      const users = await app.gql<{ users: { nodes: { login: string }[] } }>(
        '{ users(first: 100) { nodes { login } } }',
        {},
        { token },
      );
      const seen = users.errors ? [] : (users.data?.users.nodes.map((u) => u.login) ?? []);
      const ownOrganization = await app.sql<{ login: string }>(
        `SELECT u.login FROM app_user u JOIN app_user me ON me.tenant_id = u.tenant_id AND me.organization_id = u.organization_id
          WHERE me.login = 'unit.gongyuan'`,
      );
      const usersOfOthers = seen.filter((login) => !ownOrganization.some((o) => o.login === login));

      const before = await fingerprint();
      const supervisor = await organizationGid(app, '公园街道建设办公室');
      const writes: [string, Json][] = [
        ['updateOrganization', { id: supervisor, expectedVersion: 1, name: '被实施单位改名' }],
        [
          'createUser',
          {
            organizationId: supervisor,
            login: 'unit.made.user',
            displayName: '越权',
            password: 'Unitmade2025x',
          },
        ],
      ];
      const outcomes: Record<string, unknown> = {};
      for (const [mutation, input] of writes) {
        const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
          mutationDocument(mutation),
          { input },
          { token },
        );
        outcomes[mutation] =
          res.errors?.[0].extensions?.code ?? res.data?.m.userErrors[0]?.code ?? 'accepted';
      }
      expect({
        usersOfOthers,
        outcomes,
        databaseUnchanged: (await fingerprint()).organization === before.organization,
      }).toEqual({
        usersOfOthers: [],
        outcomes: {
          updateOrganization: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
          createUser: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
        },
        databaseUnchanged: true,
      });
      expect(await fingerprint()).toEqual(before);
    } finally {
      await app.sql('UPDATE app_user SET is_tenant_admin = false WHERE login = $1', ['unit.gongyuan']);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// 6. No token: protected fields say UNAUTHENTICATED; login is public

describe('no token', () => {
  const PROTECTED: [string, string][] = [
    ['me', '{ me { user { login } } }'],
    ['region', '{ region(code: "370300") { id } }'],
    ['regions', '{ regions { totalCount } }'],
    ['organization', `{ organization(id: "${toGlobalId('Organization', MISSING_UUID)}") { id } }`],
    ['organizations', '{ organizations { totalCount } }'],
    ['user', `{ user(id: "${toGlobalId('User', MISSING_UUID)}") { id } }`],
    ['users', '{ users { totalCount } }'],
    ['node', `{ node(id: "${toGlobalId('Region', MISSING_UUID)}") { id } }`],
    [
      'createRegion',
      'mutation { createRegion(input: { parentId: "x", level: TOWNSHIP, name: "x", code: "370303195" }) { userErrors { code } } }',
    ],
    [
      'updateUser',
      'mutation { updateUser(input: { id: "x", expectedVersion: 1, isActive: false }) { userErrors { code } } }',
    ],
    ['deleteOrganization', 'mutation { deleteOrganization(input: { id: "x" }) { userErrors { code } } }'],
  ];

  test.each(PROTECTED)('%s → UNAUTHENTICATED, nothing returned', async (field, query) => {
    const res = await app.gql<Json>(query);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageZh: expect.any(String),
      messageEn: expect.any(String),
    });
    const value = res.data ? res.data[field] : null;
    expect(value ?? null).toBeNull();
  });

  test('login works without a token', async () => {
    const res = await app.gql<{ login: { token: string | null; userErrors: unknown[] } }>(
      'mutation { login(input: { tenant: "370300", login: "finance.gongyuan", password: "Jixiao@2025" }) { token userErrors { code } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.userErrors).toEqual([]);
    expect(typeof res.data?.login.token).toBe('string');
  });
});

// ---------------------------------------------------------------------------------------------------
// 7. Tokens: anything but a valid token of an active user is refused as a whole (401)

describe('tokens', () => {
  const ME = '{ me { user { login } } }';
  const realKey = new TextEncoder().encode(TEST_TOKEN_SECRET);

  async function sign(
    claims: { sub: string; tid: string },
    options: { key?: Uint8Array; exp?: number | string; iat?: number; iss?: string; aud?: string } = {},
  ): Promise<string> {
    // tv: the token version of a user never reset (issue 8 item 11).
    return new SignJWT({ tid: claims.tid, tv: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(options.iss ?? 'jixiao')
      .setAudience(options.aud ?? 'jixiao-api')
      .setIssuedAt(options.iat)
      .setExpirationTime(options.exp ?? '1h')
      .sign(options.key ?? realKey);
  }

  async function expectRefused(authorization: string): Promise<void> {
    const { status, body } = await rawPost(authorization, ME);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  }

  test('control: a token we sign with the real secret and real claims is accepted', async () => {
    const token = await sign({ sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') });
    const { status, body } = await rawPost(`Bearer ${token}`, ME);
    expect(status).toBe(200);
    expect(body.data).toEqual({ me: { user: { login: 'finance.zibo' } } });
  });

  test('forged: same claims, signed with another secret', async () => {
    const key = new TextEncoder().encode('another-secret-that-is-also-long-enough-9876543210');
    await expectRefused(
      `Bearer ${await sign({ sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') }, { key })}`,
    );
  });

  test('tid of the other tenant with the sub of a user of this tenant (and the converse)', async () => {
    await expectRefused(
      `Bearer ${await sign({ sub: await userUuid('finance.zibo'), tid: await tenantId('日照市') })}`,
    );
    await expectRefused(
      `Bearer ${await sign({ sub: await userUuid('finance.rizhao'), tid: await tenantId('淄博市') })}`,
    );
  });

  test('wrong issuer or audience', async () => {
    const claims = { sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') };
    await expectRefused(`Bearer ${await sign(claims, { iss: 'someone-else' })}`);
    await expectRefused(`Bearer ${await sign(claims, { aud: 'another-api' })}`);
  });

  test('expired (real secret, exp in the past)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: await userUuid('finance.zibo'), tid: await tenantId('淄博市') };
    await expectRefused(`Bearer ${await sign(claims, { iat: now - 7200, exp: now - 3600 })}`);
  });

  test('unsigned (alg none)', async () => {
    const b64 = (o: Json) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      sub: await userUuid('finance.zibo'),
      tid: await tenantId('淄博市'),
      iss: 'jixiao',
      aud: 'jixiao-api',
      iat: now,
      exp: now + 3600,
    };
    await expectRefused(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
  });

  test.each([
    'Bearer not-a-jwt',
    'Bearer a.b.c',
    'Bearer ',
    'Basic YWRtaW4uemlibzpKaXhpYW9AMjAyNQ==',
    'garbage',
  ])('malformed authorization header %j', async (header) => {
    await expectRefused(header);
  });

  test('a validly signed token whose claims name no user (sub/tid not uuids) is UNAUTHENTICATED, not an internal error', async () => {
    await expectRefused(`Bearer ${await sign({ sub: 'finance.zibo', tid: await tenantId('淄博市') })}`);
    await expectRefused(`Bearer ${await sign({ sub: await userUuid('finance.zibo'), tid: '淄博市' })}`);
  });

  test('a refused token refuses the whole request, even public login', async () => {
    const { status, body } = await rawPost(
      'Bearer not-a-jwt',
      'mutation { login(input: { login: "finance.zibo", password: "Jixiao@2025" }) { token } }',
    );
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  test('a user deactivated after login: the old token is refused at once', async () => {
    const token = await app.tokenFor('agri.zhangdian');
    const ok = await app.gql(ME, {}, { token });
    expect(ok.data).toEqual({ me: { user: { login: 'agri.zhangdian' } } });

    await app.sql('UPDATE app_user SET is_active = false WHERE login = $1', ['agri.zhangdian']);
    try {
      await expectRefused(`Bearer ${token}`);
      const res = await app.gql('{ regions { totalCount } }', {}, { token });
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await app.sql('UPDATE app_user SET is_active = true WHERE login = $1', ['agri.zhangdian']);
    }
  });
});
