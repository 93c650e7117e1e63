/**
 * Finance's department-wide evaluation (DOMAIN §10; 003 第二十二–二十三条; 004 二(四)) through the API: of an
 * issued department goal (common indicators copied in), commissioned to a third party, scored 93.50
 * EXCELLENT with 共性 and 个性 framework indicators; the database agrees. Split from department-flow-api.test.ts.
 */
import { useTestApp } from '../harness/app';
import { organizationGid } from '../harness/ids';
import { framework9350, reportSections } from '../harness/evaluation-fixtures';
import { ERRORS, issuedDepartmentGoal, must, setCommon, uuid, type GoalRow } from './fixtures';

const app = useTestApp();
const E = 'id kind status rowVersion total grade';

describe('finance evaluates an issued department goal', () => {
  let goal: GoalRow;
  beforeAll(async () => {
    await setCommon(app);
    goal = await issuedDepartmentGoal(app, '农业农村局2025年度部门整体绩效目标');
  });

  test('finance’s department-wide evaluation (003 第二十二–二十三条), commissioned to a third party: 93.50 EXCELLENT', async () => {
    const created = await must<{ id: string; rowVersion: number; kind: string }>(
      app,
      `mutation($input: CreateFinanceEvaluationInput!) { createFinanceEvaluation(input: $input) { evaluation { ${E} } ${ERRORS} } }`,
      { goalId: goal.id },
      'finance.zhangdian',
      'evaluation',
    );
    expect(created.kind).toBe('FINANCE');
    const third = await organizationGid(app, '山东正信绩效评价咨询有限公司');
    const commissioned = await must<{ id: string; rowVersion: number }>(
      app,
      `mutation($input: CommissionEvaluationInput!) { commissionEvaluation(input: $input) { evaluation { ${E} } ${ERRORS} } }`,
      { id: created.id, expectedVersion: created.rowVersion, thirdPartyOrganizationId: third },
      'finance.zhangdian',
      'evaluation',
    );
    // 共性: 财政财务管理 (PROCESS); 个性: duties and key work (OUTPUT, BENEFIT) — 003 第二十三条.
    const framework = framework9350('三公经费台账不完整');
    const sections = reportSections((key) => `${key}：部门整体评价`);
    const saved = await must<{ id: string; rowVersion: number }>(
      app,
      `mutation($input: SaveFrameworkEvaluationInput!) { saveFrameworkEvaluation(input: $input) { evaluation { ${E} } ${ERRORS} } }`,
      { id: commissioned.id, expectedVersion: commissioned.rowVersion, indicators: framework, sections },
      'thirdparty.zibo',
      'evaluation',
    );
    const submitted = await must<{ status: string; total: string; grade: string }>(
      app,
      `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { ${E} } ${ERRORS} } }`,
      { id: saved.id, expectedVersion: saved.rowVersion },
      'thirdparty.zibo',
      'evaluation',
    );
    expect(submitted).toMatchObject({ status: 'SUBMITTED', total: '93.50', grade: 'EXCELLENT' });
    const [row] = await app.sql<{ kind: string; total: string; scope: string; third: string }>(
      `SELECT e.kind, e.total::text AS total, g.scope, o.name AS third FROM evaluation e JOIN performance_goal g ON g.id = e.goal_id JOIN organization o ON o.id = e.commissioned_organization_id WHERE e.id = $1`,
      [uuid(saved.id)],
    );
    expect(row).toEqual({
      kind: 'FINANCE',
      total: '93.50',
      scope: 'DEPARTMENT',
      third: '山东正信绩效评价咨询有限公司',
    });
  });
});
