import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a development secret from the data folder, or generates and persists one.
 * Used for the token secret outside production and for the embedded database's passwords.
 */
export function persistedSecret(dataDir: string, name: string): { value: string; generated: boolean } {
  const file = join(dataDir, `${name}.secret`);
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, value, { mode: 0o600 });
  return { value, generated: true };
}
