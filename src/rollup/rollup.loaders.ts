import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { recordRollUpCacheLookups } from '../common/cache-stats';
import type { RequestContext } from '../common/request-context';
import { Decimal } from '../common/decimal';
import { groupBy } from '../common/collections';
import { rollUp, type RollupChild, type RollupIndicator } from './rules/rollup';
import type { ScoringPolicy } from '../evaluation/rules/scoring-types';
import { scoringIndicator } from '../evaluation/self-scoring';
import { policyFor } from '../policy/policy.service';
import { scoringPolicyOf } from '../policy/rules/policy';
import { scoringCategoryPoints } from '../goals/goal-category-points';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { GoalEntity } from '../goals/goal.entity';
import {
  childrenOf,
  goalsWithChildren,
  leafCoverageStats,
  leafIndicatorStats,
  linkedActuals,
  ownResults,
  type Basis,
  type OwnResultRow,
  type Reader,
} from './rollup-data';
import { evaluatedChild, liveChild, missingChild } from './rollup-children';
import { rollUpFromStats } from './rollup-stats';
import type { RollUpNode } from './rollup-node';

/**
 * 逐级汇总 (DOMAIN §11; 003 转移支付 第二十三条), computed live on every read — a submission counts the
 * moment it commits (no nightly rebuild). For a parent goal:
 * - whose children are project goals (leaves): from the database's sufficient statistics over their
 *   self-evaluations (`rollUpFromStats`), two statements for any number of such parents;
 * - otherwise (an overall goal over regional goals): per child, with `rollUp`. A child's result is its own
 *   submitted self-evaluation (e.g. the regional result its township department compiled), else — when it
 *   has children of its own — its live roll-up (recursively, batched level by level), else it is missing
 *   (never counted as 0).
 * The loaders always compute the full roll-up (results are cached across callers); what a caller is
 * shown of it — every child and aggregate, or only its own child rows — is decided at the resolver by
 * `rollUpVisibility` (DOMAIN §11 "Who sees what", P6; rollup-visibility.ts).
 */
export type { RollUpNode };

export interface ChildSummaryRow {
  goalId: string;
  weight: Decimal;
  evaluation: OwnResultRow | null;
}

const key = (basis: Basis, goalId: string) => `${basis}|${goalId}`;

function rollupIndicator(i: GoalIndicatorEntity): RollupIndicator {
  return { ...scoringIndicator(i), aggregation: i.aggregation, unit: i.unit };
}

/** An indicator row carrying its goal's own category points (DOMAIN §10.1), read in the same statement. */
type GoalPoints = Pick<GoalEntity, 'commonPoints' | 'outputPoints' | 'benefitPoints' | 'satisfactionPoints'>;
type IndicatorRow = GoalIndicatorEntity & { goalPoints?: GoalPoints };

/**
 * The parent's category points (DOMAIN §10.1: the goal's own, else null = the defaults), from its
 * indicator rows. A goal without indicators scores only its money lines, which then carry all 100 points
 * whatever the category points are.
 */
function categoryPointsOf(indicators: readonly IndicatorRow[]) {
  const first = indicators[0]?.goalPoints;
  return first ? scoringCategoryPoints(first) : null;
}

/**
 * Indicators of many goals in one statement, as plain rows shaped like the entity (no entity
 * hydration: a fund tree reads thousands of them), each with its goal's category points.
 */
async function indicatorsOf(em: Reader, tenantId: string, goalIds: readonly string[]) {
  const raw = await em.query<(GoalIndicatorEntity & GoalPoints)[]>(
    `SELECT i.tenant_id AS "tenantId", i.id, i.goal_id AS "goalId", i.position, i.category, i.subcategory, i.name,
            i.kind, i.unit, i.comparator, i.target, i.points::text AS points,
            i.parent_indicator_id AS "parentIndicatorId", i.aggregation, i.ratio_numerator AS "ratioNumerator",
            i.ratio_denominator AS "ratioDenominator", g.common_points::text AS "commonPoints",
            g.output_points::text AS "outputPoints", g.benefit_points::text AS "benefitPoints",
            g.satisfaction_points::text AS "satisfactionPoints"
       FROM goal_indicator i JOIN performance_goal g ON g.tenant_id = i.tenant_id AND g.id = i.goal_id
      WHERE i.tenant_id = $1 AND i.goal_id = ANY($2::uuid[]) ORDER BY i.goal_id, i.position`,
    [tenantId, goalIds],
  );
  const rows: IndicatorRow[] = raw.map(
    ({ commonPoints, outputPoints, benefitPoints, satisfactionPoints, ...indicator }) => ({
      ...indicator,
      goalPoints: { commonPoints, outputPoints, benefitPoints, satisfactionPoints },
    }),
  );
  const byGoal = groupBy(rows, (i) => i.goalId);
  return goalIds.map((id) => byGoal.get(id) ?? []);
}

const counts = (basis: Basis, e: OwnResultRow | undefined) =>
  !!e && (basis === 'SUBMITTED' || e.status === 'REVIEWED');

