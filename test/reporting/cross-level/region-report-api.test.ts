/**
 * Cross-level reporting (DOMAIN §16 "Cross-level reporting", issue 14) on the demo city, with the worked
 * example of DOMAIN §11 submitted (农村公路提档升级专项资金: 车站街道 A 600万 96.08, 公园街道 B 400万 98.40):
 * - every figure of the report — the region, its children, the flat subtree, every year — equals
 *   `Query.aggregate` for the same region, level and year (built only on runAggregate);
 * - the children's figures equal the existing roll-up of the overall goal (§11: money summed, each
 *   child's score and grade, the grade distribution);
 * - year-over-year is this year minus the earlier year, exact; the ranking is competition ranking.
 */
import { TestApp } from '../../harness/app';
import { A_RESULT, B_RESULT, gid, REGION, submitRegional, workedExampleGoal } from '../../rollup/fixtures';
import { aggregateOf, expectedFigures, regionReport, type Report, type Row } from './report-helpers';

let app: TestApp;
let overall: string;

beforeAll(async () => {
  app = await TestApp.start();
  overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
  await submitRegional(app, await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A), A_RESULT);
  await submitRegional(app, await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.B), B_RESULT);
});
afterAll(async () => app.stop());

async function report(as: string, code: string, previousYears = 1): Promise<Report> {
  const res = await regionReport(app, as, code, 2025, previousYears);
  expect(res.errors).toBeUndefined();
  return res.data!.regionReport!;
}

/** Every row's figures of every year equal the aggregate at the row's own level (DOMAIN §16). */
async function expectEqualsAggregate(as: string, within: string, rows: Row[], years: number[]) {
  const levels = [...new Set(rows.map((r) => r.level))];
  for (const level of levels) {
    const agg = await aggregateOf(app, as, {
      within,
      level,
      yearFrom: years[0],
      yearTo: years[years.length - 1],
    });
    for (const row of rows.filter((r) => r.level === level)) {
      expect(row.years.map((y) => y.year)).toEqual(years);
      for (const y of row.years)
        expect([row.code, y.year, y.figures]).toEqual([
          row.code,
          y.year,
          expectedFigures(agg, row.code, y.year),
        ]);
      expect(row.figures).toEqual(row.years[row.years.length - 1].figures);
    }
  }
}

test('DOMAIN §16: a district’s report — itself, its children and its subtree — equals the aggregate, every year', async () => {
  const r = await report('finance.zhangdian', REGION.district, 2);
  expect(r.years).toEqual([2023, 2024, 2025]);
  expect(r.region).toMatchObject({
    code: '370303',
    level: 'DISTRICT',
    path: '370300/370303',
    parentCode: '370300',
    depth: 0,
  });
  const townships = await app.sql<{ code: string }>(
    `SELECT t.code FROM region t JOIN region d ON d.id = t.parent_id AND d.tenant_id = t.tenant_id WHERE d.code = '370303' ORDER BY t.code`,
  );
  // Drill-down one level: every township, also those without any fact (zeros, never left out).
  expect(r.children.map((c) => c.code)).toEqual(townships.map((t) => t.code));
  expect(
    r.children.every(
      (c) => c.parentCode === '370303' && c.depth === 1 && c.path === `370300/370303/${c.code}`,
    ),
  ).toBe(true);
  expect(r.subtree.map((c) => c.code)).toEqual(['370303', ...townships.map((t) => t.code)]);
  await expectEqualsAggregate('finance.zhangdian', '370303', [r.region, ...r.children], [2023, 2024, 2025]);
  // The subtree's rows are the same rows.
  expect(r.subtree).toEqual([r.region, ...r.children]);
  // The submitted regional results are in, the moment they were committed (DOMAIN §11 "always current").
  const a = r.children.find((c) => c.code === REGION.A)!;
  expect(a.figures.money).toMatchObject({
    budgeted: '6000000.00',
    inPlace: '6000000.00',
    spent: '5700000.00',
  });
});

test('DOMAIN §16: the city’s whole tree as flat rows (path, level, parent), each equal to the aggregate at its level', async () => {
  const r = await report('finance.zibo', '370300');
  const regions = await app.sql<{ code: string; level: string }>(
    `SELECT r.code, r.level FROM region r JOIN tenant t ON t.id = r.tenant_id WHERE t.code = '370300' ORDER BY r.code`,
  );
  expect(r.subtree.map((s) => s.code).sort()).toEqual(regions.map((x) => x.code).sort());
  expect(r.subtree[0]).toMatchObject({
    code: '370300',
    level: 'CITY',
    parentCode: null,
    depth: 0,
    path: '370300',
  });
  const byCode = new Map(r.subtree.map((s) => [s.code, s]));
  for (const s of r.subtree.slice(1)) {
    // Each parent comes before its children; the path is the parent's path and the code.
    const parent = byCode.get(s.parentCode!)!;
    expect(r.subtree.indexOf(parent)).toBeLessThan(r.subtree.indexOf(s));
    expect(s.path).toBe(`${parent.path}/${s.code}`);
    expect(s.depth).toBe(parent.depth + 1);
  }
  expect(r.children.every((c) => c.level === 'DISTRICT')).toBe(true);
  await expectEqualsAggregate('finance.zibo', '370300', r.subtree, [2024, 2025]);
});

