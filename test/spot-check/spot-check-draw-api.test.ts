/**
 * Drawing spot-check samples through GraphQL (DOMAIN §12 抽查复核; 003 第二十一条, 转移支付 第二十四条; P6, P7)
 * on a real database: reproducible from the recorded seed, ratio and minimum, only the caller's
 * jurisdiction, goals without a self-evaluation once the year is over, permissions both ways, bad input
 * with nothing written, and the audit event.
 */
import { toGlobalId } from '../../src/common/global-id';
import { Decimal } from '../../src/common/decimal';
import { drawWithMinimum } from '../../src/spot-check/rules/draw-plan';
import { currentYearInChina } from '../../src/spot-check/rules/calendar';
import { TestApp } from '../harness/app';
import { regionGid } from '../harness/ids';
import {
  allDigests,
  DRAW,
  issuedGoal,
  selfEvaluate,
  uuidOf,
  YEAR,
  type ArrangedGoal,
  type DrawResult,
} from './fixtures';
import { refusalOf } from '../harness/mutations';

let app: TestApp;
const ZHANGDIAN = '370303';
const CHEZHAN = '370303001';
const GONGYUAN = '370303002';
const FUNDED = '车站街道农村公路提档升级工程'; // financed by 张店区交通运输局's 农村公路提档升级专项资金
const UNFUNDED = '车站街道背街小巷路面修复项目';
const GONGYUAN_UNFUNDED = '公园街道人行道改造项目';
const missingGoals: ArrangedGoal[] = [];
const selfIds: Record<string, string[]> = { chezhan: [], gongyuan: [], funded: [] };

const draw = (as: string, input: Record<string, unknown>) => app.gql<DrawResult>(DRAW, { input }, { as });
const sampleOf = (res: Awaited<ReturnType<typeof draw>>) => {
  const payload = res.data?.drawSpotCheckSample;
  if (!payload?.sample) throw new Error(JSON.stringify(res));
  return payload.sample;
};

/** Submitted SELF evaluations of the year under a path, as the database has them (the candidates). */
async function candidatesUnder(code: string, year = YEAR): Promise<{ id: string }[]> {
  return app.sql<{ id: string }>(
    `SELECT e.id FROM evaluation e JOIN region r ON e.region_path LIKE r.path || '%'
      WHERE r.code = $1 AND e.kind = 'SELF' AND e.status IN ('SUBMITTED', 'REVIEWED') AND e.year = $2`,
    [code, year],
  );
}

beforeAll(async () => {
  app = await TestApp.start();
  for (let k = 0; k < 6; k += 1) {
    const goal = await issuedGoal(app, 'unit.chezhan', `车站抽查目标${k}`, {
      project: k < 3 ? FUNDED : UNFUNDED,
    });
    const id = uuidOf(await selfEvaluate(app, goal));
    selfIds.chezhan!.push(id);
    if (k < 3) selfIds.funded!.push(id);
  }
  for (let k = 0; k < 5; k += 1) {
    const goal = await issuedGoal(app, 'unit.gongyuan', `公园抽查目标${k}`, { project: GONGYUAN_UNFUNDED });
    selfIds.gongyuan!.push(uuidOf(await selfEvaluate(app, goal)));
  }
  // No submitted self-evaluation: one never started, one left as a draft.
  missingGoals.push(await issuedGoal(app, 'unit.chezhan', '车站未自评目标', { project: FUNDED }));
  const drafted = await issuedGoal(app, 'unit.gongyuan', '公园自评草稿目标', { project: GONGYUAN_UNFUNDED });
  await selfEvaluate(app, drafted, { submit: false });
  missingGoals.push(drafted);
});
afterAll(async () => {
  await app.stop();
});

