import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The V8 garbage collector of the bench's own process, exposed at run time (no --expose-gc on the command
 * line): a full collection, or null when V8 does not expose it.
 */
export function exposeGc(): (() => void) | null {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : null;
}
