import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { constraintMeaning, constraintOf } from '../db/db-errors';
import type { RequestContext } from './request-context';
import { databaseProblem } from './database-errors';
import { ErrorCode, type Message } from './error-code';
import { problem, type Problem, type ProblemExtras } from './problem';
import { abort, refusalIn } from './refusal';
import { userErrorsOf, type UserError } from './user-error';

/** What a database constraint means to the person who broke it: the code, the input field, the sentence. */
export interface ConstraintMeaning extends ProblemExtras {
  code: ErrorCode;
  field: string[];
  message: Message;
}

export type ConstraintMeanings = Record<string, ConstraintMeaning>;

interface DriverError {
  code?: string;
  constraint?: string;
}

function meaningOf(error: unknown, meanings: ConstraintMeanings): Problem | null {
  if (!(error instanceof QueryFailedError)) return null;
  // On a Citus cluster the name comes in the message and carries the shard id (issue 17).
  const meaning = constraintMeaning(constraintOf(error.driverError as DriverError), meanings);
  return meaning ? problem(meaning.code, meaning.field, meaning.message, meaning) : null;
}

/**
 * Runs a mutation in its own savepoint (STYLE principle 7). Expected failures — any refusal
 * (`throw refusal(...)`, `abort(problems)`, refusal.ts), a constraint the module maps, or any other integrity/data refusal of the database
 * (database-errors.ts, issue 8 item 8) — roll the savepoint back and come back in the payload; nothing
 * is written. Anything else propagates as a typed error.
 */
export async function runMutation<R extends object>(
  ctx: RequestContext,
  meanings: ConstraintMeanings,
  work: (em: EntityManager) => Promise<R>,
): Promise<Partial<R> & { userErrors: UserError[] }> {
  try {
    const result = await ctx.db.savepoint(work);
    return { ...result, userErrors: [] };
  } catch (error) {
    const refused = refusalIn(error);
    if (refused?.belongsInPayload)
      return { userErrors: userErrorsOf(refused.problems) } as Partial<R> & { userErrors: UserError[] };
    const known = meaningOf(error, meanings) ?? databaseProblem(error, ctx.services.dataSource);
    if (known) return { userErrors: userErrorsOf([known]) } as Partial<R> & { userErrors: UserError[] };
    throw error;
  }
}

/** Collects user errors while validating an input, then aborts with all of them at once. */
export class Validation {
  private readonly problems: Problem[] = [];

  add(code: ErrorCode, field: string[], message: Message, extras: ProblemExtras = {}): void {
    this.problems.push(problem(code, field, message, extras));
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Aborts the mutation when anything was added. */
  check(): void {
    if (this.problems.length > 0) abort(this.problems);
  }
}
