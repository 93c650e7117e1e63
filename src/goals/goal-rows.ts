import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityMetadata } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { groupBy } from '../common/collections';
import { anyOf, whereAnyOf } from '../common/list-filter';
import { selectionOf, type LookAhead, type Selection } from '../common/lookahead/selection';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import type { OrganizationGoalFilter } from './dto/organization-goals.inputs';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { GoalEntity } from './goal.entity';

/**
 * Issue 18, the nested list hot path: the goals of a page of organizations read by ONE statement built
 * from the fields the request selects (look-ahead), as plain rows — only the columns asked for, no
 * entity hydration — with their indicators and self-evaluation folded into the same statement as JSON.
 * Jurisdiction: the goals through their registered scope (P6, once per goal); indicators are visible
 * exactly when their goal is (`through`), so they need no predicate of their own; the self-evaluation
 * through the evaluations' registered scope. Row-level security applies to the runtime role as always.
 * A selection this plan cannot serve from columns falls back to entities (and the child fields to
 * their loaders): the answer is the same either way, only the cost differs.
 */

/** Prefetched children of a goal row; the child resolvers use them when present. */
export const PREFETCHED = Symbol('prefetched goal children');

export interface Prefetched {
  indicators?: GoalIndicatorEntity[];
  selfEvaluation?: EvaluationEntity | null;
}

export type GoalRow = GoalEntity & { [PREFETCHED]?: Prefetched };

/** The prefetched children of a goal, if its row carries them. */
export function prefetchedOf(goal: object): Prefetched | undefined {
  return (goal as GoalRow)[PREFETCHED];
}

/** Fields of PerformanceGoal that are columns read as they are (no field resolver). */
const GOAL_PLAIN = [
  'scope',
  'year',
  'name',
  'decomposition',
  'implementationPeriodObjective',
  'annualObjective',
  'annualAmount',
  'fiscalAmount',
  'otherAmount',
  'status',
  'currentStep',
  'goalVersion',
  'adjustmentReason',
  'filingBasis',
  'rowVersion',
  'createdAt',
  'updatedAt',
];
/** Fields of PerformanceGoal whose resolvers need only these columns of the goal. */
const GOAL_DERIVED: Record<string, string[]> = {
  __typename: [],
  id: [],
  region: ['regionId'],
  drafter: ['drafterOrganizationId'],
  parent: ['parentGoalId'],
  project: ['projectId'],
  fund: ['fundId'],
  previousVersion: ['supersedesGoalId'],
  children: [],
  nextVersion: [],
  withdrawnAdjustments: [],
  transitions: [],
  evaluations: [],
  // Its resolver reads only the goal's region path (who sees what, DOMAIN §11), the rest by goal id.
  rollUp: ['regionPath'],
};
const INDICATOR_PLAIN = [
  'category',
  'subcategory',
  'name',
  'kind',
  'unit',
  'comparator',
  'target',
  'points',
  'aggregation',
  'ratioNumerator',
  'ratioDenominator',
];
const INDICATOR_DERIVED: Record<string, string[]> = {
  __typename: [],
  id: [],
  parentIndicatorId: ['parentIndicatorId'],
  parentIndicator: ['parentIndicatorId'],
};
const EVALUATION_PLAIN = [
  'kind',
  'year',
  'status',
  'initialBudget',
  'inPlace',
  'spent',
  'achievement',
  'finalizedAt',
  'reportedAt',
  'acknowledgedAt',
  'total',
  'grade',
  'rowVersion',
  'submittedAt',
  'reviewedAt',
  'commissionedAt',
  'createdAt',
  'updatedAt',
];
const EVALUATION_DERIVED: Record<string, string[]> = {
  __typename: [],
  id: [],
  goal: ['goalId'],
  evaluator: ['evaluatorOrganizationId'],
  reviewer: ['reviewerOrganizationId'],
  actuals: [],
  transitions: [],
};

/** The columns (entity property names) a selection needs, or null when a field needs the entity. */
function columnsFor(
  selection: Selection,
  plain: readonly string[],
  derived: Record<string, string[]>,
  nested: readonly string[] = [],
): Set<string> | null {
  const columns = new Set<string>(['id']);
  for (const name of selection.keys()) {
    if (nested.includes(name)) continue;
    if (plain.includes(name)) columns.add(name);
    else if (name in derived) derived[name].forEach((c) => columns.add(c));
    else return null;
  }
  return columns;
}

/** What one statement reads for the goals of a connection's nodes. */
export interface GoalPlan {
  goal: string[];
  /** Indicator columns, or null: `indicators` not selected or not servable (its loader runs). */
  indicators: string[] | null;
  selfEvaluation: string[] | null;
}

