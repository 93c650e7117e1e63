import { Foundation1763780000000 } from './1763780000000-foundation';

/** Migrations in order. New ones are appended; applied ones are never edited. */
export const migrations = [Foundation1763780000000];
