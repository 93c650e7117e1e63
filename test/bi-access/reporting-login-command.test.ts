/**
 * Issue 14, the command `npm run reporting:login` (DOMAIN §16): with the owner connection it issues a
 * read-only login for a tenant (by its city's code) or a region subtree, prints it with its password
 * once, lists and revokes; bad arguments print the usage and write nothing.
 */
import { randomBytes } from 'node:crypto';
import { reportingLoginCommand } from '../../src/bi-access/reporting-login.command';
import { useTestDatabase } from '../harness/database';
import { asLogin, dropTestReportingLogins, urlAs } from './reporting-login.fixture';

// roles are cluster-wide: never leave one behind
const { db, owner } = useTestDatabase({ beforeStop: dropTestReportingLogins });

const field = (lines: string[], name: string) =>
  lines.map((l) => new RegExp(`^\\s+${name}\\s+(\\S+)$`).exec(l)?.[1]).find(Boolean) ?? '';

test('issue for a district, connect with what it printed, list it, revoke it', async () => {
  const name = `cmd${randomBytes(4).toString('hex')}`;
  const out = await reportingLoginCommand(
    ['--tenant', '370300', '--region', '370302', '--name', name],
    db.ownerUrl,
  );
  expect(out.ok).toBe(true);
  expect(field(out.lines, 'user')).toBe(`bi_${name}`);
  expect(field(out.lines, 'database')).toBe(db.name);
  expect(field(out.lines, 'schema')).toBe('reporting');
  const password = field(out.lines, 'password');
  expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
  const districts = await asLogin(
    { url: urlAs(db.ownerUrl, `bi_${name}`, password) },
    async (c) => (await c.query('SELECT DISTINCT district_code FROM reporting.regions')).rows,
  );
  expect(districts).toEqual([{ district_code: '370302' }]);
  const [row] = (
    await owner.query(
      'SELECT created_by_user_id, region_path IS NOT NULL AS confined FROM reporting_login WHERE role_name = $1',
      [`bi_${name}`],
    )
  ).rows;
  expect(row).toEqual({ created_by_user_id: null, confined: true }); // null: issued from the command line

  const listed = await reportingLoginCommand(['--tenant', '370300', '--list'], db.ownerUrl);
  expect(listed.lines.some((l) => l.startsWith(`bi_${name}  region 370302`) && l.endsWith('active'))).toBe(
    true,
  );
  expect((await reportingLoginCommand(['--tenant', '371100', '--list'], db.ownerUrl)).lines).toEqual([
    'no reporting logins',
  ]);

  const revoked = await reportingLoginCommand(['--tenant', '370300', '--revoke', `bi_${name}`], db.ownerUrl);
  expect(revoked.ok).toBe(true);
  expect((await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [`bi_${name}`])).rowCount).toBe(0);
  expect(
    (await reportingLoginCommand(['--tenant', '370300', '--revoke', `bi_${name}`], db.ownerUrl)).ok,
  ).toBe(false);
});

test('the whole tenant by default, named bi_tenant_<random>', async () => {
  const out = await reportingLoginCommand(['--tenant', '371100'], db.ownerUrl);
  expect(out.ok).toBe(true);
  expect(field(out.lines, 'user')).toMatch(/^bi_tenant_[a-z0-9]{6}$/);
  const [row] = (
    await owner.query('SELECT region_path FROM reporting_login WHERE role_name = $1', [
      field(out.lines, 'user'),
    ])
  ).rows;
  expect(row).toEqual({ region_path: null });
});

test.each([
  [[], /--tenant is required/],
  [['--tenant', '999999'], /no tenant/],
  [['--tenant', '370300', '--region', '371102'], /no region 371102 in this tenant/], // 东港区 is 日照's
  [['--tenant', '370300', '--name', 'Bad-Name'], /lower-case/],
  [['--tenant', '370300', '--connections', '500'], /connection limit/],
  [['--tenant', '370300', '--bogus'], /Unknown option/],
])('%j is refused with the usage and writes nothing', async (argv, message) => {
  const before = (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM reporting_login')).rows[0]
    .n;
  const out = await reportingLoginCommand(argv as string[], db.ownerUrl);
  expect(out.ok).toBe(false);
  expect(out.lines[0]).toMatch(message);
  expect(out.lines[1]).toMatch(/^usage:/);
  expect((await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM reporting_login')).rows[0].n).toBe(
    before,
  );
});
