/**
 * Issue 8 item 15, idempotency keys, through GraphQL on a real database: every create and submit
 * mutation accepts an optional `idempotencyKey`; a retry with the same key and input returns the first
 * result and writes nothing twice (also when the retries are concurrent); the same key with another input
 * is refused with CONFLICT; keys expire after IDEMPOTENCY_KEY_TTL; keys are per user.
 */
import { parseConfig } from '../../src/config/config';
import { useTestApp } from '../harness/app';
import { projectGoal, projectGoalInput } from '../harness/goal-fixtures';
import { uuidOf } from '../harness/ids';

const app = useTestApp();

interface Payload {
  fund?: { id: string; name: string } | null;
  goal?: { id: string; rowVersion: number; status: string } | null;
  userErrors: { code: string; field: string[]; messageEn: string }[];
}

const ERRORS = 'userErrors { code field messageEn }';
const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id name } ${ERRORS} } }`;
const SUBMIT_GOAL = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { goal { id rowVersion status } ${ERRORS} } }`;

const fundInput = (name: string, key?: string, overrides: Record<string, unknown> = {}) => ({
  name,
  year: 2025,
  budgetBook: 'GENERAL_PUBLIC',
  category: 'SPECIAL_TRANSFER',
  allocationMethod: 'FACTOR',
  amounts: { upperLevel: '0.00', ownLevel: '10000000.00', lowerLevel: '0.00' },
  ...(key === undefined ? {} : { idempotencyKey: key }),
  ...overrides,
});

async function createFund(input: Record<string, unknown>, as = 'transport.zhangdian'): Promise<Payload> {
  const res = await app.gql<{ createFund: Payload }>(CREATE_FUND, { input }, { as });
  if (!res.data) throw new Error(JSON.stringify(res));
  return res.data.createFund;
}

const fundsNamed = async (name: string) =>
  (await app.sql<{ id: string }>('SELECT id FROM fund WHERE name = $1', [name])).map((r) => r.id);
const keysNamed = async (key: string) =>
  app.sql<{ operation: string; login: string; ttl: number; response: unknown }>(
    `SELECT k.operation, u.login, extract(epoch FROM k.expires_at - k.created_at)::int AS ttl, k.response
       FROM idempotency_key k JOIN app_user u ON u.tenant_id = k.tenant_id AND u.id = k.user_id
      WHERE k.key = $1 ORDER BY u.login`,
    [key],
  );

// Issue 8 item 15: "a retry with the same key and input returns the first result and writes nothing twice".
test('a retry with the same key and input answers the same fund and writes nothing', async () => {
  const first = await createFund(fundInput('幂等测试资金A', 'retry-a'));
  expect(first.userErrors).toEqual([]);
  const before = await app.tableDigests();
  const again = await createFund(fundInput('幂等测试资金A', 'retry-a'));
  expect(again).toEqual(first);
  expect(await app.tableDigests()).toEqual(before);
  expect(await fundsNamed('幂等测试资金A')).toEqual([uuidOf(first.fund!.id)]);
  const keys = await keysNamed('retry-a');
  // Remembered for IDEMPOTENCY_KEY_TTL (24h by default), with a reference to the fund it created.
  expect(keys).toMatchObject([{ operation: 'createFund', login: 'transport.zhangdian', ttl: 24 * 3600 }]);
  expect(JSON.stringify(keys[0].response)).toContain(uuidOf(first.fund!.id));
});

