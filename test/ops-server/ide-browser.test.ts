import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../seeds';
import { TestApp } from '../harness/app';
import { launchChromium } from './browser';

// Issue 16 "A GraphQL IDE that works offline" and "CORS", in a real (headless) browser.

/** The page's globals in functions that run in the browser (the tests compile without DOM types). */
interface BrowserGlobal {
  localStorage: { getItem(key: string): string | null };
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

let app: TestApp;
let browser: Browser;
let page: Server;
let pageOrigin: string;

beforeAll(async () => {
  // A frontend on another port: a plain page served by a second local server.
  page = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ui</title>'),
  );
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const address = page.address();
  pageOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  app = await TestApp.start({ CORS_ORIGINS: pageOrigin });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => page?.close(resolve));
});

test('the IDE signs in, runs a typed query and shows data, with no request to another host', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const apiOrigin = new URL(app.server.url).origin;
  const requests: string[] = [];
  let introspections = 0;
  tab.on('request', (request) => {
    requests.push(request.url());
    if (/IntrospectionQuery/.test(request.postData() ?? '')) introspections += 1;
  });
  await tab.goto(app.server.url);
  await tab.waitForSelector('.graphiql-container');
  // The login helper: the `login` mutation, token kept in localStorage.
  await tab.fill('#jx-login-name', 'finance.zibo');
  await tab.fill('#jx-password', DEMO_PASSWORD);
  await tab.fill('#jx-tenant', (await app.tenantOf('finance.zibo'))!);
  await tab.click('#jx-sign-in');
  await tab.waitForFunction(() =>
    Boolean((globalThis as unknown as BrowserGlobal).localStorage.getItem('jixiao.token')),
  );
  await tab.waitForSelector('.graphiql-container');
  // Type a query into the editor (CodeMirror) and run it.
  const editor = tab.locator('.graphiql-query-editor .CodeMirror').first();
  await editor.click();
  await tab.keyboard.press('Control+A');
  await tab.keyboard.press('Delete');
  await tab.keyboard.type('{ me { user { login displayName } } }', { delay: 5 });
  await tab.click('.graphiql-execute-button');
  await tab.waitForFunction(
    () =>
      /"login": "finance\.zibo"/.test(
        (globalThis as unknown as BrowserGlobal).document.querySelector('.graphiql-response')?.textContent ??
          '',
      ),
    undefined,
    { timeout: 15000 },
  );
  expect(introspections).toBeGreaterThanOrEqual(2); // on opening, and again once signed in
  expect(requests.length).toBeGreaterThan(4);
  expect(requests.filter((url) => !url.startsWith(`${apiOrigin}/`))).toEqual([]);
  await context.close();
});

test('a page on another (allowed) origin calls the API with a token; another origin is refused', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(pageOrigin);
  const token = await app.tokenFor('finance.zibo');
  const call = (url: string) =>
    tab.evaluate(
      async ([target, bearer]) => {
        try {
          const res = await fetch(target, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
            body: JSON.stringify({ query: '{ me { user { login } } }' }),
          });
          return { status: res.status, body: await res.text(), requestId: res.headers.get('x-request-id') };
        } catch (error) {
          return { error: String(error) };
        }
      },
      [url, token] as const,
    );
  const allowed = await call(app.server.url);
  expect(allowed).toMatchObject({ status: 200 });
  expect(JSON.parse((allowed as { body: string }).body)).toMatchObject({
    data: { me: { user: { login: 'finance.zibo' } } },
  });
  expect((allowed as { requestId: string | null }).requestId).toBeTruthy();
  // The same page calling the API on the other loopback name is another origin pairing, but the
  // refusal we test is of an origin that is not configured: a second API without CORS_ORIGINS.
  const closed = await TestApp.start({
    NODE_ENV: 'production',
    EXPOSE_SQL_COUNT: 'false',
    TOKEN_SECRET: 'y'.repeat(40),
  });
  try {
    const refused = await call(closed.server.url);
    expect(refused).toMatchObject({ error: expect.stringMatching(/Failed to fetch/) });
  } finally {
    await closed.stop();
  }
  await context.close();
});
