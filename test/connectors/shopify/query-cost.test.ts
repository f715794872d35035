import { afterEach, describe, expect, it } from 'vitest';
import { linesPageSize, ORDER_LINES_QUERY, ORDERS_QUERY, ordersPageSize, SHOP_QUERY } from '../../../connectors/shopify/queries.js';
import { requestedQueryCost } from '../../../connectors/shopify/query-cost.js';
import { graphqlRequest, startShopify, type ShopifyHarness } from './helpers.js';

describe('shopify calculated query cost (documented rules)', () => {
  it('objects cost 1, scalars and enums 0', () => {
    expect(requestedQueryCost(SHOP_QUERY)).toBe(1);
    expect(requestedQueryCost('{ shop { name currencyCode } order(id: "x") { name displayFinancialStatus } }')).toBe(2);
  });

  it('a connection costs 2 plus first × one item, through edges/node or nodes', () => {
    expect(requestedQueryCost('{ orders(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage } } }')).toBe(12);
    expect(requestedQueryCost('{ orders(first: 10) { nodes { id totalPriceSet { shopMoney { amount } } } } }')).toBe(2 + 10 * 3);
    expect(requestedQueryCost('query($n: Int) { orders(last: $n) { nodes { id } } }', { n: 5 })).toBe(7);
  });

  it('nested connections multiply, fragments count like inline fields', () => {
    const query = `{ orders(first: 10) { nodes { ...O } } } fragment O on Order { id lineItems(first: 5) { nodes { id } } }`;
    expect(requestedQueryCost(query)).toBe(2 + 10 * (1 + 2 + 5 * 1));
  });

  it("the connector's orders query: 53 points an order with 5 lines, 18 orders to a page", () => {
    // one order = 1 + 4 MoneyBags × (bag 1 + shopMoney 1) + 2 addresses
    //   + lineItems(first: 5) = 2 + 5 × (line 1 + 2 MoneyBags × 2 + taxLines 1 + priceSet 1 + shopMoney 1)
    const perOrder = 1 + 4 * 2 + 2 + (2 + 5 * (1 + 4 + 3));
    expect(perOrder).toBe(53);
    expect(requestedQueryCost(ORDERS_QUERY, { first: 18, lines: 5, after: null, query: null })).toBe(2 + 18 * 53);
    expect(ordersPageSize(250, 5)).toBe(18);
    expect(ordersPageSize(10, 5)).toBe(10);
    expect(ordersPageSize(250, 10)).toBe(Math.floor(998 / 93));
    expect(ordersPageSize(250, 5, 500)).toBe(9);
    expect(() => ordersPageSize(250, 250)).toThrow(/lineItemsPerOrder/);
  });

  it('the follow-up line query asks for 20 lines (3 + 20 × 8 points)', () => {
    expect(linesPageSize()).toBe(20);
    expect(requestedQueryCost(ORDER_LINES_QUERY, { id: 'gid://shopify/Order/1', first: 20, after: null })).toBe(163);
    expect(linesPageSize(100)).toBe(Math.floor(97 / 8));
  });
});

describe('the mock charges the same cost', () => {
  let harness: ShopifyHarness | undefined;
  afterEach(async () => { await harness?.mock.close(); harness = undefined; });

  it("reports the connector's requested cost, a smaller actual cost, and refunds the difference", async () => {
    harness = await startShopify({ orders: 30 });
    const { body } = await graphqlRequest(harness.mock.url, ORDERS_QUERY, { first: 18, lines: 5, after: null, query: null });
    expect(body.data.orders.nodes).toHaveLength(18);
    const cost = body.extensions.cost;
    expect(cost.requestedQueryCost).toBe(956);
    expect(cost.actualQueryCost).toBeGreaterThan(18 * 13); // every order, its money bags, addresses and lines connection at least
    expect(cost.actualQueryCost).toBeLessThan(956); // most orders have fewer than 5 lines
    expect(cost.throttleStatus).toEqual({ maximumAvailable: 1000, currentlyAvailable: 1000 - cost.actualQueryCost, restoreRate: 50 });
  });

  it('refuses a query over 1,000 points with MAX_COST_EXCEEDED, before running it', async () => {
    harness = await startShopify({ orders: 5 });
    const { status, body } = await graphqlRequest(harness.mock.url, ORDERS_QUERY, { first: 250, lines: 5, after: null, query: null });
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toEqual({ code: 'MAX_COST_EXCEEDED', cost: 2 + 250 * 53, maxCost: 1000 });
    expect(body.errors[0].message).toMatch(/^Query cost is 13252, which exceeds the single query max cost limit \(1000\)/);
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(1000);
  });
});
