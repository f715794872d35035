import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/http/index.js';
import { shopifyChannel } from '../../../connectors/shopify/index.js';
import { CostBudget } from '../../../connectors/shopify/throttle.js';
import { fastClock } from '../../../src/testing/fake-clock.js';
import { allOrders, fakeClock, graphqlRequest, startShopify, type ShopifyHarness } from './helpers.js';

// 2 + 40 × (order 1 + lineItems 2 + 20 lines): 922 points, to drain the bucket from outside.
const DRAIN = 'query($n: Int!) { orders(first: $n) { nodes { id lineItems(first: 20) { nodes { id } } } } }';

describe('shopify cost pacing', () => {
  let harness: ShopifyHarness;
  afterEach(async () => { await harness.mock.close(); });

  it('waits for the bucket before a query it cannot cover, instead of being throttled', async () => {
    // Given the standard bucket (1,000 points, 50/s) and a pull of 90 orders in pages of 956 points
    harness = await startShopify({ orders: 90 });
    // When the pull runs
    const pages = await harness.pull(harness.context());
    // Then the connector slept between pages and the shop never answered THROTTLED
    expect(allOrders(pages)).toHaveLength(90);
    const state = await harness.control('/__mock/state');
    expect(state.bucketThrottled).toBe(0);
    expect(state.throttled).toBe(0);
    expect(harness.clock.sleeps.length).toBeGreaterThanOrEqual(pages.length - 1);
    // Each wait was for the shortfall only: never more than a full bucket restores (20 s)
    expect(Math.max(...harness.clock.sleeps)).toBeLessThanOrEqual(20_000);
  });

  it('with the contract\'s fast clock shared by mock and connector, the Standard bucket paces a pull', async () => {
    const clock = fastClock();
    harness = await startShopify({ orders: 120 }, { ...clock, sleeps: [] });
    const pages = await harness.pull(harness.context({ pageSize: 20 }));
    expect(allOrders(pages)).toHaveLength(120);
    expect((await harness.control('/__mock/state')).bucketThrottled).toBe(0);
    expect(clock.slept).toBeGreaterThan(0);
  });

  it('recovers from a THROTTLED answer by waiting for the restore the answer reports', async () => {
    harness = await startShopify({ orders: 40 });
    // Given another client of the same app has just drained the bucket
    await graphqlRequest(harness.mock.url, DRAIN, { n: 40 });
    const available = (await harness.control('/__mock/state')).bucket.currentlyAvailable;
    expect(available).toBeLessThan(956);
    // When a pull starts (it knows nothing of the bucket yet)
    const pages = await harness.pull(harness.context());
    // Then its first query is THROTTLED once, it waits (956 − available) / 50 s, and the pull completes
    expect(allOrders(pages)).toHaveLength(40);
    expect((await harness.control('/__mock/state')).bucketThrottled).toBe(1);
    expect(harness.clock.sleeps[0]).toBeGreaterThanOrEqual(Math.ceil(((956 - available) / 50) * 1000) - 1);
  });

  it('honours an injected throttle (HTTP 200 THROTTLED) for the seconds it implies', async () => {
    harness = await startShopify({ orders: 10 });
    await harness.control('/__mock/faults', { next: ['429', '429'], retryAfterSeconds: 3 });
    const pages = await harness.pull(harness.context());
    expect(allOrders(pages)).toHaveLength(10);
    expect(harness.clock.sleeps).toEqual([3_000, 3_000]);
    expect((await harness.control('/__mock/state')).throttled).toBe(2);
  });

  it('gives up after maxThrottleRetries THROTTLED answers in a row', async () => {
    harness = await startShopify({ orders: 10, bucket: { maximumAvailable: 1000, restoreRate: 0 } });
    await graphqlRequest(harness.mock.url, DRAIN, { n: 40 });
    const ctx = harness.context({ maxThrottleRetries: 2 });
    await expect(harness.pull(ctx)).rejects.toThrow(/still THROTTLED by Shopify after 3 attempts/);
    expect((await harness.control('/__mock/state')).bucketThrottled).toBe(3);
  });

  it('the budget estimates the restore between reports', () => {
    const clock = fakeClock(0);
    const budget = new CostBudget(clock);
    expect(budget.waitFor(500)).toBe(0); // nothing known yet
    budget.observe({ maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 });
    expect(budget.waitFor(500)).toBe(8_000);
    void clock.sleep(2_000);
    expect(budget.available()).toBe(200);
    expect(budget.waitFor(500)).toBe(6_000);
    expect(budget.waitFor(5_000)).toBe(16_000); // no more than a full bucket
  });
});

describe('shopify failures', () => {
  let harness: ShopifyHarness;
  afterEach(async () => { await harness.mock.close(); });

  it('a wrong token is a 401 HttpError with Shopify\'s words, and no secret in it', async () => {
    harness = await startShopify({ orders: 3 });
    const ctx = harness.context({ accessToken: 'shpat_wrong_token_value' });
    const error = await harness.pull(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect((error as HttpError).message).toMatch(/unauthorized.*Invalid API key or access token/);
    await expect(shopifyChannel.verify!(ctx)).rejects.toMatchObject({ status: 401 });
    await expect(shopifyChannel.verify!(harness.context())).resolves.toBeUndefined();
  });

  it('retries server errors and dropped connections through the HTTP layer', async () => {
    harness = await startShopify({ orders: 20 });
    await harness.control('/__mock/faults', { next: [500, 503, 'drop'] });
    const pages = await harness.pull(harness.context());
    expect(allOrders(pages)).toHaveLength(20);
    expect((await harness.control('/__mock/state')).faultsInjected).toBe(3);
  });

  it('a half-sent (malformed) body is retried, not mapped', async () => {
    harness = await startShopify({ orders: 5 });
    await harness.control('/__mock/faults', { next: ['malformed'] });
    expect(allOrders(await harness.pull(harness.context()))).toHaveLength(5);
  });

  it('a GraphQL error other than THROTTLED stops the pull with its message', async () => {
    harness = await startShopify({ orders: 5 });
    // An order the engine cannot serialize: the whole orders field errors, as an internal error would
    await harness.control('/__mock/orders', { orders: [{ id: 'gid://shopify/Order/5500000000002', displayFulfillmentStatus: 'SHIPPED_BY_DRONE' }] });
    await expect(harness.pull(harness.context())).rejects.toThrow(/Shopify GraphQL error: Enum "OrderDisplayFulfillmentStatus" cannot represent value/);
  });

  it('refuses settings whose single order would cost more than a query may', async () => {
    harness = await startShopify({ orders: 5 });
    expect(allOrders(await harness.pull(harness.context({ lineItemsPerOrder: 120 })))).toHaveLength(5); // 975 points: one order a page
    await expect(harness.pull(harness.context({ lineItemsPerOrder: 250 }))).rejects.toThrow(/over the 1000-point query limit: lower lineItemsPerOrder/);
  });

  it('warns when the shop serves another API version than asked', async () => {
    harness = await startShopify({ orders: 2 });
    const warnings: string[] = [];
    const ctx = { ...harness.context({ apiVersion: '2024-10' }), log: { debug() {}, info() {}, error() {}, warn: (m: string) => { warnings.push(m); } } };
    expect(allOrders(await harness.pull(ctx))).toHaveLength(2);
    expect(warnings).toEqual(['shopify: asked for API version 2024-10, the shop served 2025-10']);
  });
});
