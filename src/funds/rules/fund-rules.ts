import Decimal from 'decimal.js';
import type { Problem } from '../../common/problem';
import { ErrorCode, msg, type Message } from '../../common/errors';
import { checkName } from '../../hierarchy/rules/division-code';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';

/** Money as it arrives: an exact decimal or its text, in yuan (DOMAIN §4). Never a JS number. */
export type Money = Decimal | string;

/** Largest amount accepted, in yuan: NUMERIC(14,2) — just under one trillion yuan. */
export const MAX_MONEY = '999999999999.99';

/** Years a fund may carry: anything outside is a typing error, not a budget. */
export const MIN_FUND_YEAR = 2000;
export const MAX_FUND_YEAR = 2100;

const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Reads an amount of money: an exact decimal in yuan, at least 0 (or above 0 when `positive`), at most
 * 2 decimal places (分), at most MAX_MONEY. Returns the value or what is wrong with it.
 */
export function parseMoney(
  value: Money,
  options: { positive?: boolean } = {},
): { value: Decimal; problem?: undefined } | { value?: undefined; problem: Message } {
  const text = typeof value === 'string' ? value.trim() : null;
  if (text !== null && !DECIMAL_TEXT.test(text)) {
    return {
      problem: msg('金额须为数字（元），如 12500.00', 'An amount is a number of yuan such as 12500.00'),
    };
  }
  const d = text !== null ? new Decimal(text) : (value as Decimal);
  if (!d.isFinite()) {
    return {
      problem: msg('金额须为数字（元），如 12500.00', 'An amount is a number of yuan such as 12500.00'),
    };
  }
  if (options.positive ? d.lessThanOrEqualTo(0) : d.lessThan(0)) {
    return options.positive
      ? { problem: msg('金额须大于0', 'The amount must be greater than 0') }
      : { problem: msg('金额不能为负数', 'The amount must not be negative') };
  }
  if (d.decimalPlaces() > 2) {
    return { problem: msg('金额最多保留两位小数（分）', 'An amount has at most two decimal places (fen)') };
  }
  if (d.greaterThan(MAX_MONEY)) {
    return {
      problem: msg(
        `金额不能超过 ${formatWanYuan(MAX_MONEY)}`,
        `The amount exceeds ${formatWanYuan(MAX_MONEY)}`,
      ),
    };
  }
  return { value: d };
}

/**
 * An amount in yuan shown in 万元 as the forms do (附件2–5 "资金投入（万元）"), with thousands separators:
 * 10500000 → "1,050.00 万元". Exact — never rounded: 10000050 → "1,000.005 万元", so two amounts that
 * differ are never shown as equal.
 */
