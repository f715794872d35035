import { describe, expect, it } from 'vitest';
import { channelHeadroom, channelRequests, hourlyLimitOf, targetHeadroom, targetRequests, verdictOf } from '../../src/report/headroom.js';
import { channelFacts, targetFacts } from '../../src/report/connector-facts.js';

describe('headroom: rate limits per hour', () => {
  it('reads a p-queue limit (intervalCap per interval)', () => {
    expect(hourlyLimitOf({ concurrency: 2, intervalCap: 10, interval: 1000 })).toEqual({ perHour: 36_000, text: '10 per 1 s' });
    expect(hourlyLimitOf({ concurrency: 4, intervalCap: 150, interval: 60_000 })).toEqual({ perHour: 9000, text: '150 per 1 min' });
    expect(hourlyLimitOf({ intervalCap: 40, interval: 3_600_000 })).toEqual({ perHour: 40, text: '40 per 1 h' });
    expect(hourlyLimitOf({ intervalCap: 3, interval: 250 })).toEqual({ perHour: 43_200, text: '3 per 250 ms' });
  });

  it('reads a token bucket at its sustained rate (Amazon searchOrders: 0.0056/s, burst 20)', () => {
    const limit = hourlyLimitOf({ ratePerSecond: 0.0056, burst: 20 });
    expect(limit?.perHour).toBeCloseTo(20.16, 12);
    expect(limit?.text).toBe('0.0056/s, burst 20');
  });

  it('knows nothing else', () => {
    for (const value of [undefined, null, 7, {}, { intervalCap: 0, interval: 1000 }, { intervalCap: 5 }, { ratePerSecond: -1 }]) {
      expect(hourlyLimitOf(value)).toBeUndefined();
    }
  });
});

describe('headroom: a channel', () => {
  it('costs at least one request per pull, then one per page', () => {
    expect(channelRequests(0, 100, 12)).toBe(12);
    expect(channelRequests(1200, 100, 12)).toBe(12);
    expect(channelRequests(1201, 100, 12)).toBe(24);
    expect(channelRequests(5000, 250, 12)).toBe(24);
    expect(channelRequests(3, 50, 0.5)).toBe(0.5);
  });

  it('binds at the multiple of the forecast whose pages no longer fit in the limit', () => {
    // Amazon's 20.16 requests an hour, pulled 12 times: one page per pull fits, two do not.
    expect(channelHeadroom(100, 100, 12, 20.16)).toBe(12);
    expect(channelRequests(12 * 100, 100, 12)).toBeLessThanOrEqual(20.16);
    expect(channelRequests(12 * 100 + 1, 100, 12)).toBeGreaterThan(20.16);
    expect(channelHeadroom(50, 100, 12, 36_000)).toBe(3000 * 12 * 100 / 50);
  });

  it('has no headroom at all when the pulls alone exceed the limit, and no bound without orders', () => {
    expect(channelHeadroom(10, 100, 30, 20.16)).toBe(0);
    expect(channelHeadroom(0, 100, 12, 20.16)).toBe(Infinity);
  });

  it('takes the page size from the settings and the limit from the definition or the settings', () => {
    expect(channelFacts({ name: 'woo', definition: { id: 'woocommerce' }, ctx: { settings: { pageSize: 100 } } }))
      .toEqual({ name: 'woo', kind: 'woocommerce', pageSize: 100, limit: undefined });
    expect(channelFacts({ name: 'az', definition: { id: 'amazon' }, ctx: { settings: { pageSize: 100, rateLimit: { ratePerSecond: 0.0056, burst: 20 } } } }).limit?.text)
      .toBe('0.0056/s, burst 20');
    const withOwn = { name: 'x', definition: { id: 'x', rateLimit: { intervalCap: 2, interval: 1000 } }, ctx: { settings: {} } };
    expect(channelFacts(withOwn)).toEqual({ name: 'x', kind: 'x', pageSize: null, limit: { perHour: 7200, text: '2 per 1 s' } });
  });
});

describe('headroom: a target', () => {
  it('gets each channel\'s orders times its deliveries per order times requests per delivery', () => {
    expect(targetRequests({ woo: 10, shop: 4 }, { woo: 2, shop: 0.5 })).toBe(22);
    expect(targetRequests({ woo: 10, shop: 4 }, { woo: 2, shop: 0.5 }, 2)).toBe(44);
    expect(targetRequests({ woo: 10, other: 99 }, { woo: 1 })).toBe(10);
  });

  it('binds at limit ÷ demand', () => {
    expect(targetHeadroom(22, 36_000)).toBeCloseTo(36_000 / 22, 12);
    expect(targetHeadroom(0, 36_000)).toBe(Infinity);
  });

  it('uses the limit its queue runs with', () => {
    expect(targetFacts({ name: 'erp', definition: { id: 'odoo' }, rateLimit: { concurrency: 2, intervalCap: 10, interval: 1000 } }))
      .toEqual({ name: 'erp', kind: 'odoo', limit: { perHour: 36_000, text: '10 per 1 s' } });
    expect(targetFacts({ name: 'odd', definition: { id: 'x' }, rateLimit: {} })).toBeUndefined();
  });
});

describe('headroom: the verdict', () => {
  it.each([
    [undefined, 'unknown'], [0, 'binds'], [0.99, 'binds'], [1, 'tight'], [1.99, 'tight'], [2, 'ok'], [Infinity, 'ok'],
  ] as const)('%s× → %s', (headroom, verdict) => {
    expect(verdictOf(headroom)).toBe(verdict);
  });
});
