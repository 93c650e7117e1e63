import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from './app';

/** Global ids of demo objects, looked up by division code or name (owner connection). */
export async function regionGid(app: TestApp, code: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM region WHERE code = $1', [code]);
  if (!row) throw new Error(`no region ${code}`);
  return toGlobalId('Region', row.id);
}

export async function organizationGid(app: TestApp, name: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM organization WHERE name = $1', [name]);
  if (!row) throw new Error(`no organization ${name}`);
  return toGlobalId('Organization', row.id);
}

export async function organizationOfLogin(app: TestApp, login: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT organization_id AS id FROM app_user WHERE login = $1', [
    login,
  ]);
  if (!row) throw new Error(`no user ${login}`);
  return toGlobalId('Organization', row.id);
}

export async function userGid(app: TestApp, login: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT id FROM app_user WHERE login = $1', [login]);
  if (!row) throw new Error(`no user ${login}`);
  return toGlobalId('User', row.id);
}

/**
 * The uuid inside a global id (`base64url("Type:uuid")`), for asserting rows through the owner connection.
 * Decoded here, independently of src/common/global-id.ts, so a test does not trust the code it checks.
 */
export const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
