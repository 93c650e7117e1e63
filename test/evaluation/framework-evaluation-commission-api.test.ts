/** Commissioning a third party (委托第三方, 002 第十七条; P6, P7): it sees and edits only what it is commissioned for. */
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { uuidOf } from '../harness/ids';
import { forbiddenFor } from '../harness/mutations';
import {
  app,
  ok,
  refused,
  expectRefusedFor,
  CREATE_DEPT,
  CREATE_FIN,
  SAVE,
  COMMISSION,
  SUBMIT,
  unitGid,
  thirdPartyGid,
  FRAMEWORK,
  SECTIONS,
  issuedGoal,
  useFrameworkEvaluationApi,
} from './framework-evaluation-api-fixtures';

useFrameworkEvaluationApi();

describe('commissioning a third party (委托第三方, 002 第十七条; P6, P7)', () => {
  test('the third party sees and edits only what it is commissioned for; the commissioner no longer edits', async () => {
    const goal = await issuedGoal('委托第三方评价');
    const e = await ok(CREATE_FIN, { goalId: goal.id }, 'finance.zhangdian');
    const read = `query($id: ID!) { evaluation(id: $id) { id } }`;
    const save = { id: e.id, expectedVersion: e.rowVersion, indicators: FRAMEWORK, sections: SECTIONS };
    // Not yet commissioned: the third party sees nothing and edits nothing.
    expect(
      (await app.gql<{ evaluation: unknown }>(read, { id: e.id }, { as: 'thirdparty.zibo' })).data
        ?.evaluation,
    ).toBeNull();
    expect((await refused(SAVE, save, 'thirdparty.zibo'))[0]).toMatchObject({ code: 'NOT_FOUND' });

    const commission = { id: e.id, expectedVersion: e.rowVersion, thirdPartyOrganizationId: thirdPartyGid };
    await expectRefusedFor(COMMISSION, commission, {
      ...forbiddenFor('P7', 'unit.chezhan', 'thirdparty.zibo'),
    });
    expect((await refused(COMMISSION, commission, 'finance.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
    // An implementing unit is no third party (P7: the evaluator is never the implementing unit).
    expect(
      (
        await refused(COMMISSION, { ...commission, thirdPartyOrganizationId: unitGid }, 'finance.zhangdian')
      )[0],
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'thirdPartyOrganizationId'],
    });
    const commissioned = await ok(COMMISSION, commission, 'finance.zhangdian');
    expect(commissioned.commissionedOrganization).toBeNull(); // a city-level third party is outside 张店区's view
    const [row] = await app.sql<{ commissioned_organization_id: string }>(
      'SELECT commissioned_organization_id FROM evaluation WHERE id = $1',
      [uuidOf(e.id)],
    );
    expect(row.commissioned_organization_id).toBe(uuidOf(thirdPartyGid));
    expect(
      (
        await refused(
          COMMISSION,
          { ...commission, expectedVersion: commissioned.rowVersion },
          'finance.zhangdian',
        )
      )[0].code,
    ).toBe('WORKFLOW_VIOLATION');

    // The commissioner no longer fills it in; the third party does, and submits.
    const next = { ...save, expectedVersion: commissioned.rowVersion };
    expect((await refused(SAVE, next, 'finance.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
    const saved = await ok(SAVE, next, 'thirdparty.zibo');
    const list = await app.gql<{ evaluations: { totalCount: number } }>(
      `{ evaluations { totalCount } }`,
      {},
      { as: 'thirdparty.zibo' },
    );
    expect(list.data?.evaluations.totalCount).toBe(1);
    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'thirdparty.zibo');
    expect(done).toMatchObject({ status: 'SUBMITTED', total: '93.50', grade: 'EXCELLENT' });
    // The goal itself stays out of the third party's view (P6: only what it is commissioned for).
    const goalRead = await app.gql<{ evaluation: { goal: unknown } }>(
      `query($id: ID!) { evaluation(id: $id) { goal { id } } }`,
      { id: e.id },
      { as: 'thirdparty.zibo' },
    );
    expect(goalRead.data?.evaluation.goal).toBeNull();
  });

  test('a third party commissioned for another evaluation sees nothing of this one', async () => {
    const goal = await issuedGoal('未受托第三方');
    const e = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    // A second third party (owner SQL), commissioned here; thirdparty.zibo is not.
    const [city] = await app.sql<{ id: string; tenant_id: string; path: string }>(
      `SELECT id, tenant_id, path FROM region WHERE code = '370300'`,
    );
    const otherId = randomUUID();
    await app.sql(
      `INSERT INTO organization (tenant_id, id, region_id, region_path, kind, name) VALUES ($1, $2, $3, $4, 'THIRD_PARTY', '淄博华信评估事务所')`,
      [city.tenant_id, otherId, city.id, city.path],
    );
    await ok(
      COMMISSION,
      {
        id: e.id,
        expectedVersion: e.rowVersion,
        thirdPartyOrganizationId: toGlobalId('Organization', otherId),
      },
      'transport.chezhan',
    );
    const read = await app.gql<{ evaluation: unknown }>(
      `query($id: ID!) { evaluation(id: $id) { id } }`,
      { id: e.id },
      { as: 'thirdparty.zibo' },
    );
    expect(read.data?.evaluation).toBeNull();
    expect(
      (
        await refused(
          SAVE,
          { id: e.id, expectedVersion: 2, indicators: FRAMEWORK, sections: [] },
          'thirdparty.zibo',
        )
      )[0].code,
    ).toBe('NOT_FOUND');
    expect((await refused(SUBMIT, { id: e.id, expectedVersion: 2 }, 'thirdparty.zibo'))[0].code).toBe(
      'NOT_FOUND',
    );
  });
});
