import type { TestApp } from './app';
import type { UserErrorRow } from './mutations';

/**
 * `availableActions` as the API gives it on every workflow object (issue 11 item 2; DOMAIN §7 "every
 * workflow object tells the caller which actions it may take"); `requires` only where it is selected.
 */
export interface Availability {
  action: string;
  allowed: boolean;
  code: string | null;
  principle: string | null;
  requires?: string | null;
  details: string[];
}

/** The `availableActions` selection; `withRequires` adds the field to fill first. */
export const availableActionsSelection = (withRequires = false) =>
  `availableActions { action allowed code principle${withRequires ? ' requires' : ''} details }`;

export type ActionsObject = { id: string; rowVersion: number; availableActions: Availability[] };
export type ActionsPayload<T = ActionsObject> = Record<string, T | null> & { userErrors: UserErrorRow[] };

/**
 * The helpers every `*-actions-api` test uses: `call` runs a mutation as `as` and returns its payload
 * (when there is none — a top-level error — it throws, or with `errorsAsUserErrors` returns the errors'
 * extensions as `userErrors`); `actions` reads an object by `{ id }` with `query` and returns its
 * available actions by name, throwing when the caller does not see it.
 */
export function actionsApi<P = ActionsPayload>(app: () => TestApp, o: { errorsAsUserErrors?: boolean } = {}) {
  async function call(query: string, input: Record<string, unknown>, as: string): Promise<P> {
    const res = await app().gql<Record<string, P>>(query, { input }, { as });
    const payload = Object.values(res.data ?? {})[0];
    if (payload) return payload;
    if (o.errorsAsUserErrors)
      return { userErrors: (res.errors ?? []).map((e) => e.extensions as unknown as UserErrorRow) } as P;
    throw new Error(JSON.stringify(res.errors));
  }

  async function actions(query: string, id: string, as: string): Promise<Record<string, Availability>> {
    const res = await app().gql<Record<string, { availableActions: Availability[] } | null>>(
      query,
      { id },
      { as },
    );
    const obj = Object.values(res.data ?? {})[0];
    if (!obj) throw new Error(`not visible to ${as}: ${JSON.stringify(res)}`);
    return Object.fromEntries(obj.availableActions.map((a) => [a.action, a]));
  }

  return { call, actions };
}
