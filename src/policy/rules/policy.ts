import { Decimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import type { GradeBands } from '../../common/grade';
import type { Problem } from '../../common/problem';
import type { ScoringPolicy } from '../../evaluation/rules/scoring-types';

/**
 * 绩效管理参数 — the tenant policy of DOMAIN §10 rule 7: grade bands (002 第二十五条 "具体分值和等级可根据不同评价
 * 内容确定"), the over-target threshold and floor (§10.3), the SLOW_EXECUTION threshold (§9), the spot-check
 * ratio and gap (§12), the self-evaluation due date (§11, §12) and the monitoring cadence and due days (§9;
 * 004 二(三)1 按月 "双监控", 每年6月底 整体目标监控). Plain data, decimals as exact text; pure functions.
 */
export enum MonitoringCadence {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
}

export interface PolicyValues {
  gradeExcellent: string;
  gradeGood: string;
  gradeFair: string;
  /** a ÷ t above this ratio is 完成值高于指标值较多 (DOMAIN §10.3: 1.2). */
  overTargetThreshold: string;
  /** the deduction for a target set too low never goes below this share of the points (0.8). */
  overTargetFloor: string;
  /** SLOW_EXECUTION: percentage points executed may lag behind M ÷ 12 (DOMAIN §9: 10). */
  slowExecutionThreshold: string;
  /** 抽查比例 (DOMAIN §12: 0.1). */
  spotCheckRatio: string;
  /** |self − check| above this many points is 差异较大 (DOMAIN §12: 10). */
  spotCheckGap: string;
  /** 自评截止日期 for the policy's year, `YYYY-MM-DD` (policy choice: 31 March of the following year). */
  selfEvaluationDueDate: string;
  monitoringCadence: MonitoringCadence;
  /** a report for month M is due by this day of month M + 1 (policy choice: the 10th). */
  monitoringDueDay: number;
  /** the month of the department-goal check (004 二(三)1: 每年6月底). */
  departmentCheckMonth: number;
}

/** A policy as resolved for a year: the values, and which stored row (null id / version 0: the defaults). */
export interface ResolvedPolicy extends PolicyValues {
  id: string | null;
  version: number;
  /** The year asked for. */
  year: number;
  /** The year of the stored row it comes from (that year's own, or the nearest earlier one). */
  effectiveYear: number;
  isDefault: boolean;
}

/** Today's constants (DOMAIN §9, §10, §12): what applies while finance has set nothing. */
export function defaultPolicyValues(year: number): PolicyValues {
  return {
    gradeExcellent: '90',
    gradeGood: '80',
    gradeFair: '60',
    overTargetThreshold: '1.2',
    overTargetFloor: '0.8',
    slowExecutionThreshold: '10',
    spotCheckRatio: '0.1',
    spotCheckGap: '10',
    selfEvaluationDueDate: `${year + 1}-03-31`,
    monitoringCadence: MonitoringCadence.MONTHLY,
    monitoringDueDay: 10,
    departmentCheckMonth: 6,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (2025-02-29 does not). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A due date set for year `from`, carried to year `to` (a policy applies from its year on until a later
 * year has its own): the same calendar day, `to − from` years later; 29 February becomes 28 February.
 */
export function carryDueDate(date: string, from: number, to: number): string {
  const m = DATE.exec(date);
  if (!m || from === to) return date;
  const y = Number(m[1]) + (to - from);
  const day = m[2] === '02' && m[3] === '29' && !isCalendarDate(`${y}-02-29`) ? '28' : m[3];
  return `${String(y).padStart(4, '0')}-${m[2]}-${day}`;
}

/**
 * The end of a due date (its last instant) in the tenant's time zone, Asia/Shanghai (DOMAIN §13 "calendar
 * dates in the tenant's time zone"): something done on the due date is done by it.
 */
export function endOfDueDate(date: string): Date {
  const start = new Date(`${date}T00:00:00+08:00`);
  return new Date(start.getTime() + 24 * 3600 * 1000);
}

/** Whether the self-evaluation due date of a policy has passed at `now` (DOMAIN §11, §12). */
export function dueDatePassed(p: Pick<PolicyValues, 'selfEvaluationDueDate'>, now: Date): boolean {
  return now.getTime() >= endOfDueDate(p.selfEvaluationDueDate).getTime();
}

export const gradeBandsOf = (p: PolicyValues): GradeBands => ({
  excellent: p.gradeExcellent,
  good: p.gradeGood,
  fair: p.gradeFair,
});

const NUMBER = /^(0|[1-9]\d*)(\.\d+)?$/;

function bad(field: string, zh: string, en: string): Problem {
  return { code: ErrorCode.BAD_USER_INPUT, reason: 'POLICY_INVALID', field: [field], message: msg(zh, en) };
}

/** A decimal text with at most `places` decimals inside [min, max] (bounds inclusive unless said). */
function inRange(
  text: string,
  places: number,
  min: Decimal,
  max: Decimal,
  open: { min?: boolean; max?: boolean } = {},
): boolean {
  if (!NUMBER.test(text)) return false;
  const d = new Decimal(text);
  if (d.decimalPlaces() > places) return false;
  if (open.min ? d.lte(min) : d.lt(min)) return false;
  return open.max ? d.lt(max) : d.lte(max);
}

/**
 * Everything wrong with a policy (DOMAIN §10.7), each with its field: grade bands descending within
 * (0, 100] (优 > 良 > 中), over-target threshold > 1 and floor in [0, 1], SLOW_EXECUTION threshold and
 * spot-check gap 0–100 points, ratio in (0, 1], the due date a real date after the year's end, the due
 * day 1–28, the check month 1–12.
 */
export function policyProblems(year: number, p: PolicyValues): Problem[] {
  const problems: Problem[] = [];
  const zero = new Decimal(0);
  const hundred = new Decimal(100);
  const bands = [
    ['gradeExcellent', p.gradeExcellent],
    ['gradeGood', p.gradeGood],
    ['gradeFair', p.gradeFair],
  ] as const;
  for (const [field, value] of bands) {
    if (!inRange(value, 2, zero, hundred, { min: true }))
      problems.push(
        bad(
          field,
          '等级分数线须为 0（不含）至 100 之间、最多两位小数',
          'A grade band lies in (0, 100] with at most 2 decimals',
        ),
      );
  }
  if (problems.length === 0) {
    const [e, g, f] = bands.map(([, v]) => new Decimal(v));
    if (!e!.gt(g!))
      problems.push(
        bad(
          'gradeGood',
          '“良”的分数线须低于“优”',
          'The GOOD band must lie below the EXCELLENT band (bands descend)',
        ),
      );
    if (!g!.gt(f!))
      problems.push(
        bad(
          'gradeFair',
          '“中”的分数线须低于“良”',
          'The FAIR band must lie below the GOOD band (bands descend)',
        ),
      );
  }
  if (!inRange(p.overTargetThreshold, 4, new Decimal(1), new Decimal(10), { min: true }))
    problems.push(
      bad(
        'overTargetThreshold',
        '超目标阈值须为大于 1 的比值（如 1.2 即 120%），最多四位小数',
        'The over-target threshold is a ratio above 1 (1.2 for 120%), at most 4 decimals',
      ),
    );
  if (!inRange(p.overTargetFloor, 4, zero, new Decimal(1)))
    problems.push(
      bad(
        'overTargetFloor',
        '调减下限须在 0 至 1 之间（如 0.8），最多四位小数',
        'The over-target floor lies in [0, 1] (e.g. 0.8), at most 4 decimals',
      ),
    );
  if (!inRange(p.slowExecutionThreshold, 2, zero, hundred))
    problems.push(
      bad(
        'slowExecutionThreshold',
        '执行缓慢阈值须为 0 至 100 个百分点，最多两位小数',
        'The slow-execution threshold is 0–100 points with at most 2 decimals',
      ),
    );
  if (!inRange(p.spotCheckRatio, 4, zero, new Decimal(1), { min: true }))
    problems.push(
      bad(
        'spotCheckRatio',
        '抽查比例须大于 0 且不超过 1（如 0.1），最多四位小数',
        'The spot-check ratio lies in (0, 1] (0.1 for 10%), at most 4 decimals',
      ),
    );
  if (!inRange(p.spotCheckGap, 2, zero, hundred))
    problems.push(
      bad(
        'spotCheckGap',
        '抽查差异分值须为 0 至 100 分，最多两位小数',
        'The spot-check gap is 0–100 points with at most 2 decimals',
      ),
    );
  if (!isCalendarDate(p.selfEvaluationDueDate)) {
    problems.push(
      bad(
        'selfEvaluationDueDate',
        '自评截止日期须为有效日期，格式 YYYY-MM-DD',
        'The self-evaluation due date is a real date, YYYY-MM-DD',
      ),
    );
  } else if (p.selfEvaluationDueDate <= `${year}-12-31`) {
    problems.push(
      bad(
        'selfEvaluationDueDate',
        `自评在年度预算执行结束后开展，截止日期须晚于 ${year}-12-31`,
        `Self-evaluation follows the budget year: the due date lies after ${year}-12-31`,
      ),
    );
  }
  if (!Object.values(MonitoringCadence).includes(p.monitoringCadence))
    problems.push(bad('monitoringCadence', '监控频次无效', 'Unknown monitoring cadence'));
  if (!Number.isInteger(p.monitoringDueDay) || p.monitoringDueDay < 1 || p.monitoringDueDay > 28)
    problems.push(
      bad(
        'monitoringDueDay',
        '监控报告报送日须为次月 1 至 28 日',
        'The monitoring due day is day 1–28 of the following month',
      ),
    );
  if (!Number.isInteger(p.departmentCheckMonth) || p.departmentCheckMonth < 1 || p.departmentCheckMonth > 12)
    problems.push(
      bad('departmentCheckMonth', '部门整体目标监控月份须为 1 至 12', 'The department check month is 1–12'),
    );
  return problems;
}

/** The months whose reports a cadence asks for (DOMAIN §9; 004 按月). */
export function reportMonths(cadence: MonitoringCadence): number[] {
  if (cadence === MonitoringCadence.QUARTERLY) return [3, 6, 9, 12];
  if (cadence === MonitoringCadence.HALF_YEARLY) return [6, 12];
  return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
}

/** When the report for month M of a year is due: day D of month M + 1, end of day (Asia/Shanghai). */
export function monitoringDueAt(year: number, month: number, dueDay: number): Date {
  const y = month === 12 ? year + 1 : year;
  const m = month === 12 ? 1 : month + 1;
  return endOfDueDate(`${y}-${String(m).padStart(2, '0')}-${String(dueDay).padStart(2, '0')}`);
}

/**
 * Whether the report for month M of a year is due at `now` (DOMAIN §9 "Cadences and due dates are tenant
 * settings"): the policy's cadence asks for a report that month, and its due day of month M + 1 has passed
 * (end of day, Asia/Shanghai). A month that is not due lists no goal as missing.
 */
export function monitoringMonthDue(
  p: Pick<PolicyValues, 'monitoringCadence' | 'monitoringDueDay'>,
  year: number,
  month: number,
  now: Date,
): boolean {
  if (!reportMonths(p.monitoringCadence).includes(month)) return false;
  return now.getTime() >= monitoringDueAt(year, month, p.monitoringDueDay).getTime();
}

/** Budget years follow the calendar in China (UTC+8), whatever the server's zone. */
export function budgetYearAt(now: Date): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}

/** What the scoring engine takes of a policy (DOMAIN §10.3, §10.7): grade bands, over-target threshold and floor. */
export function scoringPolicyOf(p: PolicyValues): ScoringPolicy {
  return {
    gradeBands: gradeBandsOf(p),
    overTarget: { threshold: new Decimal(p.overTargetThreshold), floor: new Decimal(p.overTargetFloor) },
  };
}
