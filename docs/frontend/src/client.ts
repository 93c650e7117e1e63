import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { getFragmentData } from './gql';
import { GoalRowFragmentDoc, GoalsDocument, MeDocument, SignInDocument } from './gql/graphql';

/**
 * A framework-free typed client over the generated documents: variables and results are checked by
 * TypeScript against schema/schema.graphql. Apollo Client, urql and graphql-request accept the same
 * TypedDocumentNode objects directly.
 */
export async function request<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token?: string,
): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as {
    data?: Result;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length)
    throw new Error(body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; '));
  if (!body.data) throw new Error(`no data (HTTP ${response.status})`);
  return body.data;
}

/**
 * Signs in, then lists the first page of goals: every name below is typed from the schema. With several
 * cities in one deployment, add the city's code to the input, e.g. `tenant: '370300'`.
 */
export async function example(url: string, login: string, password: string): Promise<string[]> {
  const signIn = await request(url, SignInDocument, { input: { login, password } });
  const session = signIn.login;
  if (!session.token) throw new Error(session.userErrors.map((e) => `${e.code}: ${e.messageEn}`).join('; '));
  const { me } = await request(url, MeDocument, {}, session.token);
  const { goals } = await request(url, GoalsDocument, { first: 20 }, session.token);
  const rows = goals.edges.map((edge) => getFragmentData(GoalRowFragmentDoc, edge.node));
  // annualAmount is a decimal string (or null): never parseFloat money.
  return rows.map((goal) => `${me.organization.name}: ${goal.name} (${goal.annualAmount ?? '—'})`);
}
