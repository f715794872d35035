// How close the forecast peak hour comes to each API's rate limit. Assumptions, all explicit:
// - a channel is pulled `pullsPerHour` times an hour (cron every 5 minutes: 12), and each pull
//   costs at least one request; its orders take ceil(orders per pull / pageSize) pages. Not
//   counted: overlap re-reads, token refreshes, follow-up requests for large orders, and
//   tracking or stock pushed back to the channel.
// - a target gets `requestsPerDelivery` requests per delivery (1; a target without idempotency
//   keys looks up before creating, up to 2) and each order of channel c makes as many deliveries
//   to it as the ledger's history shows (deliveries per order: routing plus later updates).
// - channels' peak hours are added as if they coincided, which overstates a target's peak.
// - a limit is compared over an hour, at its sustained rate (bursts and concurrency ignored).
import type { RateLimit } from '../connector-kit/index.js';

const HOUR_MS = 3_600_000;

export interface HourlyLimit {
  /** Sustained requests per hour. */
  perHour: number;
  /** The limit as configured, for people: "10 per 1 s". */
  text: string;
}

export type Verdict = 'ok' | 'tight' | 'binds' | 'unknown';

/** A limit binds below 1× the forecast; it is tight below this multiple (a promotion doubling orders would hit it). */
export const TIGHT_BELOW = 2;

/**
 * A rate limit in either shape ordersync uses: a p-queue's `{ intervalCap, interval }` (targets,
 * config `rateLimit`) or a token bucket's `{ ratePerSecond, burst }` (e.g. Amazon's usage plans).
 * Anything else is not a limit we can compare against: undefined.
 */
export function hourlyLimitOf(value: unknown): HourlyLimit | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const limit = value as Partial<RateLimit & { ratePerSecond: number; burst: number }>;
  if (isPositive(limit.intervalCap) && isPositive(limit.interval)) {
    return { perHour: (limit.intervalCap * HOUR_MS) / limit.interval, text: `${limit.intervalCap} per ${describeInterval(limit.interval)}` };
  }
  if (isPositive(limit.ratePerSecond)) {
    const burst = isPositive(limit.burst) ? `, burst ${limit.burst}` : '';
    return { perHour: limit.ratePerSecond * 3600, text: `${limit.ratePerSecond}/s${burst}` };
  }
  return undefined;
}

/** Requests a channel's pulls make in an hour with `orders` orders arriving in it. */
export function channelRequests(orders: number, pageSize: number, pullsPerHour: number): number {
  return pullsPerHour * Math.max(1, Math.ceil(orders / pullsPerHour / pageSize));
}

/**
 * The largest multiple of `orders` the channel's limit still carries (Infinity with no orders,
 * 0 when the pulls alone exceed it): the m for which channelRequests(m · orders) ≤ perHour.
 */
export function channelHeadroom(orders: number, pageSize: number, pullsPerHour: number, perHour: number): number {
  const pagesPerPull = Math.floor(perHour / pullsPerHour);
  if (pagesPerPull < 1) return 0;
  if (orders <= 0) return Infinity;
  return (pagesPerPull * pullsPerHour * pageSize) / orders;
}

/** Requests to one target in the peak hour: Σ over channels of orders × deliveries per order × requests per delivery. */
export function targetRequests(ordersByChannel: Readonly<Record<string, number>>, deliveriesPerOrder: Readonly<Record<string, number>>, requestsPerDelivery = 1): number {
  return Object.entries(ordersByChannel).reduce((sum, [channel, orders]) => sum + orders * (deliveriesPerOrder[channel] ?? 0) * requestsPerDelivery, 0);
}

/** The multiple of the forecast a linear demand can grow by before reaching the limit. */
export function targetHeadroom(requests: number, perHour: number): number {
  return requests > 0 ? perHour / requests : Infinity;
}

export function verdictOf(headroom: number | undefined): Verdict {
  if (headroom === undefined) return 'unknown';
  if (headroom < 1) return 'binds';
  return headroom < TIGHT_BELOW ? 'tight' : 'ok';
}

function describeInterval(ms: number): string {
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
