import Decimal from 'decimal.js';
import { ErrorCode } from '../../src/common/errors';
import { OrganizationKind } from '../../src/hierarchy/hierarchy.enums';
import {
  formatWanYuan,
  fundTotal,
  fundYears,
  parseMoney,
  validateFund,
  type FundContext,
  type FundInput,
  type Problem,
} from '../../src/funds/rules/fund-rules';

const CITY = '/c/';
const DISTRICT = '/c/d/';
const OTHER_DISTRICT = '/c/e/';

function fund(overrides: Partial<FundInput> = {}): FundInput {
  return {
    name: '农村公路提档升级专项资金',
    year: 2025,
    amounts: { upperLevel: '0', ownLevel: '10000000.00', lowerLevel: '2000000.00' },
    ...overrides,
  };
}

function context(overrides: Partial<FundContext> = {}): FundContext {
  return { ownerKind: OrganizationKind.COMPETENT_DEPARTMENT, regionPath: DISTRICT, ...overrides };
}

function expectReadable(problems: Problem[]): void {
  for (const p of problems) {
    expect(p.message.zh.trim()).not.toBe('');
    expect(p.message.en.trim()).not.toBe('');
    expect(p.field[0]).toBe('input');
  }
}

// DOMAIN §4: money is an exact decimal in yuan with 2 places, never a float.
describe('parseMoney', () => {
  test.each([
    ['0', true],
    ['0.00', true],
    ['12500.5', true],
    ['12500.55', true],
    ['999999999999.99', true],
    ['12500.555', false],
    ['-1', false],
    ['1e3', false],
    ['0x10', false],
    ['', false],
    ['abc', false],
    ['1,000', false],
    ['1000000000000', false],
  ])('%j is a valid amount: %s', (text, valid) => {
    const read = parseMoney(text);
    expect(read.problem === undefined).toBe(valid);
    if (read.problem) expect(read.problem.zh.length * read.problem.en.length).toBeGreaterThan(0);
  });

  test.each([
    ['0', false],
    ['0.01', true],
  ])('positive amount %j is valid: %s', (text, valid) =>
    expect(parseMoney(text, { positive: true }).problem === undefined).toBe(valid),
  );

  test('accepts Decimal values and rejects NaN', () => {
    expect(parseMoney(new Decimal('10.25')).value?.toFixed(2)).toBe('10.25');
    expect(parseMoney(new Decimal(NaN)).problem).toBeDefined();
  });
});

// DOMAIN §4: shown in 万元 where forms use it (附件2 资金投入（万元）), exactly.
describe('formatWanYuan', () => {
  test.each([
    ['10500000', '1,050.00 万元'],
    ['10000000.00', '1,000.00 万元'],
    ['0', '0.00 万元'],
    ['1234', '0.1234 万元'],
    ['10000050', '1,000.005 万元'],
    ['12345678901.23', '1,234,567.890123 万元'],
    ['-500000', '-50.00 万元'],
  ])('%s yuan → %s', (yuan, shown) => expect(formatWanYuan(yuan)).toBe(shown));
});

// DOMAIN §4, 附件2: 年度金额 = Σ sources, exactly (no 0.1 + 0.2 ≠ 0.3).
describe('fundTotal', () => {
  test.each([
    ['0.1', '0.2', '0', '0.3'],
    ['0.10', '0.20', '0.30', '0.6'],
    ['999999999.99', '0.01', '0', '1000000000'],
    ['33333333.33', '33333333.33', '33333333.34', '100000000'],
  ])('%s + %s + %s = %s', (upperLevel, ownLevel, lowerLevel, total) => {
    expect(fundTotal({ upperLevel, ownLevel, lowerLevel }).equals(total)).toBe(true);
    expect(validateFund(fund({ amounts: { upperLevel, ownLevel, lowerLevel, total } }), context())).toEqual(
      [],
    );
  });
});

describe('fundYears', () => {
  test.each([
    [{ year: 2025 }, [2025, 2025]],
    [{ period: { startYear: 2024, endYear: 2026 } }, [2024, 2026]],
    [{}, null],
  ])('%j covers %j', (input, years) => expect(fundYears(input)).toEqual(years));
});