// Issue 8 item 15: "Test with concurrent retries".
test('five concurrent identical requests create one fund and all answer it', async () => {
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => createFund(fundInput('幂等测试资金B', 'concurrent-b'))),
  );
  expect(answers[0].userErrors).toEqual([]);
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  expect(await fundsNamed('幂等测试资金B')).toEqual([uuidOf(answers[0].fund!.id)]);
  const audits = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`,
    [uuidOf(answers[0].fund!.id)],
  );
  expect(audits[0].n).toBe(1);
});

// Issue 8 item 15: "the same key with a different input is refused (CONFLICT)".
test('the same key with another input is refused with CONFLICT and nothing is written', async () => {
  const first = await createFund(fundInput('幂等测试资金C', 'conflict-c'));
  expect(first.userErrors).toEqual([]);
  const before = await app.tableDigests();
  const other = await createFund(fundInput('幂等测试资金C2', 'conflict-c'));
  expect(other.fund).toBeNull();
  expect(other.userErrors).toEqual([
    expect.objectContaining({ code: 'CONFLICT', field: ['input', 'idempotencyKey'] }),
  ]);
  expect(await app.tableDigests()).toEqual(before);
  expect(await fundsNamed('幂等测试资金C2')).toEqual([]);
});

// Issue 8 item 15: "keys expire after a configurable time".
test('an expired key is treated as new', async () => {
  const first = await createFund(fundInput('幂等测试资金D', 'expire-d'));
  await app.sql(
    `UPDATE idempotency_key SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE key = 'expire-d'`,
  );
  const later = await createFund(fundInput('幂等测试资金D', 'expire-d'));
  expect(later.userErrors).toEqual([]);
  expect(later.fund!.id).not.toBe(first.fund!.id);
  expect((await fundsNamed('幂等测试资金D')).sort()).toEqual(
    [uuidOf(first.fund!.id), uuidOf(later.fund!.id)].sort(),
  );
  expect(await keysNamed('expire-d')).toHaveLength(1); // the expired one was purged
});

test('IDEMPOTENCY_KEY_TTL is a duration, 24h by default', () => {
  expect(parseConfig({}).IDEMPOTENCY_KEY_TTL).toBe('24h');
  expect(parseConfig({ IDEMPOTENCY_KEY_TTL: '30m' }).IDEMPOTENCY_KEY_TTL).toBe('30m');
  expect(() => parseConfig({ IDEMPOTENCY_KEY_TTL: 'soon' })).toThrow(/IDEMPOTENCY_KEY_TTL/);
});

test('keys are per user: another user’s same key is independent', async () => {
  const mine = await createFund(fundInput('幂等测试资金E', 'per-user-e'));
  const theirs = await createFund(fundInput('幂等测试资金E', 'per-user-e'), 'agri.zhangdian');
  expect(theirs.userErrors).toEqual([]);
  expect(theirs.fund!.id).not.toBe(mine.fund!.id);
  expect((await keysNamed('per-user-e')).map((k) => k.login)).toEqual([
    'agri.zhangdian',
    'transport.zhangdian',
  ]);
});

// A refused attempt keeps no key, so the corrected request under the same key goes through.
test('a refused first attempt is not remembered; the corrected retry succeeds', async () => {
  const refused = await createFund(fundInput('幂等测试资金F', 'refused-f', { year: 1900 }));
  expect(refused.fund).toBeNull();
  expect(refused.userErrors.length).toBeGreaterThan(0);
  expect(await keysNamed('refused-f')).toEqual([]);
  const corrected = await createFund(fundInput('幂等测试资金F', 'refused-f'));
  expect(corrected.userErrors).toEqual([]);
  expect(await fundsNamed('幂等测试资金F')).toEqual([uuidOf(corrected.fund!.id)]);
});

test('a malformed key is refused as BAD_USER_INPUT and nothing is written', async () => {
  const before = await app.tableDigests();
  for (const key of ['', 'x'.repeat(129), 'has space', '钥匙']) {
    const res = await createFund(fundInput('幂等测试资金G', key));
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'idempotencyKey'] }),
    ]);
  }
  expect(await app.tableDigests()).toEqual(before);
});

// A submit: the retry answers the submitted goal instead of a WORKFLOW_VIOLATION/stale-version refusal,
// and records no second transition (DOMAIN §7, one SUBMIT).
test('a retried submitGoal answers the submitted goal and records one transition', async () => {
  const draft = await projectGoal(app, { name: '幂等提交测试', until: 'DRAFT' });
  const input = { id: draft.id, expectedVersion: draft.rowVersion, idempotencyKey: 'submit-h' };
  const answers = await Promise.all(
    [0, 1, 2].map(() => app.gql<{ submitGoal: Payload }>(SUBMIT_GOAL, { input }, { as: 'unit.chezhan' })),
  );
  const first = answers[0].data!.submitGoal;
  expect(first.userErrors).toEqual([]);
  expect(first.goal!.status).toBe('SUBMITTED');
  for (const a of answers) expect(a.data!.submitGoal).toEqual(first);
  const transitions = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM goal_transition WHERE goal_id = $1 AND action = 'SUBMIT'`,
    [uuidOf(draft.id)],
  );
  expect(transitions[0].n).toBe(1);
});

test('a retried createGoal answers the same goal with the same indicators and writes nothing', async () => {
  const draft = await projectGoal(app, { name: '幂等新建测试', until: 'DRAFT' });
  const [row] = await app.sql<{ project_id: string }>(
    'SELECT project_id FROM performance_goal WHERE id = $1',
    [uuidOf(draft.id)],
  );
  const CREATE_GOAL = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id rowVersion indicators { id name } } ${ERRORS} } }`;
  const projectId = Buffer.from(`Project:${row.project_id}`).toString('base64url');
  const input = projectGoalInput(projectId, '幂等新建测试第二版', { idempotencyKey: 'create-goal-i' });
  const first = await app.gql<{ createGoal: Payload }>(CREATE_GOAL, { input }, { as: 'unit.chezhan' });
  expect(first.data!.createGoal.userErrors).toEqual([]);
  const before = await app.tableDigests();
  const again = await app.gql<{ createGoal: Payload }>(CREATE_GOAL, { input }, { as: 'unit.chezhan' });
  expect(again.data).toEqual(first.data);
  expect(await app.tableDigests()).toEqual(before);
});

test('every create and submit mutation accepts an idempotencyKey', async () => {
  const res = await app.gql<{
    __schema: { mutationType: { fields: { name: string; args: { name: string; type: InputRef }[] }[] } };
  }>(
    `{ __schema { mutationType { fields { name args { name type { ofType { name inputFields { name } } } } } } } }`,
  );
  const fields = res.data!.__schema.mutationType.fields.filter((f) => /^(create|submit)/.test(f.name));
  expect(fields.length).toBeGreaterThanOrEqual(12);
  // A mutation whose answer carries a secret shown once (a reporting login's password) takes no key:
  // a stored idempotent answer would keep that secret in the database (DOMAIN §16, issue 14).
  const SECRET_ONCE = ['createReportingLogin'];
  const missing = fields.filter(
    (f) =>
      !SECRET_ONCE.includes(f.name) &&
      !f.args[0]?.type.ofType?.inputFields.some((i) => i.name === 'idempotencyKey'),
  );
  expect(missing.map((f) => f.name)).toEqual([]);
});

interface InputRef {
  ofType: { name: string; inputFields: { name: string }[] } | null;
}
