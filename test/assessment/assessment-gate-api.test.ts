/**
 * The project-library gate (DOMAIN §6, 002 第六–七条): refused without a finance-accepted assessment better
 * than POOR (nothing written), opened by a revised one; the emergency exemption and the pending list.
 */
import { uuidOf } from '../harness/ids';
import {
  app,
  UPDATE,
  SUBMIT,
  REVIEW,
  ENTER,
  region,
  DIMENSIONS,
  newProject,
  newFund,
  ok,
  assessed,
  refused,
  useAssessmentApi,
  enterLibrary,
} from './assessment-api-fixtures';

useAssessmentApi();

describe('the gate refuses a project without a finance-accepted assessment better than POOR (WORKFLOW_VIOLATION, nothing written)', () => {
  test.each([
    ['no assessment', null, 'NOT_ASSESSED', '未开展事前绩效评估'],
    ['an assessment graded POOR', 'ACCEPTED_POOR', 'ASSESSMENT_POOR', '评估结果为“差”'],
    ['an assessment not yet reviewed', 'SUBMITTED', 'AWAITING_FINANCE_REVIEW', '尚待财政部门审核'],
    ['an assessment returned by finance', 'RETURNED', 'RETURNED_BY_FINANCE', '被财政部门退回'],
    ['only a draft', 'DRAFT', 'NOT_ASSESSED', '未开展事前绩效评估'],
  ] as const)('%s', async (name, state, basis, reason) => {
    const project = await newProject(`闸门测试项目：${name}`);
    if (state === 'ACCEPTED_POOR') await assessed(project, 'ACCEPTED', '59.99');
    else if (state) await assessed(project, state);
    const gate = await app.gql<{ project: { assessmentGate: { passes: boolean; basis: string } } }>(
      `query($id: ID!) { project(id: $id) { assessmentGate { passes basis } } }`,
      { id: project },
      { as: 'finance.zhangdian' },
    );
    expect(gate.data!.project.assessmentGate).toEqual({ passes: false, basis });
    const errors = await refused(ENTER, { projectId: project }, 'finance.zhangdian');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'WORKFLOW_VIOLATION', field: ['input', 'projectId'] }),
    ]);
    expect(errors[0].message).toContain(reason);
    const [row] = await app.sql<{ library_status: string }>(
      'SELECT library_status FROM project WHERE id = $1',
      [uuidOf(project)],
    );
    expect(row.library_status).toBe('CANDIDATE');
  });

  test('a returned assessment is revised and resubmitted, and once accepted the gate opens', async () => {
    const project = await newProject('闸门测试项目：退回后修改');
    const returned = await assessed(project, 'RETURNED');
    const revised = await ok(
      UPDATE,
      {
        id: returned.id,
        expectedVersion: returned.version,
        dimensions: DIMENSIONS,
        score: null,
        grade: 'EXCELLENT',
      },
      'transport.zhangdian',
    );
    expect(revised).toMatchObject({ status: 'RETURNED', score: null, grade: 'EXCELLENT' });
    const resubmitted = await ok(
      SUBMIT,
      { id: revised.id, expectedVersion: revised.version },
      'transport.zhangdian',
    );
    await ok(
      REVIEW,
      { id: resubmitted.id, expectedVersion: resubmitted.version, outcome: 'ACCEPTED' },
      'finance.chezhan',
    );
    expect(await enterLibrary(project, 'finance.chezhan')).toBe('IN_LIBRARY');
  });

  test('a project that does not require an assessment enters without one', async () => {
    const project = await newProject('延续项目：无需评估', { isNew: false, requiresAssessment: false });
    expect(await enterLibrary(project, 'transport.zhangdian')).toBe('IN_LIBRARY');
  });
});

describe('exemptions and the assessment-pending list (DOMAIN §6, 002 第六–七条)', () => {
  test('an emergency fund is exempt, and so is a project it finances', async () => {
    const fund = await newFund('2025年疫情防控应急资金', { isNewMajor: true, isEmergency: true });
    const res = await app.gql<{
      fund: { assessmentGate: { passes: boolean; basis: string; reasonEn: string } };
    }>(
      `query($id: ID!) { fund(id: $id) { assessmentGate(purpose: GOAL_APPROVAL) { passes basis reasonEn } } }`,
      { id: fund },
      { as: 'finance.zhangdian' },
    );
    expect(res.data!.fund.assessmentGate).toMatchObject({ passes: true, basis: 'EMERGENCY_EXEMPT' });
    const project = await newProject('应急道路抢修', { fundId: fund });
    expect(await enterLibrary(project, 'transport.zhangdian')).toBe('IN_LIBRARY');
  });

  test('a government pre-approved fund is on the pending list until its assessment is accepted', async () => {
    const fund = await newFund('2025年政府先行安排专项资金', {
      isNewMajor: true,
      governmentPreApproved: true,
    });
    await newFund('2025年设立时已评估资金', {
      isNewMajor: true,
      governmentPreApproved: true,
      assessedAtCreation: true,
    });
    const pending = async (as: string, filter: Record<string, unknown> = {}) => {
      const res = await app.gql<{
        assessmentsPending: { nodes: { id: string; assessmentGate: { pending: boolean; basis: string } }[] };
      }>(
        `query($filter: AssessmentPendingFilter) { assessmentsPending(first: 50, filter: $filter) { nodes { id assessmentGate { pending basis } } } }`,
        { filter },
        { as },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.assessmentsPending.nodes;
    };
    expect(await pending('finance.zhangdian')).toEqual([
      { id: fund, assessmentGate: { pending: true, basis: 'PRE_APPROVED_PENDING' } },
    ]);
    expect(await pending('finance.zibo', { within: region['370303'], year: 2025 })).toHaveLength(1);
    expect(await pending('finance.zhangdian', { within: region['370303001'] })).toEqual([]);
    expect(await pending('finance.zichuan')).toEqual([]);
    expect(await pending('finance.rizhao')).toEqual([]);

    const submitted = await assessed(fund, 'SUBMITTED');
    expect(await pending('finance.zhangdian')).toHaveLength(1);
    await ok(
      REVIEW,
      { id: submitted.id, expectedVersion: submitted.version, outcome: 'ACCEPTED' },
      'finance.zhangdian',
    );
    expect(await pending('finance.zhangdian')).toEqual([]);
  });
});
