import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from '../harness/app';

/** GraphQL documents and helpers of the service-account tests (issue 14). */
export const CREATE = `mutation($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) { serviceAccount { id name isActive } userErrors { code field message } }
}`;
export const ISSUE = `mutation($input: IssueServiceAccountTokenInput!) {
  issueServiceAccountToken(input: $input) {
    token expiresAt serviceAccountToken { id prefix scope state } userErrors { code field message }
  }
}`;
export const REVOKE = `mutation($input: RevokeServiceAccountTokenInput!) {
  revokeServiceAccountToken(input: $input) { serviceAccountToken { id state revokedAt } userErrors { code field } }
}`;
export const DEACTIVATE = `mutation($input: DeactivateServiceAccountInput!) {
  deactivateServiceAccount(input: $input) { serviceAccount { id isActive deactivatedAt } userErrors { code field } }
}`;
export const LIST = `{ serviceAccounts(first: 100) { nodes { id name
  tokens(first: 10) { nodes { id prefix scope state expiresAt lastUsedAt revokedAt } } } } }`;

export interface Issued {
  token: string | null;
  expiresAt: string | null;
  serviceAccountToken: { id: string; prefix: string } | null;
  userErrors: { code: string; field: string[] }[];
}

export async function orgId(app: TestApp, name: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM organization WHERE name = $1', [name]);
  return toGlobalId('Organization', row.id);
}

export async function issueToken(app: TestApp, as: string, account: string, days?: number): Promise<Issued> {
  const res = await app.gql<{ issueServiceAccountToken: Issued }>(
    ISSUE,
    { input: { serviceAccountId: account, ...(days === undefined ? {} : { expiresInDays: days }) } },
    { as },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.issueServiceAccountToken;
}

/** The stored row of a token, found by its prefix (owner view). */
export async function tokenRow(app: TestApp, token: string) {
  const [row] = await app.sql<{
    id: string;
    prefix: string;
    token_hash: Buffer;
    last_used_at: Date | null;
    revoked_at: Date | null;
    expires_in_days: number;
  }>(
    `SELECT id, prefix, token_hash, last_used_at, revoked_at,
            round(extract(epoch FROM expires_at - created_at) / 86400)::int AS expires_in_days
       FROM service_account_token WHERE prefix = $1`,
    [token.slice(3, 15)],
  );
  return row;
}

export type Errors = { code: string; field: string[] }[];
export type CreatePayload = {
  createServiceAccount: { serviceAccount: { id: string } | null; userErrors: Errors };
};

/** createServiceAccount by `as` for the organization named `organization`. */
export async function createAccount(app: TestApp, as: string, organization: string, name: string) {
  const res = await app.gql<CreatePayload>(
    CREATE,
    { input: { organizationId: await orgId(app, organization), name } },
    { as },
  );
  return res.data!.createServiceAccount;
}

/** A reporting query (DOMAIN §13 ranking) inside the REPORTING_READ scope. */
export const RANKING = `{ resultRanking(year: 2025, scope: DEPARTMENT) { totalCount nodes { rank name score } } }`;
