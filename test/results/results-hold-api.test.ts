/**
 * Results application from a funding hold (DOMAIN §13 "a funding hold"; 001 三(二); 003 第十八条): without a
 * hold no finding can be opened from it; after a hold finance opens one dated from the hold, verified by
 * finance at the goal's level and rectified by the fund's department. Split from results-api.test.ts.
 */
import { toGlobalId } from '../../src/common/global-id';
import { useTestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';
import { ERRORS, findingPayload, resultCalls } from './results-fixtures';

const app = useTestApp();
const { fi } = resultCalls(app);

describe('a funding hold is a source too (DOMAIN §13 "a funding hold"; 001 三(二); 003 第十八条)', () => {
  const HOLD_FINDING = findingPayload('openFundingHoldFinding', 'OpenFundingHoldFindingInput');
  const HOLD = `mutation($input: SetFundingHoldInput!) { setFundingHold(input: $input) { hold { status } ${ERRORS} } }`;

  test('no hold: WORKFLOW_VIOLATION; after a hold, finance opens a finding dated from the hold', async () => {
    const [goal] = await app.sql<{ id: string }>(
      `SELECT id FROM performance_goal WHERE name = '农村公路提档升级专项资金车站街道区域绩效目标' AND status = 'ISSUED'`,
    );
    const goalId = toGlobalId('PerformanceGoal', goal.id);
    const input = { goalId, description: '资金使用进度严重滞后，已暂缓拨款' };
    expect((await fi.refused(HOLD_FINDING, input, 'finance.zhangdian'))[0]).toMatchObject({
      code: 'WORKFLOW_VIOLATION',
      field: ['input', 'goalId'],
    });
    const held = await app.gql<{ setFundingHold: { userErrors: unknown[] } }>(
      HOLD,
      { input: { goalId, kind: 'SUSPENDED', reason: '执行进度滞后' } },
      { as: 'finance.zhangdian' },
    );
    expect(held.data!.setFundingHold.userErrors).toEqual([]);
    expect((await fi.denied(HOLD_FINDING, input, 'transport.zhangdian')).code).toBe('FORBIDDEN');
    const opened = await fi.ok(HOLD_FINDING, input, 'finance.zhangdian');
    const [row] = await app.sql<Record<string, string>>(
      `SELECT f.source_kind, f.state, to_char(f.feedback_due_on, 'YYYY-MM-DD') AS due,
              to_char((h.at AT TIME ZONE 'Asia/Shanghai')::date + interval '1 month', 'YYYY-MM-DD') AS expected,
              (SELECT name FROM organization o WHERE o.id = f.verifier_organization_id) AS verifier,
              (SELECT name FROM organization o WHERE o.id = f.responsible_organization_id) AS responsible
         FROM result_finding f JOIN funding_hold h ON h.id = f.source_id WHERE f.id = $1`,
      [uuidOf(opened.id)],
    );
    expect(row).toMatchObject({ source_kind: 'FUNDING_HOLD', state: 'OPEN', due: row.expected });
    // Finance at the goal's level (the township) verifies; the fund's department rectifies.
    expect(row.verifier).toContain('车站街道');
    expect(row.responsible).toContain('交通运输局');
  });
});
