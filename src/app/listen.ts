import { createServer as createNetServer, isIPv6, type Server as NetServer } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';

/** HOST as a list: comma-separated addresses, duplicates dropped (issue 16 "Listening"). */
export function listenHosts(host: string): string[] {
  return [
    ...new Set(
      host
        .split(',')
        .map((h) => h.trim())
        .filter((h) => h.length > 0),
    ),
  ];
}

const LOOPBACKS = new Set(['127.0.0.1', '::1']);
const EVERYWHERE = new Set(['0.0.0.0', '::']);

/** The host to print in URLs: `localhost` when it reaches the server, else the first address. */
export function urlHost(hosts: string[]): string {
  if (hosts.some((h) => EVERYWHERE.has(h)) || (hosts.includes('127.0.0.1') && hosts.includes('::1'))) {
    return 'localhost';
  }
  return isIPv6(hosts[0]) ? `[${hosts[0]}]` : hosts[0];
}

function listenOn(server: Server | NetServer, port: number, host: string, ipv6Only: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ port, host, ipv6Only: ipv6Only && isIPv6(host) }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export interface Listening {
  port: number;
  hosts: string[];
  /** Closes the extra listeners (the HTTP server itself is closed by Apollo's drain plugin). */
  closeExtras: () => Promise<void>;
}

/**
 * Listens on every address of HOST with one port: the HTTP server on the first, plain TCP listeners on
 * the others that hand their connections to the same HTTP server (Node's documented 'connection'
 * injection), so draining and shutdown cover them all. By default that is both loopbacks, since
 * `localhost` resolves to ::1 first on dual-stack machines; a machine without IPv6 gets 127.0.0.1 only
 * (a warning), as a loopback missing there is not an error.
 */
export async function listenAll(
  httpServer: Server,
  hosts: string[],
  port: number,
  logger: Logger,
): Promise<Listening> {
  const several = hosts.length > 1;
  await listenOn(httpServer, port, hosts[0], several);
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const extras: NetServer[] = [];
  const bound = [hosts[0]];
  for (const host of hosts.slice(1)) {
    const extra = createNetServer((socket) => httpServer.emit('connection', socket));
    try {
      await listenOn(extra, boundPort, host, several);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (LOOPBACKS.has(host) && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) {
        logger.warn({ host, code }, 'loopback address not available on this machine: not listening on it');
        continue;
      }
      await Promise.all(extras.map((s) => new Promise((r) => s.close(r))));
      await new Promise((r) => httpServer.close(r));
      throw error;
    }
    extras.push(extra);
    bound.push(host);
  }
  return {
    port: boundPort,
    hosts: bound,
    closeExtras: async () => {
      await Promise.all(extras.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
