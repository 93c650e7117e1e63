/**
 * Jurisdiction of the BI aggregate (P6; DOMAIN §11 "Who sees what", §16): each caller's figures are
 * exactly the facts of its own reach, checked against the database; a township never sees a sibling's
 * figures — not directly, not as a district total to subtract from; a region outside the jurisdiction
 * reads as missing; a level above the caller's is refused; bad input has stable codes.
 */
import { TestApp } from '../harness/app';
import { aggregate, type AggregateArgs } from './aggregate-fixtures';

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const TOTAL: AggregateArgs = { d: [], m: ['GOAL_COUNT', 'BUDGETED', 'COVERAGE_GOAL'] };

/** The goals in force under a region code, straight from the base tables (owner). */
async function inForceUnder(code: string, extra = 'true', params: unknown[] = []): Promise<number> {
  const [{ n }] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM performance_goal g JOIN region r ON r.tenant_id = g.tenant_id AND r.code = $1
      WHERE g.tenant_id = r.tenant_id AND g.region_path LIKE r.path || '%' AND g.status IN ('ISSUED', 'FILED_FOR_RECORD') AND ${extra}`,
    [code, ...params],
  );
  return n;
}

const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  res.errors?.[0]?.extensions?.code;
const reasonOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  res.errors?.[0]?.extensions?.reason;

test('P6: each body counts exactly the goals in force of its subtree (default within = its own region)', async () => {
  for (const [as, code] of [
    ['finance.zibo', '370300'],
    ['finance.zhangdian', '370303'],
    ['transport.zhangdian', '370303'],
    ['audit.zhangdian', '370303'],
    ['finance.chezhan', '370303001'],
    ['finance.zichuan', '370302'],
  ]) {
    const { rows, errors } = await aggregate(app, as, TOTAL);
    expect(errors).toBeUndefined();
    expect({ as, goals: rows![0].goalCount }).toEqual({ as, goals: await inForceUnder(code) });
  }
});

test('P6: a unit counts only the goals it drafted or whose project it implements', async () => {
  const [{ id: org }] = await app.sql<{ id: string }>(
    `SELECT organization_id AS id FROM app_user WHERE login = 'unit.chezhan'`,
  );
  const own = await inForceUnder(
    '370300',
    `(g.drafter_organization_id = $2 OR EXISTS (SELECT 1 FROM project p WHERE p.id = g.project_id AND p.implementing_unit_id = $2))`,
    [org],
  );
  const { rows, errors } = await aggregate(app, 'unit.chezhan', TOTAL);
  expect(errors).toBeUndefined();
  expect(rows![0].goalCount).toBe(own);
  expect(own).toBeLessThan(await inForceUnder('370303001'));
});

test('DOMAIN §11 “Who sees what”: a township sees neither its sibling nor a district total to subtract from', async () => {
  for (const within of ['370303002', '370303', '370300', '370302']) {
    const res = await aggregate(app, 'finance.chezhan', { ...TOTAL, f: { within } });
    expect({ within, rows: res.rows, code: codeOf(res) }).toEqual({ within, rows: null, code: 'NOT_FOUND' });
  }
  const above = await aggregate(app, 'finance.chezhan', { d: ['REGION'], m: ['BUDGETED'], l: 'DISTRICT' });
  expect([codeOf(above), reasonOf(above)]).toEqual(['FORBIDDEN', 'LEVEL_ABOVE_JURISDICTION']);
  // Its own breakdown names only itself.
  const own = await aggregate(app, 'finance.chezhan', { d: ['REGION'], m: ['BUDGETED'], l: 'TOWNSHIP' });
  expect(own.rows!.map((r) => r.regionCode)).toEqual(['370303001']);
});

test('P6: a region of another district or tenant reads exactly like one that does not exist', async () => {
  const missing = await aggregate(app, 'finance.zhangdian', { ...TOTAL, f: { within: '999999' } });
  for (const [as, within] of [
    ['finance.zichuan', '370303'],
    ['finance.rizhao', '370303'],
    ['finance.zhangdian', '370302'],
  ]) {
    const res = await aggregate(app, as, { ...TOTAL, f: { within } });
    expect({ as, code: codeOf(res), message: res.errors?.[0]?.message }).toEqual({
      as,
      code: codeOf(missing),
      message: missing.errors?.[0]?.message,
    });
  }
  expect(codeOf(missing)).toBe('NOT_FOUND');
});

test('the city breaks down by district: rows add up to its total (goals above the level at their own region)', async () => {
  const total = (await aggregate(app, 'finance.zibo', TOTAL)).rows![0];
  const { rows } = await aggregate(app, 'finance.zibo', { ...TOTAL, d: ['REGION'], l: 'DISTRICT' });
  expect(rows!.reduce((s, r) => s + Number(r.goalCount), 0)).toBe(total.goalCount);
  const zhangdian = rows!.find((r) => r.regionCode === '370303')!;
  expect(zhangdian).toMatchObject({
    cityCode: '370300',
    cityName: '淄博市',
    districtName: '张店区',
    regionLevel: 'DISTRICT',
  });
  expect(zhangdian.goalCount).toBe(await inForceUnder('370303'));
});

test('bad input: stable codes and reasons', async () => {
  const cases: [AggregateArgs, string][] = [
    [{ d: ['REGION'], m: ['BUDGETED'] }, 'REGION_LEVEL_REQUIRED'],
    [{ d: [], m: ['BUDGETED'], f: { yearFrom: 2016, yearTo: 2026 } }, 'YEAR_RANGE_TOO_LONG'],
    [{ d: [], m: ['BUDGETED'], f: { yearFrom: 2026 } }, 'YEAR_RANGE_OPEN'],
    [{ d: [], m: ['BUDGETED'], f: { yearFrom: 2026, yearTo: 2025 } }, 'YEAR_RANGE_REVERSED'],
    [{ d: [], m: [] }, 'NO_MEASURE'],
  ];
  for (const [args, reason] of cases) {
    const res = await aggregate(app, 'finance.zhangdian', args);
    expect({ reason: reasonOf(res), code: codeOf(res) }).toEqual({ reason, code: 'BAD_USER_INPUT' });
  }
  const ten = await aggregate(app, 'finance.zhangdian', {
    d: ['YEAR'],
    m: ['BUDGETED'],
    f: { yearFrom: 2016, yearTo: 2025 },
  });
  expect(ten.errors).toBeUndefined();
  const unknown = await aggregate(app, 'finance.zhangdian', { d: ['COLOUR'], m: ['BUDGETED'] });
  expect(unknown.errors?.[0]?.message).toMatch(/COLOUR/);
});

test('P6 permission both ways: signed-in bodies may ask; a third party and an anonymous caller may not', async () => {
  for (const as of [
    'finance.zibo',
    'transport.zhangdian',
    'audit.zhangdian',
    'unit.chezhan',
    'admin.rizhao',
  ]) {
    expect({ as, errors: (await aggregate(app, as, TOTAL)).errors }).toEqual({ as, errors: undefined });
  }
  const third = await aggregate(app, 'thirdparty.zibo', TOTAL);
  expect([codeOf(third), third.errors?.[0]?.extensions?.principle]).toEqual(['FORBIDDEN', 'P6']);
  expect(codeOf(await aggregate(app, null, TOTAL))).toBe('UNAUTHENTICATED');
});
