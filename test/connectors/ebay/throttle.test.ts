import { afterEach, describe, expect, it } from 'vitest';
import { ebayChannel } from '../../../connectors/ebay/index.js';
import { HttpError } from '../../../src/connector-kit/index.js';
import { idsOf, startHarness, type Harness, type MockState } from './harness.js';

describe('eBay throttling: 429 errorId 2001 and the daily call quota', () => {
  let h: Harness;
  afterEach(async () => { await h.close(); });
  const state = () => h.control<MockState>('state');

  it('backs off and retries a 429 (errorId 2001, no Retry-After), then completes and reports it', async () => {
    h = await startHarness({ orders: 40 });
    const iterator = ebayChannel.pullOrders(h.context({ sliceHours: 24 * 30, pageSize: 10 }), { checkpoint: undefined, since: undefined })[Symbol.asyncIterator]();
    const ids: string[] = [];
    const first = await iterator.next(); // the token is minted: the next two getOrders calls are throttled
    if (!first.done) ids.push(...first.value.orders.map((o) => o.externalId));
    await h.control('faults', { next: [429, 429] });
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) ids.push(...step.value.orders.map((o) => o.externalId));
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    // The shared client waited its exponential backoff (no Retry-After to read): 250–500 ms, then 500–1,000 ms
    expect(h.clock.slept).toHaveLength(2);
    expect(h.clock.slept[0]).toBeGreaterThanOrEqual(250);
    expect(h.clock.slept[1]).toBeGreaterThanOrEqual(500);
    expect((await state()).throttled).toBe(2);
    expect(h.logs.at(-1)?.fields).toMatchObject({ throttled: 2, calls: 8 }); // 2 empty slices + 4 pages + 2 throttled answers
  });

  it('answers 429 errorId 2001 once the day\'s quota is spent; the pull fails with it after its retries', async () => {
    h = await startHarness({ orders: 40, dailyQuota: 3 });
    const error = await h.pull({}, { sliceHours: 24 * 30, pageSize: 10 }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(429);
    expect(JSON.parse((error as HttpError).body)).toEqual({ errors: [{ errorId: 2001, domain: 'ACCESS', category: 'REQUEST', message: 'Too many requests.', longMessage: 'The request limit has been reached for the resource.' }] });
    const { quota, received } = await state();
    expect(quota).toMatchObject({ limit: 3, used: 3 });
    expect(received.getOrders).toBe(3);
    expect(h.logs.at(-1)?.fields).toMatchObject({ calls: 8, throttled: 5 }); // 3 answered + 1 try and 4 retries refused
  });

  it('the quota resets at midnight Pacific time', async () => {
    h = await startHarness({ orders: 40, dailyQuota: 3 });
    await h.pull({}, { sliceHours: 24 * 30 }); // exactly 3 calls
    await expect(h.pull({}, { sliceHours: 24 * 30 })).rejects.toMatchObject({ status: 429 });
    const { quota } = await state();
    // 2026-03-14T12:00Z is 05:00 in Los Angeles (PDT): the next day starts 19 hours later
    expect(quota.day).toBe('2026-03-14');
    h.clock.advance(19 * 3_600_000 + 60_000);
    expect(idsOf(await h.pull({}, { sliceHours: 24 * 30 }))).toHaveLength(40);
    expect((await state()).quota).toMatchObject({ day: '2026-03-15', used: 3 });
  });
});
