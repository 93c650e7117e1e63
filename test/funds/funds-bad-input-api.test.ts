/** Bad input on funds, allocations and projects (DOMAIN §4, §11): a user error with a stable code and field, nothing written. */
import { type UserErrorRow } from '../harness/mutations';
import {
  app,
  CREATE_FUND,
  UPDATE_FUND,
  SET_ALLOCATIONS,
  CREATE_PROJECT,
  region,
  org,
  factorFund,
  projectFund,
  fundInput,
  mutate,
  useFundsApi,
} from './funds-api-fixtures';

useFundsApi();

describe('bad input: a user error with a stable code and field, and nothing written', () => {
  async function refused<T extends Record<string, { userErrors: UserErrorRow[] }>>(
    query: string,
    input: Record<string, unknown>,
    as = 'transport.zhangdian',
  ): Promise<UserErrorRow[]> {
    const before = await app.tableDigests();
    const res = await mutate<T>(query, input, as);
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0];
    expect(await app.tableDigests()).toEqual(before);
    expect(payload.userErrors.length).toBeGreaterThan(0);
    return payload.userErrors;
  }

  test.each([
    ['a negative amount', { upperLevel: '-1.00', ownLevel: '100.00', lowerLevel: '0' }, 'upperLevel'],
    ['three decimals', { upperLevel: '0', ownLevel: '100.005', lowerLevel: '0' }, 'ownLevel'],
    ['nothing at all', { upperLevel: '0', ownLevel: '0', lowerLevel: '0' }, 'ownLevel'],
  ])('createFund with %s', async (_name, amounts, field) => {
    const errors = await refused(CREATE_FUND, fundInput({ amounts }));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'amounts', field] }),
    );
  });

  test('createFund with a total that is not the sum names both numbers in 万元', async () => {
    const errors = await refused(
      CREATE_FUND,
      fundInput({
        amounts: { upperLevel: '0', ownLevel: '10000000.00', lowerLevel: '0', total: '10500000.00' },
      }),
    );
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'amounts', 'total'] });
    expect(errors[0].message).toContain('1,050.00 万元');
    expect(errors[0].message).toContain('1,000.00 万元');
  });

  test('createFund without a year or with both a year and a period', async () => {
    expect(await refused(CREATE_FUND, fundInput({ year: null }))).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'year'] }),
    );
    expect(
      await refused(CREATE_FUND, fundInput({ period: { startYear: 2025, endYear: 2027 } })),
    ).toContainEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'period'] }));
    expect(
      await refused(CREATE_FUND, fundInput({ year: null, period: { startYear: 2027, endYear: 2025 } })),
    ).toContainEqual(expect.objectContaining({ field: ['input', 'period', 'endYear'] }));
  });

  test('createFund with an upper fund that is not visible → NOT_FOUND', async () => {
    const errors = await refused(
      CREATE_FUND,
      fundInput({ upperFundId: projectFund.id }),
      'transport.chezhan',
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'upperFundId'] }),
    );
  });

  test.each([
    ['an unknown category', { category: 'SUBSIDY' }],
    ['an unknown budget book', { budgetBook: 'LOTTERY' }],
    ['a JSON float amount', { amounts: { upperLevel: 0, ownLevel: 1000.5, lowerLevel: 0 } }],
    ['an amount in exponent notation', { amounts: { upperLevel: '0', ownLevel: '1e7', lowerLevel: '0' } }],
  ])('createFund with %s is refused by the schema (BAD_USER_INPUT)', async (_name, overrides) => {
    const before = await app.tableDigests();
    const res = await mutate(CREATE_FUND, fundInput(overrides), 'transport.zhangdian');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data).toBeUndefined();
    expect(await app.tableDigests()).toEqual(before);
  });

  const allocate = (allocations: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
    fundId: factorFund.id,
    expectedVersion: factorFund.version,
    allocations,
    ...extra,
  });

  test('allocations over the own-level amount name the numbers in 万元', async () => {
    const errors = await refused(
      SET_ALLOCATIONS,
      allocate([
        { regionId: region['370303001'], amount: '6000000.01' },
        { regionId: region['370303002'], amount: '4000000.00' },
      ]),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations'] }),
    ]);
    expect(errors[0].message).toBe(
      '分配合计 1,000.000001 万元超过可分配资金 1,000.00 万元（上级资金 0.00 万元 + 本级资金 1,000.00 万元；超出 0.000001 万元）',
    );
    expect(errors[0].messageEn).toContain('1,000.000001 万元');
  });

  test.each([
    ['the fund’s own region', '370303', 'BAD_USER_INPUT'],
    ['the city above', '370300', 'BAD_USER_INPUT'],
    ['a sibling district out of view', '370302', 'NOT_FOUND'],
    ['another tenant’s township', '371102001', 'NOT_FOUND'],
  ])('an allocation to %s → %s', async (_name, code, expected) => {
    const errors = await refused(SET_ALLOCATIONS, allocate([{ regionId: region[code], amount: '100.00' }]));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: expected, field: ['input', 'allocations', '0', 'regionId'] }),
    );
  });

  test('the same region twice → CONFLICT on the second row', async () => {
    const errors = await refused(
      SET_ALLOCATIONS,
      allocate([
        { regionId: region['370303001'], amount: '100.00' },
        { regionId: region['370303001'], amount: '200.00' },
      ]),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'allocations', '1', 'regionId'] }),
    ]);
  });

  test.each([
    ['a zero amount', '0.00'],
    ['a negative amount', '-5.00'],
    ['three decimals', '5.005'],
  ])('an allocation with %s', async (_name, amount) => {
    const errors = await refused(SET_ALLOCATIONS, allocate([{ regionId: region['370303001'], amount }]));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'amount'] }),
    );
  });

  test('a project-method allocation without a project, or to a region', async () => {
    const base = { fundId: projectFund.id, expectedVersion: projectFund.version };
    expect(await refused(SET_ALLOCATIONS, { ...base, allocations: [{ amount: '100.00' }] })).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'projectId'] }),
    );
    expect(
      await refused(SET_ALLOCATIONS, {
        ...base,
        allocations: [{ regionId: region['370303001'], amount: '100.00' }],
      }),
    ).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'regionId'] }),
    );
  });

  test('a stale version → CONFLICT on expectedVersion', async () => {
    const errors = await refused(
      SET_ALLOCATIONS,
      allocate([{ regionId: region['370303001'], amount: '100.00' }], { expectedVersion: 1 }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] }),
    ]);
    const stale = await refused(UPDATE_FUND, { id: factorFund.id, expectedVersion: 1, name: '改名' });
    expect(stale).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] }),
    ]);
  });

  test('updateFund may not lower upper + own-level money below the allocations, nor change the method', async () => {
    // DOMAIN §4: the ceiling is upper-level + own-level money; the error names the whole amounts.
    const low = await refused(UPDATE_FUND, {
      id: factorFund.id,
      expectedVersion: factorFund.version,
      amounts: { upperLevel: '0', ownLevel: '9000000.00', lowerLevel: '0' },
    });
    expect(low[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'amounts'] });
    expect(low[0].message).toContain('900.00 万元');
    const method = await refused(UPDATE_FUND, {
      id: factorFund.id,
      expectedVersion: factorFund.version,
      allocationMethod: 'PROJECT',
    });
    expect(method).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'allocationMethod'] }),
    ]);
  });

  test('createProject with bad amounts, year and a fund of another region', async () => {
    const errors = await refused(
      CREATE_PROJECT,
      {
        name: ' ',
        implementingUnitId: org['车站街道市政道路养护站'],
        year: 1999,
        fiscalAmount: '-1',
        otherAmount: '0.001',
        isNew: true,
      },
      'unit.chezhan',
    );
    expect(errors.map((e) => e.field.join('.')).sort()).toEqual([
      'input.fiscalAmount',
      'input.name',
      'input.otherAmount',
      'input.year',
    ]);
  });
});
