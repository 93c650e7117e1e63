/**
 * Ex-ante assessment bad input and stale versions (DOMAIN §6, §15): a user error with a stable code and field,
 * nothing written; and a constant number of SQL statements for nested reads.
 */
import {
  app,
  CREATE,
  UPDATE,
  SUBMIT,
  org,
  DIMENSIONS,
  newProject,
  ok,
  assessed,
  refused,
  useAssessmentApi,
} from './assessment-api-fixtures';

useAssessmentApi();

describe('bad input: a user error with a stable code and field, and nothing written', () => {
  let project: string;
  beforeAll(async () => {
    project = await newProject('输入校验项目');
  });
  const create = (overrides: Record<string, unknown>) =>
    refused(
      CREATE,
      { subjectId: project, dimensions: DIMENSIONS, score: '85', ...overrides },
      'transport.zhangdian',
    );

  test('a missing dimension', async () => {
    expect(await create({ dimensions: DIMENSIONS.slice(0, 4) })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'dimensions'] }),
    ]);
  });

  test('a duplicate dimension', async () => {
    const errors = await create({
      dimensions: [...DIMENSIONS, { dimension: 'ECONOMY', conclusion: '重复' }],
    });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'dimensions', '5', 'dimension'] }),
    ]);
  });

  test('a blank conclusion', async () => {
    const dims = DIMENSIONS.map((d, i) => (i === 2 ? { ...d, conclusion: '   ' } : d));
    expect(await create({ dimensions: dims })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'dimensions', '2', 'conclusion'] }),
    ]);
  });

  test.each(['100.001', '101', '-1', '100.01'])('score %s', async (score) => {
    expect(await create({ score })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'score'] }),
    ]);
  });

  test('a grade that disagrees with the score, and neither', async () => {
    const errors = await create({ score: '89.99', grade: 'EXCELLENT' });
    expect(errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'grade'] })]);
    expect(errors[0].message).toContain('89.99');
    expect(await create({ score: null, grade: null })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'grade'] }),
    ]);
  });

  test('a subject id of the wrong type reads as not found', async () => {
    expect((await create({ subjectId: org['张店区财政局'] }))[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a stale version is a CONFLICT and changes nothing', async () => {
    const draft = await ok(
      CREATE,
      { subjectId: project, dimensions: DIMENSIONS, score: '70' },
      'transport.zhangdian',
    );
    const updated = await ok(
      UPDATE,
      { id: draft.id, expectedVersion: 1, dimensions: DIMENSIONS, score: '75' },
      'transport.zhangdian',
    );
    expect(updated).toMatchObject({ version: 2, score: '75.00', grade: 'FAIR' });
    expect(
      await refused(
        UPDATE,
        { id: draft.id, expectedVersion: 1, dimensions: DIMENSIONS, score: '95' },
        'transport.zhangdian',
      ),
    ).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] })]);
    expect((await refused(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'transport.zhangdian'))[0].code).toBe(
      'CONFLICT',
    );
  });
});

test('projects with assessments, dimensions, reviews and gates cost the same number of SQL statements for 1 and for 4 projects', async () => {
  for (let i = 1; i <= 4; i++) {
    const p = await newProject(`计数评估项目${i}`);
    await assessed(p, 'ACCEPTED');
  }
  const query = `query($first: Int!) { projects(first: $first, filter: { nameContains: "计数评估" }) {
    nodes { name assessments(first: 10) { nodes { status assessor { name } dimensions { name } review { reviewer { name } } } }
            assessmentGate { passes basis } } } }`;
  const one = await app.gql<{ projects: { nodes: unknown[] } }>(
    query,
    { first: 1 },
    { as: 'finance.zhangdian' },
  );
  const four = await app.gql<{ projects: { nodes: { assessmentGate: { passes: boolean } }[] } }>(
    query,
    { first: 4 },
    { as: 'finance.zhangdian' },
  );
  expect(one.errors).toBeUndefined();
  expect(four.errors).toBeUndefined();
  expect(four.data!.projects.nodes).toHaveLength(4);
  expect(four.data!.projects.nodes.every((n) => n.assessmentGate.passes)).toBe(true);
  expect(four.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
});
