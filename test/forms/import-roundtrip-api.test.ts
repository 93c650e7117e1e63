/**
 * Issue 15 "export → import of 附件1 and 附件3 round-trips to the same goal": a goal exported with
 * GET /forms/annex1.xlsx (annex3) and uploaded unchanged to POST /forms/import comes back as a new DRAFT
 * with the same subject, header (DOMAIN §5; 附件1 项目属性/类别/实施期/实施期金额, 附件3 money split), money to the
 * fen through 万元 (DOMAIN §4), and indicators with category, subcategory, name, target, unit, comparator
 * and points (DOMAIN §10.1–2).
 */
import { useTestApp } from '../harness/app';
import { arrangeProject, goalStep, roadIndicator } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import { getForm } from './export-helpers';
import { transferProject, upload } from './import-fixtures';

const app = useTestApp();
let unitId: string;
beforeAll(async () => {
  unitId = await organizationGid(app, '车站街道市政道路养护站');
});

const INDICATORS = [
  {
    category: 'OUTPUT',
    subcategory: 'QUANTITY',
    name: '购置养护设备',
    kind: 'QUANTITATIVE',
    unit: '台（套）',
    comparator: 'GTE',
    target: '12',
    points: '16.67',
  },
  roadIndicator('验收合格率', { target: '95.5', points: '16.67' }),
  {
    category: 'OUTPUT',
    subcategory: 'COST',
    name: '单公里养护成本',
    kind: 'QUANTITATIVE',
    unit: '万元',
    comparator: 'LTE',
    target: '3.2',
    points: '16.66',
  },
  roadIndicator('道路通行条件', { points: '30' }),
  roadIndicator('沿线群众满意度', { points: '10' }),
];

const GOAL_COLUMNS = `name, scope, year, status, project_id, fund_id, region_id, implementation_period_objective,
  annual_objective, annual_amount, fiscal_amount, other_amount, project_attribute, project_category,
  period_start_year, period_end_year, period_amount, period_fiscal_amount, period_other_amount,
  allocating_level_amount, lower_level_amount`;

async function goalRow(globalId: string) {
  const id = uuidOf(globalId);
  const [goal] = await app.sql(`SELECT ${GOAL_COLUMNS} FROM performance_goal WHERE id = $1`, [id]);
  const indicators = await app.sql(
    `SELECT position, category, subcategory, name, kind, unit, comparator, target, points
       FROM goal_indicator WHERE goal_id = $1 ORDER BY position`,
    [id],
  );
  return { goal, indicators };
}

/** Exports `goalId` as `form`, imports the file as `as`, and returns the new draft's id. */
async function roundTrip(form: 'annex1' | 'annex3', goalId: string, as: string): Promise<string> {
  const exported = await getForm(app, `/forms/${form}.xlsx?id=${encodeURIComponent(goalId)}`, as);
  expect(exported.status).toBe(200);
  const answer = await upload(app, exported.body, as);
  expect(answer.status).toBe(201);
  expect(answer.body.goals).toHaveLength(1);
  return answer.body.goals![0].id;
}

test('附件1: a PROJECT goal exported and imported is the same goal, as a new draft', async () => {
  const projectId = await arrangeProject(
    app,
    {
      name: '车站街道设备购置（往返）',
      implementingUnitId: unitId,
      fiscalAmount: '100000.78',
      otherAmount: '23456.00',
    },
    'transport.chezhan',
  );
  const original = await goalStep(
    app,
    'createGoal',
    {
      scope: 'PROJECT',
      year: 2025,
      name: '车站街道设备购置（往返）绩效目标',
      projectId,
      implementationPeriodObjective: '三年内完成设备更新\n保障道路养护',
      annualObjective: '2025年购置设备12台（套）',
      annualAmount: '123456.78',
      fiscalAmount: '100000.78',
      otherAmount: '23456.00',
      header: {
        projectAttribute: 'NEW',
        projectCategory: '设备购置',
        periodStartYear: 2025,
        periodEndYear: 2027,
        periodAmount: '370370.34',
        periodFiscalAmount: '300000.34',
        periodOtherAmount: '70370.00',
      },
      indicators: INDICATORS,
    },
    'unit.chezhan',
  );
  const copy = await roundTrip('annex1', original.id, 'unit.chezhan');
  expect(uuidOf(copy)).not.toBe(uuidOf(original.id));
  const back = await goalRow(copy);
  expect(back.indicators).toHaveLength(INDICATORS.length);
  expect(back).toEqual(await goalRow(original.id));
});

test('附件3: a TRANSFER_PROJECT goal exported and imported is the same goal, as a new draft', async () => {
  const { fundId, projectId } = await transferProject(
    app,
    unitId,
    '2025年张店区设备购置转移支付（往返）',
    '车站街道转移支付设备购置',
  );
  const original = await goalStep(
    app,
    'createGoal',
    {
      scope: 'TRANSFER_PROJECT',
      year: 2025,
      name: '车站街道转移支付设备购置绩效目标',
      fundId,
      projectId,
      annualObjective: '购置设备12台（套）',
      annualAmount: '600000.00',
      header: { allocatingLevelAmount: '450000.50', lowerLevelAmount: '149999.50' },
      indicators: INDICATORS,
    },
    'unit.chezhan',
  );
  const copy = await roundTrip('annex3', original.id, 'unit.chezhan');
  expect(uuidOf(copy)).not.toBe(uuidOf(original.id));
  const back = await goalRow(copy);
  expect(back.indicators).toHaveLength(INDICATORS.length);
  expect(back).toEqual(await goalRow(original.id));
});
