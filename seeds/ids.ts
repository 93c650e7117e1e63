import { createHash } from 'node:crypto';

/** The fixed namespace of every seed id (an arbitrary, constant UUID). */
export const SEED_NAMESPACE = '6f1c2a9e-3b7d-4c58-9e21-7a0d5b4c3e10';

const namespaceBytes = Buffer.from(SEED_NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * A deterministic, RFC 4122 version-5 UUID: SHA-1 of {@link SEED_NAMESPACE} followed by the parts joined
 * with '|'. The same parts always give the same id, so seeds are idempotent and reproducible
 * (equivalent to `uuid.v5(parts.join('|'), SEED_NAMESPACE)`).
 */
export function seedId(...parts: string[]): string {
  if (parts.length === 0) {
    throw new Error('seedId needs at least one part');
  }
  const digest = createHash('sha1').update(namespaceBytes).update(parts.join('|'), 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Characters of a unified social credit code (GB 32100-2015: no I, O, S, V, Z). */
const creditCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const organizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A deterministic, checksum-valid 18-character 统一社会信用代码 (unified social credit code).
 * `prefix` is the registering authority and entity type: '11' 机关, '12' 事业单位, '91' 企业.
 * The 9-character organisation code (GB 11714, with its own check digit) is derived from `parts`.
 */
export function seedCreditCode(prefix: '11' | '12' | '91', divisionCode: string, ...parts: string[]): string {
  const digest = createHash('sha1')
    .update(namespaceBytes)
    .update(`credit|${parts.join('|')}`, 'utf8')
    .digest();
  let body = '';
  for (let i = 0; i < 8; i++) {
    body += String(digest[i] % 10);
  }
  const weighted = organizationCodeWeights.reduce((sum, w, i) => sum + w * Number(body[i]), 0);
  const orgCheck = 11 - (weighted % 11);
  const organizationCode = body + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const first17 = prefix + divisionCode.slice(0, 6).padEnd(6, '0') + organizationCode;
  const total = creditWeights.reduce((sum, w, i) => sum + w * creditCharset.indexOf(first17[i]), 0);
  const check = (31 - (total % 31)) % 31;
  return first17 + creditCharset[check];
}
