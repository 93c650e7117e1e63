import { generateSyntheticCity } from '../seeds';
import { TestApp } from './harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const orgFields = 'id name kind sector supervisingDepartment { id name }';
// Region.children and Region.organizations are connections (issue 11 item 7); $first varies the page size.
const orgs = `organizations(first: $first) { totalCount nodes { ${orgFields} } }`;
const units = `units: organizations(first: $first, kind: [IMPLEMENTING_UNIT]) { totalCount }`;
const cityTree = `query CityTree($code: String!, $first: Int = 100) {
  region(code: $code) {
    id name code level ${orgs} ${units}
    children(first: $first) { nodes {
      id name code level ${orgs} ${units}
      children(first: $first) { nodes {
        id name code level parent { id } ancestors { id } ${orgs} ${units}
      } }
    } }
  }
}`;

interface Orgs {
  organizations: { totalCount: number; nodes: { kind: string }[] };
  units: { totalCount: number };
}
interface Tree {
  region: Orgs & { children: { nodes: (Orgs & { children: { nodes: Orgs[] } })[] } };
}

const regionsOf = (tree: Tree) => [
  tree.region,
  ...tree.region.children.nodes,
  ...tree.region.children.nodes.flatMap((d) => d.children.nodes),
];
const unitsIn = (tree: Tree) => regionsOf(tree).reduce((sum, r) => sum + r.units.totalCount, 0);

// STYLE "Performance shape" and DOMAIN §11: a whole tree in one request, with a number of SQL
// statements that does not grow with the size of the tree (no N+1).
test('a whole city tree costs the same number of SQL statements for the demo city and a 6,000-unit city', async () => {
  const demo = await app.gql<Tree>(cityTree, { code: '370300' }, { as: 'finance.zibo' });
  expect(demo.errors).toBeUndefined();

  const synthetic = await generateSyntheticCity(app.owner, { seed: 7 });
  const big = await app.gql<Tree>(
    cityTree,
    { code: synthetic.cityCode },
    { as: synthetic.sampleLogins.cityFinance },
  );
  expect(big.errors).toBeUndefined();

  expect(unitsIn(big.data!)).toBe(6000);
  expect(unitsIn(demo.data!)).toBeGreaterThan(0);
  const demoStatements = demo.extensions?.sqlStatements;
  const bigStatements = big.extensions?.sqlStatements;
  console.warn(
    `city tree SQL statements: demo city ${demoStatements}, synthetic 6,000-unit city ${bigStatements}`,
  );
  expect(bigStatements).toBe(demoStatements);
  // BEGIN, tenant, principal, COMMIT, plus one batch per field and depth: region; organizations × 3
  // levels; supervisors × 2 levels with units; children × 2; parent/ancestors of townships.
  expect(demoStatements).toBeLessThanOrEqual(14);

  // Issue 11 item 7: the nested lists are connections, paged over one batch per field and depth; a
  // page of 1 needs no more statements than a page of 100 (fewer when a level has nothing to load).
  const small = await app.gql<Tree>(cityTree, { code: '370300', first: 1 }, { as: 'finance.zibo' });
  expect(small.errors).toBeUndefined();
  expect(small.extensions?.sqlStatements).toBeLessThanOrEqual(demoStatements!);
  expect(small.data!.region.children.nodes).toHaveLength(1);
  expect(unitsIn(small.data!)).toBeGreaterThan(0);
  expect(
    regionsOf(demo.data!).every((r) => r.organizations.nodes.length === r.organizations.totalCount),
  ).toBe(true);
});

// DOMAIN §16 drill-down: descendants of every district, one batch for the whole list.
test('descendants of every region in a list are one batch, with the right members', async () => {
  const query = `{ regions(first: 100, filter: { level: DISTRICT }) { nodes { code descendants(level: TOWNSHIP, first: 100) { nodes { code } } all: descendants(first: 100) { nodes { level } } } } }`;
  const res = await app.gql<{
    regions: {
      nodes: {
        code: string;
        descendants: { nodes: { code: string }[] };
        all: { nodes: { level: string }[] };
      }[];
    };
  }>(query, {}, { as: 'finance.zibo' });
  expect(res.errors).toBeUndefined();
  // Joined on the tenant too (issue 17): a Citus cluster joins distributed tables only on their
  // distribution column; on plain PostgreSQL the rows are the same (a parent is of its child's tenant).
  const expected = await app.sql<{ district: string; n: string }>(
    `SELECT d.code AS district, count(t.*) AS n FROM region d
       JOIN region c ON c.tenant_id = d.tenant_id AND c.id = d.parent_id AND c.code = '370300'
       LEFT JOIN region t ON t.tenant_id = d.tenant_id AND t.parent_id = d.id GROUP BY d.code ORDER BY d.code`,
  );
  const nodes = res.data!.regions.nodes;
  expect(nodes.map((n) => [n.code, String(n.descendants.nodes.length)])).toEqual(
    expected.map((e) => [e.district, e.n]),
  );
  for (const n of nodes) {
    expect(n.descendants.nodes.every((t) => t.code.startsWith(n.code))).toBe(true);
    expect(n.all.nodes.every((r) => r.level === 'TOWNSHIP')).toBe(true);
  }
  const baseline = await app.gql(
    `{ regions(first: 100, filter: { level: DISTRICT }) { nodes { code } } }`,
    {},
    { as: 'finance.zibo' },
  );
  // Both `descendants` fields of all districts load in the same tick: exactly one more statement.
  expect(res.extensions!.sqlStatements! - baseline.extensions!.sqlStatements!).toBe(1);
});
