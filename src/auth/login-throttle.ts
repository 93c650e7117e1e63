import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failures are remembered this long after the first one of a series (then the series starts over). */
const FAILURE_MEMORY_SECONDS = 24 * 3600;
/** The address allowance is this many times the allowance of one login from one address. */
const ADDRESS_FACTOR = 20;

/**
 * Exponential back-off for one key: the first `free` failures cost nothing, then each failure makes
 * the key wait 1 s, 2 s, 4 s … up to `capSeconds`. A success forgets the series.
 */
class BackOff {
  private readonly failures: RateLimiterMemory;
  private readonly waits: RateLimiterMemory;

  constructor(
    name: string,
    private readonly free: number,
    private readonly capSeconds: number,
  ) {
    this.failures = new RateLimiterMemory({
      keyPrefix: `${name}-failures`,
      points: Number.MAX_SAFE_INTEGER,
      duration: FAILURE_MEMORY_SECONDS,
    });
    this.waits = new RateLimiterMemory({ keyPrefix: `${name}-wait`, points: 1, duration: 1 });
  }

  /** Milliseconds the key still has to wait, or 0. */
  async waitMs(key: string): Promise<number> {
    const res = await this.waits.get(key);
    return res && res.consumedPoints > 1 ? Math.max(res.msBeforeNext, 0) : 0;
  }

  /** Records a failure; returns the wait it now imposes, in seconds. */
  async fail(key: string): Promise<number> {
    const { consumedPoints: n } = await this.failures.penalty(key, 1);
    if (n < this.free) return 0;
    const seconds = Math.min(this.capSeconds, 2 ** Math.min(n - this.free, 30));
    await this.waits.block(key, seconds);
    return seconds;
  }

  async forget(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.waits.delete(key)]);
  }
}

/**
 * Issue 8 item 12: throttles failed sign-ins per (login, client address) and per client address, with
 * exponential back-off instead of a lock. Wrong passwords from one address never stop the right
 * password from another address, and a waiting caller spends no password hashing. `maxFailures` is
 * the free allowance of one login from one address (an address gets 20 times as many across logins);
 * `blockSeconds` caps the back-off. In-process memory: a multi-instance deployment would swap in
 * RateLimiterRedis (same library).
 */
export class LoginThrottle {
  private readonly byLoginAndAddress: BackOff;
  private readonly byAddress: BackOff;

  constructor(maxFailures: number, blockSeconds: number) {
    this.byLoginAndAddress = new BackOff('login-address', maxFailures, blockSeconds);
    this.byAddress = new BackOff('address', maxFailures * ADDRESS_FACTOR, blockSeconds);
  }

  private static pair(login: string, address: string): string {
    return `${login.toLowerCase()}\u0000${address}`;
  }

  /** Seconds until the caller may try again, or 0. */
  async retryAfter(login: string, address: string): Promise<number> {
    const waits = await Promise.all([
      this.byLoginAndAddress.waitMs(LoginThrottle.pair(login, address)),
      this.byAddress.waitMs(address),
    ]);
    return Math.ceil(Math.max(...waits) / 1000);
  }

  /** Records a failed sign-in; returns the back-off it now imposes on this login from this address. */
  async recordFailure(login: string, address: string): Promise<number> {
    const [pair] = await Promise.all([
      this.byLoginAndAddress.fail(LoginThrottle.pair(login, address)),
      this.byAddress.fail(address),
    ]);
    return pair;
  }

  async recordSuccess(login: string, address: string): Promise<void> {
    await this.byLoginAndAddress.forget(LoginThrottle.pair(login, address));
  }
}
