// ShipBob's documented limiter: 150 requests per minute, sliding window, per user per
// application, across every ShipBob API (https://developer.shipbob.com/rate-limit).

export interface SlidingWindowOptions {
  limit: number;
  windowMs: number;
  now: () => number;
}

export type WindowDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly options: SlidingWindowOptions) {}

  /** Counts the request if it fits the window; a refused request is not counted. */
  take(key: string): WindowDecision {
    const now = this.options.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.options.windowMs);
    this.hits.set(key, recent);
    if (recent.length >= this.options.limit) {
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.options.windowMs - now) / 1000)) };
    }
    recent.push(now);
    return { allowed: true, remaining: this.options.limit - recent.length };
  }

  reset(): void {
    this.hits.clear();
  }
}
