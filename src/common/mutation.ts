import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import type { RequestContext } from './request-context';
import { databaseUserError } from './database-errors';
import { ErrorCode, type Message } from './errors';
import { userError, UserErrorsAbort, type UserError } from './user-error';

/** What a database constraint means to the person who broke it: the code, the input field, the sentence. */
export interface ConstraintMeaning {
  code: ErrorCode;
  field: string[];
  message: Message;
}

export type ConstraintMeanings = Record<string, ConstraintMeaning>;

interface DriverError {
  code?: string;
  constraint?: string;
}

function meaningOf(error: unknown, meanings: ConstraintMeanings): UserError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as DriverError;
  const meaning = driver.constraint ? meanings[driver.constraint] : undefined;
  return meaning ? userError(meaning.code, meaning.field, meaning.message) : null;
}

/**
 * Runs a mutation in its own savepoint (STYLE principle 7). Expected failures — user errors thrown with
 * `abortWith`, a constraint the module maps, or any other integrity/data refusal of the database
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
    if (error instanceof UserErrorsAbort)
      return { userErrors: error.userErrors } as Partial<R> & { userErrors: UserError[] };
    const known = meaningOf(error, meanings) ?? databaseUserError(error, ctx.services.dataSource);
    if (known) return { userErrors: [known] } as Partial<R> & { userErrors: UserError[] };
    throw error;
  }
}

/** Collects user errors while validating an input, then aborts with all of them at once. */
export class Validation {
  private readonly errors: UserError[] = [];

  add(code: ErrorCode, field: string[], message: Message): void {
    this.errors.push(userError(code, field, message));
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Aborts the mutation when anything was added. */
  check(): void {
    if (this.errors.length > 0) throw new UserErrorsAbort(this.errors);
  }
}
