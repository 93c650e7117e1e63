/**
 * Reading spot checks (DOMAIN §12; P6: audit offices read their subtree, units and other tenants see
 * nothing; DataLoader batching) and the database's own guarantees: a drawn sample and its items are
 * immutable except an item's one move PENDING → CHECKED (DOMAIN §12, §15; P8).
 */
import { randomUUID } from 'node:crypto';
import { TestApp } from '../harness/app';
import { DRAW, issuedGoal, selfEvaluate, uuidOf, YEAR, type DrawResult, type SampleRow } from './fixtures';

let app: TestApp;
const samples: SampleRow[] = [];

const LIST = `query($first: Int) { spotCheckSamples(year: ${YEAR}, first: $first) { nodes { id seed drawnBy { name }
  items { position goal { id name } region { code } selfEvaluation { id status } selfTotal selfGrade checkTotal } } } }`;
interface ListResult {
  spotCheckSamples: { nodes: { id: string; seed: number; items: unknown[] }[] };
}
const list = (as: string, first = 20) => app.gql<ListResult>(LIST, { first }, { as });
const visibleIds = async (as: string) =>
  (await list(as)).data!.spotCheckSamples.nodes.map((n) => n.id).sort();

beforeAll(async () => {
  app = await TestApp.start();
  for (let k = 0; k < 3; k += 1)
    await selfEvaluate(app, await issuedGoal(app, 'unit.chezhan', `读取目标${k}`));
  for (let k = 0; k < 2; k += 1)
    await selfEvaluate(app, await issuedGoal(app, 'unit.gongyuan', `读取公园目标${k}`));
  for (const [as, seed] of [
    ['finance.zhangdian', 1],
    ['finance.zhangdian', 2],
    ['finance.zhangdian', 3],
    ['finance.gongyuan', 4],
  ] as const) {
    const res = await app.gql<DrawResult>(DRAW, { input: { year: YEAR, seed, ratio: '1' } }, { as });
    samples.push(res.data!.drawSpotCheckSample.sample!);
  }
});
afterAll(async () => {
  await app.stop();
});

