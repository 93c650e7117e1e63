/**
 * Spot checks: `availableActions` on samples and items tells the truth (issue 11 item 2; DOMAIN §12) —
 * the same pure decision as `recordSpotCheck` (rules/check-decision.ts): allowed ⇒ the re-score is
 * recorded; refused ⇒ refused the same way — never by the self-evaluator or the implementing unit (P7,
 * 002 第十七条), never by audit offices (P6), never twice.
 */
import { TestApp } from '../harness/app';
import { availableActionsSelection, type Availability } from '../harness/available-actions';
import { refusalOf } from '../harness/mutations';
import {
  actualsFor,
  agriSelfImplementedGoal,
  allDigests,
  DRAW,
  issuedGoal,
  MONEY,
  RECORD,
  selfEvaluate,
  uuidOf,
  YEAR,
  type ArrangedGoal,
  type DrawResult,
  type UserErrorRow,
} from './fixtures';

let app: TestApp;
let goal: ArrangedGoal;
let agriGoal: ArrangedGoal;
let sampleId: string;

const ACTIONS = availableActionsSelection();
const READ = `query($id: ID!) { spotCheckSample(id: $id) { ${ACTIONS} items { id goal { id } ${ACTIONS} } } }`;
type Read = {
  spotCheckSample: {
    availableActions: Availability[];
    items: { id: string; goal: { id: string } | null; availableActions: Availability[] }[];
  } | null;
};

async function view(as: string) {
  const res = await app.gql<Read>(READ, { id: sampleId }, { as });
  return res.data?.spotCheckSample ?? null;
}
const itemOf = async (as: string, g: ArrangedGoal) =>
  (await view(as))!.items.find((i) => i.goal && uuidOf(i.goal.id) === g.goalId)!;

const record = (as: string, itemId: string, g: ArrangedGoal) =>
  app.gql<{ recordSpotCheck: { item: { id: string } | null; userErrors: UserErrorRow[] } }>(
    RECORD,
    { input: { itemId, expectedVersion: 1, actuals: actualsFor(g, ['100', '100', '90']), money: MONEY } },
    { as },
  );

beforeAll(async () => {
  app = await TestApp.start();
  goal = await issuedGoal(app, 'unit.chezhan', '可办理操作复核目标');
  await selfEvaluate(app, goal);
  agriGoal = await agriSelfImplementedGoal(app);
  const res = await app.gql<DrawResult>(
    DRAW,
    { input: { year: YEAR, ratio: '1', seed: 1 } },
    { as: 'finance.zhangdian' },
  );
  sampleId = res.data!.drawSpotCheckSample.sample!.id;
});
afterAll(async () => app.stop());

describe('RECORD_CHECK availability = recordSpotCheck’s decision (DOMAIN §12; P7)', () => {
  test('the self-evaluator and implementing unit (农业农村局) is refused with P7 — in availableActions and by the mutation', async () => {
    const item = await itemOf('agri.zhangdian', agriGoal).catch(() => null);
    if (item)
      expect(item.availableActions[0]).toMatchObject({
        action: 'RECORD_CHECK',
        allowed: false,
        code: 'FORBIDDEN',
        principle: 'P7',
      });
    const finance = await itemOf('finance.zhangdian', agriGoal);
    const before = await allDigests(app);
    const res = await record('agri.zhangdian', finance.id, agriGoal);
    expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P7' });
    expect(await allDigests(app)).toEqual(before);
  });

  test('audit office: refused (P6) both in availableActions and by the mutation', async () => {
    const audit = await view('audit.zhangdian');
    if (audit)
      expect(audit.availableActions[0]).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P6' });
    const item = await itemOf('finance.zhangdian', goal);
    const res = await record('audit.zhangdian', item.id, goal);
    expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' });
  });

  test('finance: the sample and the item say allowed, and the re-score is recorded; then the item says already checked', async () => {
    const sample = await view('finance.zhangdian');
    expect(sample!.availableActions[0]).toMatchObject({ action: 'RECORD_CHECK', allowed: true, details: [] });
    const item = await itemOf('finance.zhangdian', goal);
    expect(item.availableActions[0]).toMatchObject({ allowed: true });
    const res = await record('finance.zhangdian', item.id, goal);
    expect(res.data?.recordSpotCheck.userErrors).toEqual([]);
    const [row] = await app.sql<{ status: string }>('SELECT status FROM spot_check_item WHERE id = $1', [
      uuidOf(item.id),
    ]);
    expect(row.status).toBe('CHECKED');
    expect((await itemOf('finance.zhangdian', goal)).availableActions[0]).toMatchObject({
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
    });
  });
});
