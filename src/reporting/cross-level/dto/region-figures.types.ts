import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../common/decimal';
import { GradeDistributionType, RollUpMoneyType } from '../../../rollup/rollup.types';

/**
 * The figures of one region and year in a cross-level report (DOMAIN §16, issue 14), grouped as a report
 * reads them. Each value is the BI aggregate's (`Query.aggregate`, same measure, same region, same year),
 * so the two always agree. In a `RegionReportChange` the same type holds this year's figures minus an
 * earlier year's (every count, amount and ratio a difference; a ratio null when missing in either year).
 */
@ObjectType('RegionGoalFigures', { description: '绩效目标 — goals and indicators in force (DOMAIN §5, §7)' })
export class RegionGoalFiguresType {
  @Field(() => Int, { description: '目标数 — goals in force (aggregate GOAL_COUNT)' })
  goalCount!: number;

  @Field(() => Int, { description: '指标数 — indicators of those goals (aggregate INDICATOR_COUNT)' })
  indicatorCount!: number;
}

@ObjectType('RegionMoneyFigures', {
  description:
    '资金情况 — budgeted, in place and spent money (aggregate BUDGETED, IN_PLACE, SPENT) and their rates (DOMAIN §4; 附件7)',
})
export class RegionMoneyFiguresType extends RollUpMoneyType {
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '资金到位率 — in place ÷ budgeted, exact as the aggregate gives it (IN_PLACE_RATE); null when nothing is budgeted',
  })
  inPlaceRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '预算执行率 — spent ÷ in place, exact as the aggregate gives it (EXECUTION_RATE); null when nothing is in place',
  })
  executionRate!: string | null;
}

@ObjectType('RegionMonitoringFigures', { description: '双监控 — monitoring of the goals (DOMAIN §9)' })
export class RegionMonitoringFiguresType {
  @Field(() => Int, { description: '已监控目标数 — goals with a monitoring report (MONITORED_COUNT)' })
  monitoredCount!: number;

  @Field(() => Int, { description: '监控预警目标数 — goals with a monitoring flag (FLAGGED_COUNT)' })
  flaggedCount!: number;
}

@ObjectType('RegionGradeDistribution', {
  description:
    '等级分布 — self-evaluated goals by grade (DOMAIN §10.7; aggregate GRADE × SELF_EVALUATED_COUNT)',
})
export class RegionGradeDistributionType extends GradeDistributionType {}

@ObjectType('RegionEvaluationFigures', {
  description:
    '评价结果 — self-evaluations and evaluations of the goals, their scores and grades (DOMAIN §10)',
})
export class RegionEvaluationFiguresType {
  @Field(() => Int, { description: '已自评目标数 — goals with a self-evaluation (SELF_EVALUATED_COUNT)' })
  selfEvaluatedCount!: number;

  @Field(() => Int, {
    description: '已评价目标数 — goals with a department or finance evaluation (EVALUATED_COUNT)',
  })
  evaluatedCount!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '平均自评得分 — mean self-evaluation score (MEAN_SCORE); null when none is scored',
  })
  meanScore!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '资金加权得分 — self-evaluation scores weighted by money (FUND_WEIGHTED_SCORE); null when none is scored',
  })
  fundWeightedScore!: string | null;

  @Field(() => RegionGradeDistributionType, { description: '等级分布 — self-evaluated goals by grade' })
  gradeDistribution!: RegionGradeDistributionType;
}

@ObjectType('RegionCoverageFigures', {
  description:
    '全覆盖 — the share of the money (0–1) with an issued goal, a monitoring report, a self-evaluation and an evaluation (DOMAIN §16 “Coverage”); null when there is no money',
})
export class RegionCoverageFiguresType {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: '目标覆盖率 — with an issued goal (COVERAGE_GOAL)',
  })
  goal!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '监控覆盖率 — with a monitoring report (COVERAGE_MONITORING)',
  })
  monitoring!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '自评覆盖率 — with a self-evaluation (COVERAGE_SELF_EVALUATION)',
  })
  selfEvaluation!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '评价覆盖率 — with a department or finance evaluation (COVERAGE_EVALUATION)',
  })
  evaluation!: string | null;
}

@ObjectType('RegionFigures', {
  description:
    '区域报告指标 — goals, money, monitoring, evaluation results, grades and coverage of a region’s subtree for one year (DOMAIN §16), equal to the BI aggregate for the same question',
})
export class RegionFiguresType {
  @Field(() => RegionGoalFiguresType, { description: '绩效目标 — goals and indicators' })
  goals!: RegionGoalFiguresType;

  @Field(() => RegionMoneyFiguresType, { description: '资金情况 — money and rates' })
  money!: RegionMoneyFiguresType;

  @Field(() => RegionMonitoringFiguresType, { description: '双监控 — monitoring' })
  monitoring!: RegionMonitoringFiguresType;

  @Field(() => RegionEvaluationFiguresType, {
    description: '评价结果 — self-evaluation and evaluation results',
  })
  evaluation!: RegionEvaluationFiguresType;

  @Field(() => RegionCoverageFiguresType, { description: '全覆盖 — coverage shares of the money' })
  coverage!: RegionCoverageFiguresType;
}