describe('who reads samples (DOMAIN §8 P6)', () => {
  test('finance and audit offices above see the district’s and townships’ samples; a township only its own', async () => {
    const all = samples.map((s) => s.id).sort();
    expect(await visibleIds('finance.zhangdian')).toEqual(all);
    expect(await visibleIds('audit.zhangdian')).toEqual(all);
    expect(await visibleIds('audit.zibo')).toEqual(all);
    expect(await visibleIds('finance.gongyuan')).toEqual([samples[3]!.id]);
  });

  test('units, third parties, a sibling district and another tenant see none; one by id reads as missing', async () => {
    for (const as of ['unit.chezhan', 'thirdparty.zibo', 'finance.zichuan', 'finance.rizhao']) {
      expect(await visibleIds(as)).toEqual([]);
      const one = await app.gql<{ spotCheckSample: unknown }>(
        'query($id: ID!) { spotCheckSample(id: $id) { id } }',
        { id: samples[0]!.id },
        { as },
      );
      expect(one.data?.spotCheckSample).toBeNull();
    }
  });

  test('one sample by id with its items, self-evaluations and goals', async () => {
    const res = await app.gql<{
      spotCheckSample: { seed: number; items: { selfEvaluation: { status: string } }[] };
    }>(
      'query($id: ID!) { spotCheckSample(id: $id) { seed items { selfEvaluation { status } } } }',
      { id: samples[0]!.id },
      { as: 'audit.zhangdian' },
    );
    expect(res.data!.spotCheckSample.seed).toBe(1);
    expect(res.data!.spotCheckSample.items.length).toBe(samples[0]!.items.length);
    expect(res.data!.spotCheckSample.items.every((i) => i.selfEvaluation.status === 'SUBMITTED')).toBe(true);
  });

  test('items and their relations are batched: the statement count does not grow with the samples', async () => {
    const one = await list('finance.zhangdian', 1);
    const four = await list('finance.zhangdian', 4);
    expect(four.data!.spotCheckSamples.nodes).toHaveLength(4);
    expect(one.extensions?.sqlStatements).toBeGreaterThan(0);
    expect(four.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
  });
});

describe('the database keeps a drawn sample as drawn (DOMAIN §12, §15)', () => {
  const refusal = async (sql: string, params: unknown[]) => {
    try {
      await app.sql(sql, params);
    } catch (error) {
      return (error as { constraint?: string }).constraint;
    }
    return 'accepted';
  };

  test('a sample is never updated or deleted, even by the owner', async () => {
    const id = uuidOf(samples[0]!.id);
    expect(await refusal('UPDATE spot_check_sample SET seed = 99 WHERE id = $1', [id])).toBe(
      'ck_spot_check_sample_immutable',
    );
    expect(await refusal('DELETE FROM spot_check_sample WHERE id = $1', [id])).toBe(
      'ck_spot_check_sample_immutable',
    );
  });

  test('items are never added later, deleted, or changed except PENDING → CHECKED with a spot check', async () => {
    const sample = samples[0]!;
    const item = uuidOf(sample.items[0]!.id);
    const [row] = await app.sql<{ tenant_id: string; goal_id: string; region_id: string }>(
      'SELECT tenant_id, goal_id, region_id FROM spot_check_item WHERE id = $1',
      [item],
    );
    expect(
      await refusal(
        `INSERT INTO spot_check_item (tenant_id, id, sample_id, position, goal_id, sampled, region_id, region_path, status, flags, checked_at)
         VALUES ($1, $2, $3, 999, $4, false, $5, '', 'CHECKED', '["MISSING_SELF_EVALUATION"]', now())`,
        [row!.tenant_id, randomUUID(), uuidOf(sample.id), row!.goal_id, row!.region_id],
      ),
    ).toBe('ck_spot_check_item_immutable');
    expect(await refusal('DELETE FROM spot_check_item WHERE id = $1', [item])).toBe(
      'ck_spot_check_item_immutable',
    );
    expect(await refusal('UPDATE spot_check_item SET position = 50 WHERE id = $1', [item])).toBe(
      'ck_spot_check_item_transition',
    );
    expect(
      await refusal(
        `UPDATE spot_check_item SET status = 'CHECKED', checked_at = now(), checked_by_user_id = (SELECT id FROM app_user WHERE login = 'finance.zhangdian'), check_evaluation_id = (SELECT self_evaluation_id FROM spot_check_item WHERE id = $1) WHERE id = $1`,
        [item],
      ),
    ).toBe('ck_spot_check_item_check'); // a self-evaluation is not a spot check of itself
    const [after] = await app.sql<{ status: string; n: number }>(
      `SELECT (SELECT status FROM spot_check_item WHERE id = $1) AS status, (SELECT count(*)::int FROM spot_check_item WHERE sample_id = $2) AS n`,
      [item, uuidOf(sample.id)],
    );
    expect(after).toEqual({ status: 'PENDING', n: sample.items.length });
  });

  test('both tables have row-level security enabled and forced, with the tenant policy (DOMAIN §3)', async () => {
    const rows = await app.sql<{ relname: string; rls: boolean; forced: boolean; policies: string[] }>(
      `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              array(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1) AS policies
         FROM pg_class c WHERE c.relname IN ('spot_check_sample', 'spot_check_item') ORDER BY c.relname`,
    );
    expect(rows).toEqual(
      ['spot_check_item', 'spot_check_sample'].map((relname) => ({
        relname,
        rls: true,
        forced: true,
        policies: ['owner_maintenance', 'tenant_isolation'],
      })),
    );
  });

  test('the API role may not delete samples or items (grants)', async () => {
    const [grants] = await app.sql<{ sample: boolean; item: boolean }>(
      `SELECT has_table_privilege('jixiao_app', 'spot_check_sample', 'DELETE') AS sample,
              has_table_privilege('jixiao_app', 'spot_check_item', 'DELETE') AS item`,
    );
    expect(grants).toEqual({ sample: false, item: false });
  });
});
