/**
 * On submit the engine's line — score, rule and flags — is stored on every actual row (DOMAIN §10.3, §10.6;
 * 002 第二十一、二十四条), all lines in one statement (issue 18): the database holds what the engine computed,
 * flags included, and nothing is stored for a submission that is refused.
 */
import { fromGlobalId, toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { issuedGoal, selfEvaluate } from '../spot-check/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const LINES = `query($id: ID!) { node(id: $id) { ... on Evaluation { status scoreLines { key score rule flags } } } }`;
type Line = { key: string; score: string; rule: string; flags: string[] };

test('every stored line equals the engine’s line, an OVER_TARGET flag included (DOMAIN §10.3, §10.6)', async () => {
  const goal = await issuedGoal(app, 'unit.chezhan', '提交存储评分行');
  // 125 against ≥ 100: a ÷ t = 1.25 > 1.2 — full points, flagged OVER_TARGET (explained).
  const id = await selfEvaluate(app, goal, { actuals: ['125', '100', '90'] });
  const res = await app.gql<{ node: { status: string; scoreLines: Line[] } }>(
    LINES,
    { id },
    { as: 'unit.chezhan' },
  );
  expect(res.data!.node.status).toBe('SUBMITTED');
  const stored = await app.sql<{ indicator_id: string; score: string; rule: string; flags: string[] }>(
    'SELECT indicator_id, score::text, rule, flags FROM evaluation_actual WHERE evaluation_id = $1',
    [fromGlobalId(id)!.id],
  );
  expect(stored).toHaveLength(3);
  const byIndicator = new Map(stored.map((s) => [s.indicator_id, s]));
  for (const [k, indicatorId] of goal.indicatorIds.entries()) {
    const line = res.data!.node.scoreLines.find((l) => l.key === toGlobalId('GoalIndicator', indicatorId))!;
    expect(line).toBeDefined();
    const row = byIndicator.get(indicatorId)!;
    expect({ score: row.score, rule: row.rule, flags: row.flags }).toEqual({
      score: line.score,
      rule: line.rule,
      flags: line.flags,
    });
    if (k === 0) expect(row.flags).toEqual(['OVER_TARGET']);
  }
});
