import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Throttles repeated failed logins for one login name (and one client address), so passwords cannot be
 * guessed quickly. In-process memory; a multi-instance deployment swaps in RateLimiterRedis.
 */
export class LoginThrottle {
  private readonly byLogin: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(maxFailures: number, blockSeconds: number) {
    this.byLogin = new RateLimiterMemory({
      points: maxFailures,
      duration: blockSeconds,
      blockDuration: blockSeconds,
    });
    this.byAddress = new RateLimiterMemory({
      points: maxFailures * 20,
      duration: blockSeconds,
      blockDuration: blockSeconds,
    });
  }

  /** Seconds until the caller may try again, or 0. */
  async retryAfter(login: string, address: string): Promise<number> {
    const [a, b] = await Promise.all([this.byLogin.get(login.toLowerCase()), this.byAddress.get(address)]);
    const blocked = [a, b].filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0);
    return blocked.length === 0 ? 0 : Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
  }

  async recordFailure(login: string, address: string): Promise<void> {
    await Promise.all([this.byLogin.penalty(login.toLowerCase(), 1), this.byAddress.penalty(address, 1)]);
  }

  async recordSuccess(login: string): Promise<void> {
    await this.byLogin.delete(login.toLowerCase());
  }
}
