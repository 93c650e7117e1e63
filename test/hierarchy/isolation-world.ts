/**
 * The world of the isolation tests (test/hierarchy/*-isolation.test.ts; DOMAIN §3, §8 P6): a test app
 * with three empty townships a buggy delete could really remove, every caller of the matrices signed in
 * up front, and the helpers the files share.
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid, userGid } from '../harness/ids';
import { READ_MATRIX, type Target } from './read-matrix';
import { spoofRows } from './spoof-matrix';
import type { UserErrorRow } from '../harness/mutations';

export type Json = Record<string, unknown>;
export type NodeType = 'Region' | 'Organization' | 'User';

export type UserErrorShape = Omit<UserErrorRow, 'principle'>;

/** A well-formed id of an object that does not exist (same shape as a real one). */
export const MISSING_UUID = '00000000-0000-4000-8000-000000000000';
export const MISSING_CODE = '999999999';
export const missingGid = (type: NodeType): string => toGlobalId(type, MISSING_UUID);

/** Callers that are neither tenant administrators nor anyone who may write the hierarchy (P6, 003 第七条). */
export const NON_ADMINS = [
  'audit.zhangdian',
  'audit.zibo',
  'finance.zhangdian',
  'finance.zibo',
  'transport.zhangdian',
  'unit.chezhan',
  'thirdparty.zibo',
];

/** What the client sees of a response, without the test-only SQL statement counter. */
export function visiblePart(res: GraphQLResponse): Json {
  return { data: res.data, errors: res.errors };
}

export function mutationDocument(name: string): string {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return `mutation($input: ${inputType}!) { m: ${name}(input: $input) { userErrors { code field message messageEn principle } } }`;
}

/**
 * Starts the app for one test file (beforeAll/afterAll) and returns it with the helpers bound to it.
 */
export function useIsolationApp() {
  let current: TestApp | undefined;
  const app = (): TestApp => {
    if (!current) throw new Error('the isolation app is not started (use it inside a test)');
    return current;
  };

  beforeAll(async () => {
    current = await TestApp.start();
    // Empty regions that a successful (buggy) delete could really remove: one under the sibling district
    // 淄川区, one in the other tenant (日照市 岚山区), one inside 张店区 (target of refused non-admin deletes).
    for (const [parentCode, code, name] of [
      ['370302', '370302199', '隔离测试镇'],
      ['371103', '371103099', '隔离测试街道'],
      ['370303', '370303097', '空白测试街道'],
    ]) {
      await current.sql(
        `INSERT INTO region (tenant_id, id, parent_id, level, name, code, path)
         SELECT tenant_id, gen_random_uuid(), id, 'TOWNSHIP', $2, $3, '' FROM region WHERE code = $1`,
        [parentCode, name, code],
      );
    }
    // Signs every caller of the matrices in at once (password hashing runs in parallel; tokens are cached).
    const callers = new Set<string>([
      ...READ_MATRIX.flatMap((row) => [...row.visibleTo, ...row.hiddenFrom]),
      ...NON_ADMINS,
      ...spoofRows(app).map((row) => row.caller),
    ]);
    await Promise.all([...callers].map((login) => app().tokenFor(login)));
  });
  afterAll(async () => current?.stop());

  async function tenantId(name: string): Promise<string> {
    const [row] = await app().sql<{ id: string }>('SELECT id FROM tenant WHERE name = $1', [name]);
    return row.id;
  }

  async function userUuid(login: string): Promise<string> {
    const [row] = await app().sql<{ id: string }>('SELECT id FROM app_user WHERE login = $1', [login]);
    return row.id;
  }

  /** Every table's row count and a digest of its content: "the database is unchanged" means equal. */
  const fingerprint = () => app().tableDigests();

  async function count(table: string): Promise<number> {
    const [row] = await app().sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  }

  /** Sends a raw request, to see the HTTP status too. */
  async function rawPost(
    authorization: string | undefined,
    query: string,
  ): Promise<{ status: number; body: GraphQLResponse }> {
    const res = await fetch(app().server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse };
  }

  const resolved = new Map<Target, { gid: string; key: string; keyField: string }>();
  async function resolveTarget(t: Target): Promise<{ gid: string; key: string; keyField: string }> {
    let r = resolved.get(t);
    if (!r) {
      switch (t.type) {
        case 'Region':
          r = { gid: await regionGid(app(), t.code), key: t.code, keyField: 'code' };
          break;
        case 'Organization':
          r = { gid: await organizationGid(app(), t.name), key: t.name, keyField: 'name' };
          break;
        case 'User':
          r = { gid: await userGid(app(), t.login), key: t.login, keyField: 'login' };
          break;
      }
      resolved.set(t, r);
    }
    return r;
  }

  return { app, tenantId, userUuid, fingerprint, count, rawPost, resolveTarget };
}
