import { TestApp } from './harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

test('a demo user signs in and reads who it is', async () => {
  const res = await app.gql<{ me: { user: { login: string }; region: { code: string } } }>(
    '{ me { user { login } region { code } abilities } }',
    {},
    { as: 'finance.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.me.user.login).toBe('finance.zhangdian');
  expect(res.data?.me.region.code).toBe('370303');
});
