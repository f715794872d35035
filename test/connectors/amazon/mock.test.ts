// The mock answers what orders_2026-01-01.json and Login with Amazon define, over real HTTP.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MOCK_CREDENTIALS } from '../../../connectors/amazon/mock.js';
import { startHarness, type Harness } from './helpers.js';
import { specPresent, violations } from './spec.js';

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.mock.close(); });

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function token(): Promise<string> {
  const response = await fetch(`${h.mock.url}/auth/o2/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: form({ grant_type: 'refresh_token', refresh_token: MOCK_CREDENTIALS.refreshToken, client_id: MOCK_CREDENTIALS.clientId, client_secret: MOCK_CREDENTIALS.clientSecret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const windowEnd = () => new Date(h.clock.now() - 121_000).toISOString();
const start = () => new Date(h.clock.now() - 30 * 86_400_000).toISOString();

async function search(params: Record<string, string>, accessToken?: string) {
  const response = await fetch(`${h.mock.url}/orders/2026-01-01/orders?${new URLSearchParams(params)}`, {
    headers: accessToken === undefined ? {} : { 'x-amz-access-token': accessToken },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

describe('Login with Amazon token endpoint', () => {
  test('a form-encoded refresh_token grant answers access_token, bearer, expires_in 3600, refresh_token', async () => {
    const response = await fetch(`${h.mock.url}/auth/o2/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ grant_type: 'refresh_token', refresh_token: MOCK_CREDENTIALS.refreshToken, client_id: MOCK_CREDENTIALS.clientId, client_secret: MOCK_CREDENTIALS.clientSecret }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: expect.stringMatching(/^Atza\|/), token_type: 'bearer', expires_in: 3600, refresh_token: MOCK_CREDENTIALS.refreshToken });
    expect((await h.state()).tokenExchanges).toBe(1);
  });

  test.each([
    ['a wrong client secret', { client_secret: 'nope' }, 401, 'invalid_client'],
    ['a wrong refresh token', { refresh_token: 'Atzr|nope' }, 400, 'invalid_grant'],
    ['another grant type', { grant_type: 'authorization_code' }, 400, 'unsupported_grant_type'],
  ])('%s → %i %s', async (_, change, status, error) => {
    const response = await fetch(`${h.mock.url}/auth/o2/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ grant_type: 'refresh_token', refresh_token: MOCK_CREDENTIALS.refreshToken, client_id: MOCK_CREDENTIALS.clientId, client_secret: MOCK_CREDENTIALS.clientSecret, ...change }),
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error, error_description: expect.any(String) });
    expect((await h.state()).tokenFailures).toBe(1);
  });
});

describe('x-amz-access-token', () => {
  test.each([
    ['missing', undefined, ''],
    ['unknown', 'Atza|forged', 'The access token you provided is revoked, malformed or invalid.'],
  ])('%s → 403 Unauthorized', async (_, accessToken, details) => {
    const result = await search({ lastUpdatedAfter: start() }, accessToken);
    expect(result.status).toBe(403);
    expect(result.body).toEqual({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details }] });
    expect(result.headers.get('x-amzn-requestid')).toBeTruthy();
  });

  test('expired after its lifetime → 403', async () => {
    const accessToken = await token();
    expect((await search({ lastUpdatedAfter: start() }, accessToken)).status).toBe(200);
    h.clock.advance(3_600_000);
    const result = await search({ lastUpdatedAfter: start() }, accessToken);
    expect(result.status).toBe(403);
    expect(result.body.errors[0].details).toMatch(/expired/);
  });
});

describe('searchOrders', () => {
  test('200 with x-amzn-RequestId and x-amzn-RateLimit-Limit, and a body the spec defines', async () => {
    const result = await search({ lastUpdatedAfter: start(), includedData: 'BUYER,RECIPIENT,PROCEEDS,FULFILLMENT,PROMOTION' }, await token());
    expect(result.status).toBe(200);
    expect(result.headers.get('x-amzn-ratelimit-limit')).toBe('0.0056');
    expect(result.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.body.orders).toHaveLength(40);
    expect(result.body.pagination).toBeUndefined(); // absent on the last page
    expect(Date.parse(result.body.lastUpdatedBefore)).toBe(h.clock.now() - 120_000); // the server's end, echoed
    if (specPresent) expect(violations('SearchOrdersResponse', result.body)).toEqual([]);
  });

  test('seeded data: MFN and FBA, every status, several marketplaces and currencies, pending without prices', async () => {
    const { body } = await search({ lastUpdatedAfter: start(), includedData: 'PROCEEDS,FULFILLMENT' }, await token());
    const orders = body.orders as any[];
    expect(new Set(orders.map((o) => o.fulfillment.fulfilledBy))).toEqual(new Set(['AMAZON', 'MERCHANT']));
    expect(new Set(orders.map((o) => o.fulfillment.fulfillmentStatus)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(orders.map((o) => o.salesChannel.marketplaceId)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(orders.filter((o) => o.proceeds).map((o) => o.proceeds.grandTotal.currencyCode)).size).toBeGreaterThanOrEqual(3);
    const pending = orders.filter((o) => o.fulfillment.fulfillmentStatus === 'PENDING');
    expect(pending.length).toBeGreaterThan(0);
    for (const order of pending) {
      expect(order.proceeds).toBeUndefined();
      expect(order.orderItems.every((item: any) => item.product.price === undefined)).toBe(true);
    }
  });

  test('the same seed gives the same orders', async () => {
    const other = await startHarness();
    try {
      const mine = (await search({ lastUpdatedAfter: start() }, await token())).body.orders.map((o: any) => o.orderId);
      expect((await other.state()).orderIds).toEqual((await h.state()).orderIds);
      expect(mine).toHaveLength(40);
    } finally {
      await other.mock.close();
    }
  });

  test('createdAfter searches by creation time and echoes createdBefore', async () => {
    const createdAfter = new Date(h.clock.now() - 5 * 86_400_000).toISOString();
    const { body } = await search({ createdAfter }, await token());
    expect(body.orders.length).toBeGreaterThan(0);
    expect(body.orders.length).toBeLessThan(40);
    expect(body.orders.every((o: any) => o.createdTime >= createdAfter.slice(0, 19))).toBe(true);
    expect(body.createdBefore).toBe(new Date(h.clock.now() - 120_000).toISOString());
    expect(body.lastUpdatedBefore).toBeUndefined();
  });

  test('includedData decides which datasets appear; order items always do', async () => {
    const accessToken = await token();
    const bare = (await search({ lastUpdatedAfter: start(), maxResultsPerPage: '5' }, accessToken)).body.orders[0];
    expect(Object.keys(bare).sort()).toEqual(['createdTime', 'lastUpdatedTime', 'orderId', 'orderItems', 'programs', 'salesChannel']);
    expect(Object.keys(bare.orderItems[0]).sort()).toEqual(['orderItemId', 'product', 'quantityOrdered']);
    const full = (await search({ lastUpdatedAfter: start(), maxResultsPerPage: '5', includedData: 'BUYER,FULFILLMENT' }, accessToken)).body.orders[0];
    expect(full.buyer).toBeDefined();
    expect(full.fulfillment.fulfillmentStatus).toBeDefined();
    expect(full.proceeds).toBeUndefined();
  });

  test('filters by marketplaceIds, fulfillmentStatuses and fulfilledBy (comma-separated arrays)', async () => {
    const { body } = await search({ lastUpdatedAfter: start(), marketplaceIds: 'A1F83G8C2ARO7P,A1PA6795UKMFR9', fulfilledBy: 'MERCHANT', fulfillmentStatuses: 'SHIPPED,UNSHIPPED', includedData: 'FULFILLMENT' }, await token());
    expect(body.orders.length).toBeGreaterThan(0);
    for (const order of body.orders) {
      expect(['A1F83G8C2ARO7P', 'A1PA6795UKMFR9']).toContain(order.salesChannel.marketplaceId);
      expect(order.fulfillment.fulfilledBy).toBe('MERCHANT');
      expect(['SHIPPED', 'UNSHIPPED']).toContain(order.fulfillment.fulfillmentStatus);
    }
  });

  test.each([
    ['lastUpdatedBefore less than two minutes ago', () => ({ lastUpdatedAfter: start(), lastUpdatedBefore: new Date(h.clock.now() - 119_000).toISOString() }), /two minutes/],
    ['neither createdAfter nor lastUpdatedAfter', () => ({}), /Exactly one/],
    ['both createdAfter and lastUpdatedAfter', () => ({ createdAfter: start(), lastUpdatedAfter: start() }), /Exactly one/],
    ['createdAfter with lastUpdatedBefore', () => ({ createdAfter: start(), lastUpdatedBefore: windowEnd() }), /cannot be combined/],
    ['lastUpdatedBefore before lastUpdatedAfter', () => ({ lastUpdatedAfter: windowEnd(), lastUpdatedBefore: start() }), /equal to or after/],
    ['a date that is not ISO 8601', () => ({ lastUpdatedAfter: 'yesterday' }), /ISO 8601/],
    ['maxResultsPerPage 101', () => ({ lastUpdatedAfter: start(), maxResultsPerPage: '101' }), /between 1 and 100/],
    ['maxResultsPerPage 0', () => ({ lastUpdatedAfter: start(), maxResultsPerPage: '0' }), /between 1 and 100/],
    ['an unknown fulfillmentStatuses value', () => ({ lastUpdatedAfter: start(), fulfillmentStatuses: 'Shipped' }), /fulfillmentStatuses/],
    ['an unknown includedData value', () => ({ lastUpdatedAfter: start(), includedData: 'ITEMS' }), /includedData/],
    ['an unknown marketplace', () => ({ lastUpdatedAfter: start(), marketplaceIds: 'NOPE' }), /marketplaceId/],
    ['a forged paginationToken', () => ({ lastUpdatedAfter: start(), paginationToken: 'abc' }), /paginationToken/],
  ])('%s → 400 InvalidInput', async (_, params, details) => {
    const result = await search(params(), await token());
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: expect.stringMatching(details) }] });
    expect(result.headers.get('x-amzn-ratelimit-limit')).toBe('0.0056');
  });
});

describe('paginationToken', () => {
  test('walks every order once; maxResultsPerPage and includedData may change between pages', async () => {
    const accessToken = await token();
    const base = { lastUpdatedAfter: start(), lastUpdatedBefore: windowEnd() };
    const seen: string[] = [];
    let result = await search({ ...base, maxResultsPerPage: '15' }, accessToken);
    seen.push(...result.body.orders.map((o: any) => o.orderId));
    let pages = 1;
    while (result.body.pagination?.nextToken) {
      result = await search({ ...base, maxResultsPerPage: '10', includedData: 'BUYER', paginationToken: result.body.pagination.nextToken }, accessToken);
      seen.push(...result.body.orders.map((o: any) => o.orderId));
      pages++;
    }
    expect(pages).toBe(4); // 15 + 10 + 10 + 5
    expect(new Set(seen).size).toBe(40);
    expect(seen).toHaveLength(40);
  });

  test('other parameters must repeat unchanged', async () => {
    const accessToken = await token();
    const first = await search({ lastUpdatedAfter: start(), maxResultsPerPage: '10' }, accessToken);
    const second = await search({ lastUpdatedAfter: new Date(h.clock.now() - 86_400_000).toISOString(), paginationToken: first.body.pagination.nextToken }, accessToken);
    expect(second.status).toBe(400);
    expect(second.body.errors[0].details).toMatch(/must match/);
  });

  test('expires after 24 hours', async () => {
    const params = { lastUpdatedAfter: start(), lastUpdatedBefore: windowEnd(), maxResultsPerPage: '10' };
    const first = await search(params, await token());
    h.clock.advance(24 * 3_600_000 + 1_000);
    const late = await search({ ...params, paginationToken: first.body.pagination.nextToken }, await token());
    expect(late.status).toBe(400);
    expect(late.body.errors[0].details).toMatch(/expired/);
  });
});

describe('usage plan', () => {
  test('a bucket per operation: past the burst 429 QuotaExceeded, no Retry-After; it refills at the rate', async () => {
    h.api.setUsagePlan('searchOrders', { rate: 0.5, burst: 2 });
    const accessToken = await token();
    const params = { lastUpdatedAfter: start(), maxResultsPerPage: '1' };
    expect((await search(params, accessToken)).status).toBe(200);
    expect((await search(params, accessToken)).status).toBe(200);
    const throttled = await search(params, accessToken);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }] });
    expect(throttled.headers.get('retry-after')).toBeNull();
    expect(throttled.headers.get('x-amzn-requestid')).toBeTruthy();
    h.clock.advance(2_000);
    expect((await search(params, accessToken)).status).toBe(200);
    const state = await h.state();
    expect(state.operations.searchOrders).toEqual({ requests: 4, throttled: 1 });
    expect(state.usagePlans.searchOrders).toMatchObject({ rate: 0.5, burst: 2 });
  });

  test('the spec\'s plans by default: searchOrders 0.0056/s burst 20, getOrder 0.5/s burst 30', async () => {
    expect((await h.state()).usagePlans).toEqual({ searchOrders: { rate: 0.0056, burst: 20, available: 20 }, getOrder: { rate: 0.5, burst: 30, available: 30 } });
  });

  test('a scripted 429 is the API\'s own throttled answer', async () => {
    const accessToken = await token();
    await h.post('/__mock/faults', { next: [429] });
    const result = await search({ lastUpdatedAfter: start() }, accessToken);
    expect(result.status).toBe(429);
    expect(result.body.errors[0].code).toBe('QuotaExceeded');
  });
});

describe('getOrder', () => {
  test('answers {order} and 404 NotFound for an unknown id', async () => {
    const accessToken = await token();
    const id = (await h.state()).orderIds[0];
    const found = await fetch(`${h.mock.url}/orders/2026-01-01/orders/${id}?includedData=PROCEEDS,FULFILLMENT`, { headers: { 'x-amz-access-token': accessToken } });
    const body = await found.json() as any;
    expect(found.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
    expect(body.order.orderId).toBe(id);
    if (specPresent) expect(violations('GetOrderResponse', body)).toEqual([]);
    const missing = await fetch(`${h.mock.url}/orders/2026-01-01/orders/000-0000000-0000000`, { headers: { 'x-amz-access-token': accessToken } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].code).toBe('NotFound');
  });
});

describe('POST /__mock/orders', () => {
  test('change, add and malformed answer their ids, stamped strictly after every existing order', async () => {
    const before = (await search({ lastUpdatedAfter: start() }, await token())).body.orders as any[];
    const newest = Math.max(...before.map((o) => Date.parse(o.lastUpdatedTime)));
    const answer = await h.post('/__mock/orders', { change: 3, add: 2, malformed: 1 }) as { changed: string[]; added: string[] };
    expect(answer.changed).toHaveLength(3);
    expect(answer.added).toHaveLength(3);
    h.clock.advance(1_000);
    const after = (await search({ lastUpdatedAfter: new Date(newest + 1).toISOString() }, await token())).body.orders as any[];
    expect(after.map((o) => o.orderId).sort()).toEqual([...answer.changed, ...answer.added].sort());
    expect((await h.state()).orders).toBe(43);
  });

  test('orders upserts raw orders as given', async () => {
    const [id] = (await h.state()).orderIds;
    const answer = await h.post('/__mock/orders', { orders: [{ orderId: id, programs: ['AMAZON_BUSINESS'] }, { orderId: '999-0000000-0000001', createdTime: '2025-01-01T00:00:00Z' }] });
    expect(answer).toEqual({ changed: [id], added: ['999-0000000-0000001'] });
  });

  test('reset restores the seeded orders', async () => {
    await h.post('/__mock/orders', { add: 5 });
    await h.post('/__mock/reset', {});
    expect((await h.state()).orders).toBe(40);
  });
});
