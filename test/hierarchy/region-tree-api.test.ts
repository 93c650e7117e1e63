/**
 * Issue 18, the city tree (bench/queries.ts CITY_TREE): `region(code)` reads the selected subtree and its
 * organizations by two statements (src/hierarchy/region-tree.rows.ts) that prime the request's loaders.
 * The answer is the one the loaders give without the prefetch (the same tree under `regions`), the
 * statements do not depend on page sizes, and jurisdiction holds (DOMAIN §3, P6): a district finance
 * bureau sees only its district's subtree below the city, a unit only itself and its supervisor, an
 * anonymous caller nothing. Database outcomes are read as the owner.
 */
import { generateSyntheticCity, type SyntheticCity } from '../../seeds';
import { CITY_TREE, type CityTreeData, type TreeRegion } from '../../bench/queries';
import { TestApp } from '../harness/app';

let app: TestApp;
let city: SyntheticCity;

beforeAll(async () => {
  app = await TestApp.start();
  city = await generateSyntheticCity(app.owner, { seed: 83, scale: 'small', cityCode: '379800' });
}, 240_000);
afterAll(async () => app.stop());

function flatten(region: TreeRegion): { regions: string[]; organizations: string[] } {
  const regions = [region.code];
  const organizations = region.organizations.nodes.map((o) => o.name);
  for (const child of region.children?.nodes ?? []) {
    const sub = flatten(child);
    regions.push(...sub.regions);
    organizations.push(...sub.organizations);
  }
  return { regions, organizations };
}

async function tree(as: string, query = CITY_TREE) {
  const res = await app.gql<CityTreeData>(query, { code: city.cityCode }, { as });
  expect(res.errors).toBeUndefined();
  return { region: res.data!.region!, statements: res.extensions?.sqlStatements as number };
}

/** The database's organizations (names) under a path, as the owner. */
async function organizationsUnder(pathPrefix: string): Promise<string[]> {
  const rows = await app.sql<{ name: string }>(
    `SELECT name FROM organization WHERE tenant_id = $1 AND region_path LIKE $2 ORDER BY name`,
    [city.tenantId, `${pathPrefix}%`],
  );
  return rows.map((r) => r.name);
}

async function regionPath(code: string): Promise<string> {
  const [row] = await app.sql<{ path: string }>(
    `SELECT path FROM region WHERE tenant_id = $1 AND code = $2`,
    [city.tenantId, code],
  );
  return row.path;
}

test('the whole city in one request: every region and organization, as the loaders answer it', async () => {
  const { region } = await tree(city.sampleLogins.cityFinance);
  const got = flatten(region);
  const [counts] = await app.sql<{ regions: number }>(
    `SELECT count(*)::int AS regions FROM region WHERE tenant_id = $1`,
    [city.tenantId],
  );
  expect(got.regions).toHaveLength(counts.regions);
  expect([...got.organizations].sort()).toEqual(await organizationsUnder(await regionPath(city.cityCode)));
  // Without the prefetch (the same selection under the `regions` list): the same tree, same order.
  const list = CITY_TREE.replace(
    'region(code: $code) {',
    'regions(filter: { code: $code }, first: 1) { nodes {',
  ).replace(/}\s*}$/, '} } }');
  const res = await app.gql<{ regions: { nodes: TreeRegion[] } }>(
    list,
    { code: city.cityCode },
    { as: city.sampleLogins.cityFinance },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.regions.nodes[0]).toEqual(region);
  // Supervising departments are answered (from the prefetched rows) for every unit that has one.
  const [supervised] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM organization WHERE tenant_id = $1 AND supervising_department_id IS NOT NULL`,
    [city.tenantId],
  );
  const units = (r: TreeRegion): number =>
    r.organizations.nodes.filter((o) => o.supervisingDepartment !== null).length +
    (r.children?.nodes ?? []).reduce((a, c) => a + units(c), 0);
  expect(units(region)).toBe(supervised.n);
});

test('statements do not depend on page sizes or on the size of the tree', async () => {
  const as = city.sampleLogins.cityFinance;
  const full = await tree(as);
  const small = await tree(as, CITY_TREE.replace(/first: 100/g, 'first: 1'));
  expect(flatten(small.region).organizations.length).toBeLessThan(flatten(full.region).organizations.length);
  expect(small.statements).toBe(full.statements);
  // Root, subtree, organizations (and the request's own statements): not one per level or region.
  expect(full.statements).toBeLessThanOrEqual(6);
});

test('a district finance bureau sees only its district below the city', async () => {
  const { region } = await tree(city.sampleLogins.districtFinance);
  const district = `${city.cityCode.slice(0, 4)}01`;
  expect(region.organizations.nodes).toEqual([]);
  expect(region.children!.nodes.map((c) => c.code)).toEqual([district]);
  const got = flatten(region);
  expect([...got.organizations].sort()).toEqual(await organizationsUnder(await regionPath(district)));
  const [others] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM organization WHERE tenant_id = $1 AND region_path NOT LIKE $2`,
    [city.tenantId, `${await regionPath(district)}%`],
  );
  expect(others.n).toBeGreaterThan(0); // there was something to hide
});

test('a unit sees only itself and its supervisor; an anonymous caller nothing', async () => {
  const { region } = await tree(city.sampleLogins.unit);
  const [own] = await app.sql<{ name: string; supervisor: string | null }>(
    `SELECT o.name, s.name AS supervisor FROM app_user u
       JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
       LEFT JOIN organization s ON s.tenant_id = o.tenant_id AND s.id = o.supervising_department_id
      WHERE u.login = $1`,
    [city.sampleLogins.unit],
  );
  const visible = [own.name, ...(own.supervisor ? [own.supervisor] : [])].sort();
  expect([...flatten(region).organizations].sort()).toEqual(visible);
  const anonymous = await app.gql<CityTreeData>(CITY_TREE, { code: city.cityCode });
  expect(anonymous.data?.region ?? null).toBeNull();
  expect(anonymous.errors?.length).toBeGreaterThan(0);
});
