import { Decimal, money } from '../../common/decimal';
import { percentage } from './flags';

/** One month of money in execution (yuan, decimal text as stored). */
export interface MonthMoney {
  year: number;
  month: number;
  budgeted: string;
  inPlace: string;
  spent: string;
}

export interface MoneyToDate {
  budgetToDate: Decimal;
  inPlaceToDate: Decimal;
  executedToDate: Decimal;
}

const ZERO = new Decimal(0);

/** Totals from January to month M of a year (DOMAIN §9: 1-M月预算数/到位数/执行数), exact sums. */
export function totalsToDate(months: readonly MonthMoney[], year: number, throughMonth: number): MoneyToDate {
  const counted = months.filter((m) => m.year === year && m.month <= throughMonth);
  const sum = (pick: (m: MonthMoney) => string) =>
    counted.reduce((s, m) => s.plus(new Decimal(pick(m))), ZERO);
  return {
    budgetToDate: sum((m) => m.budgeted),
    inPlaceToDate: sum((m) => m.inPlace),
    executedToDate: sum((m) => m.spent),
  };
}

/** The money figures of 附件4–5 for people: amounts in yuan (2 places) and rates in % (display only). */
export interface MoneyFigures {
  annualBudget: string | null;
  budgetToDate: string;
  inPlaceToDate: string;
  executedToDate: string;
  executionRateToDate: string | null;
  executionOfAnnualRate: string | null;
  arrivalRate: string | null;
  projectedExecution: string | null;
  projectedExecutionRate: string | null;
}

/**
 * 附件4: 1-M月执行率 = executed ÷ budgeted to date; 全年预计执行率 = projected ÷ annual budget. 附件5 and
 * SLOW_EXECUTION use executed ÷ annual budget; DOMAIN §4's 资金到位率 = in place ÷ budgeted.
 */
export function moneyFigures(
  annualBudget: Decimal | null,
  toDate: MoneyToDate,
  projectedExecution: Decimal | null,
): MoneyFigures {
  return {
    annualBudget: annualBudget ? money(annualBudget) : null,
    budgetToDate: money(toDate.budgetToDate),
    inPlaceToDate: money(toDate.inPlaceToDate),
    executedToDate: money(toDate.executedToDate),
    executionRateToDate: percentage(toDate.executedToDate, toDate.budgetToDate),
    executionOfAnnualRate: percentage(toDate.executedToDate, annualBudget),
    arrivalRate: percentage(toDate.inPlaceToDate, toDate.budgetToDate),
    projectedExecution: projectedExecution ? money(projectedExecution) : null,
    projectedExecutionRate: percentage(projectedExecution, annualBudget),
  };
}
