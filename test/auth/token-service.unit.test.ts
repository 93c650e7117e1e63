/**
 * Issue 18: the signing secret is imported as an HMAC key once per process, not on every sign and verify;
 * tokens stay what they were (HS256, issuer, audience, expiry; issue 8 items 10–11).
 */
import { webcrypto } from 'node:crypto';
import { TokenService } from '../../src/auth/token.service';

const claims = {
  userId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  tenantId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  tokenVersion: 3,
};

afterEach(() => jest.restoreAllMocks());

test('a token verifies with its secret only, and the secret is imported once', async () => {
  const importKey = jest.spyOn(webcrypto.subtle, 'importKey');
  const tokens = new TokenService('the-signing-secret-of-this-test-0123456789', '1h');
  const { token } = await tokens.issue(claims);
  const answers = await Promise.all(Array.from({ length: 20 }, () => tokens.verify(token)));
  expect(answers).toEqual(Array.from({ length: 20 }, () => claims));
  expect(importKey).toHaveBeenCalledTimes(1);
  const other = new TokenService('another-secret-that-is-also-long-enough-987', '1h');
  expect(await other.verify(token)).toBeNull();
  expect(await tokens.verify(`${token.slice(0, -2)}xx`)).toBeNull();
});

test('an expired token is refused', async () => {
  const tokens = new TokenService('the-signing-secret-of-this-test-0123456789', '-1s');
  const { token } = await tokens.issue(claims);
  expect(await tokens.verify(token)).toBeNull();
});

test('a failed key import is not kept: the next token operation imports again', async () => {
  const importKey = jest.spyOn(webcrypto.subtle, 'importKey').mockRejectedValueOnce(new Error('no key'));
  const tokens = new TokenService('the-signing-secret-of-this-test-0123456789', '1h');
  await expect(tokens.issue(claims)).rejects.toThrow('no key');
  const { token } = await tokens.issue(claims);
  expect(await tokens.verify(token)).toEqual(claims);
  expect(importKey).toHaveBeenCalledTimes(2);
});
