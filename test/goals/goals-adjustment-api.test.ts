/** Goal adjustment (DOMAIN §7: version n+1 through the same chain) and the goal inbox (待办). */
import { uuidOf } from '../harness/ids';
import { USER_ERRORS as ERRORS } from '../harness/mutations';
import {
  app,
  mutate,
  ok,
  refused,
  GoalRow,
  GoalPayload,
  G_FIELDS,
  SUBMIT,
  APPROVE,
  ISSUE,
  INDICATORS,
  goalAt,
  useGoalsApi,
} from './goals-api-fixtures';

useGoalsApi();

const ADJUST = `mutation($input: RequestAdjustmentInput!) { requestAdjustment(input: $input) { goal { ${G_FIELDS} goalVersion adjustmentReason } ${ERRORS} } }`;

describe('adjustment (DOMAIN §7): version n+1 through the same chain; n superseded on issue and still readable', () => {
  test('request with a reason by the drafter; refused without one, by finance, twice, or before issue', async () => {
    const draft = await goalAt('DRAFT');
    expect(
      (
        await refused(
          ADJUST,
          { id: draft.id, expectedVersion: draft.rowVersion, reason: '调整' },
          'unit.chezhan',
        )
      )[0].code,
    ).toBe('WORKFLOW_VIOLATION');

    const v1 = await goalAt('ISSUED');
    const input = (reason: string, expectedVersion = v1.rowVersion) => ({
      id: v1.id,
      expectedVersion,
      reason,
    });
    expect(await refused(ADJUST, input('  '), 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'reason'] }),
    ]);
    expect(await refused(ADJUST, input('调整'), 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect((await refused(ADJUST, input('调整', 1), 'unit.chezhan'))[0].code).toBe('CONFLICT');

    const res = await mutate<{
      requestAdjustment: GoalPayload & { goal: GoalRow & { goalVersion: number; adjustmentReason: string } };
    }>(ADJUST, input('养护里程因规划调整增加'), 'unit.chezhan');
    const v2 = res.data!.requestAdjustment.goal!;
    expect(v2).toMatchObject({ status: 'DRAFT', goalVersion: 2, adjustmentReason: '养护里程因规划调整增加' });
    expect((await refused(ADJUST, input('再次调整'), 'unit.chezhan'))[0].code).toBe('WORKFLOW_VIOLATION');

    let g: GoalRow = v2;
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    // Version 1 stays in force until version 2 is issued.
    const [before] = await app.sql<{ status: string }>(`SELECT status FROM performance_goal WHERE id = $1`, [
      uuidOf(v1.id),
    ]);
    expect(before.status).toBe('ISSUED');
    g = await ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    expect(g.status).toBe('ISSUED');

    const read = await app.gql<{
      goal: {
        status: string;
        nextVersion: { id: string } | null;
        transitions: { action: string; toStatus: string }[];
      };
    }>(
      `query($id: ID!) { goal(id: $id) { status nextVersion { id } transitions { action toStatus } } }`,
      { id: v1.id },
      { as: 'unit.chezhan' },
    );
    expect(read.data!.goal.status).toBe('SUPERSEDED');
    expect(read.data!.goal.nextVersion).toEqual({ id: g.id });
    expect(read.data!.goal.transitions.map((t) => [t.action, t.toStatus])).toEqual([
      ['SUBMIT', 'SUBMITTED'],
      ['APPROVE', 'IN_REVIEW'],
      ['APPROVE', 'APPROVED'],
      ['ISSUE', 'ISSUED'],
      ['REQUEST_ADJUSTMENT', 'ISSUED'],
      ['ISSUE', 'SUPERSEDED'],
    ]);
    const [n] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1`,
      [uuidOf(g.id)],
    );
    expect(n.n).toBe(INDICATORS.length);
  });
});

describe('inbox (待办): goals awaiting the caller’s organization at their current step', () => {
  test('follows the goal along its chain', async () => {
    const inbox = async (as: string) =>
      (
        await app.gql<{ myPendingReviews: { nodes: { id: string }[] } }>(
          `{ myPendingReviews(first: 100) { nodes { id } } }`,
          {},
          { as },
        )
      ).data!.myPendingReviews.nodes.map((n) => n.id);
    const g = await goalAt('SUBMITTED');
    expect(await inbox('transport.chezhan')).toContain(g.id);
    expect(await inbox('finance.chezhan')).not.toContain(g.id);
    expect(await inbox('unit.chezhan')).not.toContain(g.id);
    await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    expect(await inbox('transport.chezhan')).not.toContain(g.id);
    expect(await inbox('finance.chezhan')).toContain(g.id);
    expect(await inbox('finance.gongyuan')).not.toContain(g.id);
  });
});
