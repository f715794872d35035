// pushFulfillment for Shopify over real HTTP against the mock (GraphQL Admin API), the fake clock
// shared through MockOptions.clock: the look-up of fulfillment orders and fulfillments, then
// fulfillmentCreate; partial parcels, resends, userErrors, THROTTLED, and the order on the next pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ConnectorContext, type DeliveryOutcome, type Order, type OrderPage, type ShipmentToConfirm, type UpdatedCursor } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { shopifyChannel } from '../../../connectors/shopify/index.js';
import { FULFILLMENT_STATE_QUERY } from '../../../connectors/shopify/fulfillment.js';
import { createShopifyMock, MOCK_CREDENTIALS } from '../../../connectors/shopify/mock.js';
import { requestedQueryCost } from '../../../connectors/shopify/query-cost.js';
import { ShopifySettings } from '../../../connectors/shopify/settings.js';
import { graphqlRequest } from './helpers.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Seed 1, 12 orders: order …009 is UNFULFILLED with 3 × SOCK-3PK (line …090) and 3 × CAP-NAVY (line …091); …004 is FULFILLED.
const OPEN_ORDER = '5500000000009';
const SOCKS = '13200000000090';
const CAPS = '13200000000091';
const SHIPPED_ORDER = '5500000000004';

function fakeClock(start = Date.parse('2026-03-14T12:00:00.000Z')) {
  let t = start;
  const slept: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { slept.push(ms); t += ms; await new Promise((resolve) => setImmediate(resolve)); }, advance: (ms: number) => { t += ms; }, slept };
}

let clock: ReturnType<typeof fakeClock>;
let server: RunningMock;
let orders: Map<string, Order>;
let checkpoint: UpdatedCursor | undefined;

const context = (settings: Record<string, unknown> = {}): ConnectorContext<ShopifySettings> => createContext({
  role: 'channel', name: 'shop-test', clock, timeoutMs: 2_000, secrets: [MOCK_CREDENTIALS.accessToken],
  settings: ShopifySettings.parse({ shopUrl: server.url, accessToken: MOCK_CREDENTIALS.accessToken, overlapSeconds: 0, ...settings }),
});
async function pull(from?: UpdatedCursor): Promise<{ orders: Order[]; checkpoint?: UpdatedCursor }> {
  const pages: OrderPage<UpdatedCursor>[] = [];
  for await (const page of shopifyChannel.pullOrders(context(), { checkpoint: from, since: from ? undefined : new Date(0) })) pages.push(page);
  return { orders: pages.flatMap((p) => p.orders.map((o) => ({ ...o, channel: 'shop-test' }) as Order)), checkpoint: pages.at(-1)?.checkpoint };
}
const state = async () => (await (await fetch(`${server.url}/__mock/state`)).json()) as Raw;
const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Raw> => (await graphqlRequest(server.url, query, variables)).body;
const onShopify = async (id: string) => { clock.advance(20_000); /* a full bucket for a 560-point read */ const body = await gql(FULFILLMENT_STATE_QUERY, { id: `gid://shopify/Order/${id}` }); if (!body.data) throw new Error(JSON.stringify(body)); return body.data.order; };

