import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RegionLevel } from '../../../auth/principal-kinds';
import { DecimalScalar } from '../../../common/decimal';
import { RegionFiguresType } from './region-figures.types';

/** 排名口径 — the figure children are ranked by (DOMAIN §13 "Ranking and reports", §16). */
export enum RankingMeasure {
  MEAN_SCORE = 'MEAN_SCORE',
  FUND_WEIGHTED_SCORE = 'FUND_WEIGHTED_SCORE',
  EXECUTION_RATE = 'EXECUTION_RATE',
  IN_PLACE_RATE = 'IN_PLACE_RATE',
  COVERAGE_GOAL = 'COVERAGE_GOAL',
  COVERAGE_MONITORING = 'COVERAGE_MONITORING',
  COVERAGE_SELF_EVALUATION = 'COVERAGE_SELF_EVALUATION',
  COVERAGE_EVALUATION = 'COVERAGE_EVALUATION',
}
registerEnumType(RankingMeasure, {
  name: 'RankingMeasure',
  description: '排名口径 — the figure a report’s children are ranked by, higher first (DOMAIN §13, §16)',
  valuesConfig: {
    MEAN_SCORE: { description: '平均自评得分 — mean self-evaluation score' },
    FUND_WEIGHTED_SCORE: { description: '资金加权得分 — fund-weighted self-evaluation score' },
    EXECUTION_RATE: { description: '预算执行率 — budget execution rate (spent ÷ in place)' },
    IN_PLACE_RATE: { description: '资金到位率 — fund arrival rate (in place ÷ budgeted)' },
    COVERAGE_GOAL: { description: '目标覆盖率 — share of money with an issued goal' },
    COVERAGE_MONITORING: { description: '监控覆盖率 — share of money with a monitoring report' },
    COVERAGE_SELF_EVALUATION: { description: '自评覆盖率 — share of money with a self-evaluation' },
    COVERAGE_EVALUATION: { description: '评价覆盖率 — share of money with an evaluation' },
  },
});

@ObjectType('RegionReportYear', { description: '年度指标 — a region’s figures for one year' })
export class RegionReportYearType {
  @Field(() => Int, { description: '年度 — the year' })
  year!: number;

  @Field(() => RegionFiguresType, { description: '指标 — the figures of that year' })
  figures!: RegionFiguresType;
}

@ObjectType('RegionReportChange', {
  description:
    '同比变化 — this year’s figures minus an earlier year’s, figure by figure, exact (DOMAIN §16 “year-over-year”); a rate, score or share is null when missing in either year (never a difference against 0)',
})
export class RegionReportChangeType {
  @Field(() => Int, { description: '比较年度 — the earlier year' })
  fromYear!: number;

  @Field(() => Int, { description: '报告年度 — this year' })
  toYear!: number;

  @Field(() => RegionFiguresType, { description: '变化 — toYear’s figures minus fromYear’s' })
  change!: RegionFiguresType;
}

@ObjectType('RegionReportRow', {
  description:
    '区域报告行 — one region of a cross-level report: where it sits in the tree (flat: path, level, parent — GraphQL has no recursion) and its figures for this year and the earlier years (DOMAIN §16)',
})
export class RegionReportRowType {
  @Field({ description: '行政区划代码 — the region’s division code' })
  code!: string;

  @Field({ description: '区划名称 — the region’s name' })
  name!: string;

  @Field(() => RegionLevel, { description: '区划层级 — CITY, DISTRICT or TOWNSHIP' })
  level!: RegionLevel;

  @Field({
    description: '区划路径 — division codes from the city down to this region, joined by “/”',
  })
  path!: string;

  @Field(() => String, { nullable: true, description: '上级区划代码 — the parent’s code; null for the city' })
  parentCode!: string | null;

  @Field(() => Int, {
    description: '相对层次 — 0 for the report’s region, 1 for its children, 2 for grandchildren',
  })
  depth!: number;

  @Field(() => RegionFiguresType, { description: '本年度指标 — this year’s figures' })
  figures!: RegionFiguresType;

  @Field(() => [RegionReportYearType], {
    description: '各年度指标 — the figures of every year of the report, oldest first, this year last',
  })
  years!: RegionReportYearType[];

  @Field(() => [RegionReportChangeType], {
    description:
      '同比变化 — this year against each earlier year of the report, the latest earlier year first',
  })
  changes!: RegionReportChangeType[];
}

@ObjectType('RegionRankingEntry', {
  description: '排名行 — one child’s place by the ranked figure (competition ranking “1224”, 并列 stated)',
})
export class RegionRankingEntryType {
  @Field({ description: '行政区划代码 — the child’s division code' })
  code!: string;

  @Field({ description: '区划名称 — the child’s name' })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      '名次 — 1 + the number of children with a strictly higher value (1, 2, 2, 4); null when the child has no value (never ranked as 0)',
  })
  rank!: number | null;

  @Field({ description: '并列 — another child has the same value and the same rank' })
  tied!: boolean;

  @Field(() => Int, { description: '并列数 — children sharing this rank (1 alone; 0 when unranked)' })
  tieSize!: number;

  @Field(() => DecimalScalar, { nullable: true, description: '指标值 — the ranked figure, exact' })
  value!: string | null;
}

@ObjectType('RegionRanking', {
  description:
    '下级排名 — the report’s children ranked by one figure of this year, higher first, ties sharing a rank (DOMAIN §13 “Ranking and reports”; 001 三(四)3)',
})
export class RegionRankingType {
  @Field(() => RankingMeasure, { description: '排名口径 — the figure ranked by' })
  measure!: RankingMeasure;

  @Field(() => Int, { description: '参与排名数 — children with a value' })
  rankedCount!: number;

  @Field(() => Int, { description: '并列组数 — groups of two or more children sharing a rank' })
  tieGroups!: number;

  @Field(() => [RegionRankingEntryType], {
    description: '排名 — ranked children first (by rank, then code), then the unranked ones',
  })
  entries!: RegionRankingEntryType[];
}
