import type { GraphQLResponse, TestApp } from './app';

export interface UserErrorRow {
  code: string;
  field: string[];
  message: string;
  messageEn: string;
  principle: string | null;
}

type Payload<T> = Record<string, T | UserErrorRow[] | null> & { userErrors: UserErrorRow[] };

/**
 * The three outcomes every mutation test asserts, for payloads shaped `{ <object> userErrors }`
 * (e.g. `{ goal userErrors }`): `ok` — the object comes back and no user error; `refused` — user errors
 * in the payload and every digested table unchanged (nothing written, DEVELOPERS "bad input changes
 * nothing"); `denied` — a GraphQL error from the shield, nothing written; returns its code and principle.
 */
export function mutations<T>(app: () => TestApp, object: string) {
  const call = <R = Record<string, unknown>>(
    query: string,
    input: Record<string, unknown>,
    as: string,
  ): Promise<GraphQLResponse<R>> => app().gql<R>(query, { input }, { as });

  async function ok(query: string, input: Record<string, unknown>, as: string): Promise<T> {
    const res = await call<Record<string, Payload<T>>>(query, input, as);
    const payload = Object.values(res.data ?? {})[0];
    const value = payload?.[object] as T | null | undefined;
    if (!value) throw new Error(`expected success as ${as}: ${JSON.stringify(res)}`);
    expect(payload.userErrors).toEqual([]);
    return value;
  }

  async function refused(query: string, input: Record<string, unknown>, as: string): Promise<UserErrorRow[]> {
    const before = await app().tableDigests();
    const res = await call<Record<string, Payload<T>>>(query, input, as);
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0];
    expect(payload[object]).toBeNull();
    expect(payload.userErrors.length).toBeGreaterThan(0);
    expect(await app().tableDigests()).toEqual(before);
    return payload.userErrors;
  }

  async function denied(query: string, input: Record<string, unknown>, as: string) {
    const before = await app().tableDigests();
    const res = await call(query, input, as);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(await app().tableDigests()).toEqual(before);
    return { code: res.errors?.[0].extensions?.code, principle: res.errors?.[0].extensions?.principle };
  }

  return { call, ok, refused, denied };
}
