/** Goal permissions both ways (DOMAIN §8: P1, P2, P3, P6): each refusal with its code and principle, nothing written. */
import { goalSeenBy } from '../harness/goal-fixtures';
import { forbiddenFor } from '../harness/mutations';
import {
  app,
  ok,
  refused,
  denied,
  expectRefusedFor,
  CREATE,
  SUBMIT,
  APPROVE,
  newProject,
  goalInput,
  goalAt,
  useGoalsApi,
} from './goals-api-fixtures';

useGoalsApi();

describe('permissions (DOMAIN §8), each refused with its code and principle and nothing written', () => {
  test('P3: out of turn, not in the chain, the drafter reviewing its own; P6: sibling township, other tenant, audit office', async () => {
    const g = await goalAt('SUBMITTED');
    const input = { id: g.id, expectedVersion: g.rowVersion };
    expect(await refused(APPROVE, input, 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect(await refused(APPROVE, input, 'agri.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect(await refused(APPROVE, input, 'transport.zhangdian')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect(await refused(APPROVE, input, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect((await refused(APPROVE, input, 'finance.gongyuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'transport.gongyuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'finance.rizhao'))[0].code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'unit.gongyuan'))[0].code).toBe('NOT_FOUND');
    await expectRefusedFor(APPROVE, input, { ...forbiddenFor('P6', 'audit.zhangdian', 'thirdparty.zibo') });
    // The right body succeeds.
    expect((await ok(APPROVE, input, 'transport.chezhan')).status).toBe('IN_REVIEW');
  });

  test('P2: only the unit (or its department) drafts a project goal; P6: a sibling township’s unit cannot name the project', async () => {
    const project = await newProject('权限测试项目');
    expect(await refused(CREATE, goalInput(project), 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect(await refused(CREATE, goalInput(project), 'agri.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect((await refused(CREATE, goalInput(project), 'unit.gongyuan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'projectId'],
    });
    expect((await refused(CREATE, goalInput(project), 'finance.rizhao'))[0].code).toBe('NOT_FOUND');
    expect((await denied(CREATE, goalInput(project), 'audit.zhangdian')).code).toBe('FORBIDDEN');
    const g = await ok(CREATE, goalInput(project), 'transport.chezhan');
    // The department drafting for its unit does not review itself: finance is the only step.
    expect(g.reviewChain.map((s) => s.role)).toEqual(['BUDGET_FINANCE']);
  });

  test('P1/P2 drafting actions: only the drafter submits or edits', async () => {
    const g = await goalAt('DRAFT');
    expect(await refused(SUBMIT, { id: g.id, expectedVersion: 1 }, 'transport.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
  });

  test('reads: the sibling township and the other tenant do not see the goal; the chain, the subtree and audit do', async () => {
    const g = await goalAt('SUBMITTED');
    const read = (as: string) => goalSeenBy(app, g.id, as);
    for (const as of ['transport.gongyuan', 'finance.gongyuan', 'finance.rizhao', 'unit.gongyuan'])
      expect(await read(as)).toBeNull();
    for (const as of [
      'unit.chezhan',
      'transport.chezhan',
      'finance.chezhan',
      'finance.zhangdian',
      'audit.zhangdian',
    ])
      expect(await read(as)).toEqual({ id: g.id });
    const list = await app.gql<{ goals: { totalCount: number; nodes: { id: string }[] } }>(
      `query($filter: GoalFilter) { goals(filter: $filter, first: 50) { totalCount nodes { id } } }`,
      { filter: { status: 'SUBMITTED', scope: 'PROJECT', year: 2025 } },
      { as: 'finance.gongyuan' },
    );
    expect(list.data!.goals.nodes.map((n) => n.id)).not.toContain(g.id);
  });
});
