/**
 * Issue 18: the API's connections read `timestamptz` with the character-code reader
 * (src/db/pg-timestamps.ts), and the instants are PostgreSQL's, whatever the session time zone.
 */
import { types } from 'pg';
import { parseTimestamptz } from '../../src/db/pg-timestamps';
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

test('registered for the API’s data source', () => {
  expect(types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text')).toBe(parseTimestamptz);
});

test.each(['UTC', 'Asia/Shanghai', 'America/St_Johns', 'Asia/Kathmandu'])(
  'the same instant as PostgreSQL’s epoch, in time zone %s',
  async (zone) => {
    const runner = app.services.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SET TIME ZONE '${zone}'`);
      const rows = (await runner.query(
        `SELECT t, t::text AS text, (extract(epoch FROM date_trunc('milliseconds', t)) * 1000)::bigint::text AS ms
           FROM (VALUES ('2026-12-06 19:52:54.389123+00'::timestamptz), ('1901-12-13 20:45:52.5+00'),
                        ('2026-06-30 23:59:59.999999+08'), (now())) v(t)`,
      )) as { t: Date; text: string; ms: string }[];
      for (const row of rows) {
        expect(row.t).toBeInstanceOf(Date);
        expect(row.t.getTime()).toBe(Number(row.ms));
        expect((parseTimestamptz(row.text) as Date).getTime()).toBe(Number(row.ms));
      }
    } finally {
      await runner.query('RESET TIME ZONE');
      await runner.release();
    }
  },
);
