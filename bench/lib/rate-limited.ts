// Wraps a target mock (the webhook receiver) in a server-side rate limiter, the way real APIs
// meter callers. Both limits are the same meter, a leaky bucket: each request adds 1 to the
// bucket, the bucket leaks `leakPerSecond`, and a request that would overflow `capacity` is
// refused with 429 + Retry-After.
//  - `per-second`: capacity 10, leaking 10/s, announced in X-RateLimit-Limit / -Remaining /
//    -Reset (seconds until the bucket is empty again), like most REST APIs' "10 requests/s".
//  - `shopify`: capacity 40, leaking 2/s, announced in X-Shopify-Shop-Api-Call-Limit: 12/40 and
//    Retry-After: 2.0, as Shopify's REST Admin API does
//    (https://shopify.dev/docs/api/usage/limits#rest-admin-api-rate-limits).
import type { MockApi, MockResponse } from '../../src/mock/index.js';

export type LimiterStyle = 'per-second' | 'shopify';

export interface LimiterOptions {
  style: LimiterStyle;
  capacity: number;
  leakPerSecond: number;
}

export const PER_SECOND_10: LimiterOptions = { style: 'per-second', capacity: 10, leakPerSecond: 10 };
export const SHOPIFY_LEAKY_40: LimiterOptions = { style: 'shopify', capacity: 40, leakPerSecond: 2 };

export function withRateLimit(api: MockApi, options: LimiterOptions, now: () => number = Date.now): MockApi {
  let level = 0;
  let updatedAt = now();
  let admitted = 0;
  let refused = 0;
  const admittedAt: number[] = [];

  const leak = (): void => {
    const t = now();
    level = Math.max(0, level - ((t - updatedAt) / 1000) * options.leakPerSecond);
    updatedAt = t;
  };

  function headers(): Record<string, string> {
    const used = Math.ceil(level);
    if (options.style === 'shopify') return { 'x-shopify-shop-api-call-limit': `${used}/${options.capacity}` };
    return {
      'x-ratelimit-limit': String(options.capacity),
      'x-ratelimit-remaining': String(Math.max(0, options.capacity - used)),
      'x-ratelimit-reset': String(Math.ceil(level / options.leakPerSecond)),
    };
  }

  function refuse(): MockResponse {
    refused++;
    if (options.style === 'shopify') {
      // Shopify answers a full bucket with Retry-After: 2.0 whatever the level.
      return { status: 429, headers: { ...headers(), 'retry-after': '2.0' }, body: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' } };
    }
    const wait = Math.max(1, Math.ceil((level + 1 - options.capacity) / options.leakPerSecond));
    return { status: 429, headers: { ...headers(), 'retry-after': String(wait) }, body: { error: 'rate limit exceeded' } };
  }

  return {
    ...api,
    routes: api.routes.map((route) => ({
      ...route,
      handler: async (request) => {
        leak();
        if (level + 1 > options.capacity) return refuse();
        level += 1;
        admitted++;
        admittedAt.push(now());
        const response = await route.handler(request);
        return { ...response, headers: { ...response.headers, ...headers() } };
      },
    })),
    state: () => ({ ...api.state(), limiter: { ...options, admitted, refused, admittedAt } }),
    reset: () => {
      api.reset();
      level = 0; admitted = 0; refused = 0; admittedAt.length = 0;
      updatedAt = now();
    },
  };
}
