/**
 * 逐级下钻 — the rows of a cross-level report (DOMAIN §16 "drill-down from city to unit … each answered in
 * one request"; issue 14 "a whole subtree as flat rows with path, level and parent"): GraphQL has no
 * recursion, so the subtree is flat, each row carrying its path of division codes, its level and its
 * parent's code. The tree (which regions exist) comes from the region hierarchy, so a region without any
 * fact still has its row; every figure comes from the aggregate's rows (`figuresOf`).
 */
import { pathIds } from '../../../auth/principal';
import { RegionLevel } from '../../../auth/principal-kinds';
import { Grade } from '../../../common/grade';
import { figuresOf, noGrades, type FigureSource, type GradeCounts, type RegionFigures } from './figures';
import { changeBetween, type FiguresChange } from './year-change';

export interface TreeRegion {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  /** Materialized path of ids, `/city/district/township/`. */
  path: string;
  parentId: string | null;
}

/**
 * An aggregate row of a REGION × YEAR question (keys of `AggregateRow`), with the level the question
 * grouped by (`regionLevel`): at a level, a fact sitting above it (a district's own goals in a question by
 * township) is grouped under its own region, so the same code can come from two questions and means
 * "all of its subtree" at its own level but "its own-level items only" at the level below.
 */
export type FigureRow = FigureSource & {
  askedLevel: RegionLevel;
  regionCode?: string | null;
  year?: number | null;
};
/** An aggregate row of a REGION × YEAR × GRADE question with one count measure. */
export interface GradeRow {
  askedLevel: RegionLevel;
  regionCode?: string | null;
  year?: number | null;
  grade?: string | null;
  count: number;
}

export interface YearFigures {
  year: number;
  figures: RegionFigures;
}
export interface YearChange {
  fromYear: number;
  toYear: number;
  change: FiguresChange;
}

export interface ReportRow {
  code: string;
  name: string;
  level: RegionLevel;
  /** Division codes from the city down to this region, joined by '/'. */
  path: string;
  parentCode: string | null;
  /** 0 for the report's node, 1 for its children, 2 for grandchildren. */
  depth: number;
  /** This year's figures. */
  figures: RegionFigures;
  /** Every year of the report, oldest first (the last is this year). */
  years: YearFigures[];
  /** This year's figures minus each earlier year's, latest earlier year first. */
  changes: YearChange[];
  /**
   * 本级 — this year's figures of the items at the region itself, in none of its children (a district's
   * own projects, a fund's overall goal): the node total is the children's plus these. Null when the
   * level below was not asked (or for a township, which has no child regions).
   */
  ownLevel: RegionFigures | null;
}

/** The level below a level; null below the township (units are not regions). */
export function childLevel(level: RegionLevel): RegionLevel | null {
  if (level === RegionLevel.CITY) return RegionLevel.DISTRICT;
  if (level === RegionLevel.DISTRICT) return RegionLevel.TOWNSHIP;
  return null;
}

/** The node's level and the levels below it, top down. */
export function levelsFrom(level: RegionLevel): RegionLevel[] {
  const out: RegionLevel[] = [];
  for (let l: RegionLevel | null = level; l; l = childLevel(l)) out.push(l);
  return out;
}

const key = (level: RegionLevel, code: string, year: number) => `${level}|${code}|${year}`;

function gradesByKey(rows: readonly GradeRow[]): Map<string, GradeCounts> {
  const out = new Map<string, GradeCounts>();
  for (const r of rows) {
    if (!r.regionCode || r.year == null || !r.grade || !(r.grade in Grade)) continue;
    const k = key(r.askedLevel, r.regionCode, r.year);
    const counts = out.get(k) ?? noGrades();
    counts[r.grade as Grade] += r.count;
    out.set(k, counts);
  }
  return out;
}

/**
 * The report's rows: the node first, then its subtree in path order (each parent before its children).
 * `regions` holds the node, its descendants and its ancestors (for the code path); `years` the report's
 * years, oldest first, the last being this year.
 */
export function reportRows(input: {
  node: TreeRegion;
  regions: readonly TreeRegion[];
  years: readonly number[];
  /** The levels the aggregate was asked at (rows of any other level are ignored). */
  askedLevels: readonly RegionLevel[];
  figureRows: readonly FigureRow[];
  gradeRows: readonly GradeRow[];
}): ReportRow[] {
  const { node, regions, years } = input;
  const byId = new Map(regions.map((r) => [r.id, r]));
  const figures = new Map<string, FigureRow>();
  for (const r of input.figureRows) {
    if (r.regionCode && r.year != null) figures.set(key(r.askedLevel, r.regionCode, r.year), r);
  }
  const grades = gradesByKey(input.gradeRows);
  const asked = new Set(input.askedLevels);
  const figuresAt = (level: RegionLevel, code: string, year: number) =>
    figuresOf(figures.get(key(level, code, year)), grades.get(key(level, code, year)) ?? noGrades());
  const nodeDepth = pathIds(node.path).length;
  const paths = new Map(regions.map((r) => [r.id, codePath(r, byId)]));
  const subtree = regions
    .filter((r) => r.path.startsWith(node.path))
    .sort((a, b) => paths.get(a.id)!.localeCompare(paths.get(b.id)!));
  const thisYear = years[years.length - 1];
  return subtree.map((r) => {
    // A region's figures are its own level's answer (its whole subtree), never the level below's.
    const perYear = years.map((year) => ({ year, figures: figuresAt(r.level, r.code, year) }));
    const below = childLevel(r.level);
    const current = perYear[perYear.length - 1].figures;
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      path: paths.get(r.id)!,
      parentCode: r.parentId ? (byId.get(r.parentId)?.code ?? null) : null,
      depth: pathIds(r.path).length - nodeDepth,
      figures: current,
      years: perYear,
      changes: perYear
        .slice(0, -1)
        .reverse()
        .map((p) => ({ fromYear: p.year, toYear: thisYear, change: changeBetween(current, p.figures) })),
      ownLevel: below && asked.has(below) ? figuresAt(below, r.code, thisYear) : null,
    };
  });
}

/** Division codes from the city down, joined by '/' (ids of the materialized path, mapped to codes). */
export function codePath(r: TreeRegion, byId: ReadonlyMap<string, TreeRegion>): string {
  return pathIds(r.path)
    .map((id) => byId.get(id)?.code ?? '?')
    .join('/');
}
