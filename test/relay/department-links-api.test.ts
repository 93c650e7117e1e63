/**
 * Objects, not bare ids (issue 11 item 7) on 部门整体绩效 (DOMAIN §5, §10; 004 二(二)1, 二(四)) through
 * GraphQL on a real database: the common indicator set returns the region whose finance set it, and finance's
 * review of a department self-evaluation returns the reviewing finance bureau. A link answers exactly what
 * node(id) answers the same caller: the object when it may read it, null otherwise (P6), never an error.
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { regionGid } from '../harness/ids';
import { reviewedDepartmentSelfEvaluation, setCommon } from '../department/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const nodeFor = async (id: string, as: string) =>
  (await app.gql<{ node: { id: string } | null }>('query($id: ID!) { node(id: $id) { id } }', { id }, { as }))
    .data!.node;

describe('CommonIndicatorSetType.region (004 二(二)1)', () => {
  const Q = '{ departmentCommonIndicators(year: 2025) { regionId region { id name } } }';
  type Set = {
    departmentCommonIndicators: { regionId: string; region: { id: string; name: string } | null } | null;
  };

  test('the set of 张店区 returns its region to finance, the departments and audit of the district', async () => {
    await setCommon(app);
    const zhangdian = await regionGid(app, '370303');
    for (const as of ['finance.zhangdian', 'agri.zhangdian', 'audit.zhangdian']) {
      const r = await app.gql<Set>(Q, {}, { as });
      expect(r.errors).toBeUndefined();
      const set = r.data!.departmentCommonIndicators!;
      expect(set.region).toEqual({ id: zhangdian, name: '张店区' });
      expect(set.regionId).toBe(zhangdian); // the id field, kept for compatibility: a global id (issue 11 item 7)
    }
  });
});

describe('DepartmentSelfEvaluationReviewType.reviewerOrganization (004 二(四))', () => {
  const Q = `query($id: ID!) { departmentSelfEvaluationReview(evaluationId: $id) {
    confirmedGrade reviewerOrganizationId reviewerOrganization { id name } } }`;
  type Review = {
    departmentSelfEvaluationReview: {
      reviewerOrganizationId: string;
      reviewerOrganization: { id: string; name: string } | null;
    } | null;
  };
  let evaluationId = '';
  let reviewer = '';

  beforeAll(async () => {
    const e = await reviewedDepartmentSelfEvaluation(app);
    evaluationId = toGlobalId('Evaluation', e!.id);
    reviewer = toGlobalId('Organization', e!.reviewer);
  });

  test('finance of the district reads the bureau that reviewed, named by reviewerOrganizationId', async () => {
    const r = await app.gql<Review>(Q, { id: evaluationId }, { as: 'finance.zichuan' });
    expect(r.errors).toBeUndefined();
    const review = r.data!.departmentSelfEvaluationReview!;
    expect(review.reviewerOrganization).toEqual({ id: reviewer, name: '淄川区财政局' });
    expect(review.reviewerOrganizationId).toBe(reviewer); // a global id, like the object's own id
  });

  test('every caller who reads the review gets the bureau exactly when node(id) gives it (P6), without errors', async () => {
    for (const as of ['finance.zibo', 'agri.zichuan', 'edu.zichuan', 'audit.zibo']) {
      const r = await app.gql<Review>(Q, { id: evaluationId }, { as });
      expect(r.errors).toBeUndefined();
      expect(r.data!.departmentSelfEvaluationReview!.reviewerOrganization?.id ?? null).toBe(
        (await nodeFor(reviewer, as))?.id ?? null,
      );
    }
    // Another district's finance does not see the evaluation: no review, hence no bureau either.
    const other = await app.gql<Review>(Q, { id: evaluationId }, { as: 'finance.zhangdian' });
    expect(other.errors).toBeUndefined();
    expect(other.data!.departmentSelfEvaluationReview).toBeNull();
  });
});