export function rollUpLoaders(ctx: RequestContext) {
  const tenantId = () => ctx.caller.tenantId;
  // Issue 18: the roll-up's reads as prepared (named) statements of the request's transaction; the
  // caller is checked first, as `scope.manager()` would.
  const reader: Reader = {
    query: <T>(sql: string, params?: unknown[]) => ctx.db.prepared(sql, params) as Promise<T>,
  };
  const em = async (): Promise<Reader> => {
    void ctx.scope.caller;
    return reader;
  };

  const indicators = new DataLoader<string, GoalIndicatorEntity[]>(async (goalIds) =>
    indicatorsOf(await em(), tenantId(), goalIds),
  );
  const indicatorsByGoal = async (goalIds: readonly string[]) => {
    const lists = await indicators.loadMany(goalIds);
    return new Map(goalIds.map((id, k) => [id, (lists[k] as GoalIndicatorEntity[]) ?? []]));
  };

  /** The scoring policy of each year (DOMAIN §10.7) and a cache key naming its version (null id: the defaults). */
  const policiesOf = async (years: readonly number[]) => {
    const distinct = [...new Set(years)];
    const resolved = await Promise.all(distinct.map((y) => policyFor(ctx, y)));
    return new Map(
      resolved.map((p) => [p.year, { key: p.id ?? 'default', scoring: scoringPolicyOf(p) }] as const),
    );
  };

  const node: DataLoader<string, RollUpNode | null> = new DataLoader(async (keys) => {
    const manager = await em();
    const tenant = tenantId();
    const parsed = keys.map((k) => {
      const [basis, goalId] = k.split('|') as [Basis, string];
      return { basis, goalId };
    });
    const ids = [...new Set(parsed.map((p) => p.goalId))];
    const shape = new Map((await goalsWithChildren(manager, tenant, ids)).map((r) => [r.parent_goal_id, r]));
    const results = new Map<string, RollUpNode>();
    // DOMAIN §10.7: each parent is graded with the tenant policy of its year (read once per year and request).
    const policies = await policiesOf([...shape.values()].map((r) => r.year));
    const policyOf = (id: string) => policies.get(shape.get(id)?.year ?? 0) ?? null;

    for (const basis of ['SUBMITTED', 'REVIEWED'] as const) {
      const wanted = [...new Set(parsed.filter((p) => p.basis === basis).map((p) => p.goalId))];
      const cacheKey = (id: string) =>
        `${tenant}|${id}|${basis}|${shape.get(id)?.version}|${policyOf(id)?.key ?? 'default'}`;
      // Leaf level: reuse what was computed for the same version of the parent's statistics.
      const leafParents = wanted.filter((id) => shape.get(id)?.leaves === true);
      const stale = leafParents.filter((id) => {
        const hit = leafResults.get(cacheKey(id));
        if (hit) results.set(key(basis, id), hit);
        return !hit;
      });
      recordRollUpCacheLookups(leafParents.length - stale.length, stale.length);
      // Issue 18: an upper level (overall over regional goals) reused while its own statistics and every
      // child's are unchanged (`children_version`), so the whole fund tree is cheap between writes.
      const upperKey = (id: string) => {
        const childVersions = shape.get(id)?.children_version;
        return childVersions ? `${cacheKey(id)}|${childVersions}` : null;
      };
      const upperParents = wanted.filter((id) => {
        if (shape.get(id)?.leaves !== false) return false;
        const cached = upperKey(id);
        const hit = cached ? upperResults.get(cached) : undefined;
        if (hit) results.set(key(basis, id), hit);
        return !hit;
      });
      const parentIndicators = await indicatorsByGoal([...stale, ...upperParents]);
      if (stale.length > 0) {
        const [stats, coverage] = await Promise.all([
          leafIndicatorStats(manager, tenant, stale, basis),
          leafCoverageStats(manager, tenant, stale, basis),
        ]);
        const statsBy = groupBy(stats, (s) => s.parent_goal_id);
        const coverageBy = new Map(coverage.map((c) => [c.parent_goal_id, c]));
        for (const id of stale) {
          const own = parentIndicators.get(id) ?? [];
          const n: RollUpNode = {
            goalId: id,
            basis,
            result: rollUpFromStats(
              own.map(rollupIndicator),
              statsBy.get(id) ?? [],
              coverageBy.get(id),
              basis,
              categoryPointsOf(own),
              policyOf(id)?.scoring ?? null,
            ),
            indicators: own,
            childSources: null,
          };
          leafResults.set(cacheKey(id), n);
          results.set(key(basis, id), n);
        }
      }
      if (upperParents.length > 0) {
        const scoring = new Map(upperParents.map((id) => [id, policyOf(id)?.scoring ?? null]));
        for (const n of await upperNodes(manager, upperParents, basis, parentIndicators, scoring)) {
          results.set(key(basis, n.goalId), n);
          const cached = upperKey(n.goalId);
          if (cached) upperResults.set(cached, n);
        }
      }
    }
    return keys.map((k) => results.get(k) ?? null);
  });

  /** Overall over regional goals: per child, own evaluation or live roll-up (batched recursion). */
  async function upperNodes(
    manager: Reader,
    parentIds: string[],
    basis: Basis,
    indicators: Map<string, GoalIndicatorEntity[]>,
    scoring: Map<string, ScoringPolicy | null>,
  ): Promise<RollUpNode[]> {
    const children = await childrenOf(manager, tenantId(), parentIds);
    const childIds = children.map((c) => c.id);
    const own = await ownResults(manager, tenantId(), childIds);
    const ownBy = new Map(own.map((e) => [e.goal_id, e]));
    const counted = own.filter((e) => counts(basis, e));
    const liveIds = childIds.filter((id) => !counts(basis, ownBy.get(id)));
    const [actualRows, live] = await Promise.all([
      counted.length > 0
        ? linkedActuals(
            manager,
            tenantId(),
            counted.map((e) => e.id),
          )
        : [],
      node.loadMany(liveIds.map((id) => key(basis, id))),
    ]);
    const actualsBy = groupBy(actualRows, (a) => a.evaluation_id);
    const liveBy = new Map<string, RollUpNode>();
    live.forEach((n, k) => {
      if (n && !(n instanceof Error)) liveBy.set(liveIds[k], n);
    });
    const byParent = groupBy(children, (c) => c.parent_goal_id);
    return parentIds.map((parentId) => {
      const sources = new Map<string, 'EVALUATION' | 'LIVE' | 'MISSING'>();
      const rollupChildren = (byParent.get(parentId) ?? []).map((c): RollupChild => {
        const e = ownBy.get(c.id);
        if (counts(basis, e) && e) {
          sources.set(c.id, 'EVALUATION');
          return evaluatedChild(c, e, actualsBy.get(e.id) ?? []);
        }
        const n = liveBy.get(c.id);
        if (n && n.result.coverage.counted > 0) {
          sources.set(c.id, 'LIVE');
          return liveChild(c, n, n.indicators);
        }
        sources.set(c.id, 'MISSING');
        return missingChild(c);
      });
      const result = rollUp({
        indicators: (indicators.get(parentId) ?? []).map(rollupIndicator),
        categoryPoints: categoryPointsOf(indicators.get(parentId) ?? []),
        children: rollupChildren,
        basis,
        policy: scoring.get(parentId) ?? null,
      });
      const liveProvisional = rollupChildren.some((c) => liveBy.get(c.id)?.result.provisional && c.submitted);
      return {
        goalId: parentId,
        basis,
        result: liveProvisional ? { ...result, provisional: true } : result,
        indicators: indicators.get(parentId) ?? [],
        childSources: sources,
      };
    });
  }

  /** The leaf children of a parent with their own self-evaluation, for listing (one statement per batch). */
  const childSummaries = new DataLoader<string, ChildSummaryRow[]>(async (parentIds) => {
    const manager = await em();
    const children = await childrenOf(manager, tenantId(), parentIds);
    const own =
      children.length > 0
        ? await ownResults(
            manager,
            tenantId(),
            children.map((c) => c.id),
          )
        : [];
    const ownBy = new Map(own.map((e) => [e.goal_id, e]));
    const byParent = groupBy(children, (c) => c.parent_goal_id);
    return parentIds.map((id) =>
      (byParent.get(id) ?? []).map((c) => ({
        goalId: c.id,
        weight: new Decimal(c.weight),
        evaluation: ownBy.get(c.id) ?? null,
      })),
    );
  });

  return { rollUpNode: node, rollUpChildSummaries: childSummaries, key };
}

