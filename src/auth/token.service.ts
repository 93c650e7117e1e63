import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { uuidPattern } from '../common/global-id';
import { redactSecret } from './log-redaction';

export interface TokenClaims {
  userId: string;
  tenantId: string;
  /**
   * 令牌版本 — the user's `token_version` when the token was issued; a password reset, deactivation or
   * reactivation increments it, which refuses the token however recently it was issued (issue 8 item 11).
   */
  tokenVersion: number;
}

/** Signed, expiring bearer tokens (HS256, jose). */
export class TokenService {
  private readonly key: Uint8Array;
  /** The secret imported once (issue 18): jose imports a raw secret again on every sign and verify. */
  private hmacKey: Promise<webcrypto.CryptoKey> | null = null;

  constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = new TextEncoder().encode(secret);
    // Issue 8 item 10: the signing secret never reaches a log line, configured or generated.
    redactSecret(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const token = await new SignJWT({ tid: claims.tenantId, tv: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer('jixiao')
      .setAudience('jixiao-api')
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(await this.cryptoKey());
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
      exp: number;
    };
    return { token, expiresAt: new Date(exp * 1000) };
  }

  private cryptoKey(): Promise<webcrypto.CryptoKey> {
    this.hmacKey ??= webcrypto.subtle
      .importKey('raw', this.key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
      .catch((error: unknown) => {
        this.hmacKey = null; // not kept: the next call tries again
        throw error;
      });
    return this.hmacKey;
  }

  /** The claims of a valid token; null for a forged, malformed or expired one. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.cryptoKey(), {
        issuer: 'jixiao',
        audience: 'jixiao-api',
        algorithms: ['HS256'],
      });
      const { sub, tid, tv } = payload;
      if (typeof sub !== 'string' || typeof tid !== 'string' || !Number.isSafeInteger(tv)) return null;
      if (!uuidPattern.test(sub) || !uuidPattern.test(tid)) return null;
      return { userId: sub, tenantId: tid, tokenVersion: tv as number };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
