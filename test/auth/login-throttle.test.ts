/**
 * Issue 8 item 12: sign-in throttling without lockout abuse — per (login, address) and per address,
 * exponential back-off instead of a lock of the login, bounded concurrent password hashing, one
 * `login` per request, X-Forwarded-For believed only from TRUSTED_PROXIES (DOMAIN §8, §16).
 */
import { hashSlots } from '../../src/auth/hash-slots';
import { DEMO_PASSWORD } from '../../seeds';
import { LoggedApp, waitSeconds, type LoginAnswer } from './logged-app';

const ZIBO = '370300';
const from = (address: string) => ({ 'x-forwarded-for': address });
const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000 + 50));

describe('behind a trusted proxy (TRUSTED_PROXIES=loopback, LOGIN_MAX_FAILURES=5)', () => {
  let app: LoggedApp;
  beforeAll(async () => {
    app = await LoggedApp.start({ TRUSTED_PROXIES: 'loopback', LOGIN_MAX_FAILURES: '5' });
  });
  afterAll(async () => app.stop());

  test('6 wrong passwords from address A do not stop the right password from address B', async () => {
    const login = 'finance.zhangdian';
    for (let i = 0; i < 6; i += 1) {
      const answer = await app.signIn({ tenant: ZIBO, login, password: `Wrong-${i}` }, from('203.0.113.1'));
      if (i < 5) expect(answer.userErrors[0].code).toBe('UNAUTHENTICATED');
      else expect(answer.userErrors[0].code).toBe('RATE_LIMITED');
    }
    // A waits (even with the right password) …
    const fromA = await app.signIn({ tenant: ZIBO, login, password: DEMO_PASSWORD }, from('203.0.113.1'));
    expect(fromA.userErrors[0].code).toBe('RATE_LIMITED');
    expect(fromA.token).toBeNull();
    // … B, the real user elsewhere, signs in at once.
    const fromB = await app.signIn({ tenant: ZIBO, login, password: DEMO_PASSWORD }, from('203.0.113.2'));
    expect(fromB.userErrors).toEqual([]);
    expect(fromB.token).toEqual(expect.any(String));
  });

  test('aliased login fields: the second is refused, and only one attempt is counted', async () => {
    const login = 'transport.zhangdian';
    const address = from('203.0.113.3');
    const wrong = { tenant: ZIBO, login, password: 'Wrong-pw-1' };
    const fields = '{ token userErrors { code field message messageEn } }';
    // 4 failures: one short of the back-off.
    for (let i = 0; i < 3; i += 1) await app.signIn({ ...wrong, password: `Wrong-${i}` }, address);
    const { body } = await app.gql<{ a: LoginAnswer; b: LoginAnswer; c: LoginAnswer }>(
      `mutation($i: LoginInput!) { a: login(input: $i) ${fields} b: login(input: $i) ${fields} c: login(input: $i) ${fields} }`,
      { i: wrong },
      address,
    );
    expect(body.data?.a.userErrors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    for (const refused of [body.data?.b, body.data?.c]) {
      expect(refused?.token).toBeNull();
      expect(refused?.userErrors).toEqual([
        {
          code: 'BAD_USER_INPUT',
          field: ['input'],
          message: '每个请求只能登录一次',
          messageEn: 'Only one sign-in per request',
        },
      ]);
    }
    // Had b and c counted, the 5-failure allowance would be spent and this would wait.
    const right = await app.signIn({ ...wrong, password: DEMO_PASSWORD }, address);
    expect(right.userErrors).toEqual([]);
  });

  test('a flood of wrong sign-ins never runs more password checks at once than the cap', async () => {
    const slots = hashSlots(app.services.config);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        app.signIn(
          { tenant: ZIBO, login: `flood${i}.zibo`, password: 'Wrong-pw' },
          from(`198.51.100.${i + 1}`),
        ),
      ),
    );
    expect(answers.every((a) => a.userErrors[0].code === 'UNAUTHENTICATED')).toBe(true);
    expect(slots.limit).toBe(2); // LOGIN_HASH_CONCURRENCY default
    expect(slots.peak).toBeGreaterThanOrEqual(1);
    expect(slots.peak).toBeLessThanOrEqual(2);
  });
});

describe('exponential back-off (LOGIN_MAX_FAILURES=1, LOGIN_BLOCK_SECONDS=4)', () => {
  let app: LoggedApp;
  beforeAll(async () => {
    app = await LoggedApp.start({ LOGIN_MAX_FAILURES: '1', LOGIN_BLOCK_SECONDS: '4' });
  });
  afterAll(async () => app.stop());

  test('the wait doubles with each failure (1 s, 2 s, 4 s) up to the cap; other logins from the address are not held up', async () => {
    const input = { tenant: ZIBO, login: 'audit.zhangdian' };
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      if (i > 0) await sleep(waits[i - 1]);
      expect((await app.signIn({ ...input, password: `Wrong-${i}` })).userErrors[0].code).toBe(
        'UNAUTHENTICATED',
      );
      waits.push(waitSeconds(await app.signIn({ ...input, password: DEMO_PASSWORD })));
    }
    expect(waits).toEqual([1, 2, 4, 4]);
    // Another login from the same address is not held up by this one's back-off.
    expect(
      (await app.signIn({ tenant: ZIBO, login: 'audit.zibo', password: DEMO_PASSWORD })).userErrors,
    ).toEqual([]);
  });
});

describe('X-Forwarded-For without a trusted proxy (default TRUSTED_PROXIES: none)', () => {
  let app: LoggedApp;
  beforeAll(async () => {
    app = await LoggedApp.start({ LOGIN_MAX_FAILURES: '1' });
  });
  afterAll(async () => app.stop());

  test('a client cannot pick its address: failures under 20 different X-Forwarded-For count for one address', async () => {
    // The address allowance is 20 × LOGIN_MAX_FAILURES, spread over 20 logins and 20 claimed addresses.
    for (let i = 0; i < 20; i += 1) {
      const answer = await app.signIn(
        { tenant: ZIBO, login: `spray${i}.zibo`, password: 'Wrong-pw' },
        from(`192.0.2.${i + 1}`),
      );
      expect(answer.userErrors[0].code).toBe('UNAUTHENTICATED');
    }
    const next = await app.signIn(
      { tenant: ZIBO, login: 'finance.zibo', password: DEMO_PASSWORD },
      from('192.0.2.200'),
    );
    expect(waitSeconds(next)).toBeGreaterThanOrEqual(1);
  });
});

describe('a full hashing queue (LOGIN_HASH_CONCURRENCY=1, LOGIN_HASH_QUEUE=0)', () => {
  let app: LoggedApp;
  beforeAll(async () => {
    app = await LoggedApp.start({ LOGIN_HASH_CONCURRENCY: '1', LOGIN_HASH_QUEUE: '0' });
  });
  afterAll(async () => app.stop());

  test('beyond the hashing queue a sign-in is refused at once with RATE_LIMITED', async () => {
    const slots = hashSlots(app.services.config);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.signIn({ tenant: ZIBO, login: `busy${i}.zibo`, password: 'Wrong-pw' }),
      ),
    );
    const codes = answers.map((a) => a.userErrors[0].code);
    expect(codes).toContain('RATE_LIMITED');
    expect(answers.find((a) => a.userErrors[0].code === 'RATE_LIMITED')?.userErrors[0].messageEn).toBe(
      'Too many sign-ins at the moment; please try again shortly',
    );
    expect(slots.peak).toBe(1);
  });
});