function planFor(look: LookAhead, nodes: Selection): GoalPlan | null {
  const goal = columnsFor(nodes, GOAL_PLAIN, GOAL_DERIVED, ['indicators', 'selfEvaluation']);
  if (!goal) return null;
  goal.add('createdAt'); // the connection's cursor
  goal.add('drafterOrganizationId'); // the keys of the batches
  goal.add('parentGoalId');
  const indicatorField = nodes.get('indicators');
  const evaluationField = nodes.get('selfEvaluation');
  const indicators = indicatorField
    ? columnsFor(look.below(indicatorField.nodes), INDICATOR_PLAIN, INDICATOR_DERIVED)
    : null;
  const selfEvaluation = evaluationField
    ? columnsFor(look.below(evaluationField.nodes), EVALUATION_PLAIN, EVALUATION_DERIVED)
    : null;
  return {
    goal: [...goal].sort(),
    indicators: indicators ? [...indicators].sort() : null,
    selfEvaluation: selfEvaluation ? [...selfEvaluation].sort() : null,
  };
}

/**
 * Plans made in a request, by its variables (one object per request: `@skip`/`@include` read them) and the
 * field's nodes in the document (the same array for every parent of a page, under graphql-jit and
 * graphql-js alike; another array is only another lookup): a page of 200 organizations plans its
 * `goals` once, not 200 times.
 */
const plans = new WeakMap<object, WeakMap<object, GoalPlan | null>>();

/** The plan of a `…Connection` field of goals being resolved, from its selection; null: entities. */
export function goalPlanOf(info: GraphQLResolveInfo): GoalPlan | null {
  let byField = plans.get(info.variableValues);
  if (!byField) {
    byField = new WeakMap();
    plans.set(info.variableValues, byField);
  }
  const field = info.fieldNodes;
  const known = byField.get(field);
  if (known !== undefined) return known;
  const { look, selection } = selectionOf(info);
  const plan = planFor(look, look.connectionNodes(selection));
  byField.set(field, plan);
  return plan;
}

const TIMESTAMP = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'date']);
const NUMERIC = new Set(['numeric', 'decimal', 'bigint', 'int8']);

