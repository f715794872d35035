// Pacing on a fake clock shared with the mock: Amazon's 429 carries no Retry-After, so the
// connector waits on its own bucket, and after a 429 waits one refill before retrying.
import { afterEach, describe, expect, test } from 'vitest';
import { pullAll, startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h.mock.close(); });

const REFILL_MS = Math.ceil(1000 / 0.0056); // searchOrders: one request every ~178.6 s after the burst of 20

describe('pacing', () => {
  test('at the mock\'s own rate (0.0056/s, burst 20) it waits for the bucket and is never throttled', async () => {
    h = await startHarness({ orders: 26 });
    const pages = await pullAll(h.ctx({ pageSize: 1 }));
    expect(pages.flatMap((p) => p.orders)).toHaveLength(26);
    const state = await h.state();
    expect(state.operations.searchOrders).toEqual({ requests: 26, throttled: 0 });
    expect(state.throttled).toBe(0);
    // 20 calls from the burst, then one wait of a refill before each of the other 6
    expect(h.clock.slept).toHaveLength(6);
    for (const ms of h.clock.slept) expect(ms).toBeGreaterThanOrEqual(REFILL_MS - 1);
  });

  test('configured faster than Amazon allows: one 429, a wait of one refill, a retry, then Amazon\'s reported rate', async () => {
    h = await startHarness({ orders: 20, usagePlans: { searchOrders: { rate: 0.5, burst: 2 } } });
    const pages = await pullAll(h.ctx({ pageSize: 4, rateLimit: { ratePerSecond: 10, burst: 100 } }));
    expect(pages.flatMap((p) => p.orders)).toHaveLength(20);
    const state = await h.state();
    expect(state.operations.searchOrders).toEqual({ requests: 6, throttled: 1 }); // 5 pages + the retried one
    expect(h.clock.slept[0]).toBe(2_000); // 1 / 0.5 s, read from x-amzn-RateLimit-Limit
  });

  test('a scripted 429 QuotaExceeded is retried after one refill interval', async () => {
    h = await startHarness({ orders: 10 });
    const pages = await pullAll(h.ctx({ pageSize: 5 }), {}, async (index) => { if (index === 0) await h.post('/__mock/faults', { next: [429] }); });
    expect(pages.flatMap((p) => p.orders)).toHaveLength(10);
    expect(h.clock.slept).toEqual([REFILL_MS]);
    expect((await h.state()).throttled).toBe(1);
  });

  test.each([['500'], ['drop'], ['malformed']])('a %s answer is retried with backoff', async (fault) => {
    h = await startHarness({ orders: 10 });
    const pages = await pullAll(h.ctx({ pageSize: 5 }), {}, async (index) => { if (index === 0) await h.post('/__mock/faults', { next: [fault, fault] }); });
    expect(pages.flatMap((p) => p.orders)).toHaveLength(10);
    expect(h.clock.slept).toHaveLength(2);
  });

  test('the token exchange is retried too when it is throttled', async () => {
    h = await startHarness({ orders: 3 });
    await h.post('/__mock/faults', { next: [429, '500'] });
    expect((await pullAll(h.ctx())).flatMap((p) => p.orders)).toHaveLength(3);
    expect(h.clock.slept).toHaveLength(2);
  });
});
