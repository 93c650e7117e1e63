/** Ex-ante assessment permissions both ways (DOMAIN §6, §8): assessor, commissioned third party, reviewing finance, reads. */
import { uuidOf } from '../harness/ids';
import {
  app,
  CREATE,
  SUBMIT,
  REVIEW,
  ENTER,
  org,
  DIMENSIONS,
  newProject,
  newFund,
  ok,
  assessed,
  refused,
  denied,
  useAssessmentApi,
  enterLibrary,
} from './assessment-api-fixtures';

useAssessmentApi();

describe('permissions both ways (DOMAIN §6, §8)', () => {
  let project: string;
  let fund: string;
  beforeAll(async () => {
    project = await newProject('权限测试项目');
    fund = await newFund('权限测试专项资金', { isNewMajor: true });
  });
  const input = () => ({ subjectId: project, dimensions: DIMENSIONS, score: '80' });

  test('the assessor creates and submits; nobody else does', async () => {
    expect(await denied(CREATE, input(), 'audit.zhangdian')).toBe('FORBIDDEN');
    expect(await denied(CREATE, input(), 'unit.chezhan')).toBe('FORBIDDEN');
    expect(await denied(CREATE, input(), 'finance.zhangdian')).toBe('FORBIDDEN');
    expect(await denied(CREATE, input(), 'finance.rizhao')).toBe('FORBIDDEN');
    expect((await refused(CREATE, input(), 'transport.gongyuan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'subjectId'],
    });
    // A department in whose subtree the project lies, but which does not own it.
    expect((await refused(CREATE, input(), 'agri.zhangdian'))[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'assessorId'],
    });
    const draft = await ok(CREATE, input(), 'transport.zhangdian');
    expect((await refused(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'transport.chezhan'))[0].code).toBe(
      'FORBIDDEN',
    );
    expect(await denied(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'unit.chezhan')).toBe('FORBIDDEN');
    await ok(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'transport.zhangdian');
  });

  test('a third party assesses only when commissioned by finance at the subject’s level or above', async () => {
    const errors = await refused(CREATE, input(), 'thirdparty.zibo');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'commissionedById'] }),
    ]);
    expect(
      (await refused(CREATE, { ...input(), commissionedById: org['公园街道财政所'] }, 'thirdparty.zibo'))[0],
    ).toMatchObject({ field: ['input', 'commissionedById'] });
    const a = await ok(CREATE, { ...input(), commissionedById: org['淄博市财政局'] }, 'thirdparty.zibo');
    const [row] = await app.sql<{ assessor: string; commissioned: string }>(
      `SELECT o.name AS assessor, c.name AS commissioned FROM ex_ante_assessment a
         JOIN organization o ON o.tenant_id = a.tenant_id AND o.id = a.assessor_id
         JOIN organization c ON c.tenant_id = a.tenant_id AND c.id = a.commissioned_by_id WHERE a.id = $1`,
      [uuidOf(a.id)],
    );
    expect(row).toEqual({ assessor: '山东正信绩效评价咨询有限公司', commissioned: '淄博市财政局' });
    expect((await refused(SUBMIT, { id: a.id, expectedVersion: 1 }, 'transport.zhangdian'))[0].code).toBe(
      'FORBIDDEN',
    );
  });

  test('finance at the subject’s level or above reviews; never the assessor, a sibling, a lower level or another tenant', async () => {
    const submitted = await assessed(fund, 'SUBMITTED');
    const review = (outcome: string, comment: string | null = null) => ({
      id: submitted.id,
      expectedVersion: submitted.version,
      outcome,
      comment,
    });
    expect(await denied(REVIEW, review('ACCEPTED'), 'transport.zhangdian')).toBe('FORBIDDEN');
    expect(await denied(REVIEW, review('ACCEPTED'), 'audit.zhangdian')).toBe('FORBIDDEN');
    expect((await refused(REVIEW, review('ACCEPTED'), 'finance.chezhan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(REVIEW, review('ACCEPTED'), 'finance.zichuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(REVIEW, review('ACCEPTED'), 'finance.rizhao'))[0].code).toBe('NOT_FOUND');
    expect(await refused(REVIEW, review('RETURNED'), 'finance.zhangdian')).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] }),
    );
    expect(await refused(REVIEW, review('RETURNED', '   '), 'finance.zhangdian')).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] }),
    );
    const returned = await ok(REVIEW, review('RETURNED', '请补充筹资合规性论证'), 'finance.zibo');
    expect(returned.status).toBe('RETURNED');
    // A returned assessment is not reviewed again until resubmitted.
    expect(
      (await refused(REVIEW, { ...review('ACCEPTED'), expectedVersion: returned.version }, 'finance.zibo'))[0]
        .code,
    ).toBe('WORKFLOW_VIOLATION');
  });

  test('enterProjectLibrary: the project’s department or finance at its region; not the unit, the audit office or a sibling', async () => {
    const free = await newProject('权限测试：无需评估', { requiresAssessment: false, isNew: false });
    expect(await denied(ENTER, { projectId: free }, 'unit.chezhan')).toBe('FORBIDDEN');
    expect(await denied(ENTER, { projectId: free }, 'audit.zhangdian')).toBe('FORBIDDEN');
    expect((await refused(ENTER, { projectId: free }, 'finance.gongyuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(ENTER, { projectId: free }, 'transport.chezhan'))[0].code).toBe('FORBIDDEN');
    expect(await enterLibrary(free, 'finance.chezhan')).toBe('IN_LIBRARY');
  });

  test('reads: the sibling township and the other tenant do not see the assessment; the unit sees those of its project', async () => {
    const a = await assessed(project, 'DRAFT');
    const read = async (as: string) =>
      (
        await app.gql<{ assessment: { id: string } | null }>(
          `query($id: ID!) { assessment(id: $id) { id } }`,
          { id: a.id },
          { as },
        )
      ).data!.assessment;
    expect(await read('transport.gongyuan')).toBeNull();
    expect(await read('finance.rizhao')).toBeNull();
    expect(await read('finance.chezhan')).toEqual({ id: a.id });
    expect(await read('unit.chezhan')).toEqual({ id: a.id });
    expect(await read('audit.zhangdian')).toEqual({ id: a.id });
  });
});
