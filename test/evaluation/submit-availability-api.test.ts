/**
 * availableActions tells the truth (issue 11 item 2; issue 10 item 3; DOMAIN §10.5, §16): SUBMIT on a
 * self-evaluation is allowed only when submitEvaluation would pass its checks — one pure decision
 * (`rules/evaluation-decision.ts`) serves both — and a refused SUBMIT lists in `details` exactly the items
 * the mutation then reports (e.g. each 须说明理由, 002 第二十四条), all at `input.id` (issue 11 item 4).
 */
import { useTestApp } from '../harness/app';
import { availableActionsSelection, type Availability } from '../harness/available-actions';
import { projectGoal } from '../harness/goal-fixtures';
import { uuidOf } from '../harness/ids';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';

interface EvaluationRow {
  id: string;
  rowVersion: number;
  status: string;
  availableActions: Availability[];
}

const app = useTestApp();
const { ok, refused } = mutations<EvaluationRow>(() => app, 'evaluation');

const FIELDS = `id rowVersion status ${availableActionsSelection(true)}`;
const CREATE = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { ${FIELDS} } ${ERRORS} } }`;
const SAVE = `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { evaluation { ${FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { ${FIELDS} } ${ERRORS} } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Evaluation { ${FIELDS} } } }`;

const submitOf = (e: EvaluationRow) => e.availableActions.find((a) => a.action === 'SUBMIT')!;

async function draft(name: string) {
  const goal = await projectGoal(app, { name, otherAmount: '50000.00', until: 'ISSUED' });
  const evaluation = await ok(CREATE, { goalId: goal.id }, 'unit.chezhan');
  return { goal, evaluation };
}

/** Actuals below target without the explanations DOMAIN §10.5 requires (two lines 须说明理由). */
function actuals(ids: string[], explain: boolean) {
  const why = (text: string) => (explain ? { explanation: text } : {});
  return [
    { indicatorId: ids[0], actual: '10', ...why('两段路面延至次年施工') },
    { indicatorId: ids[1], actual: '96' },
    { indicatorId: ids[2], tier: 'ACHIEVED', percentage: '90', ...why('个别路段仍有坑槽') },
    { indicatorId: ids[3], actual: '92' },
  ];
}

/** Saves the draft's actuals as the unit (spent 800,000.00 of 850,000.00), `complete` with every explanation. */
async function save(
  { goal, evaluation }: Awaited<ReturnType<typeof draft>>,
  complete: boolean,
  extra: Record<string, unknown> = {},
) {
  const ids = goal.indicators.map((i: { id: string }) => i.id);
  return ok(
    SAVE,
    {
      id: evaluation.id,
      expectedVersion: evaluation.rowVersion,
      money: { budgeted: '850000.00', inPlace: '850000.00', spent: '800000.00' },
      ...extra,
      actuals: actuals(ids, complete),
    },
    'unit.chezhan',
  );
}

describe('SUBMIT availability and submitEvaluation decide alike (issue 11 item 2; DOMAIN §10.5)', () => {
  test('missing explanations: SUBMIT not allowed, with the same items submitEvaluation then reports', async () => {
    const saved = await save(await draft('提交判定一致'), false);
    const submit = submitOf(saved);
    expect(submit).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION', principle: null });
    expect(submit.details.length).toBeGreaterThanOrEqual(2);
    expect(submit.details.filter((d) => d.includes('须说明理由')).length).toBeGreaterThanOrEqual(2);
    // The stored field to fill first (the save form's path).
    expect(submit.requires).toMatch(/^(actuals\.\d+\.explanation|budgetExecutionExplanation)$/);

    const errors = await refused(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    expect(errors.map((e) => e.message)).toEqual(submit.details);
    // issue 11 item 4: the submission's input is { id, expectedVersion } — every item at input.id.
    expect(errors.every((e) => e.code === 'WORKFLOW_VIOLATION' && e.field.join('.') === 'input.id')).toBe(
      true,
    );
    expect(errors.every((e) => /[\u4e00-\u9fff]/.test(e.message) && /[a-z]/i.test(e.messageEn))).toBe(true);
    const [row] = await app.sql<{ status: string; row_version: number }>(
      'SELECT status, row_version FROM evaluation WHERE id = $1',
      [uuidOf(saved.id)],
    );
    expect(row).toEqual({ status: 'DRAFT', row_version: saved.rowVersion });
  });

  test('complete content: SUBMIT allowed with no details, and submitEvaluation succeeds', async () => {
    const saved = await save(await draft('提交判定通过'), true, {
      budgetExecutionExplanation: '部分工程款按合同于次年初结算',
    });
    expect(submitOf(saved)).toMatchObject({ allowed: true, code: null, details: [] });
    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    expect(done.status).toBe('SUBMITTED');
    // P8: once submitted, SUBMIT is refused as frozen.
    expect(submitOf(done)).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION', principle: 'P8' });
    const [row] = await app.sql<{ status: string }>('SELECT status FROM evaluation WHERE id = $1', [
      uuidOf(saved.id),
    ]);
    expect(row.status).toBe('SUBMITTED');
  });

  test('P4 谁支出、谁自评 (002 第十七条): another caller sees SUBMIT refused by the principle, with no content leaked', async () => {
    const { evaluation } = await draft('他人提交判定');
    const res = await app.gql<{ node: EvaluationRow }>(
      READ,
      { id: evaluation.id },
      { as: 'transport.chezhan' },
    );
    const seen = res.data?.node;
    if (seen)
      expect(submitOf(seen)).toMatchObject({
        allowed: false,
        code: 'FORBIDDEN',
        principle: 'P4',
        details: [],
      });
    const errors = await refused(
      SUBMIT,
      { id: evaluation.id, expectedVersion: evaluation.rowVersion },
      'transport.chezhan',
    );
    expect(errors[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P4' });
  });
});
