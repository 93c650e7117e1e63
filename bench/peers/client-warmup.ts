import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLClient } from '../client';

/** Requests the bench's client sends to its own stand-in before any first request is timed. */
export const CLIENT_WARMUP_REQUESTS = 300;

/**
 * Issue 18 ("the first request after start within 3× of a warm one"): the bench's own HTTP client —
 * fetch (undici) in this process, the same `GraphQLClient` that times first and warm requests — is
 * warmed before the first requests are timed, so that a first request's time is the server's first
 * request and not the client's: with only the sign-in behind it, the client's first large response cost
 * ~8 ms of its own (in bench/peers/probe.ts, a first W1 request took 26.0 ms by the client and 18.0 ms from
 * its arrival at the server to its last byte; with the client warmed, 20.4 against 17.3 ms).
 *
 * The client talks to a stand-in of its own — a plain node:http server in this process, on a port of its
 * own, answering every POST with one fixed GraphQL-shaped JSON body of about the size of the answers
 * timed (`bytes`) — never to a measured server: no code of Jixiao or PostGraphile runs, nothing of theirs
 * is warmed, cached or compiled by it. Closed when done.
 */
export async function warmClient(
  requests = CLIENT_WARMUP_REQUESTS,
  bytes = 20_000,
): Promise<{ requests: number; ms: number }> {
  const started = performance.now();
  const body = standInBody(bytes);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const client = new GraphQLClient(`http://127.0.0.1:${port}/graphql`, 'client-warmup');
    for (let i = 0; i < requests; i += 1)
      await client.request<unknown>('query ClientWarmup($i: Int) { __typename }', { i });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { requests, ms: Math.round(performance.now() - started) };
}

/** `{"data":{"nodes":[…]}}` of about `bytes` bytes, Chinese names included, as the answers timed are. */
function standInBody(bytes: number): string {
  const nodes: { id: string; name: string; total: string }[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const node = {
      id: `UGVyZm9ybWFuY2VHb2FsOj${i}`,
      name: `区域绩效目标 ${i}`,
      total: `${80 + (i % 20)}.50`,
    };
    nodes.push(node);
    size += Buffer.byteLength(JSON.stringify(node)) + 1;
  }
  return JSON.stringify({ data: { nodes } });
}
