import { createServer } from 'node:net';
import { ConfigError } from '../config/config';

/**
 * A start-up failure already phrased for the person starting the API: one sentence saying what is
 * wrong and what to do (issue 8, item 4c). `main` prints it without a stack trace.
 */
export class StartupError extends Error {}

/** Runs one start-up step; any failure becomes a StartupError naming the step, the cause and a fix. */
export async function during<T>(step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(explain(step, error), { cause: error });
  }
}

/** The sentence printed for any start-up failure (config errors come as several lines: joined). */
export function startupSentence(error: unknown, step = 'starting'): string {
  if (error instanceof StartupError) return oneLine(error.message);
  if (error instanceof ConfigError)
    return `${oneLine(error.message).replace(/:;\s*/, ': ').replace(/\.?$/, '')}; fix these environment variables (see .env.example).`;
  return explain(step, error);
}

/** Refuses early, with a sentence, when another program already listens on a port we need. */
export async function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  if (port === 0) return;
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
  if (!free)
    throw new StartupError(
      `Port ${port} on ${host} (${variable}) is already in use by another program: stop that program or set ${variable} to a free port.`,
    );
}

interface Failure {
  code?: string;
  message?: string;
  path?: string;
  address?: string;
  port?: number;
  hostname?: string;
  errors?: Failure[];
}

function explain(step: string, error: unknown): string {
  const e = (error ?? {}) as Failure;
  const inner = e.code ? e : (e.errors?.find((x) => x.code) ?? e); // AggregateError of IPv4 + IPv6 attempts
  const where = inner.address ? `${inner.address}:${inner.port}` : inner.hostname;
  const reason = oneLine(inner.message ?? String(error)).replace(/\.$/, '');
  switch (inner.code) {
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Start-up failed while ${step}: no PostgreSQL server answers at ${where} (${inner.code}); start that server or fix DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Start-up failed while ${step}: the database host ${where} is unknown (${inner.code}); fix the host in DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `Start-up failed while ${step}: the database refused the credentials (${reason}); fix the user and password in DATABASE_URL or APP_DATABASE_URL.`;
    case '3D000':
      return `Start-up failed while ${step}: ${reason}; create that database or fix DATABASE_URL.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Start-up failed while ${step}: permission denied on ${inner.path ?? 'a file'} (${inner.code}); make it writable for this user or point DATA_DIR / EMBEDDED_PG_DIR elsewhere.`;
    case 'EADDRINUSE':
      return `Start-up failed while ${step}: port ${inner.port} is already in use; stop the program using it or set PORT to a free port.`;
    default:
      return `Start-up failed while ${step}: ${reason}; fix the cause above and start again (LOG_LEVEL=debug prints the details).`;
  }
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('; ')
    .replace(/\s+/g, ' ');
}
