import 'reflect-metadata';
import { Client } from 'pg';
import pino from 'pino';
import { loggerOptions } from '../../src/auth/log-redaction';
import type { RunningServer } from '../../src/app/server';
import type { AppServices } from '../../src/common/request-context';
import { parseConfig } from '../../src/config/config';
import { startTestService, stopTestService } from '../harness/app';
import type { TestDatabase } from '../harness/database';

export interface LoginAnswer {
  token: string | null;
  userErrors: { code: string; field: string[]; message: string; messageEn: string }[];
}

export const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { token userErrors { code field message messageEn } }
}`;

/**
 * The real service like TestApp, but its logger is the service's own (loggerOptions, level trace)
 * writing every line into `lines`, and requests may carry any header (X-Forwarded-For).
 */
export class LoggedApp {
  readonly lines: string[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly owner: Client,
    readonly services: AppServices,
    readonly server: RunningServer,
    lines: string[],
  ) {
    this.lines = lines;
  }

  static async start(env: Record<string, string> = {}): Promise<LoggedApp> {
    const config = parseConfig({ NODE_ENV: 'test', ...env });
    const lines: string[] = [];
    const logger = pino(loggerOptions('trace'), { write: (line: string) => void lines.push(line) });
    const s = await startTestService(config, logger);
    return new LoggedApp(s.db, s.owner, s.services, s.server, lines);
  }

  async stop(): Promise<void> {
    await stopTestService(this);
  }

  /** One GraphQL request over HTTP; returns the raw body text too (to scan it). */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<{ body: { data?: T; errors?: { extensions?: Record<string, unknown> }[] }; text: string }> {
    const res = await fetch(this.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { body: JSON.parse(text) as { data?: T }, text };
  }

  async signIn(
    input: { login: string; password: string; tenant?: string },
    headers: Record<string, string> = {},
  ): Promise<LoginAnswer> {
    const { body } = await this.gql<{ login: LoginAnswer }>(LOGIN, { input }, headers);
    if (!body.data) throw new Error(`login failed: ${JSON.stringify(body)}`);
    return body.data.login;
  }

  async sql<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return (await this.owner.query<R>(text, params)).rows;
  }
}

/** The message's seconds of a RATE_LIMITED back-off answer. */
export function waitSeconds(answer: LoginAnswer): number {
  const error = answer.userErrors[0];
  const seconds = /try again in (\d+) seconds/.exec(error?.messageEn ?? '')?.[1];
  if (error?.code !== 'RATE_LIMITED' || seconds === undefined) {
    throw new Error(`not a back-off answer: ${JSON.stringify(answer)}`);
  }
  return Number(seconds);
}
