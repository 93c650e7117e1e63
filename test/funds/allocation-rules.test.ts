import { ErrorCode } from '../../src/common/errors';
import { AllocationMethod } from '../../src/funds/fund.enums';
import {
  allocatableAmount,
  allocationTotal,
  isDirectChildPath,
  validateAllocations,
  type AllocatedFund,
  type AllocationInput,
} from '../../src/funds/rules/allocation-rules';

// The worked example of DOMAIN §11: 张店区 fund, 1,000万元, 600 to township A and 400 to township B.
const DISTRICT = '/c/d/';
const TOWNSHIP_A = '/c/d/a/';
const TOWNSHIP_B = '/c/d/b/';

const factorFund: AllocatedFund = {
  method: AllocationMethod.FACTOR,
  regionPath: DISTRICT,
  upperLevel: '0.00',
  ownLevel: '10000000.00',
};
const projectFund: AllocatedFund = { ...factorFund, method: AllocationMethod.PROJECT };

const toRegion = (regionPath: string, amount: string): AllocationInput => ({ regionPath, amount });
const toProject = (id: string, amount: string, regionPath = TOWNSHIP_A): AllocationInput => ({
  project: { id, regionPath },
  amount,
});

describe('allocation arithmetic', () => {
  // DOMAIN §4: exact sums; 0.1 + 0.2 is 0.3.
  test.each([
    [['0.1', '0.2'], '0.3'],
    [['6000000.00', '4000000.00'], '10000000'],
    [['3333333.33', '3333333.33', '3333333.34'], '10000000'],
    [[], '0'],
  ])('Σ %j = %s', (amounts, total) =>
    expect(allocationTotal(amounts.map((amount) => ({ amount }))).equals(total)).toBe(true),
  );

  test('the cap is upper-level + own-level money', () =>
    expect(allocatableAmount({ upperLevel: '6000000', ownLevel: '10000000' }).equals('16000000')).toBe(true));

  test('sums of cents right at the cap pass exactly', () => {
    const fund = { ...factorFund, ownLevel: '0.3' };
    expect(validateAllocations(fund, [toRegion(TOWNSHIP_A, '0.1'), toRegion(TOWNSHIP_B, '0.2')])).toEqual([]);
    const over = validateAllocations(fund, [toRegion(TOWNSHIP_A, '0.1'), toRegion(TOWNSHIP_B, '0.21')]);
    expect(over.map((p) => p.field)).toEqual([['input', 'allocations']]);
  });
});

// 003 转移支付 第二条 (安排下级政府), 第十五条(二), 第十七条: factor allocations go one level down.
describe('isDirectChildPath', () => {
  test.each([
    [DISTRICT, TOWNSHIP_A, true],
    ['/c/', DISTRICT, true],
    ['/c/', TOWNSHIP_A, false],
    [DISTRICT, DISTRICT, false],
    [DISTRICT, '/c/e/', false],
    [DISTRICT, '/c/dd/', false],
    [TOWNSHIP_A, DISTRICT, false],
  ])('%s → %s is a direct child: %s', (parent, child, direct) =>
    expect(isDirectChildPath(parent, child)).toBe(direct),
  );
});

