import Decimal from 'decimal.js';
import { registerEnumType } from 'type-graphql';
import { msg, type Message } from './errors';

/**
 * 评价等级 — the four grades of 002 第二十五条, used for evaluations (DOMAIN §10) and ex-ante assessments
 * (§6), and what results application keys on (§13: 优/良 支持, 中 完善/核减, 差 压减).
 */
export enum Grade {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  POOR = 'POOR',
}

export const gradeNames: Record<Grade, string> = { EXCELLENT: '优', GOOD: '良', FAIR: '中', POOR: '差' };

registerEnumType(Grade, {
  name: 'Grade',
  description: '评价等级 — grade of an evaluation or assessment (002 第二十五条)',
  valuesConfig: {
    EXCELLENT: { description: '优 — excellent: 90 (inclusive) to 100 points' },
    GOOD: { description: '良 — good: 80 (inclusive) to under 90 points' },
    FAIR: { description: '中 — fair: 60 (inclusive) to under 80 points' },
    POOR: { description: '差 — poor: under 60 points' },
  },
});

/**
 * The lower bound (inclusive) of each grade above POOR. 002 第二十五条 gives 90/80/60 as the usual
 * bands ("一般划分为四档") and lets the bands be set per kind of evaluation ("具体分值和等级可根据不同评价内容
 * 确定"), so they are a parameter with these defaults.
 */
export interface GradeBands {
  excellent: Decimal | string;
  good: Decimal | string;
  fair: Decimal | string;
}

export const DEFAULT_GRADE_BANDS: Readonly<GradeBands> = { excellent: '90', good: '80', fair: '60' };

/** Total points of a score (002 第二十五条: 总分一般设置为 100 分). */
export const MAX_SCORE = '100';

const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function toDecimal(value: Decimal | string): Decimal {
  if (typeof value === 'string') {
    if (!DECIMAL_TEXT.test(value)) throw new RangeError(`Not a decimal: ${JSON.stringify(value)}`);
    return new Decimal(value);
  }
  if (!value.isFinite()) throw new RangeError(`Not a finite decimal: ${value.toString()}`);
  return value;
}

/**
 * 002 第二十五条: 90（含）–100 优, 80（含）–90 良, 60（含）–80 中, 60 以下 差 — compared exactly, so 89.99 is
 * GOOD and 90.00 EXCELLENT. Throws a RangeError for text that is not a decimal or a score outside
 * 0–100 (validate input with `checkScore` first).
 */
export function gradeOf(score: Decimal | string, bands: GradeBands = DEFAULT_GRADE_BANDS): Grade {
  const s = toDecimal(score);
  if (s.lessThan(0) || s.greaterThan(MAX_SCORE)) {
    throw new RangeError(`A score lies between 0 and ${MAX_SCORE}: ${s.toString()}`);
  }
  if (s.greaterThanOrEqualTo(toDecimal(bands.excellent))) return Grade.EXCELLENT;
  if (s.greaterThanOrEqualTo(toDecimal(bands.good))) return Grade.GOOD;
  if (s.greaterThanOrEqualTo(toDecimal(bands.fair))) return Grade.FAIR;
  return Grade.POOR;
}

/**
 * Anything but 差: what the ex-ante gate asks for (DOMAIN §6; 003 第九条 "绩效评估结果差的…不得纳入项目库")
 * and what spares a transfer payment the ≥10% cut (003 转移支付 第三十一条).
 */
export function isBetterThanPoor(grade: Grade): boolean {
  return grade !== Grade.POOR;
}

/** A score typed by a person: a decimal from 0 to 100 with at most 2 decimal places. */
export function checkScore(score: Decimal | string): Message | null {
  let s: Decimal;
  try {
    s = toDecimal(score);
  } catch {
    return msg('分数须为数字，如 85.50', 'A score is a number such as 85.50');
  }
  if (s.lessThan(0) || s.greaterThan(MAX_SCORE)) {
    return msg(`分数须在0至${MAX_SCORE}分之间`, `A score lies between 0 and ${MAX_SCORE}`);
  }
  if (s.decimalPlaces() > 2) {
    return msg('分数最多保留两位小数', 'A score has at most two decimal places');
  }
  return null;
}
