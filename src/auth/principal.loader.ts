import type { RequestDb } from '../db/request-db';
import { placeOf, type PlaceRow } from './principal-row';
import type { Principal } from './principal';

interface PrincipalRow extends PlaceRow {
  user_id: string;
  login: string;
  display_name: string;
  is_tenant_admin: boolean;
  is_active: boolean;
  token_version: number;
}

/**
 * Loads the caller of a verified token in one statement, under the token's tenant. A deactivated or
 * deleted user, or a token of an earlier token version (password reset, deactivation, reactivation since
 * it was issued), yields null.
 */
export async function loadPrincipal(
  db: RequestDb,
  tenantId: string,
  userId: string,
  /** The token's `tv` claim (issue 8 item 11: exact revocation). */
  tokenVersion: number,
): Promise<Principal | null> {
  await db.setTenant(tenantId);
  // Issue 18: a prepared statement (every authenticated request runs it; planned once per connection).
  const rows = await db.prepared<PrincipalRow>(
    `SELECT u.id AS user_id, u.login, u.display_name, u.tenant_id, u.is_tenant_admin, u.is_active,
            u.token_version,
            o.id AS organization_id, o.kind, o.supervising_department_id, r.id AS region_id, r.level, r.path
       FROM app_user u
       JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
       JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
      WHERE u.tenant_id = $1 AND u.id = $2`,
    [tenantId, userId],
  );
  const row = rows[0];
  // A password reset, deactivation or reactivation revokes every token issued before it, exactly.
  if (!row || !row.is_active || row.token_version !== tokenVersion) return null;
  return {
    userId: row.user_id,
    login: row.login,
    displayName: row.display_name,
    ...placeOf(row),
    isTenantAdmin: row.is_tenant_admin,
  };
}
