import { request } from 'node:http';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { toGlobalId } from '../../src/common/global-id';
import { MAX_BATCH } from '../../src/forms/forms.http';
import { demoTenants } from '../../seeds';
import { demoGoalId, WORKED_EXAMPLE, WORKFLOW_DEMO } from '../../seeds/demo-goals';
import { TestApp } from '../harness/app';
import { baseUrl, getForm, postForm, problemOf } from './export-helpers';

/*
 * Batch export (issue 15): many goals' forms as one ZIP, streamed with back-pressure, at most MAX_BATCH,
 * every object checked against the caller's jurisdiction before the first byte (P6: one hidden goal and
 * the whole request reads 404, naming its position), and the request's database connection given back
 * on every path — including a client that goes away mid-stream.
 */
let app: TestApp;
const key = demoTenants.zibo.cityCode;
const gid = (k: string) => toGlobalId('PerformanceGoal', demoGoalId(key, k));
let projectGoals: string[];

const entriesOf = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  return Object.values(zip.files).filter((f) => !f.dir);
};

/** Connections the API's pool has handed out and not taken back; sessions left inside a transaction. */
async function connectionsInUse(): Promise<{ pool: number; inTransaction: number }> {
  const pool = (
    app.services.dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } }
  ).master;
  const [row] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
       AND usename = 'jixiao_app' AND state LIKE 'idle in transaction%'`,
  );
  return { pool: pool.totalCount - pool.idleCount, inTransaction: row.n };
}

beforeAll(async () => {
  app = await TestApp.start();
  const rows = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE tenant_id = $1 AND scope = 'PROJECT' ORDER BY id`,
    [demoTenants.zibo.id],
  );
  projectGoals = rows.map((r) => toGlobalId('PerformanceGoal', r.id));
  expect(projectGoals.length).toBeGreaterThan(3);
});
afterAll(async () => {
  await app.stop();
});

it('GET /forms/annex1.zip?ids=… streams one 附件1 workbook per goal', async () => {
  const r = await getForm(app, `/forms/annex1.zip?ids=${projectGoals.join(',')}`, 'finance.zibo');
  expect(r.status).toBe(200);
  expect(r.type).toBe('application/zip');
  const entries = await entriesOf(r.body);
  expect(entries).toHaveLength(projectGoals.length);
  expect(entries[0].name).toMatch(/^001-附件1-.+-2025\.xlsx$/);
  for (const entry of entries.slice(0, 2)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await entry.async('arraybuffer'));
    expect(wb.worksheets[0].name).toBe('附件1');
    expect(wb.worksheets[0].getCell('A1').value).toBe('本级预算项目绩效目标表');
  }
  expect(await connectionsInUse()).toEqual({ pool: 0, inTransaction: 0 });
});

it('POST /forms/annex3.zip {"ids": […]} takes the ids in the body', async () => {
  const ids = [gid(WORKED_EXAMPLE.townshipA.goal), gid(WORKED_EXAMPLE.townshipB.goal)];
  const r = await postForm(app, '/forms/annex3.zip', { ids }, 'transport.zhangdian');
  expect(r.status).toBe(200);
  const names = (await entriesOf(r.body)).map((e) => e.name);
  expect(names).toEqual([expect.stringMatching(/^001-附件3-/), expect.stringMatching(/^002-附件3-/)]);
});

it('refuses before the first byte: a goal out of view (404), another scope or too many ids (400)', async () => {
  // 公园街道's goal is outside 车站街道's view (P6): the batch answers 404 and names its position.
  const hidden = await postForm(
    app,
    '/forms/annex3.zip',
    { ids: [gid(WORKED_EXAMPLE.townshipA.goal), gid(WORKED_EXAMPLE.townshipB.goal)] },
    'finance.chezhan',
  );
  expect(hidden.status).toBe(404);
  expect(problemOf(hidden)).toMatchObject({ code: 'NOT_FOUND', field: ['ids', '1'] });
  const wrong = await getForm(
    app,
    `/forms/annex1.zip?ids=${gid(WORKED_EXAMPLE.overallGoal)}`,
    'transport.zhangdian',
  );
  expect(wrong.status).toBe(400);
  expect(problemOf(wrong)).toMatchObject({ reason: 'WRONG_FORM', field: ['ids', '0'] });
  const many = Array.from({ length: MAX_BATCH + 1 }, (_, i) =>
    toGlobalId('PerformanceGoal', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
  );
  const tooMany = await postForm(app, '/forms/annex1.zip', { ids: many }, 'finance.zibo');
  expect(tooMany.status).toBe(400);
  expect(problemOf(tooMany).reason).toBe('TOO_MANY');
  expect((await getForm(app, `/forms/annex1.zip?ids=${gid(WORKFLOW_DEMO.inReview)}`)).status).toBe(401);
  expect(await connectionsInUse()).toEqual({ pool: 0, inTransaction: 0 });
});

it('a client that goes away mid-stream leaves no connection taken and the server answering', async () => {
  const url = new URL(`${baseUrl(app)}/forms/annex1.zip?ids=${projectGoals.join(',')}`);
  const token = await app.tokenFor('finance.zibo');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      // Headers arrived, the body is streaming: hang up without reading it.
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject); // before the response only: afterwards the promise is settled
    req.end();
  });
  expect(status).toBe(200);
  for (let i = 0; i < 50; i += 1) {
    if ((await connectionsInUse()).pool === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await connectionsInUse()).toEqual({ pool: 0, inTransaction: 0 });
  const after = await getForm(app, `/forms/annex1.xlsx?id=${gid(WORKFLOW_DEMO.inReview)}`, 'finance.zibo');
  expect(after.status).toBe(200);
});