describe('validateAllocations', () => {
  test.each<[string, AllocatedFund, AllocationInput[]]>([
    [
      'factor: 600 + 400 of 1,000万元',
      factorFund,
      [toRegion(TOWNSHIP_A, '6000000'), toRegion(TOWNSHIP_B, '4000000')],
    ],
    ['factor: part of the money', factorFund, [toRegion(TOWNSHIP_A, '0.01')]],
    [
      'project: two projects',
      projectFund,
      [toProject('p1', '5000000'), toProject('p2', '5000000', TOWNSHIP_B)],
    ],
    ['nothing allocated yet', factorFund, []],
  ])('%s is valid', (_case, fund, allocations) => expect(validateAllocations(fund, allocations)).toEqual([]));

  test.each<[string, AllocatedFund, AllocationInput[], string[][], ErrorCode[]]>([
    // DOMAIN §4: a factor allocation names a region directly under the fund's region.
    [
      'factor without region',
      factorFund,
      [{ amount: '1' }],
      [['input', 'allocations', '0', 'regionId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'factor to a project',
      factorFund,
      [toProject('p1', '1')],
      [['input', 'allocations', '0', 'projectId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'factor to its own region',
      factorFund,
      [toRegion(DISTRICT, '1')],
      [['input', 'allocations', '0', 'regionId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'factor to a sibling district',
      factorFund,
      [toRegion('/c/e/', '1')],
      [['input', 'allocations', '0', 'regionId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'factor skipping a level',
      { ...factorFund, regionPath: '/c/' },
      [toRegion(TOWNSHIP_A, '1')],
      [['input', 'allocations', '0', 'regionId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    // DOMAIN §4: a project allocation needs a project below the fund's region.
    [
      'project without project',
      projectFund,
      [{ amount: '1' }],
      [['input', 'allocations', '0', 'projectId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'project to a region',
      projectFund,
      [toRegion(TOWNSHIP_A, '1')],
      [['input', 'allocations', '0', 'regionId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'project outside the subtree',
      projectFund,
      [toProject('p1', '1', '/c/e/x/')],
      [['input', 'allocations', '0', 'projectId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      "project at the fund's own level",
      projectFund,
      [toProject('p1', '1', DISTRICT)],
      [['input', 'allocations', '0', 'projectId']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    // No region or project twice.
    [
      'the same region twice',
      factorFund,
      [toRegion(TOWNSHIP_A, '1'), toRegion(TOWNSHIP_B, '1'), toRegion(TOWNSHIP_A, '1')],
      [['input', 'allocations', '2', 'regionId']],
      [ErrorCode.CONFLICT],
    ],
    [
      'the same project twice',
      projectFund,
      [toProject('p1', '1'), toProject('p1', '2')],
      [['input', 'allocations', '1', 'projectId']],
      [ErrorCode.CONFLICT],
    ],
    // Amounts > 0 with at most 2 decimals.
    [
      'zero amount',
      factorFund,
      [toRegion(TOWNSHIP_A, '0')],
      [['input', 'allocations', '0', 'amount']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'negative amount',
      factorFund,
      [toRegion(TOWNSHIP_A, '-5')],
      [['input', 'allocations', '0', 'amount']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'three decimals',
      factorFund,
      [toRegion(TOWNSHIP_A, '0.001')],
      [['input', 'allocations', '0', 'amount']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'not a number',
      factorFund,
      [toRegion(TOWNSHIP_A, '1e5')],
      [['input', 'allocations', '0', 'amount']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    // DOMAIN §4: Σ allocations ≤ upper-level + own-level money (here all own-level).
    [
      'over the own-level money',
      factorFund,
      [toRegion(TOWNSHIP_A, '6500000'), toRegion(TOWNSHIP_B, '4000000')],
      [['input', 'allocations']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'over by one fen',
      factorFund,
      [toRegion(TOWNSHIP_A, '6000000.01'), toRegion(TOWNSHIP_B, '4000000')],
      [['input', 'allocations']],
      [ErrorCode.BAD_USER_INPUT],
    ],
  ])('%s', (_case, fund, allocations, fields, codes) => {
    const problems = validateAllocations(fund, allocations);
    expect(problems.map((p) => p.field)).toEqual(fields);
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) {
      expect(p.message.zh.trim()).not.toBe('');
      expect(p.message.en.trim()).not.toBe('');
    }
  });

  test('the excess is reported with the numbers in 万元', () => {
    const [problem] = validateAllocations(factorFund, [
      toRegion(TOWNSHIP_A, '6500000'),
      toRegion(TOWNSHIP_B, '4000000'),
    ]);
    expect(problem.message.zh).toBe(
      '分配合计 1,050.00 万元超过可分配资金 1,000.00 万元（上级资金 0.00 万元 + 本级资金 1,000.00 万元；超出 50.00 万元）',
    );
    expect(problem.message.en).toContain('1,050.00 万元');
    expect(problem.message.en).toContain('1,000.00 万元');
  });

  test('one fen over is shown exactly, never rounded to equal numbers', () => {
    const [problem] = validateAllocations(factorFund, [toRegion(TOWNSHIP_A, '10000000.01')]);
    expect(problem.message.zh).toBe(
      '分配合计 1,000.000001 万元超过可分配资金 1,000.00 万元（上级资金 0.00 万元 + 本级资金 1,000.00 万元；超出 0.000001 万元）',
    );
  });

  test('the total is not checked while an amount is invalid, and every problem is reported', () => {
    const problems = validateAllocations(
      factorFund,
      [toRegion(TOWNSHIP_A, '20000000'), toRegion(TOWNSHIP_A, 'abc')],
      ['input'],
    );
    expect(problems.map((p) => p.field.join('.'))).toEqual(['input.1.regionId', 'input.1.amount']);
  });
});

// Issue 9 item 4. DOMAIN §4, 003 转移支付 第二条 (中央财政、省财政和市财政、区财政安排下级政府), 附件2: a district
// passes upper-level money down; the ceiling is upper-level + own-level money; lower-level matching money
// (县级及以下资金) is the receivers' own and is not allocated. Each test fails on the old own-level-only cap.
describe('allocation ceiling = upper-level + own-level money', () => {
  const upperOnly: AllocatedFund = { ...factorFund, upperLevel: '8000000.00', ownLevel: '0.00' };

  test('a fund financed only by upper-level money allocates up to it', () => {
    expect(
      validateAllocations(upperOnly, [toRegion(TOWNSHIP_A, '5000000'), toRegion(TOWNSHIP_B, '3000000')]),
    ).toEqual([]);
  });

  test('upper-level and own-level money add up; lower-level matching money is excluded', () => {
    // 上级 600 + 本级 400 = 1,000万元 allocatable; 下级配套 500万元 is not (附件2 县级及以下资金).
    const fund = { ...factorFund, upperLevel: '6000000', ownLevel: '4000000' };
    expect(
      validateAllocations(fund, [toRegion(TOWNSHIP_A, '6000000'), toRegion(TOWNSHIP_B, '4000000')]),
    ).toEqual([]);
    const over = validateAllocations(fund, [
      toRegion(TOWNSHIP_A, '6000000'),
      toRegion(TOWNSHIP_B, '4000000.01'),
    ]);
    expect(over.map((p) => [p.code, p.field])).toEqual([
      [ErrorCode.BAD_USER_INPUT, ['input', 'allocations']],
    ]);
  });

  test('over the ceiling is refused with every number in 万元', () => {
    const [problem] = validateAllocations(upperOnly, [toRegion(TOWNSHIP_A, '9000000')]);
    expect(problem.message.zh).toBe(
      '分配合计 900.00 万元超过可分配资金 800.00 万元（上级资金 800.00 万元 + 本级资金 0.00 万元；超出 100.00 万元）',
    );
    expect(problem.message.en).toBe(
      'Allocations total 900.00 万元, more than the allocatable money 800.00 万元 (upper-level 800.00 万元 + own-level 0.00 万元; by 100.00 万元)',
    );
  });
});
