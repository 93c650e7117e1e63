/**
 * The tenant policy through GraphQL (DOMAIN §10 rule 7 "tenant policy — stored, readable through the API,
 * changed by finance with an audit record, defaulting to the numbers here"; issue 9 item 15): read by every
 * signed-in user of the tenant, set only by the tenant's top (city) finance bureau, versioned, audited,
 * out-of-range values refused with their field and nothing written, tenants apart.
 */
import { useTestApp } from '../harness/app';
import { refusalOf } from '../harness/mutations';
import { DEFAULT_POLICY_NUMBERS } from './policy-fixtures';

const app = useTestApp();
const ERR = 'userErrors { code field message messageEn principle }';
const FIELDS = `id version year effectiveYear isDefault gradeExcellent gradeGood gradeFair overTargetThreshold
  overTargetFloor slowExecutionThreshold spotCheckRatio spotCheckGap selfEvaluationDueDate monitoringCadence
  monitoringDueDay departmentCheckMonth`;
const READ = `query($y: Int!) { policy(year: $y) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { ${FIELDS} } ${ERR} } }`;

type Policy = Record<string, unknown> & { id: string | null; version: number };
type Payload = {
  policy: Policy | null;
  userErrors: { code: string; field: string[]; principle: string | null }[];
};

const read = async (as: string, y = 2025) => {
  const res = await app.gql<{ policy: Policy }>(READ, { y }, { as });
  expect(res.errors).toBeUndefined();
  return res.data!.policy;
};
const update = (input: Record<string, unknown>, as: string) =>
  app.gql<{ updatePolicy: Payload }>(UPDATE, { input }, { as });

/** Everything a refused change could have written: the policy versions and the audit trail. */
const written = async () =>
  app.sql(
    `SELECT (SELECT count(*) FROM tenant_policy)::int AS policies,
            (SELECT count(*) FROM audit_event WHERE entity_type = 'TenantPolicy')::int AS audits`,
  );

