/**
 * Due dates of findings (DOMAIN §13 "Findings, feedback and rectification"; 001 三(四)1; 002 第二十八条(二);
 * 003 转移支付 第三十三条). Dates are calendar dates (YYYY-MM-DD) in the tenant's time zone, Asia/Shanghai
 * (UTC+8, no daylight saving), whatever the server's zone.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar date in Asia/Shanghai of an instant (DOMAIN §13 "calendar dates in the tenant's time zone"). */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `months` calendar months after `date`, clamped to the end of the target month: "1 month after 01-31 is
 * the last day of February" (DOMAIN §13).
 */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Feedback to the evaluated body within 1 month of completion (DOMAIN §13; 003 转移支付 第三十三条). */
export const FEEDBACK_MONTHS = 1;
/** Written rectification to same-level finance within 2 months of feedback (DOMAIN §13; 003 转移支付 第三十三条). */
export const RECTIFICATION_MONTHS = 2;

export interface FindingDueDates {
  feedbackDueOn: string;
  rectificationDueOn: string;
}

/**
 * The due dates of a finding: feedback 1 month after the source's completion; rectification 2 months
 * after feedback was given (before it is given: 2 months after the feedback due date, the latest it can
 * be), unless the finding sets its own 整改时限.
 */
export function findingDueDates(
  completedOn: string,
  feedbackGivenOn: string | null,
  ownDeadline: string | null,
): FindingDueDates {
  const feedbackDueOn = addMonthsClamped(completedOn, FEEDBACK_MONTHS);
  const rectificationDueOn =
    ownDeadline ?? addMonthsClamped(feedbackGivenOn ?? feedbackDueOn, RECTIFICATION_MONTHS);
  return { feedbackDueOn, rectificationDueOn };
}

/**
 * OVERDUE, computed from today (never stored, DOMAIN §13): a finding still waiting for feedback past its
 * feedback due date, or waiting for the rectification report past its rectification due date. A date is
 * due through its whole day: overdue from the next day on.
 */
export function isOverdue(state: string, dues: FindingDueDates, today: string): boolean {
  if (state === 'OPEN') return today > dues.feedbackDueOn;
  if (state === 'FEEDBACK_GIVEN' || state === 'REOPENED') return today > dues.rectificationDueOn;
  return false;
}
