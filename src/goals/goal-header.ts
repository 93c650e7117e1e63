import { Decimal, money } from '../common/decimal';
import { ErrorCode, msg, type Message } from '../common/errors';
import type { Problem } from '../common/problem';
import { parseMoney } from '../funds/rules/fund-rules';
import type { GoalHeaderInput } from './dto/goal-extra.inputs';
import type { GoalHeaderType } from './dto/goal-extra.types';
import type { GoalEntity } from './goal.entity';
import { GoalScope, TRANSFER_SCOPES } from './goal.enums';

/**
 * The 附件1–3 header of a goal (DOMAIN §5; 002 附件1–3): 附件1 (本级预算项目) carries 项目属性, 项目类别,
 * 项目实施期 and 实施期金额 (其中财政拨款/其他资金); 附件2 (整体) carries 专项实施期 and the annual amount split
 * 其中：市级预算资金 / 县级及以下资金, which 附件3 (分区域/分项目) carries too.
 */
export type HeaderColumns = Pick<
  GoalEntity,
  | 'projectAttribute'
  | 'projectCategory'
  | 'periodStartYear'
  | 'periodEndYear'
  | 'periodAmount'
  | 'periodFiscalAmount'
  | 'periodOtherAmount'
  | 'allocatingLevelAmount'
  | 'lowerLevelAmount'
>;

type Key = keyof HeaderColumns;
const KEYS: Key[] = [
  'projectAttribute',
  'projectCategory',
  'periodStartYear',
  'periodEndYear',
  'periodAmount',
  'periodFiscalAmount',
  'periodOtherAmount',
  'allocatingLevelAmount',
  'lowerLevelAmount',
];
const MONEY: Key[] = [
  'periodAmount',
  'periodFiscalAmount',
  'periodOtherAmount',
  'allocatingLevelAmount',
  'lowerLevelAmount',
];

/** Which scopes a header field belongs to (the form that carries it). */
const SCOPES: Record<Key, readonly GoalScope[]> = {
  projectAttribute: [GoalScope.PROJECT],
  projectCategory: [GoalScope.PROJECT],
  periodStartYear: [GoalScope.PROJECT, GoalScope.TRANSFER_OVERALL],
  periodEndYear: [GoalScope.PROJECT, GoalScope.TRANSFER_OVERALL],
  periodAmount: [GoalScope.PROJECT],
  periodFiscalAmount: [GoalScope.PROJECT],
  periodOtherAmount: [GoalScope.PROJECT],
  allocatingLevelAmount: TRANSFER_SCOPES,
  lowerLevelAmount: TRANSFER_SCOPES,
};

const EMPTY: HeaderColumns = {
  projectAttribute: null,
  projectCategory: null,
  periodStartYear: null,
  periodEndYear: null,
  periodAmount: null,
  periodFiscalAmount: null,
  periodOtherAmount: null,
  allocatingLevelAmount: null,
  lowerLevelAmount: null,
};

export function headerOf(g: HeaderColumns): HeaderColumns {
  return Object.fromEntries(KEYS.map((k) => [k, g[k] ?? null])) as unknown as HeaderColumns;
}

/**
 * The header to store: on create `current` is null (omitted = empty); on update the input overlays the
 * stored header — whole header omitted = unchanged, null = cleared; a field omitted = unchanged, null =
 * cleared. Values are raw here; `headerProblems` validates, `headerColumns` normalises.
 */
export function mergedHeader(
  input: GoalHeaderInput | null | undefined,
  current: HeaderColumns | null,
): Record<Key, unknown> {
  const base: Record<Key, unknown> = { ...(current ? headerOf(current) : EMPTY) };
  if (input === undefined) return base;
  if (input === null) return { ...EMPTY };
  for (const k of KEYS) {
    const v = (input as Record<string, unknown>)[k];
    if (v !== undefined) base[k] = v;
  }
  return base;
}

const field = (k: Key) => ['input', 'header', k];

