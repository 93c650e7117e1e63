/**
 * Asking for a cross-level report and for the BI aggregate of the same question (DOMAIN §16, issue 14
 * "built ONLY on runAggregate": the report's figures equal `Query.aggregate` for the same region, level
 * and years).
 */
import type { TestApp } from '../../harness/app';
import { ALL_MEASURES } from '../aggregate-fixtures';

export const FIGURES = `goals { goalCount indicatorCount }
  money { budgeted inPlace spent inPlaceRate executionRate }
  monitoring { monitoredCount flaggedCount }
  evaluation { selfEvaluatedCount evaluatedCount meanScore fundWeightedScore
    gradeDistribution { excellent good fair poor } }
  coverage { goal monitoring selfEvaluation evaluation }`;

const ROW = `code name level path parentCode depth
  figures { ${FIGURES} }
  years { year figures { ${FIGURES} } }
  changes { fromYear toYear change { ${FIGURES} } }`;

export const REPORT = `query($code: String!, $year: Int!, $previousYears: Int) {
  regionReport(regionCode: $code, year: $year, previousYears: $previousYears) {
    year years
    region { ${ROW} }
    ownLevel { ${FIGURES} }
    children { ${ROW} }
    subtree { ${ROW} }
    byScore: ranking(by: MEAN_SCORE) { measure rankedCount tieGroups entries { code name rank tied tieSize value } }
  }
}`;

export interface Figures {
  goals: { goalCount: number; indicatorCount: number };
  money: {
    budgeted: string;
    inPlace: string;
    spent: string;
    inPlaceRate: string | null;
    executionRate: string | null;
  };
  monitoring: { monitoredCount: number; flaggedCount: number };
  evaluation: {
    selfEvaluatedCount: number;
    evaluatedCount: number;
    meanScore: string | null;
    fundWeightedScore: string | null;
    gradeDistribution: { excellent: number; good: number; fair: number; poor: number };
  };
  coverage: {
    goal: string | null;
    monitoring: string | null;
    selfEvaluation: string | null;
    evaluation: string | null;
  };
}
export interface Row {
  code: string;
  name: string;
  level: 'CITY' | 'DISTRICT' | 'TOWNSHIP';
  path: string;
  parentCode: string | null;
  depth: number;
  figures: Figures;
  years: { year: number; figures: Figures }[];
  changes: { fromYear: number; toYear: number; change: Figures }[];
}
export interface Ranking {
  measure: string;
  rankedCount: number;
  tieGroups: number;
  entries: {
    code: string;
    name: string;
    rank: number | null;
    tied: boolean;
    tieSize: number;
    value: string | null;
  }[];
}
export interface Report {
  year: number;
  years: number[];
  region: Row;
  ownLevel: Figures | null;
  children: Row[];
  subtree: Row[];
  byScore: Ranking;
}

export async function regionReport(app: TestApp, as: string, code: string, year = 2025, previousYears = 1) {
  return app.gql<{ regionReport: Report | null }>(REPORT, { code, year, previousYears }, { as });
}

const MEASURES = `goalCount indicatorCount budgeted inPlace spent inPlaceRate executionRate monitoredCount
  flaggedCount selfEvaluatedCount evaluatedCount meanScore fundWeightedScore coverageGoal coverageMonitoring
  coverageSelfEvaluation coverageEvaluation`;
const ALL_MEASURE_LIST = `[${ALL_MEASURES.join(', ')}]`;

type AggRow = Record<string, string | number | null>;

/** `Query.aggregate` for one level within a region over years: figures, and self-evaluations by grade. */
export async function aggregateOf(
  app: TestApp,
  as: string,
  q: { within: string; level: string; yearFrom: number; yearTo: number },
): Promise<{ figures: AggRow[]; grades: AggRow[] }> {
  const res = await app.gql<{ figures: { rows: AggRow[] }; grades: { rows: AggRow[] } }>(
    `query($level: RegionLevel!, $filter: AggregateFilterInput) {
      figures: aggregate(dimensions: [REGION, YEAR], measures: ${ALL_MEASURE_LIST}, regionLevel: $level, filter: $filter) {
        rows { regionCode year ${MEASURES} } }
      grades: aggregate(dimensions: [REGION, YEAR, GRADE], measures: [SELF_EVALUATED_COUNT], regionLevel: $level, filter: $filter) {
        rows { regionCode year grade selfEvaluatedCount } }
    }`,
    { level: q.level, filter: { within: q.within, yearFrom: q.yearFrom, yearTo: q.yearTo } },
    { as },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { figures: res.data!.figures.rows, grades: res.data!.grades.rows };
}

/** What the report must show for a region and year, read from the aggregate's rows (none: zeros and nulls). */
export function expectedFigures(
  agg: { figures: AggRow[]; grades: AggRow[] },
  code: string,
  year: number,
): Figures {
  const r = agg.figures.find((x) => x.regionCode === code && x.year === year);
  const grade = (g: string) =>
    Number(
      agg.grades.find((x) => x.regionCode === code && x.year === year && x.grade === g)?.selfEvaluatedCount ??
        0,
    );
  const n = (k: string) => Number(r?.[k] ?? 0);
  const t = (k: string) => (r?.[k] ?? null) as string | null;
  return {
    goals: { goalCount: n('goalCount'), indicatorCount: n('indicatorCount') },
    money: {
      budgeted: (r?.budgeted as string) ?? '0.00',
      inPlace: (r?.inPlace as string) ?? '0.00',
      spent: (r?.spent as string) ?? '0.00',
      inPlaceRate: t('inPlaceRate'),
      executionRate: t('executionRate'),
    },
    monitoring: { monitoredCount: n('monitoredCount'), flaggedCount: n('flaggedCount') },
    evaluation: {
      selfEvaluatedCount: n('selfEvaluatedCount'),
      evaluatedCount: n('evaluatedCount'),
      meanScore: t('meanScore'),
      fundWeightedScore: t('fundWeightedScore'),
      gradeDistribution: {
        excellent: grade('EXCELLENT'),
        good: grade('GOOD'),
        fair: grade('FAIR'),
        poor: grade('POOR'),
      },
    },
    coverage: {
      goal: t('coverageGoal'),
      monitoring: t('coverageMonitoring'),
      selfEvaluation: t('coverageSelfEvaluation'),
      evaluation: t('coverageEvaluation'),
    },
  };
}
