import { rowsOf, type SeedDb } from './db';

/**
 * Issue 14 (benchmark generators): bulk loads leave the reporting facts to one set-based rebuild at their
 * end (migration ReportingFactBulkLoad1763894000000). Only an OWNER session can defer them: for any other
 * session the setting is ignored and the fact triggers run as always.
 */
const SETTING = 'jixiao.reporting_facts';

/** Whether this session's fact triggers are deferred now. */
export async function reportingFactsDeferred(db: SeedDb): Promise<boolean> {
  const [row] = rowsOf(await db.query(`SELECT current_setting('${SETTING}', true) AS v`)) as {
    v: string | null;
  }[];
  return row?.v === 'deferred';
}

/** Defers the fact triggers for the rest of the session (owner connection). */
export async function deferReportingFacts(db: SeedDb): Promise<void> {
  await db.query(`SELECT set_config('${SETTING}', 'deferred', false)`);
}

/** Turns the fact triggers back on for the session. */
export async function resumeReportingFacts(db: SeedDb): Promise<void> {
  await db.query(`SELECT set_config('${SETTING}', '', false)`);
}

/** Rebuilds one tenant's facts from the base tables in one statement; returns the fact rows and the time. */
export async function rebuildReportingFacts(
  db: SeedDb,
  tenantId: string,
): Promise<{ facts: number; ms: number }> {
  const started = performance.now();
  const [row] = rowsOf(await db.query('SELECT reporting_rebuild_facts($1)::int AS facts', [tenantId])) as {
    facts: number;
  }[];
  return { facts: row.facts, ms: Math.round(performance.now() - started) };
}

/**
 * Runs `load` with the fact triggers deferred (unless the caller deferred them already: then it stays so
 * and the caller rebuilds), then rebuilds `tenantId`'s facts once.
 */
export async function withReportingFactsDeferred<T>(
  db: SeedDb,
  tenantId: () => string,
  load: () => Promise<T>,
): Promise<{ result: T; rebuildMs: number }> {
  const outer = await reportingFactsDeferred(db);
  if (!outer) await deferReportingFacts(db);
  let result: T;
  try {
    result = await load();
  } finally {
    if (!outer) await resumeReportingFacts(db);
  }
  const { ms } = await rebuildReportingFacts(db, tenantId());
  return { result, rebuildMs: ms };
}
