import type { RequestHandler, Response } from 'express';
import type { DataSource } from 'typeorm';
import { RETRY_AFTER_UNAVAILABLE_SECONDS, unavailableError } from '../db/db-errors';

/** The size of the API pool (createDataSource's `max`), else `fallback`. */
export function poolSize(dataSource: DataSource, fallback: number): number {
  const max = (dataSource.options as { extra?: { max?: unknown } }).extra?.max;
  return typeof max === 'number' && max > 0 ? max : fallback;
}

/** 503 SERVICE_UNAVAILABLE with Retry-After, in the GraphQL error shape: nothing ran for this request. */
export function sendUnavailable(res: Response): void {
  const error = unavailableError();
  res.setHeader('retry-after', String(RETRY_AFTER_UNAVAILABLE_SECONDS));
  res.status(503).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

/** Why a waiting request was refused (the `reason` of jixiao_requests_refused_total). */
export type RefusalReason = 'queue_full' | 'stalled' | 'waited_too_long' | 'shutting_down';

export interface AdmissionOptions {
  /** Requests served at once (REQUEST_CONCURRENCY; by default the pool's size, DB_POOL_SIZE). */
  concurrency: number;
  /** Requests that may wait for a turn (REQUEST_QUEUE_LIMIT); one more is refused at once. */
  queueLimit: number;
  /**
   * A waiting request is refused when no request has finished for this long (DB_POOL_ACQUIRE_TIMEOUT_MS):
   * the requests being served are stuck (a held lock, a database that does not answer), not just many.
   */
  stallMs: number;
  /** The longest wait in any case (REQUEST_QUEUE_TIMEOUT_MS). */
  maxWaitMs: number;
}

interface Waiter {
  since: number;
  admit: () => void;
  refuse: (reason: RefusalReason) => void;
}

/**
 * Issue 18 (W4, a burst of submissions): the requests that need the database take turns in arrival
 * order, at most `concurrency` at once (each holds at most one pooled connection), before their body is
 * read. A burst of 500 submissions at a deadline is therefore served in full, the last ones later,
 * instead of the late ones being refused by the pool after DB_POOL_ACQUIRE_TIMEOUT_MS while the service
 * is working through the others: waiting is refused only when the service makes no progress (no request
 * finished for `stallMs`: stuck, not busy), past `maxWaitMs`, or beyond `queueLimit` waiting. Those
 * refusals are 503 SERVICE_UNAVAILABLE with Retry-After, as the pool's (nothing has run, so nothing is
 * half-written).
 *
 * Hand-written (under two hundred lines): the progress rule (refuse when nothing finishes, not after a
 * fixed wait) is not offered by the queue libraries (p-queue, p-limit, async-sema time out the work or
 * not at all), and this one is tested on its own and through the server (test/transport/admission*.test.ts).
 */
export class AdmissionQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private lastProgress = performance.now();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  readonly refused: Record<RefusalReason, number> = {
    queue_full: 0,
    stalled: 0,
    waited_too_long: 0,
    shutting_down: 0,
  };

  constructor(private readonly options: AdmissionOptions) {}

  get stats(): { running: number; waiting: number; concurrency: number } {
    return { running: this.running, waiting: this.waiting.length, concurrency: this.options.concurrency };
  }

  /**
   * A turn: `turn` resolves with its release (call it once, when the request has finished) or rejects
   * when the request is refused; `cancel` takes a request that stopped waiting (its client went away)
   * out of the queue.
   */
  enter(): { turn: Promise<() => void>; cancel: () => void } {
    const none = () => undefined;
    if (this.closed) return { turn: Promise.reject(this.refuse('shutting_down')), cancel: none };
    if (this.running < this.options.concurrency && this.waiting.length === 0)
      return { turn: Promise.resolve(this.take()), cancel: none };
    if (this.waiting.length >= this.options.queueLimit)
      return { turn: Promise.reject(this.refuse('queue_full')), cancel: none };
    let waiter!: Waiter;
    const turn = new Promise<() => void>((resolve, reject) => {
      waiter = {
        since: performance.now(),
        admit: () => resolve(this.take()),
        refuse: (reason) => reject(this.refuse(reason)),
      };
    });
    this.waiting.push(waiter);
    this.schedule();
    const cancel = () => {
      const index = this.waiting.indexOf(waiter);
      if (index < 0) return;
      this.waiting.splice(index, 1);
      this.schedule();
    };
    return { turn, cancel };
  }

  /** Shutdown: every waiting request is refused, and so is every later one. */
  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.refuse('shutting_down');
    this.clearTimer();
  }

  /** Express middleware: the request goes on with a turn, or gets 503 with Retry-After. */
  readonly gate: RequestHandler = (_req, res, next) => {
    let release: (() => void) | null = null;
    let gone = false;
    const { turn, cancel } = this.enter();
    res.once('close', () => {
      gone = true;
      if (release) release();
      else cancel();
    });
    turn.then(
      (r) => {
        if (gone) {
          r();
          return;
        }
        release = r;
        next();
      },
      () => {
        if (!gone) sendUnavailable(res);
      },
    );
  };

  private take(): () => void {
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.lastProgress = performance.now();
      const next = this.waiting.shift();
      if (next) next.admit();
      this.schedule();
    };
  }

  private refuse(reason: RefusalReason): Error {
    this.refused[reason] += 1;
    return new Error(`request not admitted: ${reason}`);
  }

  /** One timer for the whole queue: the oldest waiter's deadline (they are in arrival order). */
  private schedule(): void {
    this.clearTimer();
    const oldest = this.waiting[0];
    if (!oldest) return;
    const deadline = this.deadline(oldest);
    this.timer = setTimeout(() => this.expire(), Math.max(0, deadline - performance.now()) + 1);
    this.timer.unref();
  }

  private deadline(w: Waiter): number {
    const stalled = Math.max(w.since, this.lastProgress) + this.options.stallMs;
    return Math.min(stalled, w.since + this.options.maxWaitMs);
  }

  private expire(): void {
    this.timer = null;
    const now = performance.now();
    while (this.waiting.length > 0 && this.deadline(this.waiting[0]) <= now) {
      const w = this.waiting.shift()!;
      w.refuse(w.since + this.options.maxWaitMs <= now ? 'waited_too_long' : 'stalled');
    }
    this.schedule();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