describe('reproducible draw from a recorded seed (DOMAIN §12)', () => {
  test('the same seed over the same candidates draws the same self-evaluations, and both draws are recorded', async () => {
    const first = sampleOf(await draw('finance.zhangdian', { year: YEAR, seed: 12345 }));
    const second = sampleOf(await draw('finance.zhangdian', { year: YEAR, seed: 12345 }));
    const drawn = (s: typeof first) =>
      s.items.filter((i) => i.sampled).map((i) => uuidOf(i.selfEvaluation!.id));
    expect(drawn(second)).toEqual(drawn(first));
    const candidates = await candidatesUnder(ZHANGDIAN);
    expect(first.candidateCount).toBe(candidates.length);
    expect(candidates.length).toBeGreaterThanOrEqual(11);
    // Exactly what the engine draws from the recorded seed over the database's candidates.
    const expected = drawWithMinimum(candidates, 12345, new Decimal('0.1'), 1).map((c) => c.id);
    expect(drawn(first)).toEqual(expected);
    const rows = await app.sql<{ seed: number; ratio: string; minimum: number; drawn_by: string }>(
      `SELECT s.seed, s.ratio::text, s.minimum, o.name AS drawn_by FROM spot_check_sample s
         JOIN organization o ON o.id = s.drawn_by_organization_id WHERE s.id = ANY($1) ORDER BY s.drawn_at`,
      [[uuidOf(first.id), uuidOf(second.id)]],
    );
    expect(rows).toEqual([
      { seed: 12345, ratio: '0.1000', minimum: 1, drawn_by: '张店区财政局' },
      { seed: 12345, ratio: '0.1000', minimum: 1, drawn_by: '张店区财政局' },
    ]);
  });

  test('another seed is recorded and draws what the engine draws for it; no seed → one is generated and recorded', async () => {
    const other = sampleOf(await draw('finance.zhangdian', { year: YEAR, seed: 777, ratio: '0.3' }));
    const expected = drawWithMinimum(await candidatesUnder(ZHANGDIAN), 777, new Decimal('0.3'), 1).map(
      (c) => c.id,
    );
    expect(other.items.filter((i) => i.sampled).map((i) => uuidOf(i.selfEvaluation!.id))).toEqual(expected);
    const generated = sampleOf(await draw('finance.zhangdian', { year: YEAR }));
    const [row] = await app.sql<{ seed: number }>('SELECT seed FROM spot_check_sample WHERE id = $1', [
      uuidOf(generated.id),
    ]);
    expect(row!.seed).toBe(generated.seed);
    expect(Number.isInteger(generated.seed) && generated.seed >= 0).toBe(true);
  });
});

describe('ratio and minimum (DOMAIN §12 policy choice: 10%, at least 1)', () => {
  test('⌈ratio × candidates⌉ drawn, lifted to the minimum, all with ratio 1; rows match', async () => {
    const n = (await candidatesUnder(ZHANGDIAN)).length;
    const cases: [Record<string, unknown>, number][] = [
      [{}, Math.max(1, Math.ceil(n / 10))],
      [{ ratio: '0.5' }, Math.ceil(n / 2)],
      [{ ratio: '0.1', minimum: 4 }, Math.max(4, Math.ceil(n / 10))],
      [{ ratio: '1' }, n],
    ];
    for (const [input, size] of cases) {
      const sample = sampleOf(await draw('finance.zhangdian', { year: YEAR, seed: 3, ...input }));
      expect(sample.sampledCount).toBe(size);
      const [row] = await app.sql<{ sampled: number; candidates: number }>(
        `SELECT count(*) FILTER (WHERE i.sampled)::int AS sampled, max(s.candidate_count) AS candidates
           FROM spot_check_item i JOIN spot_check_sample s ON s.id = i.sample_id WHERE s.id = $1`,
        [uuidOf(sample.id)],
      );
      expect(row).toEqual({ sampled: size, candidates: n });
    }
  });

  test('once the year is over, issued project goals without a submitted self-evaluation are listed and flagged', async () => {
    const sample = sampleOf(await draw('finance.zhangdian', { year: YEAR, seed: 9 }));
    expect(sample.deadlinePassed).toBe(true);
    const missing = sample.items.filter((i) => !i.sampled);
    expect(missing.map((i) => uuidOf(i.goal!.id)).sort()).toEqual(
      expect.arrayContaining(missingGoals.map((g) => g.goalId)),
    );
    for (const item of missing) {
      expect(item).toMatchObject({
        status: 'CHECKED',
        flags: ['MISSING_SELF_EVALUATION'],
        selfEvaluation: null,
      });
    }
    expect(sample.missingCount).toBe(missing.length);
  });

  test('during the year nothing is listed as missing yet (the draw after the year is the deadline)', async () => {
    const year = currentYearInChina();
    const goal = await issuedGoal(app, 'unit.chezhan', '本年度目标', { year });
    await selfEvaluate(app, goal);
    await issuedGoal(app, 'unit.chezhan', '本年度未自评目标', { year });
    const sample = sampleOf(await draw('finance.zhangdian', { year, ratio: '1' }));
    expect(sample.deadlinePassed).toBe(false);
    expect(sample.missingCount).toBe(0);
    expect(sample.items.every((i) => i.sampled)).toBe(true);
  });
});