/** BAD_USER_INPUT problems of a merged header, with field paths (DOMAIN §5; 附件1–3). */
export function headerProblems(
  h: Record<Key, unknown>,
  scope: GoalScope,
  year: number,
  annualAmount: string | null,
): Problem[] {
  const out: Problem[] = [];
  const add = (k: Key, m: Message) =>
    out.push({ code: ErrorCode.BAD_USER_INPUT, field: field(k), message: m });
  for (const k of KEYS) {
    if (h[k] !== null && !SCOPES[k].includes(scope)) {
      add(
        k,
        msg(
          `该表头字段不适用于${scope}目标（附件1–3）`,
          `This header field does not apply to ${scope} goals (附件1–3)`,
        ),
      );
    }
  }
  const category = typeof h.projectCategory === 'string' ? h.projectCategory.trim() : null;
  if (category !== null && category.length > 100) {
    add('projectCategory', msg('项目类别最多100字', 'The project category has at most 100 characters'));
  }
  for (const k of ['periodStartYear', 'periodEndYear'] as const) {
    const y = h[k];
    if (y !== null && (!Number.isInteger(y) || (y as number) < 2000 || (y as number) > 2100)) {
      add(k, msg('实施期年度须为2000至2100之间的整数', 'A period year is a whole number from 2000 to 2100'));
    }
  }
  const start = h.periodStartYear as number | null;
  const end = h.periodEndYear as number | null;
  if (start !== null && end !== null && end < start) {
    add('periodEndYear', msg('实施期截止年度不得早于起始年度', 'The period cannot end before it starts'));
  } else if (start !== null && end !== null && (year < start || year > end)) {
    add(
      'periodEndYear',
      msg(
        `预算年度 ${year} 须在实施期 ${start}–${end} 内`,
        `The budget year ${year} must lie in the period ${start}–${end}`,
      ),
    );
  }
  const amounts = new Map<Key, Decimal>();
  for (const k of MONEY) {
    if (h[k] === null) continue;
    const read = parseMoney(h[k] as Decimal);
    if (read.problem) add(k, read.problem);
    else amounts.set(k, read.value);
  }
  const [total, fiscal, other] = ['periodAmount', 'periodFiscalAmount', 'periodOtherAmount'].map((k) =>
    amounts.get(k as Key),
  );
  if (total && fiscal && other && !fiscal.plus(other).eq(total)) {
    add(
      'periodAmount',
      msg(
        `实施期金额 ${money(total)} ≠ 财政拨款 ${money(fiscal)} + 其他资金 ${money(other)}`,
        `Period amount ${money(total)} ≠ fiscal ${money(fiscal)} + other ${money(other)}`,
      ),
    );
  }
  const upper = amounts.get('allocatingLevelAmount');
  const lower = amounts.get('lowerLevelAmount');
  if (upper && lower && annualAmount !== null && !upper.plus(lower).eq(new Decimal(annualAmount))) {
    add(
      'allocatingLevelAmount',
      msg(
        `市级预算资金 ${money(upper)} + 县级及以下资金 ${money(lower)} ≠ 年度金额 ${money(annualAmount)}`,
        `Allocating-level ${money(upper)} + lower-level ${money(lower)} ≠ annual amount ${money(annualAmount)}`,
      ),
    );
  }
  return out;
}

/** The columns to write, from a merged header that passed `headerProblems`. */
export function headerColumns(h: Record<Key, unknown>): HeaderColumns {
  const amount = (v: unknown) => (v === null ? null : money(v as Decimal));
  const category = typeof h.projectCategory === 'string' ? h.projectCategory.trim() : null;
  return {
    projectAttribute: (h.projectAttribute ?? null) as HeaderColumns['projectAttribute'],
    projectCategory: category === '' ? null : category,
    periodStartYear: (h.periodStartYear ?? null) as number | null,
    periodEndYear: (h.periodEndYear ?? null) as number | null,
    periodAmount: amount(h.periodAmount),
    periodFiscalAmount: amount(h.periodFiscalAmount),
    periodOtherAmount: amount(h.periodOtherAmount),
    allocatingLevelAmount: amount(h.allocatingLevelAmount),
    lowerLevelAmount: amount(h.lowerLevelAmount),
  };
}

export const headerView = (g: GoalEntity): GoalHeaderType => headerOf(g);