describe('policy(year): readable by every signed-in user of the tenant (DOMAIN §10.7)', () => {
  test('the defaults are today’s constants, version 0, for every role', async () => {
    // DOMAIN §10.7 (002 第二十五条 90/80/60), §10.3 (1.2, 0.8), §9 (10 points), §12 (10%, 10 points)
    for (const as of [
      'unit.chezhan',
      'audit.zibo',
      'thirdparty.zibo',
      'transport.zhangdian',
      'finance.rizhao',
    ]) {
      expect(await read(as)).toEqual({
        id: null,
        version: 0,
        year: 2025,
        effectiveYear: 2025,
        isDefault: true,
        ...DEFAULT_POLICY_NUMBERS,
        selfEvaluationDueDate: '2026-03-31',
        monitoringCadence: 'MONTHLY',
        monitoringDueDay: 10,
        departmentCheckMonth: 6,
      });
    }
  });

  test('signed out: refused', async () => {
    const res = await app.gql(READ, { y: 2025 });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updatePolicy: the tenant’s top finance bureau only (P6), audited, versioned', () => {
  test('every other role is refused FORBIDDEN (P6) and nothing is written', async () => {
    const before = await written();
    for (const as of [
      'finance.zhangdian',
      'admin.zhangdian',
      'finance.chezhan',
      'transport.zibo',
      'audit.zibo',
      'unit.chezhan',
      'thirdparty.zibo',
    ]) {
      const res = await update({ year: 2025, expectedVersion: 0, gradeExcellent: '95' }, as);
      expect({
        as,
        code: refusalOf(res)?.code, // issue 11 item 4: the shield's refusal is in the payload
        principle: refusalOf(res)?.principle,
      }).toEqual({
        as,
        code: 'FORBIDDEN',
        principle: 'P6',
      });
    }
    expect(await written()).toEqual(before);
  });

  test('city finance sets the bands for 2025: version 1 stored, audited, read by all; later years inherit', async () => {
    const res = await update(
      {
        year: 2025,
        expectedVersion: 0,
        gradeExcellent: '95',
        gradeGood: '85',
        selfEvaluationDueDate: '2026-04-30',
        reason: '提高优良门槛',
      },
      'finance.zibo',
    );
    const policy = res.data!.updatePolicy.policy!;
    expect(res.data!.updatePolicy.userErrors).toEqual([]);
    expect(policy).toMatchObject({
      version: 1,
      isDefault: false,
      gradeExcellent: '95',
      gradeGood: '85',
      gradeFair: '60',
    });
    const [row] = await app.sql<{
      version: number;
      grade_excellent: string;
      self_evaluation_due_date: string;
      created_by: string;
    }>(
      `SELECT p.version, p.grade_excellent, to_char(p.self_evaluation_due_date, 'YYYY-MM-DD') AS self_evaluation_due_date,
              u.login AS created_by
         FROM tenant_policy p JOIN app_user u ON u.id = p.created_by_user_id WHERE p.year = 2025`,
    );
    expect(row).toEqual({
      version: 1,
      grade_excellent: '95.00',
      self_evaluation_due_date: '2026-04-30',
      created_by: 'finance.zibo',
    });
    const [audit] = await app.sql<{
      action: string;
      before: { version: number };
      after: { gradeExcellent: string };
    }>(
      `SELECT action, before, after FROM audit_event WHERE entity_type = 'TenantPolicy' AND entity_id = $1`,
      [policy.id],
    );
    expect(audit).toMatchObject({
      action: 'UPDATE',
      before: { version: 0 },
      after: { gradeExcellent: '95' },
    });
    expect(await read('unit.chezhan')).toMatchObject({ version: 1, gradeExcellent: '95' });
    // A version applies from its year on; its due date moves with the year.
    expect(await read('audit.zibo', 2027)).toMatchObject({
      version: 1,
      effectiveYear: 2025,
      selfEvaluationDueDate: '2028-04-30',
    });
    expect(await read('audit.zibo', 2024)).toMatchObject({ version: 0, isDefault: true });
    // Tenants never see each other's (DOMAIN §3).
    expect(await read('finance.rizhao')).toMatchObject({ version: 0, gradeExcellent: '90' });
  });

  test('a stale expectedVersion is a CONFLICT; the tenant administrator of city finance may also set it', async () => {
    const before = await written();
    const stale = await update({ year: 2025, expectedVersion: 0, spotCheckRatio: '0.2' }, 'finance.zibo');
    expect(stale.data!.updatePolicy.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      field: ['input', 'expectedVersion'],
    });
    expect(await written()).toEqual(before);
    const next = await update({ year: 2025, expectedVersion: 1, spotCheckRatio: '0.2' }, 'admin.zibo');
    expect(next.data!.updatePolicy.policy).toMatchObject({
      version: 2,
      spotCheckRatio: '0.2',
      gradeExcellent: '95',
    });
  });
});

describe('bad input: BAD_USER_INPUT with the field path, nothing written (DOMAIN §10.7)', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['bands not descending', { gradeGood: '96' }, ['input', 'gradeGood']],
    ['fair not below good', { gradeFair: '85' }, ['input', 'gradeFair']],
    ['a band above 100', { gradeExcellent: '100.5' }, ['input', 'gradeExcellent']],
    ['threshold negative', { slowExecutionThreshold: '-1' }, ['input', 'slowExecutionThreshold']],
    ['over-target threshold not above 1', { overTargetThreshold: '0.9' }, ['input', 'overTargetThreshold']],
    ['floor above 1', { overTargetFloor: '1.5' }, ['input', 'overTargetFloor']],
    ['ratio 0', { spotCheckRatio: '0' }, ['input', 'spotCheckRatio']],
    ['ratio above 1', { spotCheckRatio: '1.5' }, ['input', 'spotCheckRatio']],
    ['gap negative', { spotCheckGap: '-5' }, ['input', 'spotCheckGap']],
    ['due date not a date', { selfEvaluationDueDate: '2026-02-30' }, ['input', 'selfEvaluationDueDate']],
    [
      'due date not even a date shape',
      { selfEvaluationDueDate: 'next spring' },
      ['input', 'selfEvaluationDueDate'],
    ],
    ['due date inside the year', { selfEvaluationDueDate: '2025-06-30' }, ['input', 'selfEvaluationDueDate']],
    ['due day 31', { monitoringDueDay: 31 }, ['input', 'monitoringDueDay']],
    ['check month 13', { departmentCheckMonth: 13 }, ['input', 'departmentCheckMonth']],
    ['year out of range', { year: 1999 }, ['input', 'year']],
  ];
  test.each(cases)('%s', async (_name, values, field) => {
    const before = await written();
    const current = await read('finance.zibo');
    const res = await update({ year: 2025, expectedVersion: current.version, ...values }, 'finance.zibo');
    expect(res.errors).toBeUndefined();
    expect(res.data!.updatePolicy.policy).toBeNull();
    expect(res.data!.updatePolicy.userErrors.map((e) => [e.code, e.field])).toContainEqual([
      'BAD_USER_INPUT',
      field,
    ]);
    expect(await written()).toEqual(before);
  });

  test('several wrong values are all reported at once', async () => {
    const current = await read('finance.zibo');
    const res = await update(
      { year: 2025, expectedVersion: current.version, spotCheckRatio: '2', slowExecutionThreshold: '-3' },
      'finance.zibo',
    );
    expect(res.data!.updatePolicy.userErrors.map((e) => e.field)).toEqual([
      ['input', 'slowExecutionThreshold'],
      ['input', 'spotCheckRatio'],
    ]);
  });

  test('the database refuses a version out of range and any change of a stored version (append-only)', async () => {
    await expect(app.sql(`UPDATE tenant_policy SET grade_excellent = 99`)).rejects.toThrow(/append-only/);
    await expect(
      app.sql(
        `INSERT INTO tenant_policy (tenant_id, id, year, version, grade_excellent, grade_good, grade_fair, over_target_threshold, over_target_floor, slow_execution_threshold, spot_check_ratio, spot_check_gap, self_evaluation_due_date, monitoring_cadence, monitoring_due_day, department_check_month)
         SELECT tenant_id, gen_random_uuid(), 2030, 99, 80, 85, 60, 1.2, 0.8, 10, 0.1, 10, '2031-03-31', 'MONTHLY', 10, 6 FROM (SELECT id AS tenant_id FROM tenant LIMIT 1) t`,
      ),
    ).rejects.toThrow(/ck_tenant_policy_bands/);
  });
});
