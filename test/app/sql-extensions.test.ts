/**
 * Issue 18 (benchmarks): with EXPOSE_SQL_COUNT a response carries the number of SQL statements its request
 * ran and the time it waited for them (`extensions.sqlStatements`, `extensions.sqlMs`); without it, neither.
 */
import { TestApp } from '../harness/app';

const ME = '{ me { user { login } } }';

test('the counts are in the response only when asked for', async () => {
  const counted = await TestApp.start();
  try {
    const res = await counted.gql(ME, {}, { as: 'admin.zhangdian' });
    expect(res.errors).toBeUndefined();
    const ext = res.extensions as { sqlStatements?: number; sqlMs?: number };
    expect(ext.sqlStatements).toBeGreaterThan(0);
    expect(typeof ext.sqlMs).toBe('number');
    expect(ext.sqlMs).toBeGreaterThan(0);
  } finally {
    await counted.stop();
  }
  const plain = await TestApp.start({ EXPOSE_SQL_COUNT: 'false' });
  try {
    const res = await plain.gql(ME, {}, { as: 'admin.zhangdian' });
    expect(res.errors).toBeUndefined();
    expect(res.extensions).not.toHaveProperty('sqlStatements');
    expect(res.extensions).not.toHaveProperty('sqlMs');
    expect(res.extensions).toHaveProperty('cost'); // the other extensions are there
  } finally {
    await plain.stop();
  }
});
