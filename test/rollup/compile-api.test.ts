/**
 * From project self-evaluations to the overall result, all through GraphQL (DOMAIN §10, §11; P4;
 * 003 转移支付 第二十三条): the units self-evaluate their projects under the worked example fund, the
 * township departments review them and compile their regions' results, the fund's department compiles
 * the overall result — 96.08, 98.40 and 98.13 exactly as DOMAIN §11 — and the wrong bodies, incomplete
 * roll-ups and second compilations are refused with nothing written. The compilation itself (96.08,
 * 98.40, 98.13): compile-rollup-api.test.ts.
 */
import { gid } from './fixtures';
import { compileInputOf, M, useCompileWorld } from './compile-fixtures';

const { ok, refused, world, indicatorOfGoal } = useCompileWorld(false);
const compileInput = (key: 'A' | 'B') => compileInputOf(world.tree, key);

test('the projects are scored exactly as DOMAIN §11 lists the townships (96.08, 98.40)', () => {
  expect([world.aProject.total, world.aProject.grade]).toEqual(['96.08', 'EXCELLENT']);
  expect([world.bProject.total, world.bProject.grade]).toEqual(['98.40', 'EXCELLENT']);
});

test('审核后汇总: before review the region cannot be compiled (incomplete under basis REVIEWED), nothing written', async () => {
  const errors = await refused(M.compile, compileInput('A'), 'transport.chezhan');
  expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'basis'] });
  expect(errors[0].messageEn).toContain('0 of 1 counted');
});

test('P4: only the township department of the fund’s sector compiles its region', async () => {
  await ok(
    M.review,
    { id: world.aProject.id, expectedVersion: world.aProject.rowVersion, decision: 'APPROVE' },
    'transport.chezhan',
  );
  await ok(
    M.review,
    { id: world.bProject.id, expectedVersion: world.bProject.rowVersion, decision: 'APPROVE' },
    'transport.gongyuan',
  );
  for (const as of ['agri.chezhan', 'transport.zhangdian']) {
    const errors = await refused(M.compile, compileInput('A'), as);
    expect(errors[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P4' });
  }
  // A sibling township's department cannot see 车站街道's goal: it reads as missing (P6).
  expect((await refused(M.compile, compileInput('A'), 'transport.gongyuan'))[0].code).toBe('NOT_FOUND');
  for (const [as, principle] of [
    ['unit.chezhan', 'P4'],
    ['finance.chezhan', 'P4'],
    ['audit.zhangdian', 'P6'],
  ] as const) {
    const errors = await refused(M.compile, compileInput('A'), as);
    expect(errors[0]).toMatchObject({ code: 'FORBIDDEN', principle });
  }
  expect((await refused(M.compile, compileInput('A'), 'admin.rizhao'))[0].code).toBe('FORBIDDEN');
});

test('bad input: an entry naming another goal’s indicator, or a goal that is not regional/overall — nothing written', async () => {
  const foreign = world.tree.regions.A.indicators['新改建农村公路里程'];
  const errors = await refused(
    M.compile,
    { ...compileInput('A'), entries: [{ indicatorId: foreign, explanation: '—' }] },
    'transport.chezhan',
  );
  expect(errors[0]).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: ['input', 'entries', '0', 'indicatorId'],
  });
  const project = await refused(
    M.compile,
    { goalId: gid('PerformanceGoal', world.tree.regions.A.project) },
    'transport.chezhan',
  );
  expect(project[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'goalId'] });
});

test('DOMAIN §10.5: a compiled result below its points needs explanations, or nothing is written', async () => {
  const errors = await refused(M.compile, compileInput('A'), 'transport.chezhan');
  expect(errors.every((e) => e.code === 'WORKFLOW_VIOLATION')).toBe(true);
  expect(errors.length).toBeGreaterThanOrEqual(2);
});

test('issue 11 item 4: a missing explanation names the real input field input.entries.<k>.explanation, with its reason (DOMAIN §10.5)', async () => {
  // 新改建农村公路里程 and 当年完工率 fell short in 车站街道 (DOMAIN §11): both need explanations.
  const entries = [
    { indicatorId: await indicatorOfGoal('A', '工程验收合格率'), explanation: '—' },
    { indicatorId: await indicatorOfGoal('A', '新改建农村公路里程'), explanation: null },
  ];
  const errors = await refused(
    M.compile,
    { ...compileInput('A'), entries, budgetExecutionExplanation: '部分工程款待结算' },
    'transport.chezhan',
  );
  const missing = errors.filter((e) => e.reason === 'EXPLANATION_REQUIRED');
  // the entry given without an explanation: its own index in `entries`; the one not entered: the list
  expect(missing.map((e) => e.field)).toEqual(
    expect.arrayContaining([
      ['input', 'entries', '1', 'explanation'],
      ['input', 'entries'],
    ]),
  );
  for (const e of errors) expect(e.field).not.toContain('actuals');
});
