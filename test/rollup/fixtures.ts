/**
 * Arranging roll-up tests on the demo's worked example fund 农村公路提档升级专项资金 (DOMAIN §11): the goals
 * of the tree, and a regional result (a submitted SELF evaluation of a regional goal, as compileRollUp
 * writes it) inserted as the owner and scored by the engine exactly as a submission is.
 */
import { randomUUID } from 'node:crypto';
import { Decimal } from '../../src/common/decimal';
import { scoreSelfEvaluation } from '../../src/evaluation/rules/scoring';
import type { ScoringIndicator } from '../../src/evaluation/rules/scoring-types';
import type { TestApp } from '../harness/app';
import { FUND_TREE, type FundTreeData } from '../../bench/rollup-queries';
import { generateSyntheticEvaluations } from '../../seeds';

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

/** 车站街道 (township A) and 公园街道 (township B) of 张店区 (370303). */
export const REGION = { A: '370303001', B: '370303002', district: '370303' } as const;

/**
 * An issued goal of the worked example fund by scope and region code. The joins name the tenant: on a
 * Citus cluster (npm run test:citus) they stay co-located instead of becoming repartition joins, which
 * wait for connection slots when other test files load the cluster.
 */
export async function workedExampleGoal(app: TestApp, scope: string, regionCode: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `SELECT g.id FROM performance_goal g
       JOIN fund f ON f.tenant_id = g.tenant_id AND f.id = g.fund_id
       JOIN region r ON r.tenant_id = g.tenant_id AND r.id = g.region_id
      WHERE f.name = '农村公路提档升级专项资金' AND g.scope = $1 AND r.code = $2 AND g.status = 'ISSUED'`,
    [scope, regionCode],
  );
  return row.id;
}

/** DOMAIN §11 worked example: the regional self-evaluations of A and B. */
export const A_RESULT = {
  actuals: {
    新改建农村公路里程: '27',
    工程验收合格率: '100',
    当年完工率: '80',
    受益群众人数: '12500',
    群众满意度: '92',
  },
  money: ['6000000.00', '6000000.00', '5700000.00'] as [string, string, string],
};
export const B_RESULT = {
  actuals: {
    新改建农村公路里程: '20',
    工程验收合格率: '90',
    当年完工率: '100',
    受益群众人数: '8000',
    群众满意度: '85',
  },
  money: ['4000000.00', '3800000.00', '3800000.00'] as [string, string, string],
};

type IndicatorRow = {
  id: string;
  name: string;
  category: ScoringIndicator['category'];
  comparator: 'GTE' | 'LTE' | 'EQ';
  target: string;
  points: string;
};

/** A submitted (or reviewed) SELF evaluation of a regional goal, scored by the engine as `submitEvaluation` does. */
export async function submitRegional(
  app: TestApp,
  goalId: string,
  result: { actuals: Record<string, string>; money: [string, string, string] },
  status: 'SUBMITTED' | 'REVIEWED' = 'SUBMITTED',
) {
  const { actuals, money } = result;
  const indicators = await app.sql<IndicatorRow>(
    `SELECT id, name, category, comparator, target, points::text FROM goal_indicator WHERE goal_id = $1 ORDER BY position`,
    [goalId],
  );
  const [{ tenant_id: tenantId, drafter_organization_id: evaluator }] = await app.sql<{
    tenant_id: string;
    drafter_organization_id: string;
  }>('SELECT tenant_id, drafter_organization_id FROM performance_goal WHERE id = $1', [goalId]);
  const id = randomUUID();
  await app.sql(
    `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id, budgeted, in_place, spent, region_path)
     VALUES ($1, $2, $3, 'SELF', 2025, 'DRAFT', $4, $5, $6, $7, '')`,
    [tenantId, id, goalId, evaluator, ...money],
  );
  for (const i of indicators) {
    await app.sql(
      `INSERT INTO evaluation_actual (tenant_id, id, evaluation_id, indicator_id, actual, explanation) VALUES ($1, $2, $3, $4, $5, '见说明')`,
      [tenantId, randomUUID(), id, i.id, actuals[i.name]],
    );
  }
  const score = scoreSelfEvaluation({
    indicators: indicators.map((i) => ({
      id: i.id,
      name: i.name,
      category: i.category,
      kind: 'QUANTITATIVE',
      comparator: i.comparator,
      target: new Decimal(i.target),
      points: new Decimal(i.points),
    })),
    actuals: indicators.map((i) => ({ indicatorId: i.id, actual: new Decimal(actuals[i.name]) })),
    money: { budgeted: new Decimal(money[0]), inPlace: new Decimal(money[1]), spent: new Decimal(money[2]) },
  });
  await app.sql(
    `UPDATE evaluation SET status = 'SUBMITTED', total = $2, grade = $3, submitted_at = now() WHERE id = $1`,
    [id, score.total.toFixed(2), score.grade],
  );
  if (status === 'REVIEWED') {
    await app.sql(`UPDATE evaluation SET status = 'REVIEWED', reviewed_at = now() WHERE id = $1`, [id]);
  }
  return { id, total: score.total.toFixed(2) };
}

