import type { GraphQLResponse, TestApp } from './app';

export interface UserErrorRow {
  code: string;
  field: string[];
  message: string;
  messageEn: string;
  principle: string | null;
}

/** The user-error selection every mutation test asks for (STYLE: stable code, bilingual message, field, principle). */
export const USER_ERRORS = 'userErrors { code field message messageEn principle }';

/**
 * Runs one mutation to arrange data and returns `payload[key]`; throws with the response when it is
 * refused or fails (arranging must not fail silently).
 */
export async function arrange<T>(
  app: TestApp,
  query: string,
  input: Record<string, unknown>,
  as: string,
  key: string,
): Promise<T> {
  const res = await app.gql<Record<string, Record<string, unknown> | null>>(query, { input }, { as });
  const payload = Object.values(res.data ?? {})[0];
  if (res.errors || !payload?.[key]) {
    throw new Error(`arranging ${key} as ${as} failed: ${JSON.stringify(res.errors ?? payload?.userErrors)}`);
  }
  return payload[key] as T;
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
    const res = await call<Record<string, Payload<T> | null>>(query, input, as);
    expect(await app().tableDigests()).toEqual(before);
    // issue 11 item 4: a shield refusal of a mutation with a payload comes back in `userErrors`
    const payload = Object.values(res.data ?? {})[0];
    if (payload?.userErrors?.length) {
      expect(res.errors).toBeUndefined();
      return { code: payload.userErrors[0].code, principle: payload.userErrors[0].principle };
    }
    expect(res.errors?.length).toBeGreaterThan(0);
    return { code: res.errors?.[0].extensions?.code, principle: res.errors?.[0].extensions?.principle };
  }

  /**
   * A permission matrix, table-driven (DOMAIN §8: permissions tested both ways): every caller of
   * `expected` is `denied` — nothing written — with its `{ code, principle }`; one assertion over the
   * whole table, so a failure names each caller that came back otherwise.
   */
  async function expectRefusedFor(
    query: string,
    input: Record<string, unknown>,
    expected: Record<string, Refusal>,
  ): Promise<void> {
    const actual: Record<string, unknown> = {};
    for (const as of Object.keys(expected)) actual[as] = await denied(query, input, as);
    expect(actual).toEqual(expected);
  }

  return { call, ok, refused, denied, expectRefusedFor };
}

/** The `{ code, principle }` of a shield refusal (`denied`); FORBIDDEN unless told. */
export interface Refusal {
  code: string;
  principle: string | null;
}
export const forbidden = (principle: string): Refusal => ({ code: 'FORBIDDEN', principle });

/** `{ login: forbidden(principle) }` for each of `callers` — one row of a permission matrix. */
export const forbiddenFor = (principle: string, ...callers: string[]): Record<string, Refusal> =>
  Object.fromEntries(callers.map((as) => [as, forbidden(principle)]));

/**
 * The refusal of a response, wherever it comes (issue 11 item 4): the first user error of the (first)
 * mutation payload, else the first top-level error's extensions — `{ code, principle, field, reason }`.
 */
export function refusalOf(res: GraphQLResponse<unknown>): Record<string, unknown> | undefined {
  const data = (res.data ?? {}) as Record<string, { userErrors?: Record<string, unknown>[] } | null>;
  const payload = Object.values(data)[0];
  return payload?.userErrors?.[0] ?? res.errors?.[0]?.extensions;
}
