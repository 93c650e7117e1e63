/** Escapes LIKE wildcards in user text, for `ILIKE '%' || text || '%'` filters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A filter id that names no visible object matches nothing (reads like a missing one, P6). */
export const NO_ID = '00000000-0000-0000-0000-000000000000';
