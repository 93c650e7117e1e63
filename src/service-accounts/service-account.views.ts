import { toGlobalId } from '../common/global-id';
import type { ServiceAccountTokenType } from './dto/service-account.types';
import { ServiceAccountScope, ServiceAccountTokenState } from './dto/service-account.types';
import { tokenState } from './rules/service-account-rules';
import type { ServiceAccountTokenEntity } from './service-account.entity';

/**
 * What a token shows (issue 14): prefix, scope, state, expiry, last use, revocation — never the token or
 * its digest (the digest is not even read: `select: false` on the entity).
 */
export function tokenView(
  token: Omit<ServiceAccountTokenEntity, 'tokenHash'>,
  accountActive: boolean,
  now: Date,
): ServiceAccountTokenType & { __typename: 'ServiceAccountToken' } {
  return {
    __typename: 'ServiceAccountToken',
    id: toGlobalId('ServiceAccountToken', token.id),
    prefix: token.prefix,
    scope: token.scope as ServiceAccountScope,
    state: ServiceAccountTokenState[tokenState(token, accountActive, now)],
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}
