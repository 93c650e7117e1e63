/**
 * Issue 8 item 8 "Stable codes instead of INTERNAL", focused: database refusals that no module maps —
 * a check violation, an exception raised by a trigger, a unique index — come back as user errors with
 * a stable code and the field path, and the mutation's savepoint leaves nothing written; and a list
 * input past its limit (5,000 indicators in one goal) is refused naming the field and the limit.
 * The unmapped constraints are added to this file's own test database by the owner, as a later
 * migration might add them without the module knowing.
 */
import { TestApp } from '../harness/app';
import { ROAD_INDICATORS, projectGoal } from '../harness/goal-fixtures';
import { organizationGid } from '../harness/ids';
import { mutations } from '../harness/mutations';

let app: TestApp;
const org = mutations<{ id: string }>(() => app, 'organization');
const goal = mutations<{ id: string }>(() => app, 'goal');

const UPDATE_ORGANIZATION = `mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id } userErrors { code field message messageEn } } }`;
const UNIT = '车站街道市政道路养护站';
let unitId: string;

beforeAll(async () => {
  app = await TestApp.start();
  unitId = await organizationGid(app, UNIT);
  await app.sql(
    `ALTER TABLE organization ADD CONSTRAINT ck_organization_name_probe CHECK (name NOT LIKE '%禁用%')`,
  );
  await app.sql(`CREATE FUNCTION probe_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.name LIKE '%拒绝%' THEN RAISE EXCEPTION 'refused by a trigger'; END IF; RETURN NEW; END $$`);
  await app.sql(`CREATE TRIGGER probe_refuse BEFORE UPDATE ON organization
    FOR EACH ROW EXECUTE FUNCTION probe_refuse()`);
  await app.sql('CREATE UNIQUE INDEX uq_organization_name_probe ON organization (tenant_id, name)');
});
afterAll(async () => {
  await app.stop();
});

async function renameUnit(name: string) {
  const id = Buffer.from(unitId, 'base64url').toString('utf8').split(':')[1];
  const [row] = await app.sql<{ version: number }>('SELECT version FROM organization WHERE id = $1', [id]);
  return org.refused(
    UPDATE_ORGANIZATION,
    { id: unitId, expectedVersion: row.version, name },
    'admin.zhangdian',
  );
}

// Issue 8 item 8: "an unmapped database check violation … must be a BAD_USER_INPUT … with the field path".
test('an unmapped check violation is BAD_USER_INPUT at the column it names, nothing written', async () => {
  const [error] = await renameUnit('车站街道禁用养护站');
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'name'] });
  expect(error.messageEn).toMatch(/rules of the data/);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
});

// Issue 8 item 8: raise_exception (P0001) from a trigger is a refusal, not INTERNAL.
test('an exception raised by a trigger is BAD_USER_INPUT, nothing written', async () => {
  const [error] = await renameUnit('车站街道拒绝养护站');
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input'] });
  expect(error.messageEn).not.toContain('refused by a trigger');
});

// Issue 8 item 8: an unmapped unique violation is a CONFLICT on the key's column.
test('an unmapped unique violation is CONFLICT at the key column, nothing written', async () => {
  const [error] = await renameUnit('车站街道财政所');
  expect(error).toMatchObject({ code: 'CONFLICT', field: ['input', 'name'] });
});

// Issue 8 item 8: "5,000 indicators in one goal" — BAD_USER_INPUT naming the field and the limit.
test('5,000 indicators in one goal are refused naming the field and the limit of 500', async () => {
  const draft = await projectGoal(app, {
    name: '指标上限测试',
    unitId,
    indicators: ROAD_INDICATORS,
    until: 'DRAFT',
  });
  const indicators = Array.from({ length: 5000 }, (_x, k) => ({ ...ROAD_INDICATORS[0], name: `指标${k}` }));
  const [error, ...rest] = await goal.refused(
    `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) {
      goal { id } userErrors { code field message messageEn } } }`,
    { id: draft.id, expectedVersion: draft.rowVersion, name: '指标上限测试绩效目标', indicators },
    'unit.chezhan',
  );
  expect(rest).toEqual([]);
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'indicators'] });
  expect(error.message).toContain('500');
  expect(error.messageEn).toContain('At most 500 items');
  const [{ n }] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1`,
    [Buffer.from(draft.id, 'base64url').toString('utf8').split(':')[1]],
  );
  expect(n).toBe(ROAD_INDICATORS.length);
});
