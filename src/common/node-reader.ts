import { fromGlobalId } from './global-id';
import type { RequestContext } from './request-context';

/**
 * Reading an object by its global id (DOMAIN §16), shared by `node(id)` and the links that name an object of
 * one of several types (a ranking's subject, a recommendation's basis; issue 11 item 7), so that both read
 * it the same way: through the request's scoped loaders, null when missing or out of jurisdiction (P6).
 * Modules do not import one another for this: the composition root (src/app/node.resolver.ts) registers
 * how each type is read, and common/ imports no module (issue 10 item 1).
 */
export type NodeReader = (ctx: RequestContext, id: string) => Promise<object | null | undefined> | null;

const readers = new Map<string, NodeReader>();

/** Registers how objects of `type` are read by their uuid (once per type, at composition). */
export function registerNodeReaders(byType: Record<string, NodeReader>): void {
  for (const [type, read] of Object.entries(byType)) readers.set(type, read);
}

/**
 * The object a global id names, as `node(id)` reads it; null when the id is malformed, names a type
 * outside `types` (when given) or not registered, or the object is missing or out of the caller's view.
 */
export async function readNode(
  ctx: RequestContext,
  globalId: string,
  types?: readonly string[],
): Promise<object | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed || (types && !types.includes(parsed.type))) return null;
  const read = readers.get(parsed.type);
  return read ? ((await read(ctx, parsed.id)) ?? null) : null;
}
