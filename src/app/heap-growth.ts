import { setFlagsFromString } from 'node:v8';

/**
 * Issue 18 (server peak RSS < 512 MiB at city size): how far V8 lets the heap grow past the live data
 * after a full collection. V8's own factor on a machine with plenty of memory is up to 4×: under the city
 * benchmark's nested lists the API held 62–84 MB live and its heap grew to 270–345 MB before each full
 * collection (`--trace-gc`). At 200 % (3×) the peak RSS in `bench/peers/probe.ts` runs was 403–493 MiB
 * against 474–526 MiB, with server CPU per request unchanged within the machine's noise (README "CPU and
 * memory"). A heap limit (`--max-old-space-size`) does not do this: below 2 GB it also lowers V8's growth
 * factor to 1.3–2× and shrinks the young generation, and cost 25–48 % CPU on the heavy requests.
 *
 * The factor is read by V8 at each full collection, so setting it once at start takes effect for every
 * collection after. 0 leaves V8's own policy.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.floor(percent)}`);
}
