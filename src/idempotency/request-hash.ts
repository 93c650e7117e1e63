import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, undefined members left out, values with `toJSON` (Decimal, Date)
 * in their JSON form — so the same input always gives the same text whatever its key order.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonical((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = canonical(member);
    }
    return out;
  }
  return value;
}

/**
 * sha256 of a mutation's arguments minus the idempotency key (issue 8 item 15): what tells a retry (same
 * hash) from another request under the same key.
 */
export function requestHash(args: Record<string, unknown>): string {
  const input = args.input as Record<string, unknown> | undefined;
  const rest = input ? { ...args, input: { ...input, idempotencyKey: undefined } } : args;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** '30s', '30m', '24h', '7d' in seconds. */
export function durationSeconds(duration: string): number {
  const match = /^(\d+)([smhd])$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
