import { generatePassword, scramVerifier } from './scram';

/** A way to run one SQL statement and get its rows: an EntityManager's or a pg Client's. */
export type RunSql = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface IssueRequest {
  tenantId: string;
  /** Confine the login to this region's subtree; null = the whole tenant. */
  regionId: string | null;
  roleName: string;
  connectionLimit: number;
  /** The tenant administrator issuing it; null from the command line (owner's rights). */
  createdByUserId: string | null;
}

export interface IssuedLogin {
  id: string;
  roleName: string;
  /** Shown once: PostgreSQL keeps only its SCRAM-SHA-256 verifier, the register nothing. */
  password: string;
}

/**
 * Issues a read-only reporting login (DOMAIN §16) through the definer function of migration
 * 1763890000000: the password is generated here and only its SCRAM verifier is sent.
 */
export async function issueLogin(run: RunSql, req: IssueRequest): Promise<IssuedLogin> {
  const password = generatePassword();
  const rows = await run(`SELECT reporting_login_create($1, $2, $3, $4, $5, $6) AS id`, [
    req.tenantId,
    req.regionId,
    req.roleName,
    scramVerifier(password),
    req.connectionLimit,
    req.createdByUserId,
  ]);
  return { id: String(rows[0].id), roleName: req.roleName, password };
}

/** Revokes a login: false when it is not an active login of the tenant. */
export async function revokeLogin(
  run: RunSql,
  tenantId: string,
  id: string,
  revokedByUserId: string | null,
): Promise<boolean> {
  const rows = await run(`SELECT reporting_login_revoke($1, $2, $3) AS revoked`, [
    tenantId,
    id,
    revokedByUserId,
  ]);
  return rows[0].revoked === true;
}

/**
 * Whether an error is the definer function finding the role already on the server: a concurrent issue of
 * the same name (or a role made by hand) committed after the caller's check — seen by the function's own
 * check (42710 duplicate_object) or by CREATE ROLE itself once the other transaction commits (23505 on
 * pg_authid's name index). Roles are cluster-wide, outside the register's unique index.
 */
export function isRoleTaken(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: unknown; constraint?: unknown } } | null)?.driverError;
  return (
    driver?.code === '42710' || (driver?.code === '23505' && driver.constraint === 'pg_authid_rolname_index')
  );
}

/** Whether a role of this name exists on the server (roles are cluster-wide). */
export async function roleExists(run: RunSql, roleName: string): Promise<boolean> {
  const rows = await run(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [roleName]);
  return rows.length > 0;
}

/**
 * Whether the owner of the definer function may create roles (CREATEROLE or superuser): without it the
 * login cannot be issued, and the operator must grant it (README "BI tools: direct SQL access").
 */
export async function ownerMayCreateRoles(run: RunSql): Promise<boolean> {
  const rows = await run(
    `SELECT (r.rolcreaterole OR r.rolsuper) AS ok FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
      WHERE p.proname = 'reporting_login_create'`,
    [],
  );
  return rows.length === 1 && rows[0].ok === true;
}
