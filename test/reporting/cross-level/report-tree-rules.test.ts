/**
 * The rows of a cross-level report (DOMAIN §16 drill-down; issue 14 "a whole subtree as flat rows with
 * path, level and parent"): each region's figures come from the aggregate's answer at its own level; the
 * answer at the level below names the region's own-level items (本级) under the same code.
 */
import { RegionLevel } from '../../../src/auth/principal-kinds';
import { reportRows, type TreeRegion } from '../../../src/reporting/cross-level/rules/report-tree';

const region = (id: string, code: string, level: RegionLevel, path: string, parentId: string | null) =>
  ({ id, code, name: `r${code}`, level, path, parentId }) as TreeRegion;
const city = region('c', '370300', RegionLevel.CITY, '/c/', null);
const district = region('d', '370303', RegionLevel.DISTRICT, '/c/d/', 'c');
const a = region('a', '370303001', RegionLevel.TOWNSHIP, '/c/d/a/', 'd');
const b = region('b', '370303002', RegionLevel.TOWNSHIP, '/c/d/b/', 'd');
const { DISTRICT, TOWNSHIP } = RegionLevel;

const rows = (askedLevels: RegionLevel[]) =>
  reportRows({
    node: district,
    regions: [b, city, a, district],
    years: [2024, 2025],
    askedLevels,
    figureRows: [
      { askedLevel: DISTRICT, regionCode: '370303', year: 2025, goalCount: 3, budgeted: '12.00' },
      { askedLevel: DISTRICT, regionCode: '370303', year: 2024, goalCount: 1, budgeted: '4.00' },
      // At township level the district's own goal is grouped under the district's own code.
      { askedLevel: TOWNSHIP, regionCode: '370303', year: 2025, goalCount: 1, budgeted: '2.00' },
      { askedLevel: TOWNSHIP, regionCode: '370303001', year: 2025, goalCount: 2, budgeted: '10.00' },
    ],
    gradeRows: [
      { askedLevel: TOWNSHIP, regionCode: '370303001', year: 2025, grade: 'EXCELLENT', count: 1 },
      { askedLevel: TOWNSHIP, regionCode: '370303001', year: 2025, grade: 'POOR', count: 2 },
      { askedLevel: TOWNSHIP, regionCode: '370303001', year: 2025, grade: null, count: 5 },
      { askedLevel: DISTRICT, regionCode: '370303', year: 2025, grade: 'POOR', count: 2 },
    ],
  });

test('the node first, then its subtree in path order, with code path, level, parent code and depth', () => {
  expect(rows([DISTRICT, TOWNSHIP]).map((r) => [r.code, r.path, r.level, r.parentCode, r.depth])).toEqual([
    ['370303', '370300/370303', 'DISTRICT', '370300', 0],
    ['370303001', '370300/370303/370303001', 'TOWNSHIP', '370303', 1],
    ['370303002', '370300/370303/370303002', 'TOWNSHIP', '370303', 1],
  ]);
});

test('a region’s figures are its own level’s answer; the level below gives its own-level items (本级)', () => {
  const [node, rowA, rowB] = rows([DISTRICT, TOWNSHIP]);
  expect(node.figures.goalCount).toBe(3);
  expect(node.figures.budgeted).toBe('12.00');
  expect(node.ownLevel?.budgeted).toBe('2.00');
  expect(node.figures.gradeDistribution).toEqual({ EXCELLENT: 0, GOOD: 0, FAIR: 0, POOR: 2 });
  expect(rowA.figures.budgeted).toBe('10.00');
  // A township has no child regions: no own-level split.
  expect(rowA.ownLevel).toBeNull();
  expect(rowA.figures.gradeDistribution).toEqual({ EXCELLENT: 1, GOOD: 0, FAIR: 0, POOR: 2 });
  // 公园街道 has no facts: its row is there, with zeros and nulls, never left out.
  expect(rowB.figures.goalCount).toBe(0);
  expect(rowB.figures.meanScore).toBeNull();
  // Not asked at township level: no own-level split (rather than a wrong one).
  expect(rows([DISTRICT])[0].ownLevel).toBeNull();
});

test('every year of the report, and this year minus each earlier year', () => {
  const [node] = rows([DISTRICT]);
  expect(node.years.map((y) => [y.year, y.figures.budgeted])).toEqual([
    [2024, '4.00'],
    [2025, '12.00'],
  ]);
  expect(node.changes).toEqual([
    expect.objectContaining({
      fromYear: 2024,
      toYear: 2025,
      change: expect.objectContaining({ budgeted: '8.00', goalCount: 2 }),
    }),
  ]);
});
