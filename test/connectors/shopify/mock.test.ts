import { afterEach, describe, expect, it } from 'vitest';
import { createShopifyMock } from '../../../connectors/shopify/mock.js';
import { graphqlRequest, startShopify, type ShopifyHarness } from './helpers.js';

const LIST = `query($first: Int, $after: String, $query: String, $sortKey: OrderSortKeys, $reverse: Boolean) {
  orders(first: $first, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { id name updatedAt currencyCode totalPriceSet { shopMoney { amount currencyCode } } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

describe('shopify mock: the wire protocol', () => {
  let harness: ShopifyHarness;
  afterEach(async () => { await harness.mock.close(); });

  it('answers a wrong token with 401 and Shopify\'s error body', async () => {
    harness = await startShopify({ orders: 3 });
    const { status, body } = await graphqlRequest(harness.mock.url, '{ shop { name } }', {}, { token: 'shpat_wrong' });
    expect(status).toBe(401);
    expect(body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });

  it('names the version it served in X-Shopify-API-Version, older versions fall forward', async () => {
    harness = await startShopify({ orders: 3 });
    const current = await graphqlRequest(harness.mock.url, '{ shop { name } }');
    expect(current.headers.get('x-shopify-api-version')).toBe('2026-01');
    expect(current.headers.get('x-request-id')).toBeTruthy();
    const retired = await graphqlRequest(harness.mock.url, '{ shop { name } }', {}, { version: '2024-01' });
    expect(retired.status).toBe(200);
    expect(retired.headers.get('x-shopify-api-version')).toBe('2025-10');
    expect((await graphqlRequest(harness.mock.url, '{ shop { name } }', {}, { version: 'latest' })).status).toBe(404);
  });

  it('returns extensions.cost on every answer and validation errors as GraphQL errors', async () => {
    harness = await startShopify({ orders: 3 });
    const ok = await graphqlRequest(harness.mock.url, '{ shop { name } }');
    expect(ok.body).toMatchObject({ data: { shop: { name: 'ordersync demo shop' } }, extensions: { cost: { requestedQueryCost: 1, actualQueryCost: 1 } } });
    const bad = await graphqlRequest(harness.mock.url, '{ orders(first: 1) { nodes { totalPrice } } }');
    expect(bad.status).toBe(200);
    expect(bad.body.errors[0].message).toMatch(/Cannot query field "totalPrice" on type "Order"/);
    const noFirst = await graphqlRequest(harness.mock.url, '{ orders { nodes { id } } }');
    expect(noFirst.body.errors[0].message).toBe('you must provide one of first or last');
  });

  it('pages with opaque keyset cursors in updated_at order, ties broken by id', async () => {
    harness = await startShopify({ orders: 30 });
    const seen: { id: string; updatedAt: string }[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const { body } = await graphqlRequest(harness.mock.url, LIST, { first: 7, after, sortKey: 'UPDATED_AT' });
      const { edges, pageInfo } = body.data.orders;
      seen.push(...edges.map((e: { node: { id: string; updatedAt: string } }) => e.node));
      expect(JSON.parse(Buffer.from(pageInfo.endCursor, 'base64').toString())).toHaveProperty('last_id');
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toHaveLength(30);
    const key = (o: { id: string; updatedAt: string }) => `${o.updatedAt}|${o.id.padStart(40)}`;
    expect(seen.map(key)).toEqual([...seen.map(key)].sort());
    expect(new Set(seen.map((o) => o.updatedAt)).size).toBeLessThan(30); // the seed holds ties
  });

  it('filters updated_at with quoted stamps exactly; unquoted stamps lose their time of day', async () => {
    harness = await startShopify({ orders: 40 });
    const { body: all } = await graphqlRequest(harness.mock.url, LIST, { first: 100, sortKey: 'UPDATED_AT' });
    const stamps: string[] = all.data.orders.edges.map((e: { node: { updatedAt: string } }) => e.node.updatedAt);
    const pivot = stamps[25]!;
    const count = async (query: string) => (await graphqlRequest(harness.mock.url, LIST, { first: 100, query })).body.data.orders.edges.length;
    expect(await count(`updated_at:>='${pivot}'`)).toBe(stamps.filter((s) => s >= pivot).length);
    expect(await count(`updated_at:>"${pivot}"`)).toBe(stamps.filter((s) => s > pivot).length);
    expect(await count(`updated_at:<='${pivot}' AND updated_at:>='${stamps[20]}'`)).toBe(stamps.filter((s) => s <= pivot && s >= stamps[20]!).length);
    const midnight = `${pivot.slice(0, 10)}T00:00:00Z`;
    expect(await count(`updated_at:>=${pivot}`)).toBe(stamps.filter((s) => s >= midnight).length);
  });

  it('sorts by CREATED_AT and ID, reverse too', async () => {
    harness = await startShopify({ orders: 12 });
    const ids = async (sortKey: string, reverse: boolean) => (await graphqlRequest(harness.mock.url, LIST, { first: 50, sortKey, reverse }))
      .body.data.orders.edges.map((e: { node: { name: string } }) => e.node.name);
    const byId = await ids('ID', false);
    expect(byId[0]).toBe('#1001');
    expect(await ids('ID', true)).toEqual([...byId].reverse());
    expect((await ids('CREATED_AT', false))).toHaveLength(12);
  });

  it('is seeded: same seed, same orders; amounts are Decimal strings, yen included', async () => {
    harness = await startShopify({ orders: 40 });
    const a = await graphqlRequest(harness.mock.url, LIST, { first: 40 });
    const other = await startShopify({ orders: 40 }, harness.clock);
    const b = await graphqlRequest(other.mock.url, LIST, { first: 40 });
    await other.mock.close();
    expect(b.body.data).toEqual(a.body.data);
    const monies = a.body.data.orders.edges.map((e: { node: { currencyCode: string; totalPriceSet: { shopMoney: { amount: string } } } }) => [e.node.currencyCode, e.node.totalPriceSet.shopMoney.amount]);
    expect(monies.some(([c]: string[]) => c === 'JPY')).toBe(true);
    for (const [currency, amount] of monies) expect(amount).toMatch(currency === 'JPY' ? /^\d+\.0$/ : /^\d+\.\d{1,2}$/);
  });

  it('changes, adds, quarantines and upserts through POST /__mock/orders', async () => {
    harness = await startShopify({ orders: 10 });
    const before = Date.parse((await graphqlRequest(harness.mock.url, LIST, { first: 1, sortKey: 'UPDATED_AT', reverse: true })).body.data.orders.edges[0].node.updatedAt);
    const answer = await harness.control('/__mock/orders', {
      change: 2, add: 1, malformed: 1,
      orders: [{ id: 'gid://shopify/Order/5500000000003', tags: ['upserted'] }, { name: '#9999', email: 'new@example.com' }],
    });
    expect(answer.changed).toEqual(['5500000000001', '5500000000006', '5500000000003']);
    expect(answer.added).toHaveLength(3);
    const state = await harness.control('/__mock/state');
    expect(state.orders).toBe(13);
    const { body } = await graphqlRequest(harness.mock.url, LIST, { first: 20, query: `updated_at:>'${new Date(before).toISOString()}'`, sortKey: 'UPDATED_AT' });
    const names = body.data.orders.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names).toEqual(['#1001', '#1006', '#1011', '#1012', '#1003', '#9999']);
    const malformed = body.data.orders.edges.find((e: { node: { name: string } }) => e.node.name === '#1012');
    expect(malformed.node.totalPriceSet.shopMoney.amount).toBe('twelve');
  });

  it('throttles from its bucket: HTTP 200, THROTTLED, with the bucket state', async () => {
    harness = await startShopify({ orders: 40, bucket: { maximumAvailable: 1000, restoreRate: 50 } });
    const big = 'query($n: Int!) { orders(first: $n) { nodes { id lineItems(first: 20) { nodes { id } } } } }';
    expect((await graphqlRequest(harness.mock.url, big, { n: 40 })).body.extensions.cost.requestedQueryCost).toBe(2 + 40 * 23);
    // The bucket was charged 922 and refunded the unused lines; ask for more than it now holds.
    const { status, body } = await graphqlRequest(harness.mock.url, big, { n: 43 });
    expect(status).toBe(200);
    expect(body.errors).toEqual([{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }]);
    expect(body.extensions.cost.requestedQueryCost).toBe(2 + 43 * 23);
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(991);
    expect((await harness.control('/__mock/state')).bucketThrottled).toBe(1);
  });

  it('mock() takes the channel contract\'s options alone (seed, orders)', () => {
    const api = createShopifyMock({ seed: 3, orders: 7 });
    expect(api.state()).toMatchObject({ orders: 7, bucket: { maximumAvailable: 1000, restoreRate: 50 } });
  });
});
