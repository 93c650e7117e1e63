/**
 * Issue 18, W1: the overall roll-up of a fund tree is reused while the statistics versions it reads are
 * unchanged (rollup.loaders.ts `upperResults`, keyed by the overall's version and every regional child's),
 * so a repeated read costs fewer statements — and a submission anywhere under it gives the fresh answer at
 * once: the reused answer always equals one computed from scratch (`forgetRollUpResults`).
 */
import { generateSyntheticCity, generateSyntheticEvaluations, type SyntheticCity } from '../../seeds';
import { forgetRollUpResults } from '../../src/rollup/rollup.loaders';
import { TestApp } from '../harness/app';
import { countedBelow, draftsUnder, readFundTree } from '../rollup/fixtures';

let app: TestApp;
let city: SyntheticCity;
let overall: string;
let drafts: string[];

beforeAll(async () => {
  app = await TestApp.start();
  city = await generateSyntheticCity(app.owner, { seed: 83, scale: 'small' });
  await generateSyntheticEvaluations(app.owner, { tenantId: city.tenantId, seed: 83, share: 0.5 });
  // The overall goal with the most project goals below it, and drafts for two of its missing ones.
  const [top] = await app.sql<{ id: string }>(
    `SELECT o.id FROM performance_goal o
       JOIN performance_goal r ON r.tenant_id = o.tenant_id AND r.parent_goal_id = o.id
       JOIN performance_goal p ON p.tenant_id = r.tenant_id AND p.parent_goal_id = r.id AND p.status = 'ISSUED'
      WHERE o.tenant_id = $1 AND o.scope = 'TRANSFER_OVERALL' AND o.status = 'ISSUED'
      GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1`,
    [city.tenantId],
  );
  overall = top.id;
  drafts = await draftsUnder(app, city.tenantId, overall, 2, 83);
}, 240_000);
afterAll(async () => app.stop());

const fundTree = () => readFundTree(app, overall, city.sampleLogins.cityFinance);

async function fresh() {
  forgetRollUpResults();
  return fundTree();
}

test('a repeated read reuses the overall roll-up: fewer statements, the same answer as from scratch', async () => {
  const first = await fresh();
  const second = await fundTree();
  expect(second.data).toEqual(first.data);
  expect(second.statements).toBeLessThan(first.statements);
  console.warn(`fund tree SQL statements: computed ${first.statements}, reused ${second.statements}`);
});

test('a submission below it is seen at once; the reused answer then equals a fresh one', async () => {
  expect(drafts.length).toBeGreaterThan(0);
  const before = await fundTree();
  await app.sql(
    `UPDATE evaluation SET status = 'SUBMITTED', total = 90, grade = 'EXCELLENT', submitted_at = now() WHERE id = $1`,
    [drafts[0]],
  );
  const after = await fundTree();
  expect(after.data).not.toEqual(before.data);
  expect(countedBelow(after.data)).toBe(countedBelow(before.data) + 1);
  const again = await fundTree();
  expect(again.data).toEqual(after.data);
  expect((await fresh()).data).toEqual(after.data);
});
