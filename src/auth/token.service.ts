import { errors, jwtVerify, SignJWT } from 'jose';
import { uuidPattern } from '../common/global-id';

export interface TokenClaims {
  userId: string;
  tenantId: string;
  /** Issued at, seconds since the epoch (tokens issued before a password change are refused). */
  issuedAt?: number;
}

/** Signed, expiring bearer tokens (HS256, jose). */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const token = await new SignJWT({ tid: claims.tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer('jixiao')
      .setAudience('jixiao-api')
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.key);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
      exp: number;
    };
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a valid token; null for a forged, malformed or expired one. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: 'jixiao',
        audience: 'jixiao-api',
        algorithms: ['HS256'],
      });
      const { sub, tid, iat } = payload;
      if (typeof sub !== 'string' || typeof tid !== 'string' || typeof iat !== 'number') return null;
      if (!uuidPattern.test(sub) || !uuidPattern.test(tid)) return null;
      return { userId: sub, tenantId: tid, issuedAt: iat };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
