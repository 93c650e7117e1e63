/**
 * GET /reports/aggregate.csv (DOMAIN §16; issue 14): the same rows as GraphQL `aggregate`, with the bearer
 * token and the same jurisdiction (P6), UTF-8 with BOM and snake_case columns; refusals before the first
 * byte are JSON problems with stable codes (400 for unknown dimensions or measures).
 */
import { TestApp } from '../harness/app';
import { aggregate, ALL_MEASURES, fetchCsv, parseCsv, snake, type AggregateArgs } from './aggregate-fixtures';

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const WIDE: AggregateArgs = {
  d: [
    'REGION',
    'YEAR',
    'FUND',
    'DEPARTMENT',
    'SECTOR',
    'BUDGET_BOOK',
    'GOAL_SCOPE',
    'INDICATOR_CATEGORY',
    'GRADE',
  ],
  m: ALL_MEASURES,
  l: 'TOWNSHIP',
  f: { within: '370300', yearFrom: 2021, yearTo: 2030 },
};

test('DOMAIN §16: every dimension × measure — the CSV holds exactly the GraphQL rows, UTF-8 with BOM', async () => {
  const { rows, errors } = await aggregate(app, 'finance.zibo', WIDE);
  expect(errors).toBeUndefined();
  expect(rows!.length).toBeGreaterThan(5);
  const csv = await fetchCsv(app, 'finance.zibo', WIDE);
  expect(csv.status).toBe(200);
  expect(csv.type).toBe('text/csv; charset=utf-8');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.subarray(3).toString('utf8');
  expect(text.split('\n')[0]).toBe(
    'city_code,city_name,district_code,district_name,township_code,township_name,region_code,region_name,region_level,year,fund_id,fund_name,department_id,department_name,sector,budget_book,goal_scope,indicator_category,grade,goal_count,indicator_count,budgeted,in_place,spent,in_place_rate,execution_rate,monitored_count,flagged_count,self_evaluated_count,evaluated_count,mean_score,fund_weighted_score,coverage_goal,coverage_monitoring,coverage_self_evaluation,coverage_evaluation',
  );
  const records = parseCsv(text);
  expect(records).toEqual(
    rows!.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v === null ? '' : String(v)])),
    ),
  );
  expect(records.some((r) => r.township_name === '车站街道')).toBe(true);
});

test('P6: the same jurisdiction — a township’s CSV holds its own rows; a district reads as missing (404)', async () => {
  const args: AggregateArgs = { d: ['REGION'], m: ['GOAL_COUNT', 'BUDGETED'], l: 'TOWNSHIP' };
  const own = await fetchCsv(app, 'finance.chezhan', args);
  expect(own.status).toBe(200);
  expect(parseCsv(own.bytes.subarray(3).toString('utf8')).map((r) => r.region_code)).toEqual(['370303001']);
  const outside = await fetchCsv(app, 'finance.chezhan', { ...args, f: { within: '370303' } });
  expect(outside.status).toBe(404);
  expect(JSON.parse(outside.bytes.toString('utf8'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
});

test('refusals are JSON problems with a stable code and reason, before any CSV byte', async () => {
  const cases: [string | null, AggregateArgs, number, string, string | undefined][] = [
    ['finance.zibo', { d: ['COLOUR'], m: ['BUDGETED'] }, 400, 'BAD_USER_INPUT', 'UNKNOWN_DIMENSION'],
    ['finance.zibo', { d: ['YEAR'], m: ['PROFIT'] }, 400, 'BAD_USER_INPUT', 'UNKNOWN_MEASURE'],
    ['finance.zibo', { d: ['REGION'], m: ['BUDGETED'] }, 400, 'BAD_USER_INPUT', 'REGION_LEVEL_REQUIRED'],
    [
      'finance.zibo',
      { d: [], m: ['BUDGETED'], f: { yearFrom: 2010, yearTo: 2025 } },
      400,
      'BAD_USER_INPUT',
      'YEAR_RANGE_TOO_LONG',
    ],
    [
      'finance.zibo',
      { d: [], m: ['BUDGETED'], f: { grades: ['SUPERB'] } },
      400,
      'BAD_USER_INPUT',
      'UNKNOWN_VALUE',
    ],
    [
      'finance.chezhan',
      { d: ['REGION'], m: ['BUDGETED'], l: 'CITY' },
      403,
      'FORBIDDEN',
      'LEVEL_ABOVE_JURISDICTION',
    ],
    ['thirdparty.zibo', { d: [], m: ['BUDGETED'] }, 403, 'FORBIDDEN', undefined],
    [null, { d: [], m: ['BUDGETED'] }, 401, 'UNAUTHENTICATED', undefined],
  ];
  for (const [as, args, status, code, reason] of cases) {
    const res = await fetchCsv(app, as, args);
    expect(res.type).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(res.bytes.toString('utf8')) as Record<string, unknown>;
    expect({ status: res.status, code: body.code, reason: body.reason }).toEqual({ status, code, reason });
    expect(typeof body.messageZh).toBe('string');
  }
});
