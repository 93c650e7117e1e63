import { Client } from 'pg';
import { migrate, withDatabase } from '../../src/db/bootstrap';
import { checkConsistency } from '../../src/goals/rules/consistency';
import { demoTenants, loadDemo } from '../../seeds';
import { demoFundId, WORKED_EXAMPLE } from '../../seeds/demo-goals';
import {
  app,
  asInput,
  goal,
  goalId,
  indicatorsOf,
  key,
  orgName,
  useDemoGoalsApp,
} from './demo-goal-fixtures';

/*
 * The demo funds and goals (seeds/demo-goals.ts): the DOMAIN §11 worked example exactly, every goal
 * workflow state of DOMAIN §7 reachable by a demo login, histories that follow the review chains (P3),
 * and loadDemo idempotent and deterministic.
 */
useDemoGoalsApp();

describe('loadDemo is idempotent and deterministic', () => {
  it('a second run writes nothing', async () => {
    const before = await app.tableDigests();
    const goalsBefore = await app.sql('SELECT count(*)::int AS n FROM performance_goal');
    expect(await loadDemo(app.owner)).toEqual({ created: false });
    expect(await app.tableDigests()).toEqual(before);
    expect(await app.sql('SELECT count(*)::int AS n FROM performance_goal')).toEqual(goalsBefore);
  });

  it('a fresh database gets the same goals, histories and audit trail, and a second run adds nothing', async () => {
    const adminUrl = process.env.JIXIAO_TEST_ADMIN_URL as string;
    const name = `${app.db.name}_fresh`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const fresh = new Client({ connectionString: withDatabase(adminUrl, name) });
    try {
      await migrate(withDatabase(adminUrl, name));
      await fresh.connect();
      expect(await loadDemo(fresh)).toEqual({ created: true });
      const shape = async (q: (sql: string) => Promise<unknown[]>) => ({
        goals: await q(
          'SELECT id, status, current_step, review_chain, goal_version, row_version, updated_at FROM performance_goal ORDER BY id',
        ),
        indicators: await q(
          'SELECT id, goal_id, target, parent_indicator_id FROM goal_indicator ORDER BY id',
        ),
        transitions: await q(
          'SELECT id, goal_id, action, to_status, actor_user_id, comment, at FROM goal_transition ORDER BY id',
        ),
        audit: await q(
          `SELECT id, entity_id, action, occurred_at FROM audit_event WHERE entity_type IN ('PerformanceGoal', 'Fund', 'Project') ORDER BY id`,
        ),
        money: await q('SELECT id, amount FROM fund_allocation ORDER BY id'),
      });
      const first = await shape(async (sql) => (await fresh.query(sql)).rows);
      expect(await loadDemo(fresh)).toEqual({ created: false });
      expect(await shape(async (sql) => (await fresh.query(sql)).rows)).toEqual(first);
      expect(await shape((sql) => app.sql(sql))).toEqual(first);
    } finally {
      await fresh.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('DOMAIN §11 worked example: 农村公路提档升级专项资金', () => {
  it('the fund of 张店区交通运输局, 2025, factor method, 1,000万元 allocated 600 to A and 400 to B (DOMAIN §4)', async () => {
    const [fund] = await app.sql(
      `SELECT f.*, o.name AS owner, r.code AS region_code FROM fund f
       JOIN organization o ON o.tenant_id = f.tenant_id AND o.id = f.organization_id
       JOIN region r ON r.tenant_id = f.tenant_id AND r.id = f.region_id WHERE f.id = $1`,
      [demoFundId(key, WORKED_EXAMPLE.fund)],
    );
    expect(fund).toMatchObject({
      tenant_id: demoTenants.zibo.id,
      name: '农村公路提档升级专项资金',
      owner: '张店区交通运输局',
      region_code: '370303',
      start_year: 2025,
      end_year: 2025,
      allocation_method: 'FACTOR',
      own_level_amount: '10000000.00',
      is_emergency: false,
    });
    const allocations = await app.sql(
      `SELECT r.name, r.code, a.amount FROM fund_allocation a JOIN region r ON r.tenant_id = a.tenant_id AND r.id = a.region_id
       WHERE a.fund_id = $1 ORDER BY r.code`,
      [fund!.id],
    );
    expect(allocations).toEqual([
      { name: '车站街道', code: '370303001', amount: '6000000.00' },
      { name: '公园街道', code: '370303002', amount: '4000000.00' },
    ]);
  });

  it('the overall goal has the five indicators of the §11 table and is ISSUED by finance at 张店区', async () => {
    const overall = await goal(WORKED_EXAMPLE.overallGoal);
    expect(overall).toMatchObject({
      scope: 'TRANSFER_OVERALL',
      status: 'ISSUED',
      fund_id: demoFundId(key, WORKED_EXAMPLE.fund),
      annual_amount: '10000000.00',
      goal_version: 1,
    });
    expect(await orgName(overall.drafter_organization_id)).toBe('张店区交通运输局');
    const rows = (await indicatorsOf(overall.id)).map((i) => [
      i.name,
      `${i.category}/${i.subcategory}`,
      i.unit,
      i.comparator,
      i.target,
      i.aggregation,
      i.points,
      i.parent_indicator_id,
    ]);
    expect(rows).toEqual([
      ['新改建农村公路里程', 'OUTPUT/QUANTITY', 'km', 'GTE', '50', 'SUM', '20.00', null],
      ['工程验收合格率', 'OUTPUT/QUALITY', '%', 'GTE', '95', 'FUND_WEIGHTED_AVERAGE', '15.00', null],
      ['当年完工率', 'OUTPUT/TIMELINESS', '%', 'GTE', '90', 'FUND_WEIGHTED_AVERAGE', '15.00', null],
      ['受益群众人数', 'BENEFIT/SOCIAL', '人', 'GTE', '20000', 'SUM', '30.00', null],
      [
        '群众满意度',
        'SATISFACTION/SERVICE_RECIPIENT',
        '%',
        'GTE',
        '90',
        'FUND_WEIGHTED_AVERAGE',
        '10.00',
        null,
      ],
    ]);
    const history = await app.sql(
      `SELECT t.action, t.to_status, t.role, u.login FROM goal_transition t
       JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.actor_user_id WHERE t.goal_id = $1 ORDER BY t.at`,
      [overall.id],
    );
    // DOMAIN §7 table: TRANSFER_OVERALL (fund at R) → finance at R (final); 批复下达 by finance.
    expect(history).toEqual([
      { action: 'SUBMIT', to_status: 'SUBMITTED', role: null, login: 'transport.zhangdian' },
      { action: 'APPROVE', to_status: 'APPROVED', role: 'BUDGET_FINANCE', login: 'finance.zhangdian' },
      { action: 'ISSUE', to_status: 'ISSUED', role: 'BUDGET_FINANCE', login: 'finance.zhangdian' },
    ]);
  });

  it('regional goals of A and B carry the A/B targets, link to the overall indicators and are ISSUED; the decomposition is consistent (DOMAIN §5)', async () => {
    const overall = await goal(WORKED_EXAMPLE.overallGoal);
    const parents = await indicatorsOf(overall.id);
    const expected = {
      [WORKED_EXAMPLE.townshipA.goal]: {
        code: '370303001',
        amount: '6000000.00',
        targets: ['30', '95', '90', '12000', '90'],
      },
      [WORKED_EXAMPLE.townshipB.goal]: {
        code: '370303002',
        amount: '4000000.00',
        targets: ['20', '95', '90', '8000', '90'],
      },
    };
    const children = [];
    for (const [k, want] of Object.entries(expected)) {
      const g = await goal(k);
      const [region] = await app.sql<{ code: string }>('SELECT code FROM region WHERE id = $1', [
        g.region_id,
      ]);
      expect(region?.code).toBe(want.code);
      expect(g).toMatchObject({
        scope: 'TRANSFER_REGIONAL',
        status: 'ISSUED',
        decomposition: 'TOP_DOWN',
        parent_goal_id: overall.id,
        annual_amount: want.amount,
      });
      const rows = await indicatorsOf(g.id);
      expect(rows.map((i) => i.target)).toEqual(want.targets);
      expect(rows.map((i) => i.name)).toEqual(parents.map((p) => p.name));
      expect(rows.map((i) => i.parent_indicator_id)).toEqual(parents.map((p) => p.id));
      children.push({ goalId: g.id, label: k, annualAmount: g.annual_amount, indicators: rows.map(asInput) });
    }
    const report = checkConsistency({
      parent: {
        allocatedAmount: '10000000.00',
        indicators: parents.map((p) => ({ id: p.id, ...asInput(p) })),
      },
      children,
    });
    expect(report.errors).toEqual([]);
    expect(report.combined.map((c) => [c.combined, c.target, c.meets])).toEqual([
      ['50', '50', true],
      ['95', '95', true],
      ['90', '90', true],
      ['20000', '20000', true],
      ['90', '90', true],
    ]);
  });

  it('a project goal per township under its regional goal: A issued through its 4-step chain, B waiting at step 3 of 4', async () => {
    const a = await goal('rural-roads-2025-a-works');
    const b = await goal('rural-roads-2025-b-works');
    expect(a).toMatchObject({
      scope: 'TRANSFER_PROJECT',
      status: 'ISSUED',
      parent_goal_id: goalId(WORKED_EXAMPLE.townshipA.goal),
    });
    expect(b).toMatchObject({
      scope: 'TRANSFER_PROJECT',
      status: 'IN_REVIEW',
      current_step: 3,
      parent_goal_id: goalId(WORKED_EXAMPLE.townshipB.goal),
    });
    // 003 转移支付 第十五条(三): unit's department → S's finance → the fund's department → finance at R.
    const names = await Promise.all(a.review_chain.map((s) => orgName(s.organizationId)));
    expect(names).toEqual(['车站街道建设办公室', '车站街道财政所', '张店区交通运输局', '张店区财政局']);
    expect(a.review_chain.map((s) => s.role)).toEqual([
      'SUPERVISING_DEPARTMENT',
      'LOWER_FINANCE',
      'FUND_DEPARTMENT',
      'BUDGET_FINANCE',
    ]);
    const regional = await indicatorsOf(goalId(WORKED_EXAMPLE.townshipA.goal));
    expect((await indicatorsOf(a.id)).map((i) => i.parent_indicator_id)).toEqual(regional.map((r) => r.id));
  });
});
