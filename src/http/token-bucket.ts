// A token bucket (rate per second, burst size) that callers wait on before a request, so a
// connector paces itself to an API's published limit instead of waiting to be throttled.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  /** Waits until a token is free, then spends it. */
  async take(cost = 1): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= cost) {
        this.tokens -= cost;
        return;
      }
      const waitMs = Math.ceil(((cost - this.tokens) / this.ratePerSecond) * 1000);
      await this.clock.sleep(waitMs);
    }
  }

  /** Tells the bucket what the API reports, when it reports it. */
  observe(available: number): void {
    this.refill();
    this.tokens = Math.min(this.burst, available);
  }

  get available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
  }
}