/**
 * Leaf-level roll-ups computed in this process, by parent and version of its maintained statistics
 * (`rollup_population.version`, new on every refresh, read in the request's own transaction): a result
 * is reused only while nothing under the parent has changed, so every read stays current. The result
 * depends on the parent's statistics and its indicators, which are frozen while the goal is in force.
 */
const leafResults = new LRUCache<string, RollUpNode>({ max: 20_000 });

/**
 * Upper-level roll-ups (an overall goal over regional goals) computed in this process, by the parent's
 * statistics version and the versions of all its children's (issue 18; `goalsWithChildren`): reused only
 * while nothing under the parent has changed. Besides those, the result reads the children in force and
 * their own submitted self-evaluations — each change of which refreshes the parent's statistics — and
 * indicators and weights, frozen while the goals are in force.
 */
const upperResults = new LRUCache<string, RollUpNode>({ max: 2_000 });

/** Forgets every reused roll-up of this process (tests compare a reused answer with a fresh one). */
export function forgetRollUpResults(): void {
  leafResults.clear();
  upperResults.clear();
}

export type RollUpLoaders = ReturnType<typeof rollUpLoaders>;

const perRequest = new WeakMap<RequestContext, RollUpLoaders>();

/** The roll-up loaders of a request (created on first use, like the other modules' loaders). */
export function rollUpLoadersOf(ctx: RequestContext): RollUpLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = rollUpLoaders(ctx);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
