/**
 * Department and finance evaluations as 002 第二十六条(二), 第二十八条(二) describe them (DOMAIN §10 "Department
 * and finance evaluation"), through GraphQL on a real database: the evaluated body's response (交换意见) before
 * the result is final, and the report to finance — each step allowed and refused both ways; and the demo's
 * finance evaluation awaiting 交换意见.
 */
import { toGlobalId } from '../../src/common/global-id';
import { uuidOf } from '../harness/ids';
import {
  useFrameworkFidelityApi,
  app,
  ok,
  refused,
  denied,
  CREATE_FIN,
  SUBMIT,
  RESPOND,
  FINALIZE,
  REPORT,
  ACKNOWLEDGE,
  draft,
  save,
  act,
  allowed,
  read,
} from './framework-fidelity-fixtures';

useFrameworkFidelityApi();

describe('交换意见 and the report to finance (002 第二十六条(二)6–8, 第二十八条(二))', () => {
  test('the evaluated body responds before the evaluator finalizes; the department reports; finance at its level acknowledges', async () => {
    const saved = await save(await draft('交换意见'));
    const submitted = await ok(SUBMIT, act(saved), 'transport.chezhan');
    expect(submitted.status).toBe('SUBMITTED');
    // Not final yet: the evaluator cannot finalize before the response.
    const early = await refused(FINALIZE, act(submitted), 'transport.chezhan');
    expect(early[0].code).toBe('WORKFLOW_VIOLATION');
    // Only the evaluated body (the implementing unit) responds: not the evaluator (P7), not a sibling unit (P6).
    expect(
      (await refused(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'transport.chezhan'))[0],
    ).toMatchObject({ code: 'FORBIDDEN', principle: 'P7' });
    expect((await refused(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'unit.gongyuan'))[0].code).toBe(
      'NOT_FOUND',
    );
    expect((await denied(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'audit.zhangdian')).code).toBe(
      'FORBIDDEN',
    );
    const unitView = await read(submitted.id, 'unit.chezhan');
    expect(allowed(unitView)).toEqual(['RESPOND']);
    // A disagreement needs its reason.
    const noReason = await refused(RESPOND, { ...act(submitted), decision: 'DISAGREE' }, 'unit.chezhan');
    expect(noReason.map((u) => [u.code, u.field.join('.')])).toEqual([['BAD_USER_INPUT', 'input.text']]);
    const responded = await ok(
      RESPOND,
      { ...act(submitted), decision: 'DISAGREE', text: '成本超支系材料涨价所致' },
      'unit.chezhan',
    );
    expect(responded).toMatchObject({
      status: 'RESPONDED',
      response: {
        decision: 'DISAGREE',
        text: '成本超支系材料涨价所致',
        organization: { name: '车站街道市政道路养护站' },
      },
    });
    // The unit cannot finalize (P7); the evaluator can.
    expect((await denied(FINALIZE, act(responded), 'unit.chezhan')).principle).toBe('P7');
    expect(allowed(await read(responded.id, 'transport.chezhan'))).toEqual(['FINALIZE']);
    const final = await ok(FINALIZE, act(responded), 'transport.chezhan');
    expect(final.status).toBe('FINALIZED');
    // The department reports to finance at its level (车站街道财政所); finance cannot report for it.
    expect((await denied(REPORT, act(final), 'finance.chezhan')).code).toBe('FORBIDDEN');
    const reported = await ok(REPORT, act(final), 'transport.chezhan');
    expect(reported.status).toBe('REPORTED');
    // District finance is not the department's level (P6); the township finance office acknowledges.
    expect((await refused(ACKNOWLEDGE, act(reported), 'finance.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
    });
    const acknowledged = await ok(ACKNOWLEDGE, act(reported), 'finance.chezhan');
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    const rows = await app.sql<{ action: string; from_status: string; to_status: string }>(
      `SELECT action, from_status, to_status FROM evaluation_transition WHERE evaluation_id = $1 ORDER BY at, id`,
      [uuidOf(saved.id)],
    );
    expect(rows.map((r) => `${r.action}:${r.from_status}>${r.to_status}`)).toEqual([
      'CREATE:DRAFT>DRAFT',
      'SUBMIT:DRAFT>SUBMITTED',
      'RESPOND:SUBMITTED>RESPONDED',
      'FINALIZE:RESPONDED>FINALIZED',
      'REPORT:FINALIZED>REPORTED',
      'ACKNOWLEDGE:REPORTED>ACKNOWLEDGED',
    ]);
    const [row] = await app.sql<Record<string, unknown>>(
      `SELECT status, response_decision, response_text, finalized_at IS NOT NULL AS f, reported_at IS NOT NULL AS r, acknowledged_at IS NOT NULL AS a FROM evaluation WHERE id = $1`,
      [uuidOf(saved.id)],
    );
    expect(row).toEqual({
      status: 'ACKNOWLEDGED',
      response_decision: 'DISAGREE',
      response_text: '成本超支系材料涨价所致',
      f: true,
      r: true,
      a: true,
    });
  });

  test('a finance evaluation is final after the response and is not reported to itself; the database refuses a skip', async () => {
    const saved = await save(
      await draft('财政评价交换意见', 'finance.zhangdian', CREATE_FIN),
      {},
      'finance.zhangdian',
    );
    const submitted = await ok(SUBMIT, act(saved), 'finance.zhangdian');
    const responded = await ok(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'unit.chezhan');
    const final = await ok(FINALIZE, act(responded), 'finance.zhangdian');
    expect(final.status).toBe('FINALIZED');
    // Only a department reports (002 第二十八条(二)); finance is refused at the door.
    expect((await denied(REPORT, act(final), 'finance.zhangdian')).code).toBe('FORBIDDEN');
    // DOMAIN §10, P8: no skipping the exchange of views, even directly in the database.
    const other = await ok(SUBMIT, act(await save(await draft('跳过交换意见'))), 'transport.chezhan');
    await expect(
      app.sql(`UPDATE evaluation SET status = 'FINALIZED', finalized_at = now() WHERE id = $1`, [
        uuidOf(other.id),
      ]),
    ).rejects.toThrow(/cannot become|ck_evaluation/);
    // issue 11 item 4: the shield's refusal comes back in the payload's userErrors.
    expect((await denied(RESPOND, { ...act(other), decision: 'AGREE' }, 'thirdparty.zibo')).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the demo (docs/demo.md): a finance evaluation with computed rates awaiting 交换意见', () => {
  test('张店区财政局’s evaluation of 张店区交通运输局’s department goal shows its figures, rates and next action', async () => {
    const [row] = await app.sql<{ id: string }>(
      `SELECT e.id FROM evaluation e JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
        WHERE e.kind = 'FINANCE' AND g.name = '张店区交通运输局2025年度部门整体绩效目标' AND g.status = 'ISSUED'`,
    );
    const gid = toGlobalId('Evaluation', row.id);
    const seen = await read(gid, 'transport.zhangdian');
    expect(seen.status).toBe('SUBMITTED');
    expect(seen.figures).toMatchObject({
      completionRate: '0.95',
      costSavingRate: '0.04',
      budgetExecutionRate: '0.96',
    });
    expect(seen.frameworkScores.find((l) => l.code === 'COMPLETION_RATE')!.score).toBe('19.00');
    expect(seen.frameworkScores.some((l) => l.custom)).toBe(true);
    expect(allowed(seen)).toEqual(['RESPOND']);
  });
});
