import { createHash, createHmac, pbkdf2Sync, randomBytes, randomInt } from 'node:crypto';

/** Letters and digits only: SASLprep leaves them unchanged, and BI tools take them without quoting. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A new login password: 24 characters of a 56-letter alphabet (about 139 bits), from the CSPRNG. */
export function generatePassword(length = 24): string {
  let out = '';
  for (let k = 0; k < length; k += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

const ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, the format of
 * pg_authid.rolpassword): computed here so the password itself never travels to the server, never
 * appears in a statement, a log line or pg_stat_activity (issue 14: the password is shown once).
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** True when a stored verifier was made from this password (what PostgreSQL checks at sign-in). */
export function verifierMatches(verifier: string, password: string): boolean {
  const m = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier);
  if (!m || Number(m[1]) !== ITERATIONS) return false;
  return scramVerifier(password, Buffer.from(m[2], 'base64')) === verifier;
}
