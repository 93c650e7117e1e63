/**
 * Issue 8 item 9 "Input hygiene", focused: what is stored after NFC normalisation and trimming, where
 * newlines are allowed (long texts) and where not (names), control characters, bidi overrides and lone
 * surrogates refused with a clear bilingual message at the field path — through variables and through
 * inline literals alike — and passwords left exactly as typed. Outcomes are read from the database.
 */
import { verifyPassword } from '../../src/auth/password';
import { TestApp } from '../harness/app';
import { ROAD_INDICATORS, projectGoal } from '../harness/goal-fixtures';
import { organizationGid } from '../harness/ids';
import { mutations } from '../harness/mutations';

let app: TestApp;
const org = mutations<{ id: string; name: string }>(() => app, 'organization');
const goal = mutations<{ id: string; rowVersion: number }>(() => app, 'goal');

const UPDATE_ORGANIZATION = `mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id name } userErrors { code field message messageEn } } }`;
const UPDATE_GOAL = `mutation($input: UpdateGoalInput!) {
  updateGoal(input: $input) { goal { id rowVersion } userErrors { code field message messageEn } } }`;

const UNIT = '车站街道市政道路养护站';
let unitId: string;

beforeAll(async () => {
  app = await TestApp.start();
  unitId = await organizationGid(app, UNIT);
});
afterAll(async () => {
  await app.stop();
});

const versionOf = async (table: string, gid: string, column = 'version'): Promise<number> => {
  const id = Buffer.from(gid, 'base64url').toString('utf8').split(':')[1];
  const [row] = await app.sql<{ v: number }>(`SELECT ${column} AS v FROM ${table} WHERE id = $1`, [id]);
  return row.v;
};

// Issue 8 item 9: "normalise to NFC; trim".
test('a name is stored NFC-normalised and trimmed', async () => {
  const decomposed = '  车站街道市政道路养护站（Cafe\u0301）\u3000 ';
  const saved = await org.ok(
    UPDATE_ORGANIZATION,
    { id: unitId, expectedVersion: await versionOf('organization', unitId), name: decomposed },
    'admin.zhangdian',
  );
  const [row] = await app.sql<{ name: string }>('SELECT name FROM organization WHERE id = $1', [
    Buffer.from(saved.id, 'base64url').toString('utf8').split(':')[1],
  ]);
  expect(row.name).toBe('车站街道市政道路养护站（Caf\u00e9）');
  expect(saved.name).toBe(row.name);
});

// Issue 8 item 9: C0/C1 controls, bidi overrides (U+202A–202E, U+2066–2069), lone surrogates refused.
test.each([
  ['NUL', 'a\u0000b', 'U+0000'],
  ['C1 control', 'a\u0085b', 'U+0085'],
  ['DEL', 'a\u007fb', 'U+007F'],
  ['bidi override', '养护站\u202Egnp.exe', 'U+202E'],
  ['bidi isolate', '养护站\u2066x\u2069', 'U+2066'],
  ['lone surrogate (JSON \\ud800)', 'a\uD800b', 'U+D800'],
  ['line break in a name', '养护站\n第二行', 'U+000A'],
])('a name with a %s is refused at input.name, nothing written', async (_label, name, codePoint) => {
  const [error] = await org.refused(
    UPDATE_ORGANIZATION,
    { id: unitId, expectedVersion: await versionOf('organization', unitId), name },
    'admin.zhangdian',
  );
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'name'] });
  expect(error.message).toContain(codePoint);
  expect(error.messageEn).toContain(codePoint);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
});

// Issue 8 item 9: "reject C0/C1 control characters (except newline and tab in long texts)".
test('newline and tab are kept in a long text and refused in a goal name', async () => {
  const draft = await projectGoal(app, {
    name: '卫生文本测试',
    unitId,
    indicators: ROAD_INDICATORS,
    until: 'DRAFT',
  });
  const objective = '第一段：完成道路养护。\r\n第二段：\t保障通行安全。';
  const base = { id: draft.id, name: '卫生文本测试绩效目标', indicators: ROAD_INDICATORS };
  const updated = await goal.ok(
    UPDATE_GOAL,
    { ...base, expectedVersion: draft.rowVersion, annualObjective: objective },
    'unit.chezhan',
  );
  const uuid = Buffer.from(updated.id, 'base64url').toString('utf8').split(':')[1];
  const [row] = await app.sql<{ o: string }>(
    'SELECT annual_objective AS o FROM performance_goal WHERE id = $1',
    [uuid],
  );
  expect(row.o).toBe('第一段：完成道路养护。\n第二段：\t保障通行安全。');

  const [error] = await goal.refused(
    UPDATE_GOAL,
    { ...base, expectedVersion: updated.rowVersion, name: '卫生文本\n测试绩效目标' },
    'unit.chezhan',
  );
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'name'] });
  const [nested] = await goal.refused(
    UPDATE_GOAL,
    {
      ...base,
      expectedVersion: updated.rowVersion,
      indicators: ROAD_INDICATORS.map((i, k) => (k === 2 ? { ...i, name: `${i.name}\u202E` } : i)),
    },
    'unit.chezhan',
  );
  expect(nested).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'indicators', '2', 'name'] });
});

// Issue 8 item 9 with item 8: inline literals are arguments too; a malformed literal is a parse error.
test('inline literals are checked like variables; an inline lone surrogate is a parse error', async () => {
  const version = await versionOf('organization', unitId);
  const before = await app.tableDigests();
  const inline = await app.gql<{ updateOrganization: { userErrors: { code: string; field: string[] }[] } }>(
    `mutation { updateOrganization(input: { id: "${unitId}", expectedVersion: ${version}, name: "a\\u0000b" }) {
      organization { id } userErrors { code field } } }`,
    {},
    { as: 'admin.zhangdian' },
  );
  expect(inline.errors).toBeUndefined();
  expect(inline.data?.updateOrganization.userErrors).toEqual([
    { code: 'BAD_USER_INPUT', field: ['input', 'name'] },
  ]);
  const surrogate = await app.gql(
    `mutation { updateOrganization(input: { id: "${unitId}", expectedVersion: ${version}, name: "a\\ud800b" }) {
      organization { id } } }`,
    {},
    { as: 'admin.zhangdian' },
  );
  expect(surrogate.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  expect(await app.tableDigests()).toEqual(before);
});

// Issue 8 item 9: "Passwords must NOT be trimmed/normalised" — the password is what was typed, while
// the display name next to it is trimmed.
test('a password keeps its spaces and its decomposed characters; the display name is trimmed', async () => {
  const password = ' Cafe\u0301 2025x ';
  const created = await app.gql<{ createUser: { user: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } userErrors { code field } } }`,
    {
      input: { login: 'hygiene.user', displayName: ' 卫生测试 ', organizationId: unitId, password },
    },
    { as: 'admin.zhangdian' },
  );
  const id = created.data?.createUser.user?.id;
  expect(created.data?.createUser.userErrors).toEqual([]);
  const [row] = await app.sql<{ login: string; display_name: string; password_hash: string }>(
    'SELECT login, display_name, password_hash FROM app_user WHERE id = $1',
    [Buffer.from(id!, 'base64url').toString('utf8').split(':')[1]],
  );
  expect(row).toMatchObject({ login: 'hygiene.user', display_name: '卫生测试' });
  expect(await verifyPassword(row.password_hash, password)).toBe(true);
  expect(await verifyPassword(row.password_hash, password.trim().normalize('NFC'))).toBe(false);
});