function columnOf(meta: EntityMetadata, property: string) {
  const column = meta.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${meta.name} has no column ${property}`);
  return { name: column.databaseName, type: String(column.type) };
}

/**
 * A JSON object of the given columns (`json_build_object`): exact decimals as text (never JSON
 * numbers), timestamps restored to dates after parsing (`reviveDates`).
 */
function jsonObject(meta: EntityMetadata, alias: string, properties: readonly string[]): string {
  const pairs = properties.map((p) => {
    const { name, type } = columnOf(meta, p);
    const value = NUMERIC.has(type) ? `${alias}."${name}"::text` : `${alias}."${name}"`;
    return `'${p}', ${value}`;
  });
  return `json_build_object(${pairs.join(', ')})`;
}

function dateProperties(meta: EntityMetadata, properties: readonly string[]): string[] {
  return properties.filter((p) => TIMESTAMP.has(columnOf(meta, p).type));
}

function reviveDates<T extends Record<string, unknown>>(row: T, properties: readonly string[]): T {
  for (const p of properties)
    if (typeof row[p] === 'string') (row as Record<string, unknown>)[p] = new Date(row[p] as string);
  return row;
}

/** How a batch of goal lists is keyed: by drafting organization, or by parent goal. */
export type GoalListKey = 'drafterOrganizationId' | 'parentGoalId';
const KEY_COLUMN: Record<GoalListKey, string> = {
  drafterOrganizationId: 'drafter_organization_id',
  parentGoalId: 'parent_goal_id',
};

/** The goals (oldest first) under these keys that the caller sees, as plain rows. */
async function readGoalRows(
  ctx: RequestContext,
  by: GoalListKey,
  keys: readonly string[],
  filter: OrganizationGoalFilter | undefined,
  plan: GoalPlan,
): Promise<GoalRow[]> {
  const ds = ctx.services.dataSource;
  const goalMeta = ds.getMetadata(GoalEntity);
  const qb = (await ctx.scope.goals('g')).andWhere(`g.${KEY_COLUMN[by]} = ANY(:keys)`, { keys: [...keys] });
  if (filter?.year != null) qb.andWhere('g.year = :year', { year: filter.year });
  whereAnyOf(qb, 'g.scope', 'scope', filter?.scope);
  whereAnyOf(qb, 'g.status', 'status', filter?.status);

  qb.select([]);
  for (const p of plan.goal) qb.addSelect(`g."${columnOf(goalMeta, p).name}"`, p);
  if (plan.indicators) {
    const meta = ds.getMetadata(GoalIndicatorEntity);
    qb.addSelect(
      `(SELECT coalesce(json_agg(${jsonObject(meta, 'pgi', plan.indicators)} ORDER BY pgi.position), '[]'::json)
          FROM goal_indicator pgi WHERE pgi.tenant_id = g.tenant_id AND pgi.goal_id = g.id)`,
      'indicators',
    );
  }
  if (plan.selfEvaluation) {
    const meta = ds.getMetadata(EvaluationEntity);
    const ev = (await ctx.scope.evaluations('pev'))
      .select(jsonObject(meta, 'pev', plan.selfEvaluation))
      .andWhere(`pev.goal_id = g.id AND pev.kind = 'SELF'`);
    qb.addSelect(`(${ev.getQuery()} LIMIT 1)`, 'selfEvaluation').setParameters(ev.getParameters());
  }
  qb.orderBy('g.created_at').addOrderBy('g.id');
  const [sql, params] = qb.getQueryAndParameters();
  const rows = await ctx.db.prepared<Record<string, unknown>>(sql, params);

  const indicatorDates = plan.indicators
    ? dateProperties(ds.getMetadata(GoalIndicatorEntity), plan.indicators)
    : [];
  const evaluationDates = plan.selfEvaluation
    ? dateProperties(ds.getMetadata(EvaluationEntity), plan.selfEvaluation)
    : [];
  return rows.map((row) => {
    const prefetched: Prefetched = {};
    if (plan.indicators) {
      prefetched.indicators = (row.indicators as Record<string, unknown>[]).map(
        (i) => reviveDates(i, indicatorDates) as unknown as GoalIndicatorEntity,
      );
      delete row.indicators;
    }
    if (plan.selfEvaluation) {
      const e = row.selfEvaluation as Record<string, unknown> | null;
      prefetched.selfEvaluation = e ? (reviveDates(e, evaluationDates) as unknown as EvaluationEntity) : null;
      delete row.selfEvaluation;
    }
    const goal = row as unknown as GoalRow;
    goal[PREFETCHED] = prefetched;
    return goal;
  });
}

/** The same goals as entities (a selection the plan cannot serve). */
async function readGoalEntities(
  ctx: RequestContext,
  by: GoalListKey,
  keys: readonly string[],
  filter: OrganizationGoalFilter | undefined,
): Promise<GoalEntity[]> {
  const qb = (await ctx.scope.goals()).andWhere(`g.${KEY_COLUMN[by]} = ANY(:keys)`, { keys: [...keys] });
  if (filter?.year != null) qb.andWhere('g.year = :year', { year: filter.year });
  whereAnyOf(qb, 'g.scope', 'scope', filter?.scope);
  whereAnyOf(qb, 'g.status', 'status', filter?.status);
  return qb.orderBy('g.created_at').addOrderBy('g.id').getMany();
}

type Loader = DataLoader<string, GoalEntity[]>;
const perRequest = new WeakMap<RequestContext, Map<string, Loader>>();

function listLoader(
  ctx: RequestContext,
  by: GoalListKey,
  filter: OrganizationGoalFilter | undefined,
  plan: GoalPlan | null,
): Loader {
  const normalized = {
    year: filter?.year ?? null,
    scope: anyOf(filter?.scope)?.slice().sort() ?? null,
    status: anyOf(filter?.status)?.slice().sort() ?? null,
  };
  const key = JSON.stringify([by, normalized, plan]);
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(ctx, loaders);
  }
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader<string, GoalEntity[]>(async (keys) => {
      const rows = plan
        ? await readGoalRows(ctx, by, keys, filter, plan)
        : await readGoalEntities(ctx, by, keys, filter);
      const grouped = groupBy(rows, (g) =>
        by === 'parentGoalId' ? (g.parentGoalId ?? '') : g.drafterOrganizationId,
      );
      return keys.map((id) => grouped.get(id) ?? []);
    });
    loaders.set(key, loader);
  }
  return loader;
}

/**
 * The goals drafted by an organization (oldest first), batched over every organization of the request
 * with the same filter and plan: one statement per batch, whatever the page sizes.
 */
export function goalsByDrafter(
  ctx: RequestContext,
  filter: OrganizationGoalFilter | undefined,
  plan: GoalPlan | null,
): Loader {
  return listLoader(ctx, 'drafterOrganizationId', filter, plan);
}

/** The child goals of a goal (oldest first) as plain rows of the planned columns, batched likewise. */
export function goalRowsByParent(ctx: RequestContext, plan: GoalPlan): Loader {
  return listLoader(ctx, 'parentGoalId', undefined, plan);
}