test('DOMAIN §11: the children’s figures equal the roll-up of the overall goal (money, scores, grades)', async () => {
  const res = await app.gql<{
    goal: {
      rollUp: {
        money: Record<string, string>;
        gradeDistribution: Record<string, number>;
        children: { goal: { region: { code: string } }; total: string; grade: string }[];
      };
    };
  }>(
    `query($id: ID!) { goal(id: $id) { rollUp { money { budgeted inPlace spent } gradeDistribution { excellent good fair poor }
        children { goal { region { code } } total grade } } } }`,
    { id: gid('PerformanceGoal', overall) },
    { as: 'finance.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  const rollUp = res.data!.goal.rollUp;
  const r = await report('finance.zhangdian', REGION.district);
  const children = [REGION.A, REGION.B].map((code) => r.children.find((c) => c.code === code)!);
  const sum = (k: 'budgeted' | 'inPlace' | 'spent') =>
    children.reduce((s, c) => s + BigInt(c.figures.money[k].replace('.', '')), 0n);
  // Money adds up (DOMAIN §11): 1000万 / 980万 / 950万 over A and B.
  for (const k of ['budgeted', 'inPlace', 'spent'] as const) {
    expect(sum(k)).toBe(BigInt(rollUp.money[k].replace('.', '')));
  }
  for (const child of rollUp.children) {
    const row = r.children.find((c) => c.code === child.goal.region.code)!;
    expect(row.figures.evaluation.meanScore).toBe(child.total);
    expect(row.figures.evaluation.gradeDistribution[child.grade.toLowerCase() as 'excellent']).toBe(1);
  }
  const grades = (g: 'excellent' | 'good' | 'fair' | 'poor') =>
    children.reduce((s, c) => s + c.figures.evaluation.gradeDistribution[g], 0);
  expect({
    excellent: grades('excellent'),
    good: grades('good'),
    fair: grades('fair'),
    poor: grades('poor'),
  }).toEqual(rollUp.gradeDistribution);
  // Ranked by score: B 98.40 first, A 96.08 second; townships without a score are listed unranked.
  expect(r.byScore.entries.slice(0, 2).map((e) => [e.code, e.rank, e.value, e.tied])).toEqual([
    [REGION.B, 1, '98.40', false],
    [REGION.A, 2, '96.08', false],
  ]);
  expect(r.byScore.rankedCount).toBe(2);
  expect(r.byScore.entries.slice(2).every((e) => e.rank === null && e.value === null)).toBe(true);
});

test('DOMAIN §16 year-over-year: the change is this year minus the earlier year, exact; 本级 is the node minus its children', async () => {
  // Arranged as the owner: B's regional goal (with its submitted result) is moved to 2024, past the
  // workflow guard (a goal's year never changes through the API); the reporting facts follow by trigger.
  await app.sql('ALTER TABLE performance_goal DISABLE TRIGGER trg_performance_goal_before_write');
  await app.sql(
    `UPDATE performance_goal SET year = 2024 WHERE id = (SELECT g.id FROM evaluation e JOIN performance_goal g ON g.id = e.goal_id
       JOIN region r ON r.id = g.region_id WHERE r.code = $1 AND e.kind = 'SELF' AND g.scope = 'TRANSFER_REGIONAL')`,
    [REGION.B],
  );
  await app.sql('ALTER TABLE performance_goal ENABLE TRIGGER trg_performance_goal_before_write');
  const r = await report('finance.zhangdian', REGION.district);
  const [y2024, y2025] = r.region.years;
  expect([y2024.year, y2025.year]).toEqual([2024, 2025]);
  const change = r.region.changes[0];
  expect([change.fromYear, change.toYear]).toEqual([2024, 2025]);
  const cents = (s: string) => BigInt(s.replace('.', ''));
  for (const k of ['budgeted', 'inPlace', 'spent'] as const) {
    expect(cents(change.change.money[k])).toBe(cents(y2025.figures.money[k]) - cents(y2024.figures.money[k]));
  }
  expect(change.change.goals.goalCount).toBe(y2025.figures.goals.goalCount - y2024.figures.goals.goalCount);
  expect(y2024.figures.money.budgeted).toBe('4000000.00');
  const b = r.children.find((c) => c.code === REGION.B)!;
  expect(b.years[0].figures.evaluation.meanScore).toBe('98.40');
  expect(b.figures.evaluation.meanScore).toBeNull();
  // A score missing in one year: no change (null), never a difference against 0 (DOMAIN §11).
  expect(b.changes[0].change.evaluation.meanScore).toBeNull();
  // 本级: the district's own items = the district's money minus its townships'.
  const own = r.ownLevel!;
  for (const k of ['budgeted', 'inPlace', 'spent'] as const) {
    const children = r.children.reduce((s, c) => s + cents(c.figures.money[k]), 0n);
    expect(cents(own.money[k])).toBe(cents(r.region.figures.money[k]) - children);
  }
  expect(own.goals.goalCount + r.children.reduce((s, c) => s + c.figures.goals.goalCount, 0)).toBe(
    r.region.figures.goals.goalCount,
  );
  // A township has no child regions: no 本级 split, no children, a one-row subtree.
  const township = await report('finance.chezhan', REGION.A);
  expect(township.ownLevel).toBeNull();
  expect(township.children).toEqual([]);
  expect(township.subtree.map((s) => s.code)).toEqual([REGION.A]);
  expect(township.byScore).toMatchObject({ rankedCount: 0, entries: [] });
});
