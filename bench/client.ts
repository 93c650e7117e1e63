import type { Sample } from './stats';

export interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { sqlStatements?: number };
}

export interface TimedResponse<T> {
  sample: Sample;
  body: GraphQLBody<T>;
  /** The raw response text (for comparisons outside the timed part). */
  text: string;
}

/**
 * Sends GraphQL requests over HTTP like a client would (fetch, keep-alive). The clock covers sending,
 * the server's work and reading the whole body; parsing the JSON happens after the clock stops, so the
 * client's own parsing is not billed to the server (both share this process).
 */
export class GraphQLClient {
  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  withToken(token: string): GraphQLClient {
    return new GraphQLClient(this.url, token);
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<TimedResponse<T>> {
    const started = performance.now();
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const body = JSON.parse(text) as GraphQLBody<T>;
    if (!res.ok || (body.errors && body.errors.length > 0)) {
      throw new Error(`GraphQL request failed (HTTP ${res.status}): ${text.slice(0, 500)}`);
    }
    return {
      sample: { ms, statements: body.extensions?.sqlStatements ?? null, bytes: Buffer.byteLength(text) },
      body,
      text,
    };
  }
}