function push(order: Order, shipment: Partial<ShipmentToConfirm> = {}, settings: Record<string, unknown> = {}): Promise<DeliveryOutcome> {
  const full: ShipmentToConfirm = { id: 1, carrier: 'ups', service: 'Ground', trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784', lines: [], ...shipment };
  return shopifyChannel.pushFulfillment!(context(settings), { order, shipment: full, idempotencyKey: `shipment-${full.id}`, attempt: 1 });
}

beforeEach(async () => {
  clock = fakeClock();
  server = await startMock(createShopifyMock({ seed: 1, orders: 12, clock }), { port: 0, seed: 1 });
  const first = await pull();
  orders = new Map(first.orders.map((o) => [o.externalId, o]));
  checkpoint = first.checkpoint;
});
afterEach(async () => { await server.close(); });

describe('Shopify pushFulfillment', () => {
  it('fulfils every open line with tracking company, number and URL, notifying the customer', async () => {
    const outcome = await push(orders.get(OPEN_ORDER)!);
    expect(outcome).toEqual({ status: 'ok', externalRef: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\/\d+$/) });
    const order = await onShopify(OPEN_ORDER);
    expect(order.displayFulfillmentStatus).toBe('FULFILLED');
    expect(order.fulfillments).toEqual([{ id: (outcome as { externalRef: string }).externalRef, trackingInfo: [{ number: '1Z999AA10123456784' }] }]);
    expect(order.fulfillmentOrders.nodes[0]).toMatchObject({ status: 'CLOSED' });
    const full = await gql(`{ order(id: "gid://shopify/Order/${OPEN_ORDER}") { fulfillments(first: 5) { trackingInfo(first: 1) { company number url } } } }`);
    expect(full.data.order.fulfillments[0].trackingInfo).toEqual([{ company: 'UPS', number: '1Z999AA10123456784', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }]);
    expect((await state()).fulfillments).toMatchObject({ created: 1, notified: 1, duplicates: 0, rejected: 0 });
  });

  it('carries a partial parcel line by line, then the rest', async () => {
    const order = orders.get(OPEN_ORDER)!;
    expect(await push(order, { id: 1, trackingNumber: 'PART0001', lines: [{ externalId: SOCKS, quantity: 2 }] })).toMatchObject({ status: 'ok' });
    let shopify = await onShopify(OPEN_ORDER);
    expect(shopify.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(shopify.fulfillmentOrders.nodes[0].status).toBe('IN_PROGRESS');
    expect(shopify.fulfillmentOrders.nodes[0].lineItems.nodes.map((l: Raw) => l.remainingQuantity)).toEqual([1, 3]);

    expect(await push(order, { id: 2, trackingNumber: 'REST0001' })).toMatchObject({ status: 'ok' }); // everything still open
    shopify = await onShopify(OPEN_ORDER);
    expect(shopify.displayFulfillmentStatus).toBe('FULFILLED');
    expect(shopify.fulfillments.map((f: Raw) => f.trackingInfo[0].number)).toEqual(['PART0001', 'REST0001']);
    expect(await push(order, { id: 3, trackingNumber: 'MORE0001' })).toEqual({ status: 'rejected', reason: expect.stringMatching(/nothing is left to ship/) });
    expect((await state()).fulfillments).toMatchObject({ created: 2, duplicates: 0 });
  });

  it('a resend confirms nothing twice and answers the same fulfillment id', async () => {
    const order = orders.get(OPEN_ORDER)!;
    const first = await push(order, { lines: [{ externalId: CAPS, quantity: 1 }] });
    const again = await push(order, { lines: [{ externalId: CAPS, quantity: 1 }] });
    expect(again).toEqual(first);
    expect((await state()).fulfillments).toMatchObject({ created: 1, duplicates: 0 });
  });

  it('an answer lost after Shopify created the fulfillment is a retry, and the retry finds it', async () => {
    const order = orders.get(OPEN_ORDER)!;
    await fetch(`${server.url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ next: ['none', 'malformed'] }), headers: { 'content-type': 'application/json' } });
    expect(await push(order)).toMatchObject({ status: 'retry' });
    const second = await push(order);
    expect(second).toMatchObject({ status: 'ok' });
    expect((await state()).fulfillments).toMatchObject({ created: 1, duplicates: 0 });
  });

  it('maps refusals to rejected with a clear reason, Shopify\'s userErrors among them', async () => {
    const order = orders.get(OPEN_ORDER)!;
    const reasonOf = async (outcome: Promise<DeliveryOutcome>) => {
      const settled = await outcome;
      expect(settled.status).toBe('rejected');
      return (settled as { reason: string }).reason;
    };
    expect(await reasonOf(push({ ...order, externalId: '5500000099999' }))).toMatch(/Shopify has no order 5500000099999/);
    expect(await reasonOf(push(order, { lines: [{ externalId: '13299999999999', quantity: 1 }] }))).toMatch(/unknown line item 13299999999999/);
    expect(await reasonOf(push(order, { lines: [{ externalId: SOCKS, quantity: 4 }] })))
      .toBe(`Shopify refused the fulfillment for order ${OPEN_ORDER}: Invalid fulfillment order line item quantity requested. (fulfillment.lineItemsByFulfillmentOrder)`);
    expect(await reasonOf(push(orders.get(SHIPPED_ORDER)!))).toMatch(/nothing is left to ship \(FULFILLED\)/);
    expect((await state()).fulfillments).toMatchObject({ created: 0, rejected: 1 });
  });

  it('waits out THROTTLED with the cost bucket and sends notifyCustomer from the settings', async () => {
    await fetch(`${server.url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ next: ['none', '429'], retryAfterSeconds: 4 }), headers: { 'content-type': 'application/json' } });
    expect(await push(orders.get(OPEN_ORDER)!, {}, { notifyCustomer: false })).toMatchObject({ status: 'ok' });
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1_000);
    const after = await state();
    expect(after.fulfillments).toMatchObject({ created: 1, notified: 0 });
    expect(after.throttled).toBe(1);
  });

  it('a later pull shows the order partially fulfilled, then fulfilled', async () => {
    const order = orders.get(OPEN_ORDER)!;
    clock.advance(60_000);
    await push(order, { id: 1, trackingNumber: 'PART0001', lines: [{ externalId: CAPS, quantity: 3 }] });
    clock.advance(1_000);
    const second = await pull(checkpoint);
    expect(second.orders.find((o) => o.externalId === OPEN_ORDER)?.fulfillmentStatus).toBe('partial');
    clock.advance(60_000);
    await push(order, { id: 2, trackingNumber: 'REST0001' });
    clock.advance(1_000);
    const third = await pull(second.checkpoint);
    expect(third.orders.find((o) => o.externalId === OPEN_ORDER)?.fulfillmentStatus).toBe('fulfilled');
    expect(third.orders.filter((o) => o.fulfillmentStatus === 'fulfilled').map((o) => o.externalId)).toEqual([OPEN_ORDER]);
  });

  it('keeps the look-up under the single-query cost cap', () => {
    expect(requestedQueryCost(FULFILLMENT_STATE_QUERY, { id: 'gid://shopify/Order/1' })).toBeLessThan(1000);
  });
});

