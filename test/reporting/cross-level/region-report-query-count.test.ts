/**
 * STYLE "Performance shape" and DOMAIN §16 "each answered in one request": a whole city's report — the
 * city, its districts, every township as flat rows, two years, a ranking — costs a number of SQL
 * statements that does not grow with the size of the tree or of the facts (no N+1): the region, the
 * tree, then two aggregate questions per level (each: its region, its grouped facts).
 */
import { generateSyntheticCity } from '../../../seeds';
import { TestApp } from '../../harness/app';
import { REPORT, type Report } from './report-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

test('a city report costs the same statements for the demo city and a 6,000-unit synthetic city', async () => {
  const demo = await app.gql<{ regionReport: Report }>(
    REPORT,
    { code: '370300', year: 2025, previousYears: 1 },
    { as: 'finance.zibo' },
  );
  expect(demo.errors).toBeUndefined();
  const synthetic = await generateSyntheticCity(app.owner, { seed: 7 });
  const big = await app.gql<{ regionReport: Report }>(
    REPORT,
    { code: synthetic.cityCode, year: 2025, previousYears: 1 },
    { as: synthetic.sampleLogins.cityFinance },
  );
  expect(big.errors).toBeUndefined();
  expect(big.data!.regionReport.subtree.length).toBeGreaterThan(demo.data!.regionReport.subtree.length);
  const statements = [demo.extensions?.sqlStatements, big.extensions?.sqlStatements];
  console.warn(`city report SQL statements: demo ${statements[0]}, synthetic ${statements[1]}`);
  expect(statements[1]).toBe(statements[0]);
  // BEGIN, tenant, principal, COMMIT; the region and its tree; 3 levels × 2 questions × 2 statements.
  expect(statements[0]).toBeLessThanOrEqual(4 + 2 + 12);

  // More earlier years read the same statements (the years are one range of each question).
  const nine = await app.gql(
    REPORT,
    { code: '370300', year: 2025, previousYears: 9 },
    { as: 'finance.zibo' },
  );
  expect(nine.extensions?.sqlStatements).toBe(statements[0]);
  // A district asks one level fewer: four statements fewer.
  const district = await app.gql(REPORT, { code: '370303', year: 2025 }, { as: 'finance.zibo' });
  expect(district.extensions?.sqlStatements).toBe(statements[0]! - 4);
});
