/**
 * Issue 9 item 4 through GraphQL on a real database: the allocation ceiling is upper-level + own-level
 * money (DOMAIN §4; 003 转移支付 第二条 "中央财政、省财政和市财政、区财政安排下级政府"; 附件2 市级预算资金), lower-level
 * matching money (县级及以下资金) excluded. On the old code (cap = own-level money) a fund financed only by
 * upper-level money could allocate nothing, so the first test fails there.
 */
import { useTestApp } from '../harness/app';
import { regionGid, uuidOf } from '../harness/ids';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import { transferFundInput } from '../harness/fund-fixtures';

const app = useTestApp();
const { ok, refused } = mutations<{ id: string; version: number }>(() => app, 'fund');

const FUND = 'fund { id version: rowVersion upperLevelAmount ownLevelAmount lowerLevelAmount }';
const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { ${FUND} ${ERRORS} } }`;
const UPDATE_FUND = `mutation($input: UpdateFundInput!) { updateFund(input: $input) { ${FUND} ${ERRORS} } }`;
const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { ${FUND} ${ERRORS} } }`;

const region: Record<string, string> = {};

async function createFund(upperLevel: string, ownLevel: string, lowerLevel: string, name: string) {
  return ok(
    CREATE_FUND,
    transferFundInput(name, { upperLevel, ownLevel, lowerLevel }),
    'transport.zhangdian',
  );
}

/** The setAllocations input of `fund` at `version` (default: its own): 车站街道 `a`, 公园街道 `b`. */
const allocationsOf = (
  fund: { id: string; version: number },
  a: string,
  b: string,
  version = fund.version,
) => ({
  fundId: fund.id,
  expectedVersion: version,
  allocations: [
    { regionId: region['370303001'], amount: a },
    { regionId: region['370303002'], amount: b },
  ],
});

async function storedAllocations(fundGid: string) {
  return app.sql<{ amount: string }>(
    'SELECT amount::text FROM fund_allocation WHERE fund_id = $1 ORDER BY amount DESC',
    [uuidOf(fundGid)],
  );
}

beforeAll(async () => {
  for (const code of ['370303001', '370303002']) region[code] = await regionGid(app, code);
});

describe('allocation ceiling = upper-level + own-level money (DOMAIN §4, 003 转移支付 第二条)', () => {
  test('a district fund financed only by upper-level (city) money allocates up to it', async () => {
    // DOMAIN §4, 003 转移支付 第二条: the district passes the city's 800万元 down to its townships.
    const fund = await createFund('8000000.00', '0.00', '0.00', '2025年张店区市级转移支付道路资金');
    const set = await ok(
      SET_ALLOCATIONS,
      allocationsOf(fund, '5000000.00', '3000000.00'),
      'transport.zhangdian',
    );
    expect(set.version).toBe(fund.version + 1);
    expect((await storedAllocations(fund.id)).map((r) => r.amount)).toEqual(['5000000.00', '3000000.00']);
  });

  test('the ceiling is upper + own; lower-level matching money is not allocatable, numbers in 万元', async () => {
    // DOMAIN §4; 附件2: 上级 600万 + 本级 400万 = 1,000万 allocatable; 县级及以下配套 500万 is the receivers' own.
    const fund = await createFund('6000000.00', '4000000.00', '5000000.00', '2025年张店区配套道路资金');
    await ok(SET_ALLOCATIONS, allocationsOf(fund, '6000000.00', '4000000.00'), 'transport.zhangdian');
    const errors = await refused(
      SET_ALLOCATIONS,
      allocationsOf(fund, '9000000.00', '6000000.00', fund.version + 1),
      'transport.zhangdian',
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations'] }),
    ]);
    expect(errors[0].message).toBe(
      '分配合计 1,500.00 万元超过可分配资金 1,000.00 万元（上级资金 600.00 万元 + 本级资金 400.00 万元；超出 500.00 万元）',
    );
    expect(errors[0].messageEn).toContain('upper-level 600.00 万元 + own-level 400.00 万元');
    expect((await storedAllocations(fund.id)).map((r) => r.amount)).toEqual(['6000000.00', '4000000.00']);
  });

  test('lowering the upper-level money below the allocations is refused with the numbers; nothing written', async () => {
    // DOMAIN §4: the money the allocating level budgets must keep covering what it allocated.
    const fund = await createFund('8000000.00', '0.00', '0.00', '2025年张店区上级资金调整测试');
    const set = await ok(
      SET_ALLOCATIONS,
      allocationsOf(fund, '5000000.00', '3000000.00'),
      'transport.zhangdian',
    );
    const errors = await refused(
      UPDATE_FUND,
      {
        id: fund.id,
        expectedVersion: set.version,
        amounts: { upperLevel: '7000000.00', ownLevel: '0.00', lowerLevel: '9000000.00' },
      },
      'transport.zhangdian',
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'amounts'] }),
    ]);
    expect(errors[0].message).toBe(
      '可分配资金 700.00 万元（上级资金 700.00 万元 + 本级资金 0.00 万元）少于已分配合计 800.00 万元',
    );
    // Moving money between upper and own level within the ceiling is fine.
    await ok(
      UPDATE_FUND,
      {
        id: fund.id,
        expectedVersion: set.version,
        amounts: { upperLevel: '2000000.00', ownLevel: '6000000.00', lowerLevel: '0.00' },
      },
      'transport.zhangdian',
    );
  });
});