describe('only the caller’s jurisdiction (DOMAIN §3, §12; P6)', () => {
  test('a township’s finance draws only its own township — the sibling’s self-evaluations are never candidates', async () => {
    const sample = sampleOf(await draw('finance.gongyuan', { year: YEAR, ratio: '1' }));
    expect(sample.candidateCount).toBe((await candidatesUnder(GONGYUAN)).length);
    const drawn = sample.items.filter((i) => i.sampled).map((i) => uuidOf(i.selfEvaluation!.id));
    expect(drawn).toEqual(expect.arrayContaining(selfIds.gongyuan!));
    expect(drawn.some((id) => selfIds.chezhan!.includes(id))).toBe(false);
    expect(new Set(sample.items.map((i) => i.region!.code))).toEqual(new Set([GONGYUAN]));
  });

  test('`within` narrows to a township in the subtree; a sibling, a parent or another tenant’s region reads as missing', async () => {
    const within = sampleOf(
      await draw('finance.zhangdian', { year: YEAR, ratio: '1', within: await regionGid(app, CHEZHAN) }),
    );
    expect(new Set(within.items.map((i) => i.region!.code))).toEqual(new Set([CHEZHAN]));
    const before = await allDigests(app);
    for (const [as, code] of [
      ['finance.gongyuan', CHEZHAN],
      ['finance.gongyuan', ZHANGDIAN],
      ['finance.zichuan', ZHANGDIAN],
      ['finance.rizhao', ZHANGDIAN],
    ] as const) {
      const res = await draw(as, { year: YEAR, within: await regionGid(app, code) });
      expect(res.data?.drawSpotCheckSample).toMatchObject({
        sample: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'within'] }],
      });
    }
    expect(await allDigests(app)).toEqual(before);
  });

  test('a sibling district’s finance never samples 张店区 (nothing of its own to draw here)', async () => {
    const res = await draw('finance.zichuan', { year: YEAR, ratio: '1' });
    const rows = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM spot_check_item i JOIN spot_check_sample s ON s.id = i.sample_id
         JOIN organization o ON o.id = s.drawn_by_organization_id JOIN region r ON r.code = $1
        WHERE o.name = '淄川区财政局' AND i.region_path LIKE r.path || '%'`,
      [ZHANGDIAN],
    );
    expect(rows[0]!.n).toBe(0);
    expect(res.data?.drawSpotCheckSample.userErrors.map((e) => e.code) ?? []).toEqual(
      res.data?.drawSpotCheckSample.sample ? [] : ['WORKFLOW_VIOLATION'],
    );
  });

  test('a competent department draws only over the goals of its own funds', async () => {
    const sample = sampleOf(await draw('transport.zhangdian', { year: YEAR, ratio: '1' }));
    const drawn = sample.items.filter((i) => i.sampled).map((i) => uuidOf(i.selfEvaluation!.id));
    expect(drawn).toEqual(expect.arrayContaining(selfIds.funded!));
    const unfunded = selfIds.chezhan!.filter((id) => !selfIds.funded!.includes(id));
    expect(drawn.some((id) => unfunded.includes(id) || selfIds.gongyuan!.includes(id))).toBe(false);
    expect(sample.items.filter((i) => !i.sampled).map((i) => uuidOf(i.goal!.id))).toEqual([
      missingGoals[0]!.goalId,
    ]);
    const none = await draw('agri.zhangdian', { year: YEAR });
    expect(none.data?.drawSpotCheckSample.userErrors.map((e) => e.code)).toEqual(['WORKFLOW_VIOLATION']);
  });
});

describe('who may draw (DOMAIN §8 P6, P7)', () => {
  test('units, audit offices and third parties are refused, naming the principle; nothing is written', async () => {
    const before = await allDigests(app);
    for (const [as, principle] of [
      ['unit.chezhan', 'P7'],
      ['audit.zhangdian', 'P6'],
      ['thirdparty.zibo', 'P6'],
    ] as const) {
      const res = await draw(as, { year: YEAR });
      expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle }); // issue 11 item 4: in the payload
      expect(res.data?.drawSpotCheckSample?.sample ?? null).toBeNull();
    }
    const anonymous = await app.gql(DRAW, { input: { year: YEAR } });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await allDigests(app)).toEqual(before);
  });

  test('another tenant’s finance never draws this tenant’s self-evaluations', async () => {
    const res = await draw('finance.rizhao', { year: YEAR, ratio: '1' });
    const rows = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM spot_check_item i JOIN spot_check_sample s ON s.id = i.sample_id
         JOIN organization o ON o.id = s.drawn_by_organization_id
        WHERE o.name = '日照市财政局' AND i.self_evaluation_id = ANY($1)`,
      [[...selfIds.chezhan!, ...selfIds.gongyuan!]],
    );
    expect(rows[0]!.n).toBe(0);
    const items = res.data?.drawSpotCheckSample.sample?.items ?? [];
    expect(items.every((i) => i.region?.code.startsWith('3711'))).toBe(true); // 日照市's own regions only
  });
});

