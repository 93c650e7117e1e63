/**
 * Calling monitoring mutations in tests (DOMAIN §9, issue 11 item 4): `ok` expects a payload without user
 * errors; `refused` a payload with user errors and nothing written in any table; `denied` a refusal naming
 * its principle (in the payload's userErrors, top-level if no payload), nothing written.
 */
import type { TestApp } from '../harness/app';
import { refusalOf, type UserErrorRow } from '../harness/mutations';

type Input = Record<string, unknown>;

export function payloadCalls<P extends { userErrors: UserErrorRow[] }>(app: () => TestApp) {
  async function ok(query: string, input: Input, as: string): Promise<P> {
    const res = await app().gql<Record<string, P>>(query, { input }, { as });
    const payload = Object.values(res.data ?? {})[0];
    if (!payload || payload.userErrors.length > 0)
      throw new Error(`expected success as ${as}: ${JSON.stringify(res)}`);
    return payload;
  }

  async function refused(query: string, input: Input, as: string): Promise<UserErrorRow[]> {
    const before = await app().tableDigests();
    const res = await app().gql<Record<string, P>>(query, { input }, { as });
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0];
    expect(payload.userErrors.length).toBeGreaterThan(0);
    expect(await app().tableDigests()).toEqual(before);
    return payload.userErrors;
  }

  async function denied(query: string, input: Input, as: string) {
    const before = await app().tableDigests();
    const res = await app().gql(query, { input }, { as });
    expect(await app().tableDigests()).toEqual(before);
    const refusal = refusalOf(res);
    expect(refusal).toBeDefined();
    return { code: refusal?.code, principle: refusal?.principle };
  }

  return { ok, refused, denied };
}
