// Shopify pushStock against its mock: inventory items found by SKU, `available` set with
// inventorySetQuantities and compare-and-swap, refused quantities kept apart from the rest.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopifyChannel } from '../../connectors/shopify/index.js';
import { MOCK_INITIAL_AVAILABLE, PRODUCT_SKUS } from '../../connectors/shopify/mock-stock.js';
import { casField, INVENTORY_ITEMS_QUERY, SET_QUANTITIES_MUTATION } from '../../connectors/shopify/stock.js';
import { requestedQueryCost } from '../../connectors/shopify/query-cost.js';
import { startShopify, type ShopifyHarness } from '../connectors/shopify/helpers.js';

describe('Shopify stock push', () => {
  let shop: ShopifyHarness;
  beforeEach(async () => { shop = await startShopify(); });
  afterEach(() => shop.mock.close());

  it('sets available per SKU in one mutation, and refuses an unknown SKU without stopping the rest', async () => {
    const results = await shopifyChannel.pushStock!(shop.context(), [
      { sku: 'MUG-12OZ', quantity: 3, previous: null },
      { sku: 'SOCK-3PK', quantity: 0, previous: null },
      { sku: 'NOPE-1', quantity: 4, previous: null },
    ]);
    expect(results).toEqual(expect.arrayContaining([
      { sku: 'MUG-12OZ', status: 'ok' }, { sku: 'SOCK-3PK', status: 'ok' },
      { sku: 'NOPE-1', status: 'rejected', reason: 'unknown SKU: no Shopify inventory item has SKU "NOPE-1"' },
    ]));
    const state = await shop.control('/__mock/state');
    expect(state.stock).toMatchObject({ 'MUG-12OZ': 3, 'SOCK-3PK': 0, 'TEE-BLK-M': MOCK_INITIAL_AVAILABLE });
    expect(state).toMatchObject({ stockMutations: 1, stockQuantitiesSet: 2, stockStale: 0 });
  });

  it('a stale compare fails the whole mutation; the others are sent again and the stale one retried', async () => {
    const base = shop.context();
    let sold = false;
    // A sale lands between our read and our write: the first mutation finds MUG-12OZ moved.
    const ctx = { ...base, http: (options: Parameters<typeof base.http>[0]) => {
      const client = base.http(options);
      return { ...client, request: async (request: Parameters<typeof client.request>[0]) => {
        if (!sold && JSON.stringify(request.body).includes('inventorySetQuantities')) {
          sold = true;
          await client.request({ method: 'POST', path: request.path, body: { query: SET_QUANTITIES_MUTATION, variables: { key: 'sale', input: {
            name: 'available', reason: 'correction', quantities: [{ inventoryItemId: 'gid://shopify/InventoryItem/45000000003', locationId: 'gid://shopify/Location/73100000001', quantity: 24, changeFromQuantity: null }],
          } } } });
        }
        return client.request(request);
      } } as typeof client;
    } };
    const results = await shopifyChannel.pushStock!(ctx, [{ sku: 'MUG-12OZ', quantity: 3, previous: null }, { sku: 'CAP-NAVY', quantity: 7, previous: null }]);
    expect(results).toEqual(expect.arrayContaining([
      { sku: 'CAP-NAVY', status: 'ok' },
      { sku: 'MUG-12OZ', status: 'retry', reason: expect.stringContaining('CHANGE_FROM_QUANTITY_STALE') },
    ]));
    const state = await shop.control('/__mock/state');
    expect(state.stock).toMatchObject({ 'MUG-12OZ': 24, 'CAP-NAVY': 7 });
    expect(state).toMatchObject({ stockMutations: 3, stockStale: 1 }); // the sale, the refused one, the resent one
  });

  it('from 2026-04 a quantity without changeFromQuantity is refused; the connector always sends it', async () => {
    expect(casField('2025-10')).toBe('compareQuantity');
    expect(casField('2026-01')).toBe('changeFromQuantity');
    const results = await shopifyChannel.pushStock!(shop.context({ apiVersion: '2026-04' }), [{ sku: 'BAG-TOTE', quantity: 2, previous: null }]);
    expect(results).toEqual([{ sku: 'BAG-TOTE', status: 'ok' }]);
    const response = await fetch(`${shop.mock.url}/admin/api/2026-04/graphql.json`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_ordersync_mock_token_0001' },
      body: JSON.stringify({ query: SET_QUANTITIES_MUTATION, variables: { key: 'k2', input: { name: 'available', reason: 'correction', quantities: [
        { inventoryItemId: 'gid://shopify/InventoryItem/45000000005', locationId: 'gid://shopify/Location/73100000001', quantity: 1 },
      ] } } }),
    });
    const answer = (await response.json()) as { data: { inventorySetQuantities: { userErrors: { code: string }[] } } };
    expect(answer.data.inventorySetQuantities.userErrors[0]?.code).toBe('CHANGE_FROM_QUANTITY_REQUIRED');
  });

  it('stays far below the single-query cost cap and sets hundreds of quantities in few calls', async () => {
    expect(requestedQueryCost(INVENTORY_ITEMS_QUERY, { first: 50, query: 'x' })).toBeLessThan(400);
    expect(requestedQueryCost(SET_QUANTITIES_MUTATION, { input: {}, key: 'k' })).toBeLessThanOrEqual(15);
    // The catalogue is small, so SKUs repeat: the second mutation's compares are stale by then.
    const updates = Array.from({ length: 300 }, (_, i) => ({ sku: PRODUCT_SKUS[i % PRODUCT_SKUS.length]!, quantity: 5, previous: null }));
    const results = await shopifyChannel.pushStock!(shop.context(), updates);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(250);
    expect(results.filter((r) => r.status === 'retry')).toHaveLength(50);
    expect((await shop.control('/__mock/state')).stockMutations).toBe(2); // 250, then 50 refused as stale (nothing left to resend)
  });
});
