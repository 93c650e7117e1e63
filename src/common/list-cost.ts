import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * The largest real size of each list field that has no `first` (issue 8 item 2): the cost estimate
 * multiplies the field's selection by it. Sizes follow the domain (DOMAIN §3: a city's tree has three
 * levels, a district some thirty townships and thirty-odd departments; §7–§10 for the goal lists) and
 * err on the large side. Used through type-graphql's `complexity` field option.
 */
export const LIST_SIZE = {
  /** Region.ancestors: the tree has three levels (city → district → township), so at most 2. */
  regionAncestors: 2,
  /** Region.children and roll-up children: townships of one district, districts of one city. */
  regionChildren: 30,
  /** Region.descendants: every region of a city (Zibo: 96; large cities a few hundred). */
  regionDescendants: 300,
  /** Region.organizations: finance bureau, audit office, thirty-odd departments and their units. */
  regionOrganizations: 100,
  /** Fund.allocations / Fund.projects / roll-up children / notice items: one row per region or project. */
  fundLines: 100,
  /** PerformanceGoal.children: regional goals of an overall goal (one per receiving region), project goals of a regional one. */
  goalChildren: 30,
  /** Assessments, evaluations, withdrawn adjustments, review steps and holds of one item. */
  perItemHistory: 10,
  /** Transitions of one goal or evaluation (each submit, review step, return, revision). */
  transitions: 50,
  /** Monitoring reports and budget executions of one goal: monthly, both spending sides. */
  monthly: 24,
  /** Indicators of one goal (three-level table, DOMAIN §5; the demo goals have 5–10). */
  indicators: 30,
  /** Any other list without `first` (user errors, score lines, flags of one item …). */
  other: 10,
} as const;

/** A list of at most `size` items: each item costs its selection; the field itself costs 1. */
export function listCost(size: number): ComplexityEstimator {
  return ({ childComplexity }) => 1 + size * Math.max(childComplexity, 1);
}
