/**
 * Who may read which cross-level report (P6; DOMAIN §11 "Who sees what", §16), both ways: every body
 * with a subtree reads any region of it; a township never reads its parent (whose total minus its own
 * gives a sibling's figures) nor a sibling, and such a region reads exactly like a missing one
 * (NOT_FOUND); a unit reads its own region with its own goals only; a third party nothing; a caller
 * without a token is UNAUTHENTICATED.
 */
import { TestApp } from '../../harness/app';
import { leaves, REGION } from '../../rollup/fixtures';
import { aggregateOf, expectedFigures, regionReport } from './report-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

async function refusedAs(as: string | null, code: string) {
  const res = as
    ? await regionReport(app, as, code)
    : await app.gql(`{ regionReport(regionCode: "${code}", year: 2025) { year } }`);
  expect(res.data?.regionReport ?? null).toBeNull();
  return res.errors![0].extensions!;
}

test('P6 allowed: finance, departments and audit read every region of their subtree', async () => {
  const allowed: [string, string][] = [
    ['finance.zibo', '370300'],
    ['finance.zibo', REGION.A],
    ['audit.zibo', REGION.district],
    ['finance.zhangdian', REGION.district],
    ['transport.zhangdian', REGION.B],
    ['audit.zhangdian', REGION.A],
    ['finance.chezhan', REGION.A],
    ['transport.chezhan', REGION.A],
    ['finance.zichuan', '370302'],
  ];
  for (const [as, code] of allowed) {
    const res = await regionReport(app, as, code);
    expect([as, res.errors]).toEqual([as, undefined]);
    expect(res.data!.regionReport!.region.code).toBe(code);
  }
});

test('P6 refused: a parent, a sibling, another district or city reads exactly like a missing region', async () => {
  const missing = await refusedAs('finance.chezhan', '999999999');
  expect(missing.code).toBe('NOT_FOUND');
  const outside: [string, string][] = [
    ['finance.chezhan', REGION.district], // the parent: its total minus A's would give B's figures
    ['finance.chezhan', '370300'],
    ['finance.chezhan', REGION.B], // a sibling
    ['transport.chezhan', REGION.B],
    ['finance.gongyuan', REGION.A],
    ['finance.zhangdian', '370300'],
    ['finance.zhangdian', '370302'],
    ['audit.zhangdian', '370302001'],
    ['finance.zibo', '371100'], // another tenant's city
    ['finance.rizhao', '370300'],
  ];
  for (const [as, code] of outside) {
    expect([as, code, await refusedAs(as, code)]).toEqual([as, code, missing]);
  }
});

test('P6: a township’s answer holds nothing of its parent or sibling — no figure from which B follows', async () => {
  const mine = (await regionReport(app, 'finance.chezhan', REGION.A)).data!.regionReport!;
  const district = (await regionReport(app, 'finance.zhangdian', REGION.district)).data!.regionReport!;
  expect(mine.subtree.map((r) => r.code)).toEqual([REGION.A]);
  expect(mine.children).toEqual([]);
  expect(mine.ownLevel).toBeNull();
  // Its own figures are the same as the district sees for A; the district's and B's rows appear nowhere.
  expect(mine.region).toEqual({ ...district.children.find((c) => c.code === REGION.A), depth: 0 });
  // Neither the district's row (its path), nor B's code, nor any row but A's appears anywhere in it.
  const text = leaves(mine);
  expect(text).not.toContain(REGION.B);
  expect(text).not.toContain(district.region.path);
  // Division codes in the answer: A's own, and its parent's code as A's parentCode — never a figure.
  expect(new Set(text.filter((t) => /^\d{6,9}$/.test(t)))).toEqual(new Set([REGION.A, REGION.district]));
});

test('P6: a unit reads its own region only, with its own goals only (as the aggregate counts them)', async () => {
  const res = await regionReport(app, 'unit.chezhan', REGION.A);
  expect(res.errors).toBeUndefined();
  const r = res.data!.regionReport!;
  const agg = await aggregateOf(app, 'unit.chezhan', {
    within: REGION.A,
    level: 'TOWNSHIP',
    yearFrom: 2024,
    yearTo: 2025,
  });
  expect(r.region.figures).toEqual(expectedFigures(agg, REGION.A, 2025));
  const [{ own, all }] = await app.sql<{ own: number; all: number }>(
    `SELECT count(*) FILTER (WHERE f.drafter_organization_id = u.organization_id OR f.implementing_unit_id = u.organization_id)::int AS own,
            count(*)::int AS all
       FROM reporting_goal_fact f JOIN region r ON r.id = f.region_id AND r.tenant_id = f.tenant_id
       JOIN app_user u ON u.tenant_id = f.tenant_id AND u.login = 'unit.chezhan'
      WHERE r.code = $1 AND f.year = 2025 AND f.in_force`,
    [REGION.A],
  );
  expect(r.region.figures.goals.goalCount).toBe(own);
  expect(own).toBeLessThan(all);
  for (const code of [REGION.district, REGION.B, '370300']) {
    expect((await refusedAs('unit.chezhan', code)).code).toBe('NOT_FOUND');
  }
  // A unit at the district sees the district's own goals only, not the townships below it.
  const district = (await regionReport(app, 'unit.zhangdian', REGION.district)).data!.regionReport!;
  expect(district.children).toEqual([]);
  expect((await refusedAs('unit.zhangdian', REGION.A)).code).toBe('NOT_FOUND');
});

test('P6: a third party and an anonymous caller are refused before anything is read', async () => {
  expect(await refusedAs('thirdparty.zibo', '370300')).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' });
  expect((await refusedAs(null, '370300')).code).toBe('UNAUTHENTICATED');
});

test('bad input: previousYears outside 0–9 (the aggregate’s 10-year limit) is BAD_USER_INPUT on the argument', async () => {
  for (const previousYears of [-1, 10]) {
    const res = await regionReport(app, 'finance.zibo', '370300', 2025, previousYears);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['previousYears'] });
  }
  const nine = await regionReport(app, 'finance.zibo', '370300', 2025, 9);
  expect(nine.errors).toBeUndefined();
  expect(nine.data!.regionReport!.years).toHaveLength(10);
});
