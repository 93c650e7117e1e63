import { Decimal, formatDecimal } from '../../common/decimal';
import { divBy, roundExact, timesBy, valueOf, type Exact } from './exact';
import type { QualitativeTier } from './scoring-types';

/**
 * Qualitative indicators (DOMAIN §10.4; 002 第二十四条): 达成指标 100%–80%（含）, 部分达成指标并具有一定效果
 * 80%–60%（含）, 未达成指标且效果较差 60%–0%; score = points × percentage ÷ 100.
 */
export interface TierRange {
  min: Decimal;
  max: Decimal;
  /** Whether `max` itself belongs to the tier. */
  maxInclusive: boolean;
  name: string;
}

export const TIER_RANGES: Readonly<Record<QualitativeTier, TierRange>> = {
  ACHIEVED: { min: new Decimal(80), max: new Decimal(100), maxInclusive: true, name: '达成' },
  PARTIAL: { min: new Decimal(60), max: new Decimal(80), maxInclusive: false, name: '部分达成' },
  NOT_ACHIEVED: { min: new Decimal(0), max: new Decimal(60), maxInclusive: false, name: '未达成' },
};

export const TIERS: readonly QualitativeTier[] = ['ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'];

export function isTier(value: unknown): value is QualitativeTier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/** Whether a percentage lies inside its tier: ACHIEVED [80,100], PARTIAL [60,80), NOT_ACHIEVED [0,60). */
export function percentageInTier(tier: QualitativeTier, percentage: Decimal): boolean {
  const r = TIER_RANGES[tier];
  if (!percentage.isFinite() || percentage.lt(r.min)) return false;
  return r.maxInclusive ? percentage.lte(r.max) : percentage.lt(r.max);
}

/** The tier's range for messages: "[80, 100]", "[60, 80)". */
export function tierRangeText(tier: QualitativeTier): string {
  const r = TIER_RANGES[tier];
  return `[${r.min.toString()}, ${r.max.toString()}${r.maxInclusive ? ']' : ')'}`;
}

export interface QualitativeScore {
  rule: 'QUALITATIVE_TIER';
  ruleText: string;
  /** Exact (a fraction), not yet rounded. */
  raw: Exact;
}

/** Scores a qualitative indicator whose percentage lies inside its tier (checked before). */
export function scoreQualitative(p: Exact, tier: QualitativeTier, percentage: Decimal): QualitativeScore {
  const raw = divBy(timesBy(p, percentage), 100);
  const P = formatDecimal(valueOf(p));
  const pct = formatDecimal(percentage);
  const s = roundExact(raw, 2).toFixed(2);
  const range = tierRangeText(tier);
  return {
    rule: 'QUALITATIVE_TIER',
    ruleText:
      `规则 QUALITATIVE_TIER：档次「${TIER_RANGES[tier].name}」${range}%，评定 ${pct}%，得分 = ${P} × ${pct}% = ${s}` +
      ` / rule QUALITATIVE_TIER: tier ${tier} ${range}%, judged ${pct}%, score = ${P} × ${pct}% = ${s}`,
    raw,
  };
}
