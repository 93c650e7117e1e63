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
