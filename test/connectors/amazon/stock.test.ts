// pushStock for Amazon over real HTTP against the mock, on a fake clock the mock shares:
// patchListingsItem per SKU (merge of fulfillment_availability, DEFAULT channel), ACCEPTED → ok,
// INVALID → rejected with Amazon's issue, 429/5xx → retried, then `retry` for that SKU only,
// quantities kept by the mock, and the operation's usage plan (5/s burst 5) never exceeded.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { amazonChannel, MOCK_SELLER_ID } from '../../../connectors/amazon/index.js';
import { MOCK_SKUS } from '../../../connectors/amazon/mock-data.js';
import { MOCK_INITIAL_QUANTITY } from '../../../connectors/amazon/mock-stock.js';
import { accessTokenFor } from '../../../connectors/amazon/client.js';
import type { ConnectorContext, StockUpdate } from '../../../src/connector-kit/index.js';
import type { AmazonSettings } from '../../../connectors/amazon/settings.js';
import { startHarness, type Harness } from './helpers.js';
import { listingsSpecPresent, listingsViolations } from './spec.js';

const US = 'ATVPDKIKX0DER';
let h: Harness;
let ctx: ConnectorContext<AmazonSettings>;
beforeEach(async () => {
  h = await startHarness({ orders: 3 });
  ctx = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: [US] });
});
afterEach(async () => { await h.mock.close(); });

const push = (updates: StockUpdate[], on = ctx) => amazonChannel.pushStock!(on, updates);
const update = (sku: string, quantity: number): StockUpdate => ({ sku, quantity, previous: null });
const faults = (body: unknown) => fetch(`${h.mock.url}/__mock/faults`, { method: 'POST', body: JSON.stringify(body) });

