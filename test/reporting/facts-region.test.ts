/**
 * Facts and region changes (issue 14; DOMAIN §3): a fact row stores its region's id, ids of ancestors and
 * id path, never codes or names. Regions never move or change level (ck_region_immovable), so the stored
 * ids stay right; a renamed code or name shows in the aggregate at once, because codes and names are
 * joined when read.
 */
import { TestApp } from '../harness/app';
import { aggregate } from './aggregate-fixtures';

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const FACTS = `SELECT md5(string_agg(f::text, '|' ORDER BY f.goal_id)) AS h FROM reporting_goal_fact f`;

test('DOMAIN §3: a township cannot move under another district — the stored paths cannot go stale', async () => {
  const [before] = await app.sql(FACTS);
  const [{ other }] = await app.sql<{ other: string }>(
    `SELECT d.id AS other FROM region d WHERE d.level = 'DISTRICT' AND d.code <> '370303' LIMIT 1`,
  );
  await expect(
    app.sql(`UPDATE region SET parent_id = $1 WHERE code = '370303001'`, [other]),
  ).rejects.toMatchObject({ constraint: 'ck_region_immovable' });
  await expect(app.sql(`UPDATE region SET path = '/x/' WHERE code = '370303001'`)).rejects.toMatchObject({
    constraint: 'ck_region_immovable',
  });
  expect((await app.sql(FACTS))[0]).toEqual(before);
});

test('DOMAIN §16: a township renamed (code and name) shows in the aggregate at once, same figures', async () => {
  const args = { d: ['REGION'], m: ['GOAL_COUNT', 'BUDGETED'], l: 'TOWNSHIP' };
  const before = await aggregate(app, 'finance.zibo', args);
  const old = before.rows!.find((r) => r.regionCode === '370303001')!;
  expect(old.regionName).toBe('车站街道');
  await app.sql(`UPDATE region SET code = '370303099', name = '车站新街道' WHERE code = '370303001'`);
  const after = await aggregate(app, 'finance.zibo', args);
  expect(after.rows!.some((r) => r.regionCode === '370303001')).toBe(false);
  const renamed = after.rows!.find((r) => r.regionCode === '370303099')!;
  expect(renamed).toMatchObject({
    regionName: '车站新街道',
    goalCount: old.goalCount,
    budgeted: old.budgeted,
  });
});
