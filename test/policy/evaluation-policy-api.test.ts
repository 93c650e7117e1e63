/**
 * Results say which policy they used (DOMAIN §10 rule 7; issue 9 item 15): a self-evaluation is graded with
 * the tenant's bands of its year and names the version on submission; a later change of the bands never
 * rewrites it, while a new submission takes the new version.
 */
import { TestApp } from '../harness/app';
import { issuedGoal, selfEvaluate, uuidOf, YEAR } from '../spot-check/fixtures';

let app: TestApp;
const POLICY = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { id version } userErrors { code field } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Evaluation { total grade policy { version gradeExcellent } } } }`;

async function setExcellent(value: string, expectedVersion: number) {
  const res = await app.gql<{ updatePolicy: { policy: { id: string; version: number } | null } }>(
    POLICY,
    { input: { year: YEAR, expectedVersion, gradeExcellent: value } },
    { as: 'finance.zibo' },
  );
  return res.data!.updatePolicy.policy!;
}
const read = async (id: string) =>
  (
    await app.gql<{
      node: { total: string; grade: string; policy: { version: number; gradeExcellent: string } };
    }>(READ, { id }, { as: 'unit.chezhan' })
  ).data!.node;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

test('95.00 points: GOOD under 优 ≥ 96 (version 1), stored with it; a later 优 ≥ 90 (version 2) does not regrade it', async () => {
  // DOMAIN §10.7, 002 第二十五条: bands are tenant policy
  const v1 = await setExcellent('96', 0);
  const first = await selfEvaluate(app, await issuedGoal(app, 'unit.chezhan', '等级参数一'), {
    actuals: ['90', '100', '90'],
  });
  expect(await read(first)).toEqual({
    total: '95.00',
    grade: 'GOOD',
    policy: { version: 1, gradeExcellent: '96' },
  });
  const [row] = await app.sql<{ policy_id: string; grade: string }>(
    'SELECT policy_id, grade FROM evaluation WHERE id = $1',
    [uuidOf(first)],
  );
  expect(row).toEqual({ policy_id: v1.id, grade: 'GOOD' });

  await setExcellent('90', 1);
  expect(await read(first)).toEqual({
    total: '95.00',
    grade: 'GOOD',
    policy: { version: 1, gradeExcellent: '96' },
  });
  const second = await selfEvaluate(app, await issuedGoal(app, 'unit.chezhan', '等级参数二'), {
    actuals: ['90', '100', '90'],
  });
  expect(await read(second)).toEqual({
    total: '95.00',
    grade: 'EXCELLENT',
    policy: { version: 2, gradeExcellent: '90' },
  });
});
