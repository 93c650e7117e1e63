/**
 * saveEvaluationActuals as a partial update (issue 11 item 1; DOMAIN §10, §10.8): an optional field
 * omitted keeps the stored value, an explicit null clears it; the actuals are the form's set. Asserted on
 * the stored row.
 */
import { useTestApp } from '../harness/app';
import { projectGoal } from '../harness/goal-fixtures';
import { uuidOf } from '../harness/ids';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';

interface EvaluationRow {
  id: string;
  rowVersion: number;
}

const app = useTestApp();
const { ok } = mutations<EvaluationRow>(() => app, 'evaluation');
const CREATE = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { id rowVersion } ${ERRORS} } }`;
const SAVE = `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { evaluation { id rowVersion } ${ERRORS} } }`;

async function stored(id: string) {
  const [row] = await app.sql<Record<string, string | null>>(
    `SELECT budgeted::text AS budgeted, spent::text AS spent, budget_execution_explanation, achievement,
            rectification_measures, common_points::text AS common_points,
            (SELECT count(*)::text FROM evaluation_report_section s WHERE s.evaluation_id = e.id) AS sections
       FROM evaluation e WHERE e.id = $1`,
    [uuidOf(id)],
  );
  return row;
}

test('omitted fields keep their stored values; an explicit null clears (issue 11 item 1)', async () => {
  const goal = await projectGoal(app, { name: '自评部分保存', otherAmount: '50000.00', until: 'ISSUED' });
  const e = await ok(CREATE, { goalId: goal.id }, 'unit.chezhan');
  const actuals = goal.indicators.map((i, k) =>
    k === 2
      ? { indicatorId: i.id, tier: 'ACHIEVED', percentage: '95' }
      : { indicatorId: i.id, actual: '100' },
  );
  const full = await ok(
    SAVE,
    {
      id: e.id,
      expectedVersion: e.rowVersion,
      money: { budgeted: '850000.00', inPlace: '850000.00', spent: '800000.00' },
      budgetExecutionExplanation: '部分工程款次年结算',
      achievement: '完成养护任务',
      rectificationMeasures: '加快结算',
      categoryPoints: { common: '20', output: '40', benefit: '30', satisfaction: '10' },
      reportSections: [{ key: 'BASIC_INFORMATION', body: '项目基本情况' }],
      actuals,
    },
    'unit.chezhan',
  );
  const before = await stored(full.id);
  expect(before).toMatchObject({
    budgeted: '850000.00',
    achievement: '完成养护任务',
    common_points: '20.00',
    sections: '1',
  });
  // Only the actuals (the form's set) again: everything else stays as stored.
  const kept = await ok(SAVE, { id: e.id, expectedVersion: full.rowVersion, actuals }, 'unit.chezhan');
  expect(await stored(kept.id)).toEqual(before);
  // Explicit nulls clear (category points back to the goal's own: null = the defaults).
  await ok(
    SAVE,
    {
      id: e.id,
      expectedVersion: kept.rowVersion,
      actuals,
      achievement: null,
      reportSections: null,
      categoryPoints: null,
    },
    'unit.chezhan',
  );
  expect(await stored(e.id)).toEqual({ ...before, achievement: null, sections: '0', common_points: null });
});
