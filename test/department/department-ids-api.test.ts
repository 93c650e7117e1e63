/**
 * Ids in one form (issue 11 item 7; DOMAIN §16) on 部门整体绩效 (004 二(二)1, 二(四)): the common indicator
 * set, its indicators, its region and the bureau that reviewed a department self-evaluation are named by
 * global ids like every other object of the schema — no plain uuid reaches a client — with the objects
 * beside the kept ids (`region`, `reviewerOrganization`). Arguments keep taking global ids.
 */
import { TestApp } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { arrange } from '../harness/mutations';
import { COMMON_2025, ERRORS, reviewedDepartmentSelfEvaluation } from './fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

/** A global id as clients see it, encoded here independently of src/common/global-id.ts. */
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const SET = 'id year regionId region { id name } indicators { id name }';
interface SetView {
  id: string;
  year: number;
  regionId: string;
  region: { id: string; name: string } | null;
  indicators: { id: string; name: string }[];
}

describe('CommonIndicatorSetType: id, regionId and indicators[].id are global ids (004 二(二)1)', () => {
  let saved: SetView;
  beforeAll(async () => {
    saved = await arrange<SetView>(
      app,
      `mutation($input: SetCommonIndicatorsInput!) { setDepartmentCommonIndicators(input: $input) { set { ${SET} } ${ERRORS} } }`,
      { year: 2025, indicators: COMMON_2025 },
      'finance.zhangdian',
      'set',
    );
  });

  test('the mutation returns the stored set and indicators under their global ids, with the region beside', async () => {
    const [set] = await app.sql<{ id: string; region_id: string }>(
      `SELECT s.id, s.region_id FROM department_common_indicator_set s JOIN region r ON r.id = s.region_id
        WHERE r.code = '370303' AND s.year = 2025`,
    );
    const rows = await app.sql<{ id: string }>(
      'SELECT id FROM department_common_indicator WHERE set_id = $1 ORDER BY position',
      [set!.id],
    );
    const zhangdian = await regionGid(app, '370303');
    expect(saved.id).toBe(gid('CommonIndicatorSet', set!.id));
    expect(saved.regionId).toBe(zhangdian);
    expect(saved.region).toEqual({ id: zhangdian, name: '张店区' });
    expect(uuidOf(saved.regionId)).toBe(set!.region_id);
    expect(saved.indicators.map((i) => i.id)).toEqual(rows.map((r) => gid('CommonIndicator', r.id)));
    for (const id of [saved.id, saved.regionId, ...saved.indicators.map((i) => i.id)])
      expect(id).not.toMatch(uuidLike);
  });

  test('a department of the district reads the same ids through departmentCommonIndicators(year)', async () => {
    const r = await app.gql<{ departmentCommonIndicators: SetView | null }>(
      `{ departmentCommonIndicators(year: 2025) { ${SET} } }`,
      {},
      { as: 'agri.zhangdian' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.departmentCommonIndicators).toEqual(saved);
  });
});

describe('DepartmentSelfEvaluationReviewType.reviewerOrganizationId is a global id (004 二(四))', () => {
  const Q = `query($id: ID!) { departmentSelfEvaluationReview(evaluationId: $id) {
    confirmedGrade reviewerOrganizationId reviewerOrganization { id name } } }`;
  type Review = {
    departmentSelfEvaluationReview: {
      confirmedGrade: string;
      reviewerOrganizationId: string;
      reviewerOrganization: { id: string; name: string } | null;
    } | null;
  };
  let evaluation = { id: '', reviewer: '' };

  beforeAll(async () => {
    evaluation = await reviewedDepartmentSelfEvaluation(app);
  });

  test('the kept id is the reviewing bureau’s global id, and `reviewerOrganization` is that bureau', async () => {
    const r = await app.gql<Review>(Q, { id: gid('Evaluation', evaluation.id) }, { as: 'finance.zichuan' });
    expect(r.errors).toBeUndefined();
    const review = r.data!.departmentSelfEvaluationReview!;
    const bureau = await organizationGid(app, '淄川区财政局');
    expect(review.reviewerOrganizationId).toBe(gid('Organization', evaluation.reviewer));
    expect(review.reviewerOrganizationId).toBe(bureau);
    expect(review.reviewerOrganization).toEqual({ id: bureau, name: '淄川区财政局' });
  });

  test('the argument takes the evaluation’s global id; its plain uuid names nothing (reads as missing)', async () => {
    const r = await app.gql<Review>(Q, { id: evaluation.id }, { as: 'finance.zichuan' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.departmentSelfEvaluationReview).toBeNull();
  });
});
