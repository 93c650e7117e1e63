/**
 * Shared by the sign-in tests (登录, DOMAIN §8 and §16): the `login` and `me` operations, signing in
 * qualified by the tenant code, and the one generic answer to every failed sign-in.
 */
import type { TestApp } from '../harness/app';

export interface UserErrorShape {
  code: string;
  field: string[];
  message: string;
  messageEn: string;
}

export interface LoginResult {
  token: string | null;
  expiresAt: string | null;
  userErrors: UserErrorShape[];
}

export const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { token expiresAt userErrors { code field message messageEn } }
}`;

export const ME = `{ me {
  user { id login displayName isActive isTenantAdmin }
  organization { id name kind }
  region { id code name level }
  tenant { id name }
  abilities
} }`;

export interface MeResult {
  me: {
    user: { id: string; login: string; displayName: string; isActive: boolean; isTenantAdmin: boolean };
    organization: { id: string; name: string; kind: string };
    region: { id: string; code: string; name: string; level: string };
    tenant: { id: string; name: string };
    abilities: string[];
  };
}

/** Signs in, qualified by the tenant code (淄博市 370300 unless the login belongs elsewhere). */
export async function login(app: TestApp, name: string, password: string): Promise<LoginResult> {
  const tenant = (await app.tenantOf(name.trim())) ?? '370300';
  const res = await app.gql<{ login: LoginResult }>(LOGIN, { input: { tenant, login: name, password } });
  expect(res.errors).toBeUndefined();
  return res.data!.login;
}

/** The one answer to every failed sign-in: same code, same field, same sentence. */
export const GENERIC_FAILURE: UserErrorShape = {
  code: 'UNAUTHENTICATED',
  field: ['input'],
  message: '登录名或密码错误',
  messageEn: 'Wrong login or password',
};

/** A failed sign-in as the client reads it: no token, no expiry, the generic error only. */
export const FAILED: LoginResult = { token: null, expiresAt: null, userErrors: [GENERIC_FAILURE] };
