/**
 * Who may record a spot check (DOMAIN §12 抽查复核): P7 委托人和项目实施主体相分离 (002 第十七条) — never the
 * self-evaluator or the implementing unit — and P6 (DOMAIN §8), each refused with nothing written.
 */
import { allDigests } from './fixtures';
import { refusalOf } from '../harness/mutations';
import { useSpotCheckRecordApi, app, goals, agriGoal, record } from './record-fixtures';

useSpotCheckRecordApi();

describe('P7 委托人和项目实施主体相分离 (002 第十七条): never the self-evaluator or the implementing unit', () => {
  test('the self-evaluating unit re-scoring its own self-evaluation is refused with P7; nothing is written', async () => {
    const before = await allDigests(app);
    const res = await record('unit.chezhan', goals[0]!, ['100', '100', '90']);
    expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P7' }); // issue 11 item 4: in the payload
    expect(await allDigests(app)).toEqual(before);
  });

  test('a department that is the implementing unit and self-evaluator of the project is refused with P7', async () => {
    const before = await allDigests(app);
    const res = await record('agri.zhangdian', agriGoal, ['100', '100', '90']);
    expect(res.data?.recordSpotCheck).toMatchObject({
      item: null,
      userErrors: [{ code: 'FORBIDDEN', principle: 'P7', field: ['input', 'itemId'] }],
    });
    expect(await allDigests(app)).toEqual(before);
  });
});

describe('who may record (DOMAIN §8 P6)', () => {
  test('audit offices and third parties are refused (P6); bodies that do not see the sample read it as missing', async () => {
    const before = await allDigests(app);
    for (const as of ['audit.zhangdian', 'thirdparty.zibo']) {
      const res = await record(as, goals[0]!, ['100', '100', '90']);
      expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' }); // issue 11 item 4
    }
    for (const as of ['finance.gongyuan', 'finance.zichuan', 'finance.rizhao']) {
      const res = await record(as, goals[0]!, ['100', '100', '90']);
      expect(res.data?.recordSpotCheck).toMatchObject({ item: null, userErrors: [{ code: 'NOT_FOUND' }] });
    }
    expect(await allDigests(app)).toEqual(before);
  });
});