describe('bad input: a clear user error, nothing written', () => {
  test.each([
    [{ ratio: '0' }, ['input', 'ratio']],
    [{ ratio: '1.5' }, ['input', 'ratio']],
    [{ minimum: 0 }, ['input', 'minimum']],
    [{ year: 1999 }, ['input', 'year']],
    [{ year: currentYearInChina() + 1 }, ['input', 'year']],
    [{ seed: -1 }, ['input', 'seed']],
  ])('%j → BAD_USER_INPUT at %j', async (input, field) => {
    const before = await allDigests(app);
    const res = await draw('finance.zhangdian', { year: YEAR, ...input });
    expect(res.data?.drawSpotCheckSample).toMatchObject({
      sample: null,
      userErrors: [{ code: 'BAD_USER_INPUT', field }],
    });
    expect(res.data!.drawSpotCheckSample.userErrors[0]!.messageEn.length).toBeGreaterThan(0);
    expect(await allDigests(app)).toEqual(before);
  });

  test('a year with nothing to check → WORKFLOW_VIOLATION, nothing written', async () => {
    const before = await allDigests(app);
    const res = await draw('finance.zhangdian', { year: 2001 });
    expect(res.data?.drawSpotCheckSample).toMatchObject({
      sample: null,
      userErrors: [{ code: 'WORKFLOW_VIOLATION' }],
    });
    expect(await allDigests(app)).toEqual(before);
  });
});

describe('history (DOMAIN §15)', () => {
  test('each draw writes one audit event with the sample and its items, in the caller’s region', async () => {
    const sample = sampleOf(await draw('finance.zhangdian', { year: YEAR, seed: 4242 }));
    const events = await app.sql<{ action: string; region_path: string; items: number; actor: string }>(
      `SELECT a.action, a.region_path, jsonb_array_length(a.after -> 'items') AS items, o.name AS actor
         FROM audit_event a JOIN organization o ON o.id = a.actor_organization_id
        WHERE a.entity_type = 'SpotCheckSample' AND a.entity_id = $1`,
      [uuidOf(sample.id)],
    );
    const [region] = await app.sql<{ path: string }>('SELECT path FROM region WHERE code = $1', [ZHANGDIAN]);
    expect(events).toEqual([
      { action: 'DRAW', region_path: region!.path, items: sample.items.length, actor: '张店区财政局' },
    ]);
    expect(toGlobalId('SpotCheckSample', uuidOf(sample.id))).toBe(sample.id);
  });
});