describe('the Shopify mock\'s fulfillmentCreate', () => {
  const CREATE = `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { field message } } }`;
  const create = (foId: string, items?: { id: string; quantity: number }[]) => gql(CREATE, { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foId, ...(items ? { fulfillmentOrderLineItems: items } : {}) }], trackingInfo: { number: 'X1' } } });

  it('refuses a closed fulfillment order, an unknown line item and a quantity above what remains', async () => {
    const closed = await create(`gid://shopify/FulfillmentOrder/${SHIPPED_ORDER}`);
    expect(closed.data.fulfillmentCreate).toEqual({ fulfillment: null, userErrors: [{ field: ['fulfillment', 'lineItemsByFulfillmentOrder'], message: `Fulfillment order ${SHIPPED_ORDER} has an unfulfillable status= closed.` }] });
    const unknown = await create(`gid://shopify/FulfillmentOrder/${OPEN_ORDER}`, [{ id: 'gid://shopify/FulfillmentOrderLineItem/1', quantity: 1 }]);
    expect(unknown.data.fulfillmentCreate.userErrors[0].message).toBe('Invalid fulfillment order line item id.');
    const tooMany = await create(`gid://shopify/FulfillmentOrder/${OPEN_ORDER}`, [{ id: `gid://shopify/FulfillmentOrderLineItem/${SOCKS}`, quantity: 4 }]);
    expect(tooMany.data.fulfillmentCreate.userErrors[0].message).toBe('Invalid fulfillment order line item quantity requested.');
    const ok = await create(`gid://shopify/FulfillmentOrder/${OPEN_ORDER}`);
    expect(ok.data.fulfillmentCreate).toEqual({ fulfillment: { id: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\//) }, userErrors: [] });
    expect(ok.extensions.cost.requestedQueryCost).toBe(13); // 10 for the mutation, 1 each for the payload, fulfillment and userErrors
    expect((await state()).fulfillments).toMatchObject({ created: 1, rejected: 3 });
  });
});
