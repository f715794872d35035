import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../../connectors/ebay/mock.js';
import { startHarness, type Harness, type MockState } from './harness.js';
import { documentedErrorIds, loadSpec, violations } from './spec-check.js';

const spec = loadSpec();
const ORDERS = '/sell/fulfillment/v1/order';

describe('eBay mock: the getOrders wire protocol', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await startHarness({ orders: 40 });
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: MOCK_CREDENTIALS.refreshToken });
    const response = await fetch(`${h.server.url}/identity/v1/oauth2/token`, {
      method: 'POST', body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${MOCK_CREDENTIALS.clientId}:${MOCK_CREDENTIALS.clientSecret}`).toString('base64')}` },
    });
    token = ((await response.json()) as { access_token: string }).access_token;
  });
  afterEach(async () => { await h.close(); });

  const iso = (ms: number) => new Date(ms).toISOString();
  const get = async (query: string, authorization: string | null = `Bearer ${token}`) => {
    const response = await fetch(`${h.server.url}${ORDERS}${query}`, { headers: authorization ? { authorization } : {} });
    return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const filter = (text: string) => `?filter=${encodeURIComponent(text)}`;
  const lastDays = (days: number) => filter(`lastmodifieddate:[${iso(h.clock.now() - days * 86_400_000)}..]`);

  it('pages with limit/offset and answers href, total, next and prev as full getOrders URIs', async () => {
    const first = await get(`${lastDays(30)}&limit=15`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 40, limit: 15, offset: 0 });
    expect(first.body.orders).toHaveLength(15);
    expect(first.body.href).toBe(`${h.server.url}${ORDERS}${lastDays(30)}&limit=15`);
    expect(first.body.prev).toBeUndefined();
    const next = new URL(first.body.next);
    expect([next.pathname, next.searchParams.get('offset'), next.searchParams.get('limit'), next.searchParams.get('filter')])
      .toEqual([ORDERS, '15', '15', `lastmodifieddate:[${iso(h.clock.now() - 30 * 86_400_000)}..]`]);
    const last = await get(`${lastDays(30)}&limit=15&offset=30`);
    expect(last.body.orders).toHaveLength(10);
    expect(last.body.next).toBeUndefined();
    expect(new URL(last.body.prev).searchParams.get('offset')).toBe('15');
    const ids = [...first.body.orders, ...(await get(`${lastDays(30)}&limit=15&offset=15`)).body.orders, ...last.body.orders].map((o) => o.orderId);
    expect(new Set(ids).size).toBe(40);
  });

  it('defaults to limit 50 and, with no filter, to orders created in the last 90 days', async () => {
    const { body } = await get('');
    expect(body).toMatchObject({ limit: 50, offset: 0, total: 40 });
    expect(body.next).toBeUndefined();
  });

  it('filters lastmodifieddate inclusively on both ends; creationdate wins when both are given', async () => {
    const all = (await get(`${lastDays(30)}&limit=200`)).body.orders as { lastModifiedDate: string; creationDate: string }[];
    const pivot = all.map((o) => o.lastModifiedDate).sort()[20]!;
    const upTo = await get(`${filter(`lastmodifieddate:[${iso(h.clock.now() - 30 * 86_400_000)}..${pivot}]`)}&limit=200`);
    expect(upTo.body.total).toBe(21);
    const from = await get(`${filter(`lastmodifieddate:[${pivot}..]`)}&limit=200`);
    expect(from.body.total).toBe(20);
    const both = await get(`${filter(`creationdate:[${iso(h.clock.now() - 86_400_000)}..],lastmodifieddate:[${pivot}..]`)}&limit=200`);
    expect(both.body.total).toBe(all.filter((o) => o.creationDate >= iso(h.clock.now() - 86_400_000)).length);
  });

  it('filters orderfulfillmentstatus by the two supported sets only', async () => {
    const open = await get(`${filter(`orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}`)}&limit=200`);
    expect(open.status).toBe(200);
    expect(open.body.orders.every((o: { orderFulfillmentStatus: string }) => o.orderFulfillmentStatus !== 'FULFILLED')).toBe(true);
    expect((await get(filter('orderfulfillmentstatus:{FULFILLED}'))).body.errors[0]).toMatchObject({ errorId: 30800 });
  });

  it.each([
    ['a limit over 200', `${'?limit=201'}`, 31100, 'Invalid limit: 201'],
    ['a limit of 0', '?limit=0', 31100, 'Invalid limit: 0'],
    ['a negative offset', '?offset=-1', 31000, 'Invalid offset: -1'],
    ['an unknown filter name', '?filter=modifieddate:%5B2026-01-01T00:00:00.000Z..%5D', 30700, 'Invalid filter name: modifieddate'],
    ['a date without brackets', '?filter=lastmodifieddate:2026-01-01T00:00:00.000Z', 30800, 'Invalid filter value 2026-01-01T00:00:00.000Z for filter lastmodifieddate'],
    ['a date without millis', '?filter=lastmodifieddate:%5B2026-01-01T00:00:00Z..%5D', 30810, 'Invalid date format'],
    ['no start date', '?filter=lastmodifieddate:%5B..2026-01-01T00:00:00.000Z%5D', 30820, 'Start date is missing'],
    ['a start after the end', '?filter=lastmodifieddate:%5B2026-02-01T00:00:00.000Z..2026-01-01T00:00:00.000Z%5D', 30840, 'Start date should be before end date'],
    ['an end in the future', '?filter=lastmodifieddate:%5B2026-03-01T00:00:00.000Z..2026-03-14T12:00:00.001Z%5D', 30850, "Start and end dates can't be in the future"],
    ['a range over two years', '?filter=creationdate:%5B2023-01-01T00:00:00.000Z..2026-01-01T00:00:00.000Z%5D', 30830, "Time range between start date and end date must be within '2' years."],
    ['an unknown field group', '?fieldGroups=EVERYTHING', 32800, 'Invalid field group: EVERYTHING'],
    ['51 order ids', `?orderIds=${Array.from({ length: 51 }, (_, i) => `01-00000-${i}`).join(',')}`, 30900, 'Exceeded maximum number of order IDs (the current limit is 50)'],
  ])('answers %s with 400 and the spec\'s error for it', async (_, query, errorId, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [expect.objectContaining({ errorId, domain: 'API_FULFILLMENT', category: 'REQUEST', message, longMessage: message, parameters: expect.any(Array) })] });
    if (spec) expect(documentedErrorIds(spec, '/order', 'get', '400')).toContain(errorId);
  });

  it('answers the common auth errors: 400 1002 without a token, 400 1003 for another scheme, 401 1001 for a bad one', async () => {
    expect(await get('', null)).toMatchObject({ status: 400, body: { errors: [{ errorId: 1002, domain: 'OAuth', message: 'Missing access token' }] } });
    expect(await get('', `Basic ${token}`)).toMatchObject({ status: 400, body: { errors: [{ errorId: 1003 }] } });
    expect(await get('', 'Bearer v^1.1#forged')).toEqual({ status: 401, body: { errors: [{
      errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token',
      longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.',
    }] } });
    h.clock.advance(7_200_000);
    expect((await get('')).status).toBe(401); // tokens live 7,200 s
  });

  it('returns orderIds regardless of filter and paging; taxType only with fieldGroups=TAX_BREAKDOWN', async () => {
    const ids = ((await h.control<MockState>('state')).orderIds).slice(0, 3);
    const { body } = await get(`?orderIds=${ids.join(',')}&limit=1&filter=orderfulfillmentstatus:%7BFULFILLED%7D`);
    expect(body.orders.map((o: { orderId: string }) => o.orderId).sort()).toEqual([...ids].sort());
    const taxed = (await get(`${lastDays(30)}&limit=200&fieldGroups=TAX_BREAKDOWN`)).body.orders.flatMap((o: any) => o.lineItems).flatMap((l: any) => l.taxes); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(taxed.length).toBeGreaterThan(0);
    expect(taxed.every((t: { taxType?: string }) => t.taxType === 'STATE_SALES_TAX')).toBe(true);
    const plain = (await get(`${lastDays(30)}&limit=200`)).body.orders.flatMap((o: any) => o.lineItems).flatMap((l: any) => l.taxes); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(plain.some((t: { taxType?: string }) => 'taxType' in t)).toBe(false);
  });

  it('changes, adds and breaks orders through POST /__mock/orders, stamping them newer than any', async () => {
    const before = await h.control<MockState & { newestModified: string }>('state');
    const answer = await h.control<{ changed: string[]; added: string[] }>('orders', { change: 4, add: 2, malformed: 1 });
    expect(answer.changed).toHaveLength(4);
    expect(answer.added).toHaveLength(3);
    const after = await h.control<MockState & { newestModified: string }>('state');
    expect(after.orders).toBe(before.orders + 3);
    const changed = (await get(`?orderIds=${answer.changed.join(',')}`)).body.orders;
    // One stamp for the batch: the mock's now, newer than every order before it
    expect(changed.map((o: { lastModifiedDate: string }) => o.lastModifiedDate)).toEqual(Array(4).fill(iso(h.clock.now())));
    expect(after.newestModified).toBe(iso(h.clock.now()));
    expect(before.newestModified < after.newestModified).toBe(true);
    const upserted = await h.control<{ changed: string[]; added: string[] }>('orders', { orders: [{ orderId: answer.changed[0], orderPaymentStatus: 'FULLY_REFUNDED' }, { orderId: '99-99999-99999', creationDate: iso(h.clock.now()) }] });
    expect(upserted).toEqual({ changed: [answer.changed[0]], added: ['99-99999-99999'] });
  });

  it('same seed, same orders', async () => {
    const again = await startHarness({ orders: 40 });
    try {
      expect((await again.control<MockState>('state')).orderIds).toEqual((await h.control<MockState>('state')).orderIds);
    } finally {
      await again.close();
    }
  });

  it('reports orders, token exchanges and quota used in /__mock/state', async () => {
    await get('');
    const state = await h.control<MockState>('state');
    expect(state).toMatchObject({ name: 'ebay', orders: 40, received: { tokenExchanges: 1, getOrders: 1 }, quota: { limit: 100_000, used: 1, day: '2026-03-14' } });
  });

  it.skipIf(!spec)('answers bodies that fit eBay\'s OpenAPI contract (OrderSearchPagedCollection, Error)', async () => {
    const full = await get(`${lastDays(30)}&limit=200&offset=0&fieldGroups=TAX_BREAKDOWN`);
    expect(violations(spec!, 'OrderSearchPagedCollection', full.body)).toEqual([]);
    const paged = await get(`${lastDays(30)}&limit=10&offset=10`);
    expect(violations(spec!, 'OrderSearchPagedCollection', paged.body)).toEqual([]);
    for (const query of ['?limit=500', '?filter=nonsense:1']) {
      const { body } = await get(query);
      expect(body.errors.flatMap((error: unknown) => violations(spec!, 'Error', error))).toEqual([]);
    }
    expect((await get('', 'Bearer nope')).body.errors.flatMap((error: unknown) => violations(spec!, 'Error', error))).toEqual([]);
  });
});
