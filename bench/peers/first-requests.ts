import { GraphQLClient } from '../client';
import { LOGIN, type LoginData } from '../queries';
import type { ServerProcess } from './processes';
import type { Workload } from './workloads';

/**
 * Fresh starts of Jixiao whose first requests are timed, the bench's main process included
 * (BENCH_FIRST_STARTS, default 5): one request after start is one sample, and on a shared 2-core machine
 * one sample moves by half its size from run to run (a first W1 request 16.7–41.5 ms in five starts of
 * bench/peers/probe.ts), so the figure compared with the warm yardstick is the median over the starts.
 * Five, not three: with three, one slow start besides the measured process's (whose first W3 request
 * computes, the database being new) decided the median (W3's fresh starts 53.3, 21.7, 17.1, 15.3 ms in one
 * run of session 18).
 */
export const firstRequestStarts = () => Math.max(1, Number(process.env.BENCH_FIRST_STARTS ?? 5));

/**
 * Issue 18 ("the first request after start within 3× of a warm one"): `starts` more Jixiao processes, one
 * after another, each started as the main one was (`start`), signed in as the same user, then each
 * workload's first request timed by the bench's client, followed by a second one as in the main
 * sequence; the process is stopped before the next starts. Returns each workload's first-request times.
 */
export async function firstRequestsOfFreshStarts(options: {
  starts: number;
  start: (index: number) => Promise<ServerProcess>;
  login: { tenant: string; login: string; password: string };
  workloads: Workload[];
  log: (line: string) => void;
}): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = Object.fromEntries(options.workloads.map((w) => [w.key, []]));
  // SQL statements of each start's first requests (the log: a computed answer runs more than a reused one).
  const statements: Record<string, (number | null)[]> = Object.fromEntries(
    options.workloads.map((w) => [w.key, []]),
  );
  for (let index = 0; index < options.starts; index += 1) {
    const proc = await options.start(index);
    try {
      const anonymous = new GraphQLClient(proc.url);
      const signIn = await anonymous.request<LoginData>(LOGIN, { input: options.login });
      const token = signIn.body.data?.login.token;
      if (!token) throw new Error(`login failed: ${signIn.text.slice(0, 300)}`);
      const api = anonymous.withToken(token);
      for (const w of options.workloads) {
        const first = await api.request<unknown>(w.jixiao.query, w.jixiao.variables);
        times[w.key].push(Math.round(first.sample.ms * 10) / 10);
        statements[w.key].push(first.sample.statements);
        await api.request<unknown>(w.jixiao.query, w.jixiao.variables);
      }
      options.log(
        `fresh start ${index + 2}: first requests ${options.workloads.map((w) => `${w.key} ${times[w.key][index]} ms (${statements[w.key][index]} SQL)`).join(', ')}`,
      );
    } finally {
      await proc.stop();
    }
  }
  return times;
}
