// Client-side view of Shopify's cost bucket. Every response reports
// extensions.cost.throttleStatus {maximumAvailable, currentlyAvailable, restoreRate}; before the
// next query we work out what the bucket holds by now and wait for the shortfall, so a pull paces
// itself instead of collecting THROTTLED answers.
// https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
import type { Clock } from '../../src/connector-kit/index.js';
import type { ShopifyThrottleStatus } from './types.js';

export class CostBudget {
  private status: ShopifyThrottleStatus | undefined;
  private observedAt = 0;
  /** Total time spent waiting for the bucket, for logs and tests. */
  waitedMs = 0;

  constructor(private readonly clock: Clock) {}

  /** Records what the API reported. */
  observe(status: ShopifyThrottleStatus): void {
    this.status = status;
    this.observedAt = this.clock.now();
  }

  /** Points the bucket holds now, by the last report plus what has been restored since. */
  available(): number | undefined {
    if (!this.status) return undefined;
    const restored = ((this.clock.now() - this.observedAt) / 1000) * this.status.restoreRate;
    return Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + restored);
  }

  /** How long until `cost` points are available (0 when they are, or when nothing is known yet). */
  waitFor(cost: number): number {
    const available = this.available();
    if (available === undefined || !this.status || available >= cost) return 0;
    if (this.status.restoreRate <= 0) return 1000;
    // A cost above the bucket can never be served; wait for a full bucket and let the API decide.
    const needed = Math.min(cost, this.status.maximumAvailable) - available;
    return Math.max(0, Math.ceil((needed / this.status.restoreRate) * 1000));
  }

  /** Waits (on the context clock) until the bucket can cover `cost`. */
  async reserve(cost: number): Promise<number> {
    const wait = this.waitFor(cost);
    if (wait > 0) {
      this.waitedMs += wait;
      await this.clock.sleep(wait);
    }
    return wait;
  }
}
