import type { AppConfig } from '../config/config';

/** The hashing queue is full: the sign-in is refused at once (RATE_LIMITED), nothing is hashed. */
export class HashingBusy extends Error {}

/**
 * Issue 8 item 12: a counting semaphore capping the argon2 computations running at once (each costs
 * ~19 MiB and tens of milliseconds of a core), so a flood of sign-ins cannot starve other requests.
 * Callers beyond the cap wait in a bounded queue, first come first served; beyond the queue they are
 * refused. `peak` is the highest number ever running at once (tests, monitoring).
 */
export class HashSlots {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  peak = 0;

  constructor(
    readonly limit: number,
    readonly queueLimit: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.queue.length >= this.queueLimit) throw new HashingBusy();
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running += 1;
    }
    this.peak = Math.max(this.peak, this.running);
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      // The slot passes straight to the next waiter; `running` stays the same.
      if (next) next();
      else this.running -= 1;
    }
  }
}

const slotsOf = new WeakMap<AppConfig, HashSlots>();

/** The hashing slots of one running service (one per configuration: LOGIN_HASH_CONCURRENCY, _QUEUE). */
export function hashSlots(config: AppConfig): HashSlots {
  let slots = slotsOf.get(config);
  if (!slots) {
    slots = new HashSlots(config.LOGIN_HASH_CONCURRENCY, config.LOGIN_HASH_QUEUE);
    slotsOf.set(config, slots);
  }
  return slots;
}
