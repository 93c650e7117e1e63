/**
 * The GraphQL shape of a report's rows (DOMAIN §16): the flat figures of the rules, grouped as
 * `RegionFigures`. Values are copied, never recomputed, so they stay the aggregate's.
 */
import { Grade } from '../../common/grade';
import type { RegionFiguresType } from './dto/region-figures.types';
import { RankingMeasure, type RegionRankingType, type RegionReportRowType } from './dto/region-report.types';
import type { RatioKey, RegionFigures } from './rules/figures';
import { competitionRank } from './rules/ranking';
import type { ReportRow } from './rules/report-tree';
import type { FiguresChange } from './rules/year-change';

export function figuresView(f: RegionFigures | FiguresChange): RegionFiguresType {
  return {
    goals: { goalCount: f.goalCount, indicatorCount: f.indicatorCount },
    money: {
      budgeted: f.budgeted,
      inPlace: f.inPlace,
      spent: f.spent,
      inPlaceRate: f.inPlaceRate,
      executionRate: f.executionRate,
    },
    monitoring: { monitoredCount: f.monitoredCount, flaggedCount: f.flaggedCount },
    evaluation: {
      selfEvaluatedCount: f.selfEvaluatedCount,
      evaluatedCount: f.evaluatedCount,
      meanScore: f.meanScore,
      fundWeightedScore: f.fundWeightedScore,
      gradeDistribution: {
        excellent: f.gradeDistribution[Grade.EXCELLENT],
        good: f.gradeDistribution[Grade.GOOD],
        fair: f.gradeDistribution[Grade.FAIR],
        poor: f.gradeDistribution[Grade.POOR],
      },
    },
    coverage: {
      goal: f.coverageGoal,
      monitoring: f.coverageMonitoring,
      selfEvaluation: f.coverageSelfEvaluation,
      evaluation: f.coverageEvaluation,
    },
  };
}

export function rowView(r: ReportRow): RegionReportRowType {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    path: r.path,
    parentCode: r.parentCode,
    depth: r.depth,
    figures: figuresView(r.figures),
    years: r.years.map((y) => ({ year: y.year, figures: figuresView(y.figures) })),
    changes: r.changes.map((c) => ({
      fromYear: c.fromYear,
      toYear: c.toYear,
      change: figuresView(c.change),
    })),
  };
}

/** Which figure each ranking measure ranks by. */
export const RANKED_FIGURE: Record<RankingMeasure, RatioKey> = {
  [RankingMeasure.MEAN_SCORE]: 'meanScore',
  [RankingMeasure.FUND_WEIGHTED_SCORE]: 'fundWeightedScore',
  [RankingMeasure.EXECUTION_RATE]: 'executionRate',
  [RankingMeasure.IN_PLACE_RATE]: 'inPlaceRate',
  [RankingMeasure.COVERAGE_GOAL]: 'coverageGoal',
  [RankingMeasure.COVERAGE_MONITORING]: 'coverageMonitoring',
  [RankingMeasure.COVERAGE_SELF_EVALUATION]: 'coverageSelfEvaluation',
  [RankingMeasure.COVERAGE_EVALUATION]: 'coverageEvaluation',
};

/** The children ranked by this year's figure (DOMAIN §13 "Ranking and reports"; rules/ranking.ts). */
export function rankingView(children: readonly ReportRow[], measure: RankingMeasure): RegionRankingType {
  const figure = RANKED_FIGURE[measure];
  const byCode = new Map(children.map((c) => [c.code, c]));
  const entries = competitionRank(children.map((c) => ({ key: c.code, value: c.figures[figure] })));
  const groups = new Set(entries.filter((e) => e.tied).map((e) => e.rank));
  return {
    measure,
    rankedCount: entries.filter((e) => e.rank !== null).length,
    tieGroups: groups.size,
    entries: entries.map((e) => ({
      code: e.key,
      name: byCode.get(e.key)?.name ?? e.key,
      rank: e.rank,
      tied: e.tied,
      tieSize: e.tieSize,
      value: e.value,
    })),
  };
}
