import { Decimal, formatDecimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import { Grade } from '../../common/grade';
import type { Problem } from '../../common/problem';
import { mulberry32, nextBelow } from '../../evaluation/rules/prng';

/**
 * 抽查复核 (DOMAIN §12; 003 第二十一条, 转移支付 第二十四条; 002 第二十八条(二)): a reproducible sample of
 * submitted self-evaluations, and the flags that put an item on the year's notice list (通报).
 */

/** Policy choice (DOMAIN §12): 10% of the candidates, at least 1. */
export const DEFAULT_SAMPLE_RATIO = new Decimal('0.1');
/** Policy choice (DOMAIN §12): |self total − check total| above 10 points is 自评和抽评结果差异较大. */
export const DEFAULT_SCORE_GAP = new Decimal(10);
export const MAX_SEED = 0xffff_ffff;

/** Sample size: ⌈ratio × n⌉, at least 1 when there is any candidate (0 of none). */
export function sampleSize(ratio: Decimal, n: number): number {
  if (n === 0) return 0;
  return Math.max(1, Math.min(n, ratio.times(n).ceil().toNumber()));
}

export function checkSampling(ratio: Decimal, seed: number): Problem[] {
  const problems: Problem[] = [];
  if (!ratio.isFinite() || ratio.lte(0) || ratio.gt(1)) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'RATIO_INVALID',
      field: ['ratio'],
      message: msg(
        '抽查比例须大于 0 且不超过 1（如 0.1 即 10%）',
        'The sample ratio lies in (0, 1], e.g. 0.1 for 10%',
      ),
    });
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'SEED_INVALID',
      field: ['seed'],
      message: msg(`随机种子须为 0 至 ${MAX_SEED} 的整数`, `The seed is an integer from 0 to ${MAX_SEED}`),
    });
  }
  return problems;
}

/** Code-unit order, independent of locale, so the same ids sort the same everywhere. */
const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Draws the sample: candidates sorted by id, then a partial Fisher–Yates shuffle driven by mulberry32(seed)
 * picks `sampleSize(ratio, n)` of them. Same seed + same candidate set → same sample, whatever order the
 * candidates come in. Returned in id order. Throws on an invalid ratio or seed (check with `checkSampling`).
 */
export function drawSample<T extends { id: string }>(
  candidates: readonly T[],
  seed: number,
  ratio: Decimal = DEFAULT_SAMPLE_RATIO,
): T[] {
  if (checkSampling(ratio, seed).length > 0)
    throw new RangeError(`Invalid sampling: ratio ${ratio.toString()}, seed ${seed}`);
  const pool = [...candidates].sort(byId);
  const size = sampleSize(ratio, pool.length);
  const next = mulberry32(seed);
  for (let i = 0; i < size; i += 1) {
    const j = i + nextBelow(next, pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size).sort(byId);
}

export type SpotCheckFlag = 'MISSING_SELF_EVALUATION' | 'SCORE_GAP' | 'GRADE_DIFFERS' | 'CHECK_POOR';

export interface SpotCheckItem {
  id: string;
  regionId: string;
  /** When the self-evaluation was submitted (null: never). */
  selfSubmittedAt: Date | null;
  deadline: Date;
  selfTotal: Decimal | null;
  selfGrade: Grade | null;
  /** The SPOT_CHECK re-score, once done. */
  checkTotal: Decimal | null;
  checkGrade: Grade | null;
}

export interface SpotCheckFlags {
  flags: SpotCheckFlag[];
  /** |self − check| when both exist. */
  gap: Decimal | null;
  reasons: string[];
}

/**
 * 003 第二十一条: 未按要求开展自评 (MISSING_SELF_EVALUATION: none by the deadline), 自评和抽评结果差异较大
 * (SCORE_GAP: |self − check| > 10, policy choice; GRADE_DIFFERS: another grade), 抽评结果为差 (CHECK_POOR).
 */
export function spotCheckFlags(
  item: SpotCheckItem,
  gapThreshold: Decimal = DEFAULT_SCORE_GAP,
): SpotCheckFlags {
  const flags: SpotCheckFlag[] = [];
  const reasons: string[] = [];
  let gap: Decimal | null = null;
  if (!item.selfSubmittedAt || item.selfSubmittedAt.getTime() > item.deadline.getTime()) {
    flags.push('MISSING_SELF_EVALUATION');
    reasons.push('未按要求开展自评 / no self-evaluation by the deadline');
  }
  if (item.selfTotal && item.checkTotal) {
    gap = item.selfTotal.minus(item.checkTotal).abs();
    if (gap.gt(gapThreshold)) {
      flags.push('SCORE_GAP');
      reasons.push(
        `自评 ${formatDecimal(item.selfTotal)} 与抽评 ${formatDecimal(item.checkTotal)} 相差 ${formatDecimal(gap)} 分，超过 ${formatDecimal(gapThreshold)} 分 / self and check differ by ${formatDecimal(gap)} points`,
      );
    }
  }
  if (item.selfGrade && item.checkGrade && item.selfGrade !== item.checkGrade) {
    flags.push('GRADE_DIFFERS');
    reasons.push(`自评等级 ${item.selfGrade} 与抽评等级 ${item.checkGrade} 不同 / the grades differ`);
  }
  if (item.checkGrade === Grade.POOR) {
    flags.push('CHECK_POOR');
    reasons.push('抽评结果为差 / the check is graded POOR');
  }
  return { flags, gap, reasons };
}

export interface NoticeEntry extends SpotCheckFlags {
  id: string;
  regionId: string;
}

export interface NoticeList {
  entries: NoticeEntry[];
  /** Regions whose next-year transfer budgets are recommended 从严、从紧 (转移支付 第二十四条), in id order. */
  tightenRegions: string[];
}

/** The year's notice list (通报): every item with a flag; their regions are to be tightened. */
export function noticeList(
  items: readonly SpotCheckItem[],
  gapThreshold: Decimal = DEFAULT_SCORE_GAP,
): NoticeList {
  const entries = [...items]
    .sort(byId)
    .map((item) => ({ id: item.id, regionId: item.regionId, ...spotCheckFlags(item, gapThreshold) }))
    .filter((e) => e.flags.length > 0);
  const tightenRegions = [...new Set(entries.map((e) => e.regionId))].sort();
  return { entries, tightenRegions };
}
