/**
 * Ex-ante assessment happy path (DOMAIN §6, §15): a department assesses its new major project, finance
 * accepts, the project enters the library; reads, audit rows, and the frozen accepted assessment.
 */
import { uuidOf } from '../harness/ids';
import {
  app,
  AssessmentRow,
  ProjectPayload,
  CREATE,
  UPDATE,
  SUBMIT,
  REVIEW,
  ENTER,
  DIMENSIONS,
  mutate,
  newProject,
  ok,
  refused,
  useAssessmentApi,
} from './assessment-api-fixtures';

useAssessmentApi();

describe('happy path: department assesses its new major project, finance accepts, the project enters the library', () => {
  let project: string;
  let assessment: AssessmentRow;

  test('create (DRAFT) → submit → finance.zhangdian accepts', async () => {
    project = await newProject('车站街道2025年道路提升改造（新增重大）');
    assessment = await ok(
      CREATE,
      { subjectId: project, dimensions: DIMENSIONS, score: '85.50' },
      'transport.zhangdian',
    );
    expect(assessment).toMatchObject({ status: 'DRAFT', score: '85.50', grade: 'GOOD', version: 1 });
    assessment = await ok(SUBMIT, { id: assessment.id, expectedVersion: 1 }, 'transport.zhangdian');
    expect(assessment).toMatchObject({ status: 'SUBMITTED', version: 2 });
    assessment = await ok(
      REVIEW,
      { id: assessment.id, expectedVersion: 2, outcome: 'ACCEPTED' },
      'finance.zhangdian',
    );
    expect(assessment).toMatchObject({ status: 'ACCEPTED', version: 3 });

    const [row] = await app.sql<{
      status: string;
      score: string;
      grade: string;
      region_ok: boolean;
      reviewer: string;
      n: number;
    }>(
      `SELECT a.status, a.score::text AS score, a.grade, a.region_path = p.region_path AS region_ok, o.name AS reviewer,
              (SELECT count(*)::int FROM ex_ante_assessment_dimension d WHERE d.assessment_id = a.id) AS n
         FROM ex_ante_assessment a JOIN project p ON p.tenant_id = a.tenant_id AND p.id = a.project_id
         JOIN organization o ON o.tenant_id = a.tenant_id AND o.id = a.reviewer_id WHERE a.id = $1`,
      [uuidOf(assessment.id)],
    );
    expect(row).toEqual({
      status: 'ACCEPTED',
      score: '85.50',
      grade: 'GOOD',
      region_ok: true,
      reviewer: '张店区财政局',
      n: 5,
    });
  });

  test('the project reads back with its assessment, dimensions, review and a passing gate; node(id) finds it', async () => {
    const res = await app.gql<{
      project: {
        assessments: {
          nodes: {
            status: string;
            assessor: { name: string };
            dimensions: { dimension: string; name: string }[];
            review: { outcome: string; reviewer: { name: string } };
            project: { id: string };
            fund: null;
          }[];
        };
        assessmentGate: {
          passes: boolean;
          pending: boolean;
          basis: string;
          reason: string;
          reasonEn: string;
        };
      };
      node: { status: string } | null;
    }>(
      `query($id: ID!, $a: ID!) { project(id: $id) { assessments { nodes { status assessor { name } dimensions { dimension name }
         review { outcome reviewer { name } } project { id } fund { id } } }
         assessmentGate { passes pending basis reason reasonEn } }
         node(id: $a) { ... on ExAnteAssessment { status } } }`,
      { id: project, a: assessment.id },
      { as: 'transport.zhangdian' },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.project;
    expect(p.assessments.nodes).toHaveLength(1);
    expect(p.assessments.nodes[0]).toMatchObject({
      status: 'ACCEPTED',
      assessor: { name: '张店区交通运输局' },
      review: { outcome: 'ACCEPTED', reviewer: { name: '张店区财政局' } },
      project: { id: project },
      fund: null,
    });
    expect(p.assessments.nodes[0].dimensions.map((d) => d.name)).toEqual([
      '立项必要性',
      '投入经济性',
      '绩效目标合理性',
      '实施方案可行性',
      '筹资合规性',
    ]);
    expect(p.assessmentGate).toMatchObject({ passes: true, pending: false, basis: 'ASSESSMENT_PASSED' });
    expect(p.assessmentGate.reason).toContain('良');
    expect(res.data!.node).toEqual({ status: 'ACCEPTED' });
  });

  test('enterProjectLibrary moves it to IN_LIBRARY, and every write left an audit row', async () => {
    const res = await mutate<{ enterProjectLibrary: ProjectPayload }>(
      ENTER,
      { projectId: project },
      'transport.zhangdian',
    );
    expect(res.data!.enterProjectLibrary).toEqual({
      project: { id: project, libraryStatus: 'IN_LIBRARY' },
      userErrors: [],
    });
    const [row] = await app.sql<{ library_status: string }>(
      'SELECT library_status FROM project WHERE id = $1',
      [uuidOf(project)],
    );
    expect(row.library_status).toBe('IN_LIBRARY');

    const audit = await app.sql<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_event WHERE entity_id = ANY($1) ORDER BY occurred_at, action`,
      [[uuidOf(project), uuidOf(assessment.id)]],
    );
    expect(audit.map((r) => `${r.entity_type}:${r.action}`)).toEqual([
      'Project:CREATE',
      'ExAnteAssessment:CREATE',
      'ExAnteAssessment:SUBMIT',
      'ExAnteAssessment:REVIEW_ACCEPTED',
      'Project:ENTER_LIBRARY',
    ]);
    // Entering twice is a workflow violation.
    const again = await refused(ENTER, { projectId: project }, 'transport.zhangdian');
    expect(again[0].code).toBe('WORKFLOW_VIOLATION');
  });

  test('an accepted assessment is frozen, also in the database (no status skip, no new conclusions)', async () => {
    const errors = await refused(
      UPDATE,
      { id: assessment.id, expectedVersion: assessment.version, dimensions: DIMENSIONS, score: '90' },
      'transport.zhangdian',
    );
    expect(errors[0].code).toBe('WORKFLOW_VIOLATION');
    await expect(
      app.sql(`UPDATE ex_ante_assessment SET status = 'DRAFT' WHERE id = $1`, [uuidOf(assessment.id)]),
    ).rejects.toThrow(/cannot become/);
    await expect(
      app.sql(`UPDATE ex_ante_assessment_dimension SET conclusion = 'x' WHERE assessment_id = $1`, [
        uuidOf(assessment.id),
      ]),
    ).rejects.toThrow(/frozen/);
  });
});