describe('validateFund', () => {
  test('a well-formed fund has no problems', () => {
    expect(validateFund(fund(), context())).toEqual([]);
    expect(validateFund(fund({ year: null, period: { startYear: 2024, endYear: 2026 } }), context())).toEqual(
      [],
    );
  });

  test.each<[string, FundInput, FundContext, string[][]]>([
    ['blank name', fund({ name: '  ' }), context(), [['input', 'name']]],
    ['name over 200 characters', fund({ name: '资'.repeat(201) }), context(), [['input', 'name']]],
    ['neither year nor period', fund({ year: null }), context(), [['input', 'year']]],
    [
      'both year and period',
      fund({ period: { startYear: 2025, endYear: 2026 } }),
      context(),
      [['input', 'period']],
    ],
    ['year 1999', fund({ year: 1999 }), context(), [['input', 'year']]],
    ['year 2101', fund({ year: 2101 }), context(), [['input', 'year']]],
    ['fractional year', fund({ year: 2025.5 }), context(), [['input', 'year']]],
    [
      'period ending before it starts',
      fund({ year: null, period: { startYear: 2026, endYear: 2025 } }),
      context(),
      [['input', 'period', 'endYear']],
    ],
    [
      'period with a bad start year',
      fund({ year: null, period: { startYear: 20, endYear: 2025 } }),
      context(),
      [['input', 'period', 'startYear']],
    ],
    [
      'negative own-level money',
      fund({ amounts: { upperLevel: '0', ownLevel: '-1', lowerLevel: '0' } }),
      context(),
      [['input', 'amounts', 'ownLevel']],
    ],
    [
      'three decimals of upper-level money, malformed lower-level money',
      fund({ amounts: { upperLevel: '1.005', ownLevel: '1', lowerLevel: 'x' } }),
      context(),
      [
        ['input', 'amounts', 'upperLevel'],
        ['input', 'amounts', 'lowerLevel'],
      ],
    ],
    [
      'total not the sum',
      fund({ amounts: { upperLevel: '0.1', ownLevel: '0.2', lowerLevel: '0', total: '0.30000001' } }),
      context(),
      [['input', 'amounts', 'total']],
    ],
    [
      'all sources zero',
      fund({ amounts: { upperLevel: '0', ownLevel: '0', lowerLevel: '0' } }),
      context(),
      [['input', 'amounts', 'ownLevel']],
    ],
    // 002 第十条(二) 谁分配预算、谁设定目标: a fund belongs to a competent department.
    [
      'owned by a finance bureau',
      fund(),
      context({ ownerKind: OrganizationKind.FINANCE_BUREAU }),
      [['input', 'organizationId']],
    ],
    [
      'owned by an implementing unit',
      fund(),
      context({ ownerKind: OrganizationKind.IMPLEMENTING_UNIT }),
      [['input', 'organizationId']],
    ],
    // 002 第十条(三) 上级绩效目标传导机制: the upper fund sits above, in the same or an earlier year.
    [
      'upper fund in a sibling region',
      fund({ amounts: { upperLevel: '1', ownLevel: '1', lowerLevel: '0' } }),
      context({ upperFund: { regionPath: OTHER_DISTRICT, startYear: 2025 } }),
      [['input', 'upperFundId']],
    ],
    [
      'upper fund in its own region',
      fund({ amounts: { upperLevel: '1', ownLevel: '1', lowerLevel: '0' } }),
      context({ upperFund: { regionPath: DISTRICT, startYear: 2025 } }),
      [['input', 'upperFundId']],
    ],
    [
      'upper fund of a later year',
      fund({ amounts: { upperLevel: '1', ownLevel: '1', lowerLevel: '0' } }),
      context({ upperFund: { regionPath: CITY, startYear: 2026 } }),
      [['input', 'upperFundId']],
    ],
    [
      'upper fund but no upper-level money',
      fund(),
      context({ upperFund: { regionPath: CITY, startYear: 2025 } }),
      [['input', 'amounts', 'upperLevel']],
    ],
  ])('%s', (_case, input, ctx, fields) => {
    const problems = validateFund(input, ctx);
    expect(problems.map((p) => p.field)).toEqual(fields);
    expect(problems.every((p) => p.code === ErrorCode.BAD_USER_INPUT)).toBe(true);
    expectReadable(problems);
  });

  test.each([
    [DISTRICT, CITY, 2025, 2025],
    [DISTRICT, CITY, 2024, 2025],
    ['/c/d/t/', CITY, 2024, 2024],
    ['/c/d/t/', DISTRICT, 2025, 2025],
  ])('a fund at %s may be financed by an upper fund at %s of %i in %i', (own, upper, upperYear, year) => {
    const input = fund({ year, amounts: { upperLevel: '6000000', ownLevel: '4000000', lowerLevel: '0' } });
    const ctx = context({ regionPath: own, upperFund: { regionPath: upper, startYear: upperYear } });
    expect(validateFund(input, ctx)).toEqual([]);
  });

  test('a multi-year fund compares its first year with the upper fund', () => {
    const input = fund({
      year: null,
      period: { startYear: 2024, endYear: 2026 },
      amounts: { upperLevel: '1', ownLevel: '0', lowerLevel: '0' },
    });
    expect(validateFund(input, context({ upperFund: { regionPath: CITY, startYear: 2024 } }))).toEqual([]);
    expect(
      validateFund(input, context({ upperFund: { regionPath: CITY, startYear: 2025 } })).map((p) => p.field),
    ).toEqual([['input', 'upperFundId']]);
  });

  test('reports every problem at once, under a custom root', () => {
    const problems = validateFund(
      fund({ name: '', year: 1900, amounts: { upperLevel: '-1', ownLevel: '1', lowerLevel: '0' } }),
      context({ ownerKind: OrganizationKind.THIRD_PARTY }),
      ['input', 'fund'],
    );
    expect(problems.map((p) => p.field.join('.'))).toEqual([
      'input.fund.name',
      'input.fund.organizationId',
      'input.fund.year',
      'input.fund.amounts.upperLevel',
    ]);
  });

  test('the total mismatch names both amounts in 万元', () => {
    const [problem] = validateFund(
      fund({ amounts: { upperLevel: '0', ownLevel: '10000000', lowerLevel: '0', total: '10500000' } }),
      context(),
    );
    expect(problem.message.zh).toContain('1,050.00 万元');
    expect(problem.message.zh).toContain('1,000.00 万元');
  });
});
