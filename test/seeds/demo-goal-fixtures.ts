/**
 * Shared setup of the demo goal tests (demo-goal*.test.ts; seeds/demo-goals.ts): the demo database, a demo goal
 * and its indicators, history and available actions by key, and the indicator row as an IndicatorInput.
 */
import { toGlobalId } from '../../src/common/global-id';
import type { GoalScope } from '../../src/goals/goal.enums';
import type { IndicatorInput } from '../../src/goals/rules/indicator-rules';
import { demoTenants } from '../../seeds';
import { demoGoalId } from '../../seeds/demo-goals';
import { TestApp } from '../harness/app';

export let app: TestApp;
export const key = demoTenants.zibo.cityCode;
export const goalId = (k: string) => demoGoalId(key, k);
export const demoGoals = `SELECT * FROM performance_goal WHERE tenant_id = '${demoTenants.zibo.id}'`;

export interface ChainStep {
  index: number;
  organizationId: string;
  role: string;
  final: boolean;
}
export interface GoalRow {
  id: string;
  scope: GoalScope;
  status: string;
  current_step: number;
  review_chain: ChainStep[];
  drafter_organization_id: string;
  goal_version: number;
  supersedes_goal_id: string | null;
  parent_goal_id: string | null;
  annual_amount: string;
  fiscal_amount: string;
  other_amount: string;
  implementation_period_objective: string | null;
  annual_objective: string | null;
  filing_basis: string | null;
  adjustment_reason: string | null;
  row_version: number;
  fund_id: string | null;
}
export interface TransitionRow {
  goal_id: string;
  goal_version: number;
  action: string;
  from_status: string;
  to_status: string;
  from_step: number;
  to_step: number;
  step_count: number;
  role: string | null;
  actor_user_id: string;
  actor_organization_id: string;
  login: string;
  comment: string | null;
  at: Date;
}

export const goal = async (k: string) => {
  const [row] = await app.sql<GoalRow & Record<string, unknown>>(
    'SELECT * FROM performance_goal WHERE id = $1',
    [goalId(k)],
  );
  if (!row) throw new Error(`no demo goal ${k}`);
  return row;
};
export interface IndicatorRow {
  id: string;
  position: number;
  category: string;
  subcategory: string;
  name: string;
  kind: string;
  unit: string | null;
  comparator: string | null;
  target: string;
  points: string | null;
  aggregation: string | null;
  parent_indicator_id: string | null;
}
export const indicatorsOf = (id: string) =>
  app.sql<IndicatorRow & Record<string, unknown>>(
    'SELECT * FROM goal_indicator WHERE goal_id = $1 ORDER BY position',
    [id],
  );
/** An indicator row as the rules take it (IndicatorInput). */
export const asInput = (i: IndicatorRow): IndicatorInput => ({
  category: i.category as IndicatorInput['category'],
  subcategory: i.subcategory as IndicatorInput['subcategory'],
  name: i.name,
  kind: i.kind as IndicatorInput['kind'],
  unit: i.unit,
  comparator: i.comparator as IndicatorInput['comparator'],
  target: i.target,
  points: i.points,
  aggregation: i.aggregation as IndicatorInput['aggregation'],
  parentIndicatorId: i.parent_indicator_id,
});
export const orgName = async (id: string) =>
  (await app.sql<{ name: string }>('SELECT name FROM organization WHERE id = $1', [id]))[0]?.name;
export const history = (id: string) =>
  app.sql<TransitionRow & Record<string, unknown>>(
    `SELECT t.*, u.login FROM goal_transition t JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.actor_user_id
     WHERE t.goal_id = $1 ORDER BY t.at`,
    [id],
  );

export interface ActionRow {
  action: string;
  allowed: boolean;
}
export const actionsFor = async (k: string, login: string) => {
  const res = await app.gql<{ goal: { status: string; availableActions: ActionRow[] } | null }>(
    'query($id: ID!) { goal(id: $id) { status availableActions { action allowed } } }',
    { id: toGlobalId('PerformanceGoal', goalId(k)) },
    { as: login },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.goal!.availableActions.filter((a) => a.allowed).map((a) => a.action);
};

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useDemoGoalsApp(): void {
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });
}
