/**
 * POST /forms/import (issue 15): a valid 附件1 or 附件3 becomes a DRAFT goal through the goal service — its
 * header, money (万元 → 元, DOMAIN §4), indicators (DOMAIN §5) and audit event in the database — and only
 * a caller who may draft it gets there (P2, P6): another unit's project, another tenant, an audit office
 * and no token are refused with nothing written.
 */
import { useTestApp } from '../harness/app';
import { arrangeProject, roadIndicator } from '../harness/goal-fixtures';
import { arrangeTransferFund } from '../harness/fund-fixtures';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { annex1Book, annex3Book, cellsOf, transferProject, upload } from './import-fixtures';

const app = useTestApp();
let unitId: string;
beforeAll(async () => {
  unitId = await organizationGid(app, '车站街道市政道路养护站');
});

const project = (name: string) =>
  arrangeProject(app, { name, implementingUnitId: unitId }, 'transport.chezhan');

test('DOMAIN §5, 002 附件1: a valid 附件1 creates a PROJECT draft with its header, money and indicators, and its audit event', async () => {
  const projectId = await project('车站街道道路养护（导入）');
  const answer = await upload(app, await annex1Book('车站街道道路养护（导入）'), 'unit.chezhan');
  expect(answer.status).toBe(201);
  expect(answer.body.goals).toEqual([
    { id: expect.any(String), name: '车站街道道路养护（导入）绩效目标', scope: 'PROJECT', sheet: '附件1' },
  ]);
  const id = uuidOf(answer.body.goals![0].id);
  const [goal] = await app.sql(
    `SELECT status, scope, year, project_id, annual_amount, fiscal_amount, other_amount, project_attribute,
            project_category, period_start_year, period_end_year, period_amount, annual_objective
       FROM performance_goal WHERE id = $1`,
    [id],
  );
  expect(goal).toEqual({
    status: 'DRAFT',
    scope: 'PROJECT',
    year: 2025,
    project_id: uuidOf(projectId),
    annual_amount: '800000.00',
    fiscal_amount: '800000.00',
    other_amount: '0.00',
    project_attribute: 'CONTINUING',
    project_category: '道路养护',
    period_start_year: 2025,
    period_end_year: 2026,
    period_amount: '1600000.00',
    annual_objective: '2025年养护道路12.5公里',
  });
  const indicators = await app.sql(
    `SELECT category, subcategory, name, kind, unit, comparator, target, points FROM goal_indicator
      WHERE goal_id = $1 ORDER BY position`,
    [id],
  );
  expect(indicators).toEqual([
    roadIndicator('养护道路里程', { points: '25.00' }),
    roadIndicator('验收合格率', { points: '25.00' }),
    roadIndicator('道路通行条件', { unit: null, comparator: null, points: '30.00' }),
    roadIndicator('沿线群众满意度', { points: '10.00' }),
  ]);
  const audit = await app.sql(`SELECT action FROM audit_event WHERE entity_id = $1`, [id]);
  expect(audit).toEqual([{ action: 'CREATE' }]);
});

test('DOMAIN §5, 002 附件3: a valid 附件3 creates a TRANSFER_PROJECT draft of the named fund and project', async () => {
  const fundName = '2025年张店区道路养护转移支付（导入）';
  const { fundId, projectId } = await transferProject(app, unitId, fundName, '车站街道转移支付道路养护项目');
  const book = await annex3Book({
    goalName: '车站街道转移支付道路养护项目绩效目标',
    fundName,
    region: '车站街道',
  });
  const answer = await upload(app, book, 'unit.chezhan');
  expect(answer).toMatchObject({
    status: 201,
    body: { goals: [{ scope: 'TRANSFER_PROJECT', sheet: '附件3' }] },
  });
  const [goal] = await app.sql(
    `SELECT status, fund_id, project_id, annual_amount, allocating_level_amount, lower_level_amount FROM performance_goal WHERE id = $1`,
    [uuidOf(answer.body.goals![0].id)],
  );
  expect(goal).toEqual({
    status: 'DRAFT',
    fund_id: uuidOf(fundId),
    project_id: uuidOf(projectId),
    annual_amount: '600000.00',
    allocating_level_amount: '600000.00',
    lower_level_amount: '0.00',
  });
  const [{ n }] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1`,
    [uuidOf(answer.body.goals![0].id)],
  );
  expect(n).toBe(4);
});

test('P2, P6: another unit, another tenant, a department that does not draft, an audit office and no token are refused; nothing written', async () => {
  const name = '车站街道道路养护（权限）';
  await project(name);
  const book = await annex1Book(name);
  const before = await app.tableDigests();
  // Another unit (P6: it sees only its own projects) and another tenant: the project is not found, on B4.
  for (const as of ['unit.gongyuan', 'unit.rizhao']) {
    const a = await upload(app, book, as);
    expect(a.status).toBe(422);
    expect(cellsOf(a)).toEqual(['附件1!B4 FORM_SUBJECT_NOT_FOUND']);
  }
  // A department of the same township that is not the project's (P2): it sees the project, may not draft it.
  const agri = await upload(app, book, 'agri.chezhan');
  expect(agri.status).toBe(422);
  expect(cellsOf(agri)).toEqual(['附件1!B4 FORM_NOT_DRAFTER']);
  expect(agri.body.errors![0].message).toContain('P2');
  expect((await upload(app, book, 'audit.zhangdian')).status).toBe(403);
  const anonymous = await upload(app, book, null);
  expect(anonymous).toMatchObject({ status: 401, body: { errors: [{ code: 'FORM_UNAUTHENTICATED' }] } });
  expect(await app.tableDigests()).toEqual(before);
  // The allowed caller succeeds with the same file (both ways).
  expect((await upload(app, book, 'unit.chezhan')).status).toBe(201);
});

test('DOMAIN §5, P1: 附件3 of no project is the fund department’s TRANSFER_REGIONAL goal for 下达地区; a unit may not draft it', async () => {
  const chezhan = await regionGid(app, '370303001');
  const fundName = '2025年张店区道路养护转移支付（分区域导入）';
  const fundId = await arrangeTransferFund(
    app,
    { name: fundName, ownLevel: '600000.00' },
    { [chezhan]: '600000.00' },
  );
  const book = await annex3Book({ goalName: '车站街道道路养护分区域绩效目标', fundName, region: '车站街道' });
  const before = await app.tableDigests();
  const byUnit = await upload(app, book, 'unit.chezhan');
  expect(byUnit.status).toBe(422);
  expect(cellsOf(byUnit)).toEqual(['附件3!B4 FORM_NOT_DRAFTER']);
  expect(await app.tableDigests()).toEqual(before);
  const answer = await upload(app, book, 'transport.zhangdian');
  expect(answer).toMatchObject({ status: 201, body: { goals: [{ scope: 'TRANSFER_REGIONAL' }] } });
  const [goal] = await app.sql(`SELECT fund_id, region_id, status FROM performance_goal WHERE id = $1`, [
    uuidOf(answer.body.goals![0].id),
  ]);
  expect(goal).toEqual({ fund_id: uuidOf(fundId), region_id: uuidOf(chezhan), status: 'DRAFT' });
});
