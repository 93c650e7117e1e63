import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/request-context';
import { RankingMeasure, RegionRankingType, RegionReportRowType } from './dto/region-report.types';
import { RegionReportSource } from './region-report.service';
import { figuresView, rankingView, rowView } from './region-report.views';
import { RegionFiguresType } from './dto/region-figures.types';

@ObjectType('RegionReport', {
  description:
    '跨层级报告 — a region’s goals, money, monitoring, evaluation results, grades and coverage for a year and the years before, drilled down one level or flat over the whole subtree, with its children ranked (DOMAIN §16 “Cross-level reporting”); every figure equals the BI aggregate for the same question; only regions in the caller’s jurisdiction (P6, DOMAIN §11 “Who sees what”)',
})
export class RegionReportType {
  @Field(() => Int, { description: '报告年度 — this year' })
  year!: number;

  @Field(() => [Int], {
    description: '报告年度范围 — every year of the report, oldest first, this year last',
  })
  years!: number[];

  /** The report's data, read lazily per requested field. */
  source!: RegionReportSource;
}

@Resolver(() => RegionReportType)
export class RegionReportResolver {
  @Query(() => RegionReportType, {
    nullable: true,
    description:
      '跨层级报告 — the report of one region (city, district or township) the caller may see, for a year and `previousYears` years before it (DOMAIN §16); a region outside the caller’s jurisdiction — a parent, a sibling, another city — reads as NOT_FOUND, so no sibling’s figures are readable, not even by subtraction (P6, DOMAIN §11 “Who sees what”); null with the error',
  })
  async regionReport(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { description: '行政区划代码 — the division code of the region' })
    regionCode: string,
    @Arg('year', () => Int, { description: '报告年度 — the year reported' })
    year: number,
    @Arg('previousYears', () => Int, {
      defaultValue: 1,
      description: '比较年度数 — how many earlier years to show beside this year, with the change (0–9)',
    })
    previousYears: number,
  ): Promise<RegionReportType | null> {
    const source = await RegionReportSource.open(ctx, regionCode, year, previousYears);
    return { year: source.year, years: source.years, source };
  }

  @FieldResolver(() => RegionReportRowType, {
    description: '本级 — the region itself: its subtree’s figures for every year of the report',
  })
  async region(@Root() report: RegionReportType): Promise<RegionReportRowType> {
    const [node] = await report.source.rows(0);
    return rowView(node);
  }

  @FieldResolver(() => RegionFiguresType, {
    nullable: true,
    description:
      '本级 — this year’s figures of the items at the region itself, in none of its child regions (a district’s own projects, a fund’s overall goal): the region’s money and counts are its children’s plus these; null for a township (no child regions) and for a caller who sees no child region',
  })
  async ownLevel(@Root() report: RegionReportType): Promise<RegionFiguresType | null> {
    if (report.source.maxDepth === 0) return null;
    const [node] = await report.source.rows(1);
    return node.ownLevel ? figuresView(node.ownLevel) : null;
  }

  @FieldResolver(() => [RegionReportRowType], {
    description:
      '下级 — one level down (drill-down): each child region with its subtree’s figures; empty for a township',
  })
  async children(@Root() report: RegionReportType): Promise<RegionReportRowType[]> {
    return (await report.source.rows(1)).filter((r) => r.depth === 1).map(rowView);
  }

  @FieldResolver(() => [RegionReportRowType], {
    description:
      '全部下级（扁平） — the region and every region below it as flat rows in path order (each parent before its children), each with path, level and parent code: the whole tree in one request (GraphQL has no recursion)',
  })
  async subtree(@Root() report: RegionReportType): Promise<RegionReportRowType[]> {
    return (await report.source.rows(report.source.maxDepth)).map(rowView);
  }

  @FieldResolver(() => RegionRankingType, {
    description:
      '下级排名 — the children ranked by one figure of this year, higher first; equal values share a rank and the next rank skips (1, 2, 2, 4), ties stated; children without the figure are listed unranked',
  })
  async ranking(
    @Root() report: RegionReportType,
    @Arg('by', () => RankingMeasure, { description: '排名口径 — the figure to rank by' })
    by: RankingMeasure,
  ): Promise<RegionRankingType> {
    const children = (await report.source.rows(1)).filter((r) => r.depth === 1);
    return rankingView(children, by);
  }
}

export const crossLevelResolvers = [RegionReportResolver] as const;
