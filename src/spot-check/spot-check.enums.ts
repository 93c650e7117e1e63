import { registerEnumType } from 'type-graphql';
import type { SpotCheckFlag as EngineFlag } from './rules/flags';

/** 抽查状态 (DOMAIN §12): PENDING until re-scored, then CHECKED (once). */
export enum SpotCheckItemStatus {
  PENDING = 'PENDING',
  CHECKED = 'CHECKED',
}

/**
 * 抽查发现 (DOMAIN §12; 003 第二十一条, 转移支付 第二十四条) — the engine's flags as a GraphQL enum:
 * no self-evaluation by the deadline; |self − check| > 10 points (policy choice); another grade; a POOR check.
 */
export enum SpotCheckFlag {
  MISSING_SELF_EVALUATION = 'MISSING_SELF_EVALUATION',
  SCORE_GAP = 'SCORE_GAP',
  GRADE_DIFFERS = 'GRADE_DIFFERS',
  CHECK_POOR = 'CHECK_POOR',
}

/** Compile-time proof that the enum and the engine's flags are the same set. */
const sameFlags: Record<EngineFlag, SpotCheckFlag> = SpotCheckFlag;
void sameFlags;

/** 结果应用建议 for a region on the notice list (DOMAIN §12, §13). */
export enum SpotCheckRecommendation {
  TIGHTEN = 'TIGHTEN',
}

registerEnumType(SpotCheckItemStatus, {
  name: 'SpotCheckItemStatus',
  description: '抽查状态 — status of a spot-check item (DOMAIN §12)',
  valuesConfig: {
    PENDING: { description: '待复核 — drawn, not yet re-scored' },
    CHECKED: {
      description: '已复核 — re-scored (or, without a self-evaluation, recorded as missing when drawn)',
    },
  },
});

registerEnumType(SpotCheckFlag, {
  name: 'SpotCheckFlag',
  description: '抽查发现 — finding of a spot check (DOMAIN §12; 003 第二十一条, 转移支付 第二十四条)',
  valuesConfig: {
    MISSING_SELF_EVALUATION: {
      description: '未按要求开展自评 — no submitted self-evaluation by the deadline',
    },
    SCORE_GAP: {
      description: '自评和抽评结果差异较大 — |self total − check total| above the threshold (10 points)',
    },
    GRADE_DIFFERS: { description: '评价等级不一致 — the check’s grade differs from the self-evaluation’s' },
    CHECK_POOR: { description: '抽评结果为差 — the check is graded POOR (差)' },
  },
});

registerEnumType(SpotCheckRecommendation, {
  name: 'SpotCheckRecommendation',
  description: '结果应用建议 — recommendation for a region on the notice list (DOMAIN §12)',
  valuesConfig: {
    TIGHTEN: {
      description: '从严、从紧 — tighten the region’s next-year transfer budget (转移支付 第二十四条)',
    },
  },
});

/** 抽查操作 — the actions on a spot-check sample or item (DOMAIN §12), for `availableActions`. */
export enum SpotCheckAction {
  RECORD_CHECK = 'RECORD_CHECK',
}

registerEnumType(SpotCheckAction, {
  name: 'SpotCheckAction',
  description: '抽查操作 — an action on a spot-check sample or item (DOMAIN §12)',
  valuesConfig: {
    RECORD_CHECK: {
      description:
        '录入抽查复核 — re-score a pending item (finance or a competent department; never the self-evaluator or the implementing unit, P7)',
    },
  },
});
