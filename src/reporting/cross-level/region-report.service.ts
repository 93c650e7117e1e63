/**
 * 跨层级报告 — a cross-level report of one region (DOMAIN §16 "Cross-level reporting", issue 14), built
 * ONLY on the BI aggregate's engine (`runAggregate`): every figure is an aggregate row for the same
 * region, level and year, so the report equals `Query.aggregate` for the same question by construction,
 * and is as current as the maintained facts behind it (§11 "always current").
 *
 * Per request: the region and its tree (two statements, scoped by the hierarchy's rule), then per level
 * of the tree that a requested field needs two aggregate questions (REGION × YEAR for the figures,
 * REGION × YEAR × GRADE for the grade distribution). The count depends on the fields asked and on the
 * node's level, never on the number of regions or facts (STYLE "Performance shape").
 */
import { hasSubtreeJurisdiction, pathIds } from '../../auth/principal';
import { RegionLevel } from '../../auth/principal-kinds';
import { ErrorCode, msg } from '../../common/errors';
import { refusal } from '../../common/refusal';
import type { RequestContext } from '../../common/request-context';
import { runAggregate } from '../aggregate.engine';
import { AggregateDimension, AggregateMeasure, MAX_YEAR_SPAN } from '../aggregate.model';
import { REPORT_MEASURES } from './rules/figures';
import {
  levelsFrom,
  reportRows,
  type FigureRow,
  type GradeRow,
  type ReportRow,
  type TreeRegion,
} from './rules/report-tree';
import { reportYears } from './rules/year-change';

/** What one level of the report reads from the aggregate. */
interface LevelData {
  figureRows: FigureRow[];
  gradeRows: GradeRow[];
}

const notFound = () =>
  refusal.notFound(msg('行政区划不存在或不在本辖区内', 'No such region in your jurisdiction'), [
    'regionCode',
  ]);

/**
 * The region a caller may report on (DOMAIN §3 jurisdiction, §8 P6, §11 "Who sees what"): a body with a
 * subtree (finance, department, audit) any region of its subtree — never its parent or a sibling, whose
 * totals would give away a sibling's figures by subtraction; everyone else (units, third parties) only
 * its own region, where the aggregate counts only what it may read itself. Anything else reads exactly
 * like a missing region (NOT_FOUND).
 */
async function reportNode(ctx: RequestContext, code: string): Promise<TreeRegion> {
  const caller = ctx.caller;
  const found = await (await ctx.scope.regions()).andWhere('r.code = :code', { code }).getOne();
  if (!found) throw notFound();
  const inside = hasSubtreeJurisdiction(caller)
    ? found.path.startsWith(caller.regionPath)
    : found.id === caller.regionId;
  if (!inside) throw notFound();
  return treeRegion(found);
}

/** Only the tree's fields of a region entity (the report keeps no entity). */
const treeRegion = (r: TreeRegion): TreeRegion => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  path: r.path,
  parentId: r.parentId,
});

/** The node, its ancestors (for the code path) and every descendant the caller may see: one statement. */
async function reportTree(ctx: RequestContext, node: TreeRegion): Promise<TreeRegion[]> {
  const rows = await (
    await ctx.scope.regions()
  )
    .andWhere('(r.path LIKE :reportPrefix OR r.id = ANY(:reportAncestors))', {
      reportPrefix: `${node.path}%`,
      reportAncestors: pathIds(node.path),
    })
    .getMany();
  return rows.map(treeRegion);
}

/** Refuses a report year range the aggregate would refuse anyway, on the report's own argument. */
function checkYears(year: number, previousYears: number): void {
  if (previousYears < 0 || previousYears >= MAX_YEAR_SPAN) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['previousYears'],
      msg(
        `比较年度数须在 0 至 ${MAX_YEAR_SPAN - 1} 之间`,
        `previousYears must be between 0 and ${MAX_YEAR_SPAN - 1}`,
      ),
    );
  }
  if (year < 1900 || year > 2999) {
    throw refusal(ErrorCode.BAD_USER_INPUT, ['year'], msg('年度无效', 'Not a valid year'));
  }
}

/**
 * One report: the node, its tree and the aggregate's answers, each read once and only when a requested
 * field needs it (children and subtree cost nothing unless asked for).
 */
export class RegionReportSource {
  private readonly levelData = new Map<RegionLevel, Promise<LevelData>>();
  private readonly rowsByDepth = new Map<number, Promise<ReportRow[]>>();

  private constructor(
    private readonly ctx: RequestContext,
    readonly node: TreeRegion,
    private readonly tree: TreeRegion[],
    readonly years: number[],
  ) {}

  static async open(
    ctx: RequestContext,
    regionCode: string,
    year: number,
    previousYears: number,
  ): Promise<RegionReportSource> {
    checkYears(year, previousYears);
    const node = await reportNode(ctx, regionCode);
    const tree = await reportTree(ctx, node);
    return new RegionReportSource(ctx, node, tree, reportYears(year, previousYears));
  }

  get year(): number {
    return this.years[this.years.length - 1];
  }

  /** The rows down to `depth` below the node (0: the node; 1: and its children; 2: and grandchildren). */
  rows(depth: number): Promise<ReportRow[]> {
    let rows = this.rowsByDepth.get(depth);
    if (!rows) {
      rows = this.readRows(depth);
      this.rowsByDepth.set(depth, rows);
    }
    return rows;
  }

  /** How deep the caller's tree goes below the node. */
  get maxDepth(): number {
    const base = pathIds(this.node.path).length;
    return Math.max(0, ...this.tree.map((r) => pathIds(r.path).length - base));
  }

  private async readRows(depth: number): Promise<ReportRow[]> {
    const levels = levelsFrom(this.node.level).slice(0, depth + 1);
    const data = await Promise.all(levels.map((l) => this.level(l)));
    const base = pathIds(this.node.path).length;
    const regions = this.tree.filter(
      (r) => !r.path.startsWith(this.node.path) || pathIds(r.path).length - base <= depth,
    );
    return reportRows({
      node: this.node,
      regions,
      years: this.years,
      askedLevels: levels,
      figureRows: data.flatMap((d) => d.figureRows),
      gradeRows: data.flatMap((d) => d.gradeRows),
    });
  }

  private level(level: RegionLevel): Promise<LevelData> {
    let data = this.levelData.get(level);
    if (!data) {
      data = this.readLevel(level);
      this.levelData.set(level, data);
    }
    return data;
  }

  /** The two aggregate questions of one level, within the node, over the report's years. */
  private async readLevel(level: RegionLevel): Promise<LevelData> {
    const filter = { within: this.node.code, yearFrom: this.years[0], yearTo: this.year };
    const dimensions = [AggregateDimension.REGION, AggregateDimension.YEAR];
    const figures = await runAggregate(this.ctx, {
      dimensions,
      measures: [...REPORT_MEASURES],
      regionLevel: level,
      filter,
    });
    const graded = await runAggregate(this.ctx, {
      dimensions: [...dimensions, AggregateDimension.GRADE],
      measures: [AggregateMeasure.SELF_EVALUATED_COUNT],
      regionLevel: level,
      filter,
    });
    const figureRows = figures.map((r) => ({ ...r, askedLevel: level }));
    const gradeRows = graded.map((r) => ({
      askedLevel: level,
      regionCode: r.regionCode,
      year: r.year,
      grade: r.grade,
      count: r.selfEvaluatedCount ?? 0,
    }));
    return { figureRows, gradeRows };
  }
}
