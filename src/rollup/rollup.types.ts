import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../common/decimal';
import { MoneyScalar, ScoreScalar } from '../common/scalars';
import { Grade } from '../common/grade';
import { ScoreLineType } from '../evaluation/dto/evaluation.types';
import { GoalIndicatorType, PerformanceGoalType } from '../goals/dto/goal.types';
import { Aggregation } from '../goals/indicator.enums';
import { RollUpVisibility } from './rollup-visibility';

/** 汇总口径 (DOMAIN §11): all submitted children, or only those reviewed by the level above. */
export enum RollUpBasis {
  SUBMITTED = 'SUBMITTED',
  REVIEWED = 'REVIEWED',
}
registerEnumType(RollUpBasis, {
  name: 'RollUpBasis',
  description: '汇总口径 — which children a roll-up counts (DOMAIN §11)',
  valuesConfig: {
    SUBMITTED: { description: '已提交即汇总 — every submitted self-evaluation' },
    REVIEWED: { description: '审核后汇总 — only self-evaluations reviewed by the level above' },
  },
});

/** Where a child's result in a roll-up comes from. */
export enum RollUpChildSource {
  EVALUATION = 'EVALUATION',
  LIVE = 'LIVE',
  MISSING = 'MISSING',
}
registerEnumType(RollUpChildSource, {
  name: 'RollUpChildSource',
  description: '下级结果来源 — where a child’s result in a roll-up comes from',
  valuesConfig: {
    EVALUATION: { description: '自评结果 — its own submitted self-evaluation (or compiled result)' },
    LIVE: { description: '实时汇总 — the live roll-up of its own children (not yet compiled)' },
    MISSING: { description: '未提交 — no result yet; not counted (never treated as 0)' },
  },
});

@ObjectType('RolledUpActual', {
  description:
    '汇总完成值 — one parent indicator’s actual, combined from its children by the indicator’s aggregation (DOMAIN §11)',
})
export class RolledUpActualType {
  @Field(() => GoalIndicatorType, { nullable: true, description: '指标 — the parent goal’s indicator' })
  indicator!: GoalIndicatorType | null;

  @Field(() => Aggregation, { nullable: true, description: '汇总方式 — null: not linked to children' })
  aggregation!: Aggregation | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '汇总完成值 — the combined actual (exact quotient shown to 6 decimals); null when nothing combined; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  value!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '未能汇总的原因 — NO_CONTRIBUTIONS, ZERO_WEIGHT, ZERO_DENOMINATOR or MISSING_PARTS; null when combined; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  failure!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '填报下级数 — counted children that reported this indicator; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  contributors!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '计入下级数 — children counted in this roll-up; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  counted!: number | null;
}

@ObjectType('RollUpMoney', { description: '资金情况 — money of the counted children, summed (元)' })
export class RollUpMoneyType {
  @Field(() => MoneyScalar, { description: '预算数 — budgeted' })
  budgeted!: string;

  @Field(() => MoneyScalar, { description: '到位数 — in place' })
  inPlace!: string;

  @Field(() => MoneyScalar, { description: '执行数 — spent' })
  spent!: string;
}

@ObjectType('RollUpCoverage', {
  description: '覆盖率 — how many children are counted, and what share of the money they carry',
})
export class RollUpCoverageType {
  @Field(() => Int, { description: '已计入 — children counted' })
  counted!: number;

  @Field(() => Int, { description: '应计入 — children in force' })
  total!: number;

  @Field(() => MoneyScalar, { description: '已计入资金 — money of the counted children' })
  countedMoney!: string;

  @Field(() => MoneyScalar, { description: '资金总额 — money of all children' })
  totalMoney!: string;

  @Field(() => DecimalScalar, { description: '资金覆盖率 — countedMoney ÷ totalMoney (0–1, 4 decimals)' })
  moneyShare!: string;
}

@ObjectType('GradeDistribution', { description: '等级分布 — how many counted children have each grade' })
export class GradeDistributionType {
  @Field(() => Int, { description: '优 — EXCELLENT' })
  excellent!: number;

