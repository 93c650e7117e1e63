import { DetailedActionAvailabilityBase } from '../../common/action-availability.type';
import { SpotCheckAction } from '../spot-check.enums';
import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { Node, registerNodeType } from '../../common/node';
import { connectionType } from '../../common/pagination';
import { DateTime } from '../../common/scalars';
import { RegionType } from '../../hierarchy/dto/hierarchy.types';
import { SpotCheckItemEntity } from '../spot-check-item.entity';
import { SpotCheckSampleEntity } from '../spot-check-sample.entity';
import { SpotCheckFlag, SpotCheckItemStatus, SpotCheckRecommendation } from '../spot-check.enums';
import { LIST_SIZE, listCost } from '../../common/list-cost';

registerNodeType(SpotCheckSampleEntity, 'SpotCheckSample');
registerNodeType(SpotCheckItemEntity, 'SpotCheckItem');

/** 抽查对象 — one goal of a sample (DOMAIN §12); relations are resolved by SpotCheckItemResolver. */
@ObjectType('SpotCheckItem', {
  implements: Node,
  description:
    '抽查对象 — one goal of a spot-check sample: a drawn self-evaluation, or a goal without one (DOMAIN §12)',
})
export class SpotCheckItemType extends Node {
  @Field(() => Int, {
    description: '序号 — 1-based: drawn items first (in id order), then goals without a self-evaluation',
  })
  position!: number;

  @Field({
    description:
      '抽中 — true for a drawn self-evaluation; false for a goal without a submitted self-evaluation',
  })
  sampled!: boolean;

  @Field(() => SpotCheckItemStatus, { description: '抽查状态 — PENDING until re-scored, then CHECKED' })
  status!: SpotCheckItemStatus;

  @Field(() => [SpotCheckFlag], { description: '抽查发现 — the flags of DOMAIN §12 (empty: nothing found)' })
  flags!: SpotCheckFlag[];

  @Field(() => DateTime, {
    nullable: true,
    description: '复核时间 — when re-scored (or, if missing, when drawn)',
  })
  checkedAt!: Date | null;

  @Field(() => Int, { description: '版本 — row version, for optimistic concurrency on recording the check' })
  rowVersion!: number;
}

/** 抽查样本 — one draw (DOMAIN §12). */
@ObjectType('SpotCheckSample', {
  implements: Node,
  description: '抽查样本 — one reproducible draw of submitted self-evaluations for a year (DOMAIN §12)',
})
export class SpotCheckSampleType extends Node {
  @Field(() => Int, { description: '年度 — the budget year checked' })
  year!: number;

  @Field(() => DecimalScalar, { description: '抽查比例 — ratio of the candidates drawn (e.g. 0.1000 = 10%)' })
  ratio!: Decimal;

  @Field(() => Int, { description: '最少抽查数 — minimum number drawn' })
  minimum!: number;

  @Field(() => Int, {
    description: '随机种子 — the recorded seed: the same seed and candidates give the same sample',
  })
  seed!: number;

  @Field(() => Int, { description: '候选数 — submitted self-evaluations in the jurisdiction for the year' })
  candidateCount!: number;

  @Field(() => Int, { description: '抽中数 — how many were drawn' })
  sampledCount!: number;

  @Field(() => Int, {
    description: '未自评数 — issued project goals without a submitted self-evaluation (listed as items)',
  })
  missingCount!: number;

  @Field(() => DecimalScalar, {
    description: '差异阈值 — score gap above which an item is flagged (policy choice: 10 points)',
  })
  scoreGapThreshold!: Decimal;

  @Field({
    description:
      '自评期限已过 — the tenant’s self-evaluation due date of the year had passed when drawn, so goals without a self-evaluation by it were listed (DOMAIN §12)',
  })
  deadlinePassed!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      '自评截止日期 — the self-evaluation due date (tenant policy) the sample was judged by, YYYY-MM-DD',
  })
  selfEvaluationDueDate!: string | null;

  @Field(() => DateTime, { description: '抽取时间 — when drawn' })
  drawnAt!: Date;
}

export const SpotCheckSampleConnection = connectionType(SpotCheckSampleType, 'SpotCheckSample', '抽查样本');

/** 通报 — per region of the notice list. */
@ObjectType('SpotCheckNoticeRegion', {
  description: '通报区划 — a region with flagged items, and its recommendation',
})
export class SpotCheckNoticeRegionType {
  @Field(() => RegionType, { nullable: true, description: '区划 — the goals’ region' })
  region!: unknown;

  @Field(() => Int, { description: '问题数 — flagged items of the region' })
  flaggedItemCount!: number;

  @Field(() => SpotCheckRecommendation, {
    description: '建议 — 从严、从紧: tighten the region’s next-year transfer budget (转移支付 第二十四条)',
  })
  recommendation!: SpotCheckRecommendation;
}

/** 通报 — the year's notice list (DOMAIN §12). */
@ObjectType('SpotCheckNotice', {
  description: '抽查通报 — the year’s notice list of flagged spot-check items (DOMAIN §12)',
})
export class SpotCheckNoticeType {
  @Field(() => Int, { description: '年度 — the budget year' })
  year!: number;

  @Field(() => [SpotCheckItemType], {
    complexity: listCost(LIST_SIZE.fundLines),
    description: '通报事项 — flagged items, by region then position',
  })
  items!: unknown[];

  @Field(() => [SpotCheckNoticeRegionType], {
    complexity: listCost(LIST_SIZE.regionChildren),
    description: '通报区划 — regions with flagged items, each to be tightened',
  })
  regions!: SpotCheckNoticeRegionType[];
}

@ObjectType('SpotCheckActionAvailability', {
  description:
    '抽查可办理操作 — whether the caller may take one action on a spot-check sample or item now and, if not, why (DOMAIN §12; P7)',
})
export class SpotCheckActionAvailabilityType extends DetailedActionAvailabilityBase {
  @Field(() => SpotCheckAction, { description: '操作 — the action' })
  action!: SpotCheckAction;
}
