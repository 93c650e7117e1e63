/** Self-evaluation of a transfer project (DOMAIN §10, §11 worked example, township A): 96.08 优, reviewed by the township department. */
import { toGlobalId } from '../../src/common/global-id';
import { goalStep } from '../harness/goal-fixtures';
import {
  app,
  call,
  ok,
  refused,
  CREATE_SELF,
  SAVE,
  SUBMIT,
  REVIEW,
  unitGid,
  useSelfEvaluationApi,
} from './self-evaluation-api-fixtures';

useSelfEvaluationApi();

describe('a transfer project (DOMAIN §11 worked example, township A)', () => {
  test('the unit self-evaluates its TRANSFER_PROJECT goal: 96.08 优; the township department reviews it, not the fund’s department', async () => {
    // The demo fund 农村公路提档升级专项资金 (张店区) and its issued regional goal for 车站街道 (township A).
    const [fund] = await app.sql<{ id: string }>(
      `SELECT id FROM fund WHERE name = '农村公路提档升级专项资金'`,
    );
    const [regional] = await app.sql<{ id: string }>(
      `SELECT g.id FROM performance_goal g JOIN region r ON r.id = g.region_id
        WHERE g.fund_id = $1 AND g.scope = 'TRANSFER_REGIONAL' AND r.name = '车站街道' AND g.status = 'ISSUED'`,
      [fund.id],
    );
    const project = await call<{ createProject: { project: { id: string } | null } }>(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code messageEn } } }`,
      {
        name: '车站街道农村公路提档升级（自评测试）',
        implementingUnitId: unitGid,
        fundId: toGlobalId('Fund', fund.id),
        year: 2025,
        fiscalAmount: '6000000.00',
        otherAmount: '0.00',
        isNew: false,
        requiresAssessment: false,
      },
      'transport.chezhan',
    );
    const projectId = project.data?.createProject.project?.id;
    if (!projectId) throw new Error(`arranging failed: ${JSON.stringify(project)}`);
    const indicator = (
      category: string,
      subcategory: string,
      name: string,
      target: string,
      points: string,
    ) => ({
      category,
      subcategory,
      name,
      kind: 'QUANTITATIVE',
      unit: name.includes('率') || name.includes('度') ? '%' : '个',
      comparator: 'GTE',
      target,
      points,
    });
    let g = await goalStep(
      app,
      'createGoal',
      {
        scope: 'TRANSFER_PROJECT',
        year: 2025,
        name: '车站街道农村公路提档升级（自评测试）绩效目标',
        projectId,
        parentGoalId: toGlobalId('PerformanceGoal', regional.id),
        annualObjective: '新改建农村公路30公里',
        annualAmount: '6000000.00',
        fiscalAmount: '6000000.00',
        otherAmount: '0.00',
        indicators: [
          indicator('OUTPUT', 'QUANTITY', '新改建农村公路里程', '30', '20'),
          indicator('OUTPUT', 'QUALITY', '工程验收合格率', '95', '15'),
          indicator('OUTPUT', 'TIMELINESS', '当年完工率', '90', '15'),
          indicator('BENEFIT', 'SOCIAL', '受益群众人数', '12000', '30'),
          indicator('SATISFACTION', 'SERVICE_RECIPIENT', '群众满意度', '90', '10'),
        ],
      },
      'unit.chezhan',
    );
    // 003 转移支付 第十五条(三): the unit's department, its finance, the fund's department, finance at R.
    for (const [mutation, as] of [
      ['submitGoal', 'unit.chezhan'],
      ['approveGoal', 'transport.chezhan'],
      ['approveGoal', 'finance.chezhan'],
      ['approveGoal', 'transport.zhangdian'],
      ['approveGoal', 'finance.zhangdian'],
      ['issueGoal', 'finance.zhangdian'],
    ]) {
      g = await goalStep(app, mutation, { id: g.id, expectedVersion: g.rowVersion }, as);
    }
    const created = await ok(CREATE_SELF, { goalId: g.id }, 'unit.chezhan');
    expect(created.reviewer).toEqual({ name: '车站街道建设办公室' });
    const [km, quality, timeliness, people, satisfaction] = g.indicators.map((i) => i.id);
    const saved = await ok(
      SAVE,
      {
        id: created.id,
        expectedVersion: created.rowVersion,
        money: { budgeted: '6000000.00', inPlace: '6000000.00', spent: '5700000.00' },
        budgetExecutionExplanation: '尾款待竣工审计后支付',
        actuals: [
          { indicatorId: km, actual: '27', explanation: '3公里因征地延期' },
          { indicatorId: quality, actual: '100' },
          { indicatorId: timeliness, actual: '80', explanation: '雨季影响工期' },
          { indicatorId: people, actual: '12500' },
          { indicatorId: satisfaction, actual: '92' },
        ],
      },
      'unit.chezhan',
    );
    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // DOMAIN §11 table, row A: 5.00 4.75 18.00 15.00 13.33 30.00 10.00 → 96.08 EXCELLENT.
    expect(done.scoreLines.map((l) => l.score)).toEqual([
      '5.00',
      '4.75',
      '18.00',
      '15.00',
      '13.33',
      '30.00',
      '10.00',
    ]);
    expect(done).toMatchObject({ total: '96.08', grade: 'EXCELLENT' });
    const review = { id: done.id, expectedVersion: done.rowVersion, decision: 'APPROVE' };
    // The fund's department compiles the overall result later (P4); it does not review the unit's evaluation.
    expect((await refused(REVIEW, review, 'transport.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await ok(REVIEW, review, 'transport.chezhan')).status).toBe('REVIEWED');
  });
});
