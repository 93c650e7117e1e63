import type { ResolvedPolicy } from '../policy/rules/policy';
import { groupBy } from '../common/collections';
import { Decimal, parseDecimal } from '../common/decimal';
import type { ScopedAccess } from '../common/scoped-access';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { MonitoringReportStatus } from './monitoring.enums';
import type { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';
import { IN_FORCE } from './rules/parties';
import { rollUp, type ChildLine, type ChildReport, type Rollup } from './rules/rollup';

export interface RollupKey {
  goalId: string;
  year: number;
  month: number;
  acknowledgedOnly: boolean;
}

export interface RollupAnswer {
  key: RollupKey;
  rollup: Rollup;
  /** The parent's indicators, in form order (for the `indicator` of each rolled-up line). */
  parentIndicators: GoalIndicatorEntity[];
  /** The tenant policy whose SLOW_EXECUTION threshold made the flags (DOMAIN §10.7). */
  policy?: ResolvedPolicy;
}

const dec = (text: string | null): Decimal | null => (text === null ? null : parseDecimal(text));
const ZERO = new Decimal(0);

function childLine(l: MonitoringReportIndicatorEntity): ChildLine {
  return {
    value: dec(l.projectedValue),
    numerator: dec(l.projectedNumerator),
    denominator: dec(l.projectedDenominator),
    tier: l.projectedTier,
  };
}

function childReport(r: MonitoringReportEntity, lines: MonitoringReportIndicatorEntity[]): ChildReport {
  return {
    annualBudget: dec(r.annualBudget) ?? ZERO,
    budgetToDate: dec(r.budgetToDate) ?? ZERO,
    inPlaceToDate: dec(r.inPlaceToDate) ?? ZERO,
    executedToDate: dec(r.executedToDate) ?? ZERO,
    projectedExecution: dec(r.projectedExecution) ?? ZERO,
    lines: new Map(lines.map((l) => [l.indicatorId, childLine(l)])),
  };
}

/**
 * The monitoring roll-ups of many (goal, period) keys at once (DOMAIN §9, §11): four statements for the
 * whole batch — the children in force, the indicators of parents and children, the children's counted
 * reports for the periods asked, and their indicator lines — whatever the number of goals, so a tree
 * costs a constant number of statements per level. Only submitted reports count (acknowledged ones only,
 * when asked: 审核后汇总); the money of a child is its report's figures frozen on submission.
 */
export async function loadRollups(
  scope: ScopedAccess,
  keys: readonly RollupKey[],
  threshold: Decimal,
): Promise<RollupAnswer[]> {
  const parentIds = [...new Set(keys.map((k) => k.goalId))];
  const children = await (
    await scope.goals('rg')
  )
    .andWhere('rg.parent_goal_id = ANY(:parentIds)', { parentIds })
    .andWhere('rg.status = ANY(:inForce)', { inForce: [...IN_FORCE] })
    .orderBy('rg.created_at')
    .addOrderBy('rg.id')
    .getMany();
  const childIds = children.map((c) => c.id);
  const indicators = await (
    await scope.goalIndicators('ri')
  )
    .andWhere('ri.goal_id = ANY(:goalIds)', { goalIds: [...parentIds, ...childIds] })
    .orderBy('ri.position')
    .getMany();
  const reports = childIds.length
    ? await (
        await scope.monitoringReports('rr')
      )
        .andWhere('rr.goal_id = ANY(:childIds)', { childIds })
        .andWhere('rr.year = ANY(:years) AND rr.month = ANY(:months)', {
          years: [...new Set(keys.map((k) => k.year))],
          months: [...new Set(keys.map((k) => k.month))],
        })
        .andWhere(`rr.status IN ('SUBMITTED', 'ACKNOWLEDGED')`)
        .getMany()
    : [];
  const lines = reports.length
    ? await (await scope.monitoringReportIndicators('rl'))
        .andWhere('rl.report_id = ANY(:reportIds)', { reportIds: reports.map((r) => r.id) })
        .getMany()
    : [];

  const childrenOf = groupBy(children, (c) => c.parentGoalId ?? '');
  const indicatorsOf = groupBy(indicators, (i) => i.goalId);
  const linesOf = groupBy(lines, (l) => l.reportId);
  const reportOf = new Map(reports.map((r) => [`${r.goalId}|${r.year}|${r.month}`, r]));

  return keys.map((key) => {
    const parentIndicators = indicatorsOf.get(key.goalId) ?? [];
    const rollupChildren = (childrenOf.get(key.goalId) ?? []).map((c) => {
      const r = reportOf.get(`${c.id}|${key.year}|${key.month}`);
      const counted =
        r && (!key.acknowledgedOnly || r.status === MonitoringReportStatus.ACKNOWLEDGED) ? r : null;
      return {
        goalId: c.id,
        weight: dec(c.annualAmount),
        links: (indicatorsOf.get(c.id) ?? []).map((i) => ({
          indicatorId: i.id,
          parentIndicatorId: i.parentIndicatorId,
        })),
        report: counted ? childReport(counted, linesOf.get(counted.id) ?? []) : null,
      };
    });
    const rollup = rollUp(parentIndicators, rollupChildren, key.month, threshold);
    return { key, rollup, parentIndicators };
  });
}
