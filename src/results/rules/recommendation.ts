import { Decimal } from '../../common/decimal';

/**
 * Budget linkage for next year (DOMAIN §13 "Budget linkage"; 001 三(四)2; 002 第二十八条(二); 003 第二十六条,
 * 转移支付 第三十条–第三十一条; 004 二(五)): what a subject's latest result recommends for next year's budget.
 */

export enum RecommendationAction {
  /** 优先保障、表扬 — EXCELLENT / GOOD. */
  SUPPORT = 'SUPPORT',
  /** 完善政策、改进管理，视情况核减 — FAIR. */
  MAY_REDUCE = 'MAY_REDUCE',
  /** 一律调减或取消 — POOR (004 二(五)). */
  REDUCE_OR_CANCEL = 'REDUCE_OR_CANCEL',
  /** 压减不少于 10% 并通报批评 — a transfer fund whose FINANCE evaluation is POOR (003 转移支付 第三十一条). */
  CUT_AT_LEAST = 'CUT_AT_LEAST',
  /** 整改不到位：进一步调减或取消 — unrectified findings (002 第二十八条(二)). */
  REDUCE_FURTHER = 'REDUCE_FURTHER',
  /** 长期沉淀资金一律收回 — money in place but unspent past the threshold (003 第二十六条). */
  RECOVER_IDLE = 'RECOVER_IDLE',
  /** 从严、从紧 — a flagged spot check: the region's transfers are tightened (003 转移支付 第二十四条). */
  TIGHTEN = 'TIGHTEN',
}

/**
 * Policy choice (DOMAIN §13 "Percentages are tenant policy with these defaults"): the minimum cut of a transfer
 * fund whose key (FINANCE) evaluation is POOR, as a share of this year's amount — 10% per 003 转移支付
 * 第三十一条. Kept a named constant until the tenant policy carries it.
 */
export const POOR_TRANSFER_MINIMUM_CUT = new Decimal('0.10');

export interface RecommendationBasis {
  grade: 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';
  evaluationKind: string;
  /** The subject is a transfer fund (专项转移支付 / 共同财政事权). */
  transferFund: boolean;
  /** This year's amount (yuan). */
  amount: Decimal;
}

export interface Recommendation {
  action: RecommendationAction;
  /** The recommended change to next year's amount (negative = cut), in yuan. */
  change: Decimal;
  /** The least cut the rule requires, as an amount (null: no minimum). */
  minimumCut: Decimal | null;
  /** The rules, by document and article. */
  rule: string;
}

/** The least cut as an amount: the share of the amount, rounded up to the fen so it is never below the share. */
export const minimumCutOf = (amount: Decimal, share: Decimal) =>
  amount.times(share).toDecimalPlaces(2, Decimal.ROUND_UP);

/** The recommendation a grade makes (DOMAIN §13, the bullet list under "Budget linkage"). */
export function recommendByGrade(
  b: RecommendationBasis,
  share: Decimal = POOR_TRANSFER_MINIMUM_CUT,
): Recommendation {
  const zero = new Decimal(0);
  switch (b.grade) {
    case 'EXCELLENT':
    case 'GOOD':
      return {
        action: RecommendationAction.SUPPORT,
        change: zero,
        minimumCut: null,
        rule: '001 三(四)2; 003 第二十六条; 004 二(五): 评价结果好的优先保障，予以表扬',
      };
    case 'FAIR':
      return {
        action: RecommendationAction.MAY_REDUCE,
        change: zero,
        minimumCut: null,
        rule: '003 第二十六条; 004 二(五): 完善政策、改进管理，视情况核减',
      };
    case 'POOR':
      if (b.transferFund && b.evaluationKind === 'FINANCE') {
        // DOMAIN §13, 003 转移支付 第三十一条: 重点评价结果为差的，下一年度预算按不低于 10% 的比例压减
        const cut = minimumCutOf(b.amount, share);
        return {
          action: RecommendationAction.CUT_AT_LEAST,
          change: cut.negated(),
          minimumCut: cut,
          rule: '003 转移支付 第三十一条: 财政重点评价结果为差的转移支付，下年预算压减不低于10%，通报批评；情节严重的调整或撤销',
        };
      }
      return {
        action: RecommendationAction.REDUCE_OR_CANCEL,
        change: zero,
        minimumCut: null,
        rule: '004 二(五); 003 第二十六条: 评价结果差的一律调减或取消',
      };
  }
}

/** A finding left unrectified past its due date (DOMAIN §13 "findings not rectified": reduce further or cancel). */
export const recommendForUnrectified = (): Recommendation => ({
  action: RecommendationAction.REDUCE_FURTHER,
  change: new Decimal(0),
  minimumCut: null,
  rule: '002 第二十八条(二); 003 转移支付 第三十三条: 整改不到位的，进一步调减或取消预算',
});

/**
 * Policy choice (DOMAIN §13 "long-idle money (长期沉淀): recover"; 003 第二十六条 "长期沉淀资金一律收回"): money
 * is long-idle when it has been in place at least this many months by the end of the result year and is
 * still unspent. Kept a named constant until the tenant policy carries it.
 */
export const IDLE_MONTHS = 6;

export interface MonthMoney {
  month: number;
  inPlace: Decimal;
  spent: Decimal;
}

/**
 * The long-idle amount of a goal's year (first in, first spent): the money in place by month 12 − IDLE_MONTHS
 * less everything spent in the year, when positive; else 0. E.g. 100 in place in March, 20 in October, 50
 * spent: 50 of March's money has sat 9 months unspent → 50.
 */
export function longIdleAmount(months: readonly MonthMoney[], idleMonths = IDLE_MONTHS): Decimal {
  const old = months
    .filter((m) => m.month <= 12 - idleMonths)
    .reduce((sum, m) => sum.plus(m.inPlace), new Decimal(0));
  const spent = months.reduce((sum, m) => sum.plus(m.spent), new Decimal(0));
  const idle = old.minus(spent);
  return idle.isPositive() && !idle.isZero() ? idle : new Decimal(0);
}

/** Long-idle money is recovered: next year's amount is cut by at least the idle amount (003 第二十六条). */
export const recommendForIdleMoney = (idle: Decimal): Recommendation => ({
  action: RecommendationAction.RECOVER_IDLE,
  change: idle.negated(),
  minimumCut: idle,
  rule: `003 第二十六条: 长期沉淀资金一律收回（到位满${IDLE_MONTHS}个月仍未支出）`,
});

/** A flagged spot check (DOMAIN §12): the region's next-year transfers 从严、从紧. */
export const recommendForSpotCheckFlag = (flags: readonly string[]): Recommendation => ({
  action: RecommendationAction.TIGHTEN,
  change: new Decimal(0),
  minimumCut: null,
  rule: `003 转移支付 第二十四条; 003 第二十一条: 抽查复核予以通报（${flags.join('、')}），下一年度转移支付预算从严、从紧安排`,
});
