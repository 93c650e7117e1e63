import { generateSyntheticCity } from '../seeds';
import { TestApp } from './harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const orgFields = 'id name kind sector supervisingDepartment { id name }';
const cityTree = `query CityTree($code: String!) {
  region(code: $code) {
    id name code level organizations { ${orgFields} }
    children {
      id name code level organizations { ${orgFields} }
      children { id name code level parent { id } ancestors { id } organizations { ${orgFields} } }
    }
  }
}`;

interface Orgs {
  organizations: { kind: string }[];
}
interface Tree {
  region: Orgs & { children: (Orgs & { children: Orgs[] })[] };
}

const unitsIn = (tree: Tree) =>
  [tree.region, ...tree.region.children, ...tree.region.children.flatMap((d) => d.children)]
    .flatMap((r) => r.organizations)
    .filter((o) => o.kind === 'IMPLEMENTING_UNIT').length;

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
});

// DOMAIN §16 drill-down: descendants of every district, one batch for the whole list.
test('descendants of every region in a list are one batch, with the right members', async () => {
  const query = `{ regions(first: 100, filter: { level: DISTRICT }) { nodes { code descendants(level: TOWNSHIP) { code } all: descendants { level } } } }`;
  const res = await app.gql<{
    regions: { nodes: { code: string; descendants: { code: string }[]; all: { level: string }[] }[] };
  }>(query, {}, { as: 'finance.zibo' });
  expect(res.errors).toBeUndefined();
  const expected = await app.sql<{ district: string; n: string }>(
    `SELECT d.code AS district, count(t.*) AS n FROM region d JOIN region c ON c.id = d.parent_id AND c.code = '370300'
       LEFT JOIN region t ON t.parent_id = d.id GROUP BY d.code ORDER BY d.code`,
  );
  const nodes = res.data!.regions.nodes;
  expect(nodes.map((n) => [n.code, String(n.descendants.length)])).toEqual(
    expected.map((e) => [e.district, e.n]),
  );
  for (const n of nodes) {
    expect(n.descendants.every((t) => t.code.startsWith(n.code))).toBe(true);
    expect(n.all.every((r) => r.level === 'TOWNSHIP')).toBe(true);
  }
  const baseline = await app.gql(
    `{ regions(first: 100, filter: { level: DISTRICT }) { nodes { code } } }`,
    {},
    { as: 'finance.zibo' },
  );
  // Both `descendants` fields of all districts load in the same tick: exactly one more statement.
  expect(res.extensions!.sqlStatements! - baseline.extensions!.sqlStatements!).toBe(1);
});