describe('Amazon stock push', () => {
  test('the mock lists the SKUs its orders sell, then the rest of the demo catalogue', () => {
    expect(MOCK_SKUS).toEqual(['TEE-BLK-M', 'MUG-12OZ', 'CAP-NAVY', 'BAG-TOTE', 'TEE-WHT-L', 'TEE-BLK-L', 'SOCK-3PK', 'POSTER-A2']);
  });

  test('sets each SKU\'s quantity; an unknown SKU is rejected with Amazon\'s issue and the others land', async () => {
    const results = await push([update('MUG-12OZ', 3), update('NOPE-1', 4), update('CAP-NAVY', 0)]);
    expect(results).toEqual([
      { sku: 'MUG-12OZ', status: 'ok' },
      { sku: 'NOPE-1', status: 'rejected', reason: expect.stringMatching(/^Amazon refused the quantity for SKU "NOPE-1" \(INVALID: NOT_FOUND: SKU NOPE-1 does not match/) },
      { sku: 'CAP-NAVY', status: 'ok' },
    ]);
    const state = await h.state();
    expect(state.stock).toEqual({ ...Object.fromEntries(MOCK_SKUS.map((sku) => [sku, MOCK_INITIAL_QUANTITY])), 'MUG-12OZ': 3, 'CAP-NAVY': 0 });
    expect(state.stockByMarketplace['MUG-12OZ']).toEqual({ [US]: 3 });
    expect(state.listings.patchListingsItem).toMatchObject({ requests: 3, accepted: 2, invalid: 1, throttled: 0 });
  });

  test('several marketplaces: one patch per SKU and marketplace; a refusal in one names it', async () => {
    const eu = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: ['A1PA6795UKMFR9', 'A1F83G8C2ARO7P'] });
    const results = await push([update('MUG-12OZ', 6), update('NOPE-1', 1)], eu);
    expect(results[0]).toEqual({ sku: 'MUG-12OZ', status: 'ok' });
    expect(results[1]).toMatchObject({ sku: 'NOPE-1', status: 'rejected', reason: expect.stringMatching(/^A1PA6795UKMFR9: Amazon refused .*; A1F83G8C2ARO7P: Amazon refused/) });
    const state = await h.state();
    expect(state.stockByMarketplace['MUG-12OZ']).toEqual({ A1PA6795UKMFR9: 6, A1F83G8C2ARO7P: 6 });
    expect(state.listings.patchListingsItem.requests).toBe(4);
  });

  test('a later getListingsItem shows the quantity pushed, and the answers match the Listings Items model', async () => {
    await push([update('TEE-BLK-M', 7)]);
    const token = await accessTokenFor(ctx);
    const get = await fetch(`${h.mock.url}/listings/2021-08-01/items/${MOCK_SELLER_ID}/TEE-BLK-M?marketplaceIds=${US}&includedData=fulfillmentAvailability`, { headers: { 'x-amz-access-token': token } });
    const item = await get.json();
    expect(item).toEqual({ sku: 'TEE-BLK-M', fulfillmentAvailability: [{ fulfillmentChannelCode: 'DEFAULT', quantity: 7 }] });
    const patch = await fetch(`${h.mock.url}/listings/2021-08-01/items/${MOCK_SELLER_ID}/NOPE-1?marketplaceIds=${US}`, {
      method: 'PATCH', headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ productType: 'PRODUCT', patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }] }] }),
    });
    const submission = await patch.json();
    const missing = await fetch(`${h.mock.url}/listings/2021-08-01/items/${MOCK_SELLER_ID}/NOPE-1?marketplaceIds=${US}`, { headers: { 'x-amz-access-token': token } });
    expect(missing.status).toBe(404);
    const unparsable = await fetch(`${h.mock.url}/listings/2021-08-01/items/${MOCK_SELLER_ID}/MUG-12OZ?marketplaceIds=${US}`, {
      method: 'PATCH', headers: { 'x-amz-access-token': token, 'content-type': 'application/json' }, body: JSON.stringify({ patches: [] }),
    });
    expect(unparsable.status).toBe(400);
    if (!listingsSpecPresent) return;
    expect(listingsViolations('Item', item)).toEqual([]);
    expect(listingsViolations('ListingsItemSubmissionResponse', submission)).toEqual([]);
    expect(listingsViolations('ErrorList', await missing.json())).toEqual([]);
    expect(listingsViolations('ErrorList', await unparsable.json())).toEqual([]);
  });

  test('paces patches to the usage plan: 40 patches, never throttled, at 5/s after the burst of 5', async () => {
    const start = h.clock.now();
    const updates = Array.from({ length: 40 }, (_, i) => update(MOCK_SKUS[i % MOCK_SKUS.length]!, i));
    const results = await push(updates);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    const state = await h.state();
    expect(state.listings.patchListingsItem).toMatchObject({ requests: 40, throttled: 0 });
    expect(state.throttled).toBe(0);
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(((40 - 5) / 5) * 1000 - 1);
    expect(state.stock['TEE-BLK-M']).toBe(updates.map((u) => u.sku).lastIndexOf('TEE-BLK-M')); // the last update of that SKU wins
  });

  test('the mock enforces the plan: a sixth patch in the same instant is throttled with the Listings Items 429', async () => {
    const token = await accessTokenFor(ctx);
    const statuses: number[] = [];
    let last: unknown;
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${h.mock.url}/listings/2021-08-01/items/${MOCK_SELLER_ID}/MUG-12OZ?marketplaceIds=${US}`, {
        method: 'PATCH', headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ productType: 'PRODUCT', patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: i }] }] }),
      });
      statuses.push(response.status);
      last = await response.json();
      expect(response.headers.get('retry-after')).toBeNull();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last).toEqual({ errors: [{ code: 'QuotaExceeded', message: 'The frequency of requests was greater than what is allowed for the application.', details: '' }] });
    if (listingsSpecPresent) expect(listingsViolations('ErrorList', last)).toEqual([]);
  });

  test('a 429 without Retry-After waits one refill and sends again; nothing is lost', async () => {
    await accessTokenFor(ctx);
    await faults({ next: ['none', '429'] });
    const results = await push([update('MUG-12OZ', 1), update('CAP-NAVY', 2), update('BAG-TOTE', 3)]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    const state = await h.state();
    expect(state.throttled).toBe(1);
    expect(state.stock).toMatchObject({ 'MUG-12OZ': 1, 'CAP-NAVY': 2, 'BAG-TOTE': 3 });
  });

  test('a SKU whose patch keeps failing (429, 5xx) is `retry`; the SKUs before and after it land', async () => {
    await accessTokenFor(ctx); // the token exchange is not one of the requests below
    await faults({ next: ['none', '429', 500, 503] });
    const results = await push([update('MUG-12OZ', 1), update('CAP-NAVY', 2), update('BAG-TOTE', 3)]);
    expect(results[0]).toEqual({ sku: 'MUG-12OZ', status: 'ok' });
    expect(results[1]).toMatchObject({ sku: 'CAP-NAVY', status: 'retry', reason: expect.stringMatching(/^Amazon: HTTP 503/) });
    expect(results[2]).toEqual({ sku: 'BAG-TOTE', status: 'ok' });
    expect((await h.state()).stock).toMatchObject({ 'MUG-12OZ': 1, 'CAP-NAVY': MOCK_INITIAL_QUANTITY, 'BAG-TOTE': 3 });
  });

  test('without sellerId or marketplaceIds the whole push fails with a clear message', async () => {
    await expect(push([update('MUG-12OZ', 1)], h.ctx({ marketplaceIds: [US] }))).rejects.toThrow(/stock push needs sellerId/);
    await expect(push([update('MUG-12OZ', 1)], h.ctx({ sellerId: MOCK_SELLER_ID }))).rejects.toThrow(/stock push needs marketplaceIds/);
  });

  test('a refused client secret is thrown for the whole channel, and the secret never shows', async () => {
    const bad = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: [US], clientSecret: 'amzn1.oa2-cs.v1.wrong-secret-value' });
    const error = await push([update('MUG-12OZ', 1)], bad).then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).not.toContain('wrong-secret-value');
  });
});