/** Every scalar leaf of a GraphQL answer, as text (to prove a figure appears nowhere in it). */
export function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [String(value)];
}

/**
 * The evaluation mutations as the compile tests call them: `call` answers the payload, a GraphQL error
 * (the shield's refusal) read as its user errors; `ok` the evaluation, else it throws; `refused` the
 * user errors of a refusal that wrote nothing (every digested table unchanged).
 */
export function evaluationCalls<E, U>(app: () => TestApp) {
  type Payload = { evaluation: E | null; userErrors: U[] };
  async function call(query: string, input: Record<string, unknown>, as: string): Promise<Payload> {
    const res = await app().gql<Record<string, Payload>>(query, { input }, { as });
    if (res.errors) return { evaluation: null, userErrors: res.errors.map((e) => e.extensions as never) };
    return Object.values(res.data!)[0]!;
  }
  async function ok(query: string, input: Record<string, unknown>, as: string): Promise<E> {
    const p = await call(query, input, as);
    if (!p.evaluation) throw new Error(`expected success as ${as}: ${JSON.stringify(p.userErrors)}`);
    return p.evaluation;
  }
  async function refused(query: string, input: Record<string, unknown>, as: string): Promise<U[]> {
    const before = await app().tableDigests();
    const p = await call(query, input, as);
    expect(p.evaluation).toBeNull();
    expect(await app().tableDigests()).toEqual(before);
    return p.userErrors;
  }
  return { call, ok, refused };
}

/** The fund tree of `overallId` read by `as` (bench/rollup-queries.ts FUND_TREE) and its statement count. */
export async function readFundTree(app: TestApp, overallId: string, as: string) {
  const res = await app.gql<FundTreeData>(FUND_TREE, { id: gid('PerformanceGoal', overallId) }, { as });
  expect(res.errors).toBeUndefined();
  expect(res.data!.goal?.rollUp).toBeTruthy();
  return { data: res.data!, statements: res.extensions?.sqlStatements as number };
}

/** Self-evaluations counted under the tree's regional goals, summed (one more per submission). */
export const countedBelow = (d: FundTreeData) =>
  d.goal!.children.nodes.reduce((sum, c) => sum + (c.rollUp?.coverage.counted ?? 0), 0);

/**
 * DRAFT self-evaluations (ids) for up to `count` project goals under the overall goal that have none yet,
 * arranged as the owner with the synthetic generator.
 */
export async function draftsUnder(
  app: TestApp,
  tenantId: string,
  overallId: string,
  count: number,
  seed: number,
): Promise<string[]> {
  const missing = await app.sql<{ id: string }>(
    `SELECT p.id FROM performance_goal p JOIN performance_goal r ON r.tenant_id = p.tenant_id AND r.id = p.parent_goal_id
      WHERE p.tenant_id = $1 AND r.parent_goal_id = $2 AND p.status = 'ISSUED'
        AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.tenant_id = p.tenant_id AND e.goal_id = p.id)
      ORDER BY p.id LIMIT $3`,
    [tenantId, overallId, count],
  );
  const summary = await generateSyntheticEvaluations(app.owner, {
    tenantId,
    seed,
    share: 1,
    goalIds: missing.map((m) => m.id),
    status: 'DRAFT',
  });
  return summary.evaluations.map((e) => e.id);
}