  @Field(() => Int, { description: '良 — GOOD' })
  good!: number;

  @Field(() => Int, { description: '中 — FAIR' })
  fair!: number;

  @Field(() => Int, { description: '差 — POOR' })
  poor!: number;
}

@ObjectType('RollUpChild', { description: '下级结果 — one child goal in a roll-up' })
export class RollUpChildType {
  @Field(() => PerformanceGoalType, {
    nullable: true,
    description: '下级目标 — the child goal; null when outside the caller’s jurisdiction',
  })
  goal!: PerformanceGoalType | null;

  @Field(() => RollUpChildSource, { description: '结果来源 — own evaluation, live roll-up, or missing' })
  source!: RollUpChildSource;

  @Field(() => MoneyScalar, { description: '资金权重 — the child goal’s annual amount (元)' })
  weight!: string;

  @Field({ description: '已计入 — counted under the roll-up’s basis' })
  counted!: boolean;

  @Field({ description: '已审核 — reviewed by the level above (审核)' })
  reviewed!: boolean;

  @Field(() => ScoreScalar, { nullable: true, description: '得分 — the child’s total; null when missing' })
  total!: string | null;

  @Field(() => Grade, { nullable: true, description: '等级 — the child’s grade; null when missing' })
  grade!: Grade | null;
}

@ObjectType('EvaluationRollUp', {
  description:
    '逐级汇总结果 — a parent goal’s result rolled up from its children’s self-evaluations (DOMAIN §11; 003 转移支付 第二十三条): actuals combined by each parent indicator’s aggregation, money summed, the parent scored with its own targets and points; always current',
})
export class EvaluationRollUpType {
  @Field(() => RollUpBasis, { description: '汇总口径 — which children were counted' })
  basis!: RollUpBasis;

  @Field(() => RollUpVisibility, {
    description:
      '汇总可见范围 — FULL for the giving side; OWN_CHILDREN for a receiving region, which sees only its own child rows and the parent’s own targets (actuals[].indicator), every aggregate below being null (DOMAIN §11 “Who sees what”, P6)',
  })
  visibility!: RollUpVisibility;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '暂定结果 — coverage below 100%, or an indicator some counted child did not report; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”) (it would tell whether a sibling has submitted)',
  })
  provisional!: boolean | null;

  @Field(() => ScoreScalar, {
    nullable: true,
    description:
      '总分 — the parent’s total by DOMAIN §10 (sum of rounded lines); null while no child is counted (a missing child is never a 0); null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  total!: string | null;

  @Field(() => Grade, {
    nullable: true,
    description:
      '等级 — grade of the total (002 第二十五条); null with the total; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  grade!: Grade | null;

  @Field(() => [ScoreLineType], {
    nullable: true,
    description:
      '得分明细 — every line with its inputs, rule and score; empty while no child is counted; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  lines!: ScoreLineType[] | null;

  @Field(() => [RolledUpActualType], {
    description:
      '汇总完成值 — the combined actual of each parent indicator; a receiving region gets every indicator (its target and points) with the figures null',
  })
  actuals!: RolledUpActualType[];

  @Field(() => RollUpMoneyType, {
    nullable: true,
    description:
      '资金情况 — money summed over counted children; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  money!: RollUpMoneyType | null;

  @Field(() => ScoreScalar, {
    nullable: true,
    description:
      '下级得分资金加权平均 — Σ(weight × total) ÷ Σweight over counted children (2 decimals); null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  fundWeightedMean!: string | null;

  @Field(() => GradeDistributionType, {
    nullable: true,
    description:
      '等级分布 — grades of the counted children; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  gradeDistribution!: GradeDistributionType | null;

  @Field(() => RollUpCoverageType, {
    nullable: true,
    description:
      '覆盖率 — counted children by number and money; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  coverage!: RollUpCoverageType | null;

  /** Set by the resolver for the children field. */
  goalId!: string;
}
