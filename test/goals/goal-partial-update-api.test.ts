/**
 * updateGoal as a partial update (issue 11 item 1; DOMAIN §5, §15): a field omitted is unchanged, an
 * explicit null clears it; the name and the indicator set cannot be cleared (null → BAD_USER_INPUT,
 * nothing written). Asserted on the stored row.
 */
import { useTestApp } from '../harness/app';
import { projectGoal, ROAD_INDICATORS } from '../harness/goal-fixtures';
import { uuidOf } from '../harness/ids';
import { mutations } from '../harness/mutations';

interface GoalRow {
  id: string;
  rowVersion: number;
}

const app = useTestApp();
const { ok, refused } = mutations<GoalRow>(() => app, 'goal');
const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { id rowVersion } userErrors { code field message messageEn principle } } }`;

type Stored = {
  name: string;
  implementation_period_objective: string | null;
  annual_objective: string | null;
  annual_amount: string | null;
  fiscal_amount: string | null;
  other_amount: string | null;
  indicators: number;
  row_version: number;
};

async function stored(id: string): Promise<Stored> {
  const [row] = await app.sql<Stored>(
    `SELECT g.name, g.implementation_period_objective, g.annual_objective, g.annual_amount::text AS annual_amount,
            g.fiscal_amount::text AS fiscal_amount, g.other_amount::text AS other_amount, g.row_version,
            (SELECT count(*)::int FROM goal_indicator i WHERE i.goal_id = g.id) AS indicators
       FROM performance_goal g WHERE g.id = $1`,
    [uuidOf(id)],
  );
  return row;
}

const draft = (name: string) => projectGoal(app, { name, otherAmount: '50000.00', until: 'DRAFT' });

describe('updateGoal keeps what is left out (issue 11 item 1)', () => {
  test('only the name given: the amounts, objectives and indicators stay as stored', async () => {
    const g = await draft('部分修改');
    const before = await stored(g.id);
    expect(before.annual_amount).toBe('850000.00');
    const done = await ok(
      UPDATE,
      { id: g.id, expectedVersion: g.rowVersion, name: '部分修改（改名）' },
      'unit.chezhan',
    );
    const after = await stored(g.id);
    expect(after).toEqual({ ...before, name: '部分修改（改名）', row_version: before.row_version + 1 });
    expect(done.rowVersion).toBe(before.row_version + 1);
  });

  test('an explicit null clears an optional field; omitted ones stay', async () => {
    const g = await draft('显式置空');
    const before = await stored(g.id);
    await ok(
      UPDATE,
      {
        id: g.id,
        expectedVersion: g.rowVersion,
        otherAmount: null,
        annualObjective: null,
        fiscalAmount: '790000',
      },
      'unit.chezhan',
    );
    expect(await stored(g.id)).toEqual({
      ...before,
      other_amount: null,
      annual_objective: null,
      fiscal_amount: '790000.00',
      row_version: before.row_version + 1,
    });
  });

  test('indicators given replace the set; omitted keep it', async () => {
    const g = await draft('指标替换');
    await ok(
      UPDATE,
      { id: g.id, expectedVersion: g.rowVersion, indicators: ROAD_INDICATORS.slice(0, 2) },
      'unit.chezhan',
    );
    expect((await stored(g.id)).indicators).toBe(2);
  });

  test('the name and the indicators cannot be cleared: null → BAD_USER_INPUT at the field, nothing written', async () => {
    const g = await draft('不能置空');
    const before = await stored(g.id);
    const errors = await refused(
      UPDATE,
      { id: g.id, expectedVersion: g.rowVersion, name: null, indicators: null },
      'unit.chezhan',
    );
    expect(errors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.indicators'],
    ]);
    expect(errors.every((e) => /[\u4e00-\u9fff]/.test(e.message) && /[a-z]/i.test(e.messageEn))).toBe(true);
    expect(await stored(g.id)).toEqual(before);
  });

  test('P2 both ways: another unit’s update is refused and changes nothing', async () => {
    const g = await draft('他人修改');
    const before = await stored(g.id);
    const errors = await refused(
      UPDATE,
      { id: g.id, expectedVersion: g.rowVersion, name: '越权' },
      'finance.chezhan',
    );
    expect(errors[0].code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(await stored(g.id)).toEqual(before);
  });
});