export function formatWanYuan(yuan: Money): string {
  const wan = new Decimal(yuan).dividedBy(10000);
  const places = Math.max(2, wan.decimalPlaces());
  const [int, frac] = wan.abs().toFixed(places).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${wan.isNegative() && !wan.isZero() ? '-' : ''}${grouped}.${frac} 万元`;
}

/**
 * 资金投入 by source (DOMAIN §4; 附件2–3 "其中：市级预算资金 / 县级及以下资金"): money from the level above,
 * the fund's own level, and the matching money of the levels below. `total`, when given, must be their sum.
 */
export interface FundAmountsInput {
  upperLevel: Money;
  ownLevel: Money;
  lowerLevel: Money;
  total?: Money | null;
}

export interface FundInput {
  name: string;
  /** An annual fund (年度). Give either `year` or `period`. */
  year?: number | null;
  /** 专项实施期 (附件2): a multi-year implementation period, both years inclusive. */
  period?: { startYear: number; endYear: number } | null;
  amounts: FundAmountsInput;
}

export interface FundContext {
  /** The kind of the organization that is to own the fund. */
  ownerKind: OrganizationKind;
  /** The materialized path of the owner's region, e.g. "/city/district/". */
  regionPath: string;
  /** The upper-level fund that finances this one (上级绩效目标传导机制, 002 第十条(三)), if any. */
  upperFund?: { regionPath: string; startYear: number } | null;
}

/** The years a fund covers, first and last inclusive (null when neither year nor period is usable). */
export function fundYears(input: Pick<FundInput, 'year' | 'period'>): [number, number] | null {
  if (input.year != null) return [input.year, input.year];
  if (input.period) return [input.period.startYear, input.period.endYear];
  return null;
}

/** 年度金额 = upper-level + own-level + lower-level money, exactly. */
export function fundTotal(
  amounts: Pick<FundAmountsInput, 'upperLevel' | 'ownLevel' | 'lowerLevel'>,
): Decimal {
  return new Decimal(amounts.upperLevel).plus(amounts.ownLevel).plus(amounts.lowerLevel);
}

/** Whether `path` is a strict ancestor of `descendant` (materialized paths "/a/b/"). */
export function isStrictAncestorPath(path: string, descendant: string): boolean {
  return descendant.length > path.length && descendant.startsWith(path);
}

const bad = (field: string[], message: Message): Problem => ({
  code: ErrorCode.BAD_USER_INPUT,
  field,
  message,
});

function checkYear(year: number, field: string[]): Problem | null {
  if (Number.isInteger(year) && year >= MIN_FUND_YEAR && year <= MAX_FUND_YEAR) return null;
  return bad(
    field,
    msg(
      `年度须为${MIN_FUND_YEAR}至${MAX_FUND_YEAR}之间的整数`,
      `A year is a whole number from ${MIN_FUND_YEAR} to ${MAX_FUND_YEAR}`,
    ),
  );
}

function checkPeriod(input: FundInput, at: string[]): Problem[] {
  if (input.year != null && input.period) {
    return [
      bad([...at, 'period'], msg('年度与实施期只能填写其一', 'Give either a year or a period, not both')),
    ];
  }
  if (input.year != null) return [checkYear(input.year, [...at, 'year'])].filter((p) => p !== null);
  if (!input.period) {
    return [
      bad([...at, 'year'], msg('须填写年度或实施期', 'A fund needs a year or an implementation period')),
    ];
  }
  const { startYear, endYear } = input.period;
  const problems = [
    checkYear(startYear, [...at, 'period', 'startYear']),
    checkYear(endYear, [...at, 'period', 'endYear']),
  ].filter((p) => p !== null);
  if (problems.length === 0 && startYear > endYear) {
    problems.push(
      bad(
        [...at, 'period', 'endYear'],
        msg(
          `实施期结束年度 ${endYear} 早于开始年度 ${startYear}`,
          `The period ends (${endYear}) before it starts (${startYear})`,
        ),
      ),
    );
  }
  return problems;
}

const sourceNames = {
  upperLevel: ['上级资金', 'upper-level money'],
  ownLevel: ['本级资金', 'own-level money'],
  lowerLevel: ['下级配套资金', 'lower-level matching money'],
} as const;

function checkAmounts(amounts: FundAmountsInput, at: string[]): { problems: Problem[]; parsed: boolean } {
  const problems: Problem[] = [];
  for (const key of ['upperLevel', 'ownLevel', 'lowerLevel'] as const) {
    const read = parseMoney(amounts[key]);
    if (read.problem) {
      const [zh, en] = sourceNames[key];
      problems.push(bad([...at, key], msg(`${zh}：${read.problem.zh}`, `${en}: ${read.problem.en}`)));
    }
  }
  if (problems.length > 0) return { problems, parsed: false };
  const sum = fundTotal(amounts);
  if (amounts.total != null) {
    const total = parseMoney(amounts.total);
    if (total.problem) {
      problems.push(bad([...at, 'total'], total.problem));
    } else if (!total.value.equals(sum)) {
      problems.push(
        bad(
          [...at, 'total'],
          msg(
            `资金合计 ${formatWanYuan(total.value)}与各来源之和 ${formatWanYuan(sum)}不符`,
            `The total ${formatWanYuan(total.value)} differs from the sum of the sources ${formatWanYuan(sum)}`,
          ),
        ),
      );
    }
  }
  if (sum.isZero()) {
    problems.push(
      bad([...at, 'ownLevel'], msg('资金合计须大于0', 'The fund needs some money (total above 0)')),
    );
  }
  return { problems, parsed: true };
}

/**
 * Validates a fund as plain data (DOMAIN §4) and returns every problem, each with its field path under
 * `at` (default `['input']`): the name; a year or an implementation period; the amounts by source; the
 * owner (a competent department: 谁分配预算、谁设定目标, 002 第十条(二)); the financing upper-level fund
 * (at a region above, in the same or an earlier year).
 */
export function validateFund(input: FundInput, context: FundContext, at: string[] = ['input']): Problem[] {
  const problems: Problem[] = [];
  const nameProblem = checkName(input.name, 200);
  if (nameProblem) problems.push(bad([...at, 'name'], nameProblem));

  if (context.ownerKind !== OrganizationKind.COMPETENT_DEPARTMENT) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      field: [...at, 'organizationId'],
      message: msg(
        '专项资金须由业务主管部门设立（谁分配预算、谁设定目标）',
        'A fund belongs to a competent department (whoever allocates the budget sets the goal)',
      ),
    });
  }

  const periodProblems = checkPeriod(input, at);
  problems.push(...periodProblems);
  const amounts = checkAmounts(input.amounts, [...at, 'amounts']);
  problems.push(...amounts.problems);

  const upper = context.upperFund;
  if (upper) {
    const field = [...at, 'upperFundId'];
    if (!isStrictAncestorPath(upper.regionPath, context.regionPath)) {
      problems.push(
        bad(
          field,
          msg(
            '上级资金须来自本区划的上级区划',
            "The upper-level fund must belong to a region above this fund's region",
          ),
        ),
      );
    }
    const years = periodProblems.length === 0 ? fundYears(input) : null;
    if (years && upper.startYear > years[0]) {
      problems.push(
        bad(
          field,
          msg(
            `上级资金年度 ${upper.startYear} 晚于本资金年度 ${years[0]}`,
            `The upper-level fund's year ${upper.startYear} is later than this fund's ${years[0]}`,
          ),
        ),
      );
    }
    if (amounts.parsed && new Decimal(input.amounts.upperLevel).isZero()) {
      problems.push(
        bad(
          [...at, 'amounts', 'upperLevel'],
          msg(
            '由上级资金安排的，上级资金须大于0',
            'A fund financed by an upper-level fund has upper-level money',
          ),
        ),
      );
    }
  }
  return problems;
}

export type { Problem };
