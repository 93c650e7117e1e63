/**
 * Shared setup of the list isolation tests (list-isolation*.test.ts; DOMAIN §3, §8 P6): the isolation world,
 * every page of a list with its totalCount, and the other tenant's global ids a list must never show.
 */
import { toGlobalId } from '../../src/common/global-id';
import { type GraphQLResponse, type TestApp } from '../harness/app';
import { type Json, type NodeType, useIsolationApp } from './isolation-world';

export let world: ReturnType<typeof useIsolationApp>;
export let app: TestApp;

// ---------------------------------------------------------------------------------------------------
// 2. Lists with totalCount, compared with the database

export interface Scope {
  /** Division-code prefix of the subtree (tenant 淄博: 3703…, 日照: 3711…). */
  prefix?: string;
  /** Extra regions by exact code (ancestors), or the whole set for units and third parties. */
  codes?: string[];
  /** Explicit organizations (units, third parties). */
  names?: string[];
}

export async function pageAll(
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

export const ids = (rows: Json[]): string[] => rows.map((r) => String(r.id)).sort();

export async function otherTenantGids(type: NodeType, ownTenant: string): Promise<Set<string>> {
  const table = { Region: 'region', Organization: 'organization', User: 'app_user' }[type];
  const rows = await app.sql<{ id: string }>(`SELECT id FROM ${table} WHERE tenant_id <> $1`, [ownTenant]);
  return new Set(rows.map((r) => toGlobalId(type, r.id)));
}

export async function tenantOfLogin(login: string): Promise<string> {
  const [row] = await app.sql<{ tenant_id: string }>('SELECT tenant_id FROM app_user WHERE login = $1', [
    login,
  ]);
  return row.tenant_id;
}

/**
 * P6, DOMAIN §3: paging the whole list, the caller gets exactly `expected` (the owner's reading of its
 * jurisdiction, rows with `id` and the `key` field): the count, the keys, the global ids, and not one
 * object of another tenant.
 */
export async function expectExactList(
  caller: string,
  field: 'regions' | 'organizations' | 'users',
  key: string,
  expected: Record<string, string>[],
): Promise<void> {
  const type = ({ regions: 'Region', organizations: 'Organization', users: 'User' } as const)[field];
  expect(expected.length).toBeGreaterThan(0);
  const { totalCount, nodes } = await pageAll(caller, field, key);
  expect(totalCount).toBe(expected.length);
  expect(nodes.map((n) => n[key]).sort()).toEqual(expected.map((e) => e[key]).sort());
  expect(ids(nodes)).toEqual(expected.map((e) => toGlobalId(type, e.id)).sort());
  const foreign = await otherTenantGids(type, await tenantOfLogin(caller));
  expect(ids(nodes).filter((id) => foreign.has(id))).toEqual([]);
}

/** Registers the file's setup (the isolation world, started once): call once at the top of a test file. */
export function useListIsolationApp(): void {
  world = useIsolationApp();
  beforeAll(() => void (app = world.app()));
}
