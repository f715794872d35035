// pushFulfillment for eBay over real HTTP against the mock: createShippingFulfillment after a
// look-up of the order's fulfillments, partial shipments, a resend after a crash, eBay's refusals,
// the order fulfilled on the next pull, and throttling.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ebayChannel } from '../../../connectors/ebay/index.js';
import { sameTracking, toEbayCarrierCode, toEbayTrackingNumber } from '../../../connectors/ebay/carriers.js';
import { MOCK_CREDENTIALS } from '../../../connectors/ebay/mock.js';
import type { Order, OrderPage, UpdatedCursor } from '../../../src/connector-kit/index.js';
import { startFulfillmentHarness, type FulfillmentHarness } from './fulfillment-helpers.js';
import { loadSpec, violations } from './spec-check.js';

const LINE_A = '10012345678901'; // 2 × TEE-BLK-M in the fixture
const LINE_B = '10012345678902'; // 3 × MUG-12OZ
const CREATE = 'POST /sell/fulfillment/v1/order/:orderId/shipping_fulfillment';

let h: FulfillmentHarness;
beforeEach(async () => { h = await startFulfillmentHarness(); });
afterEach(async () => { await h.close(); });

const orderOnEbay = async (order: Order) => (await h.get(`/sell/fulfillment/v1/order/${order.externalId}`)).body;
const fulfillmentsOnEbay = async (order: Order) => (await h.get(`/sell/fulfillment/v1/order/${order.externalId}/shipping_fulfillment`)).body;

describe('eBay pushFulfillment', () => {
  it('confirms a whole order: every open line, eBay carrier code, tracking as the fulfillment id', async () => {
    const order = await h.plant();
    const outcome = await h.push(order, { carrier: 'usps', trackingNumber: '9400 1118-9922 3197 4284 90' });
    expect(outcome).toEqual({ status: 'ok', externalRef: '9400111899223197428490' });
    const { fulfillments } = await fulfillmentsOnEbay(order);
    expect(fulfillments).toEqual([{
      fulfillmentId: '9400111899223197428490', shipmentTrackingNumber: '9400111899223197428490', shippingCarrierCode: 'USPS',
      shippedDate: new Date(h.clock.now()).toISOString(), lineItems: [{ lineItemId: LINE_A, quantity: 2 }, { lineItemId: LINE_B, quantity: 3 }],
    }]);
    const onEbay = await orderOnEbay(order);
    expect(onEbay.orderFulfillmentStatus).toBe('FULFILLED');
    expect(onEbay.lineItems.map((l: { lineItemFulfillmentStatus: string }) => l.lineItemFulfillmentStatus)).toEqual(['FULFILLED', 'FULFILLED']);
    expect(onEbay.fulfillmentHrefs).toEqual([`${h.server.url}/sell/fulfillment/v1/order/${order.externalId}/shipping_fulfillment/9400111899223197428490`]);
    expect((await h.state()).fulfillments).toMatchObject({ created: 1, duplicates: 0, rejected: 0 });
  });

  it('carries a partial shipment line by line, then the rest', async () => {
    const order = await h.plant();
    expect(await h.push(order, { id: 1, trackingNumber: '1Z999AA10000000001', carrier: 'UPS', lines: [{ externalId: LINE_A, quantity: 1 }] }))
      .toEqual({ status: 'ok', externalRef: '1Z999AA10000000001' });
    let onEbay = await orderOnEbay(order);
    expect([onEbay.orderFulfillmentStatus, onEbay.lineItems[0].lineItemFulfillmentStatus, onEbay.lineItems[1].lineItemFulfillmentStatus]).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'NOT_STARTED']);

    expect(await h.push(order, { id: 2, trackingNumber: '1Z999AA10000000002', carrier: 'UPS', lines: [{ externalId: LINE_A, quantity: 1 }] }))
      .toMatchObject({ status: 'ok' });
    onEbay = await orderOnEbay(order);
    expect([onEbay.orderFulfillmentStatus, onEbay.lineItems[0].lineItemFulfillmentStatus]).toEqual(['IN_PROGRESS', 'FULFILLED']);

    // The rest: no lines = every line still open, which is 3 × LINE_B.
    expect(await h.push(order, { id: 3, trackingNumber: '1Z999AA10000000003', carrier: 'UPS' })).toMatchObject({ status: 'ok' });
    const { fulfillments } = await fulfillmentsOnEbay(order);
    expect(fulfillments.map((f: { lineItems: unknown }) => f.lineItems)).toEqual([
      [{ lineItemId: LINE_A, quantity: 1 }], [{ lineItemId: LINE_A, quantity: 1 }], [{ lineItemId: LINE_B, quantity: 3 }],
    ]);
    expect((await orderOnEbay(order)).orderFulfillmentStatus).toBe('FULFILLED');

    // Nothing is left: a fourth parcel without lines is refused before any create.
    expect(await h.push(order, { id: 4, trackingNumber: '1Z999AA10000000004' })).toEqual({ status: 'rejected', reason: expect.stringMatching(/already fulfilled: no line is left/) });
    expect((await h.state()).fulfillments).toMatchObject({ created: 3, duplicates: 0, rejected: 0 });
  });

  it('a resend after a crash creates nothing twice and answers the same fulfillment id', async () => {
    const order = await h.plant();
    const first = await h.push(order);
    const again = await h.push(order);
    expect(again).toEqual(first);
    const state = await h.state();
    expect(state.fulfillments).toMatchObject({ created: 1, duplicates: 0 });
    expect(state.byRoute[CREATE]).toBe(1);
  });

  it('an answer lost after eBay created the fulfillment is a retry, and the retry finds it', async () => {
    const order = await h.plant();
    await h.push(await h.plant()); // the token is minted: the next push is look-up, getOrder, create
    await h.faults(['none', 'none', 'malformed']); // the create's 201 arrives garbled
    const lost = await h.push(order, { trackingNumber: 'LOST0001' });
    expect(lost).toMatchObject({ status: 'retry' });
    expect((await fulfillmentsOnEbay(order)).total).toBe(1); // eBay did create it
    expect(await h.push(order, { trackingNumber: 'LOST0001' })).toEqual({ status: 'ok', externalRef: 'LOST0001' });
    expect((await h.state()).fulfillments).toMatchObject({ created: 2, duplicates: 0 });
  });

  it('maps eBay\'s refusals to rejected with a clear reason', async () => {
    const order = await h.plant();
    const reasonOf = async (outcome: Promise<unknown>) => {
      const settled = (await outcome) as { status: string; reason: string };
      expect(settled.status).toBe('rejected');
      return settled.reason;
    };
    expect(await reasonOf(h.push({ ...order, externalId: '99-99999-99999' }))).toMatch(/order 99-99999-99999: unknown order \(32100 Invalid Order Id: 99-99999-99999\)/);
    expect(await reasonOf(h.push(order, { lines: [{ externalId: '10099999999999', quantity: 1 }] }))).toMatch(/unknown line item \(32200 Invalid line item id: 10099999999999\)/);
    expect(await reasonOf(h.push(order, { lines: [{ externalId: LINE_A, quantity: 3 }] }))).toMatch(/quantity 3 is more than the 2 left to ship/);
    expect(await reasonOf(h.push(order, { carrier: 'USPS', trackingNumber: '---' }))).toMatch(/no letters or digits/);

    const shipped = await h.plant({ orderFulfillmentStatus: 'FULFILLED', lineItems: fulfilledLines() });
    expect(await reasonOf(h.push(shipped, { lines: [{ externalId: LINE_B, quantity: 1 }] }))).toMatch(/invalid input \(32600 Invalid input data: Order .* is already fulfilled\.\)/);
    expect(await reasonOf(h.push(shipped))).toMatch(/already fulfilled: no line is left to ship/);
    expect((await h.state()).fulfillments).toMatchObject({ created: 0, duplicates: 0, rejected: 3 }); // the others never left ordersync
  });

  it('refuses an eBay-fulfilled order without asking eBay', async () => {
    const order = await h.plant({ program: { fulfillmentProgram: { fulfilledBy: 'EBAY' } } });
    expect(order.fulfilledBy).toBe('channel');
    expect(await h.push(order)).toEqual({ status: 'rejected', reason: expect.stringMatching(/fulfilled by eBay/) });
    expect((await h.state()).byRoute).toEqual({});
  });

  it('a later pull shows the order partly fulfilled, then fulfilled', async () => {
    const order = await h.plant();
    const pull = async (checkpoint?: UpdatedCursor) => {
      const pages: OrderPage<UpdatedCursor>[] = [];
      for await (const page of ebayChannel.pullOrders(h.ctx, { checkpoint, since: checkpoint ? undefined : new Date(h.clock.now() - 86_400_000) })) pages.push(page);
      return { orders: pages.flatMap((p) => p.orders), checkpoint: pages.at(-1)?.checkpoint };
    };
    const first = await pull();
    expect(first.orders.find((o) => o.externalId === order.externalId)?.fulfillmentStatus).toBe('unfulfilled');

    h.clock.advance(60_000);
    await h.push(order, { id: 1, trackingNumber: 'PART0001', lines: [{ externalId: LINE_A, quantity: 2 }] });
    h.clock.advance(1_000);
    const second = await pull(first.checkpoint);
    expect(second.orders.map((o) => [o.externalId, o.fulfillmentStatus])).toEqual([[order.externalId, 'partial']]);

    h.clock.advance(60_000);
    await h.push(order, { id: 2, trackingNumber: 'REST0001' });
    h.clock.advance(1_000);
    const third = await pull(second.checkpoint);
    expect(third.orders.map((o) => [o.externalId, o.fulfillmentStatus])).toEqual([[order.externalId, 'fulfilled']]);
  });

  it('honours throttling: a 429 on the look-up is retried with backoff, a 429 on the create is a retry outcome', async () => {
    const order = await h.plant();
    await h.faults(['none', 429]); // token, then the look-up is throttled once
    expect(await h.push(order, { id: 1, trackingNumber: 'THRT0001', lines: [{ externalId: LINE_A, quantity: 1 }] })).toMatchObject({ status: 'ok' });
    expect(h.clock.slept).toHaveLength(1); // the shared backoff: no Retry-After to read (errorId 2001)

    await h.faults(['none', 429]); // look-up passes, the create is throttled
    const throttled = await h.push(order, { id: 2, trackingNumber: 'THRT0002', lines: [{ externalId: LINE_A, quantity: 1 }] });
    expect(throttled).toEqual({ status: 'retry', reason: expect.stringMatching(/429/), retryAfterMs: undefined });
    expect(await h.push(order, { id: 2, trackingNumber: 'THRT0002', lines: [{ externalId: LINE_A, quantity: 1 }] })).toEqual({ status: 'ok', externalRef: 'THRT0002' });
    const state = await h.state();
    expect(state.throttled).toBe(2);
    expect(state.fulfillments).toMatchObject({ created: 2, duplicates: 0 });
  });
});

describe('the eBay mock\'s shipping fulfillments', () => {
  it('answers 34500 and counts a duplicate when the same tracking number is created twice', async () => {
    const order = await h.plant();
    const create = async () => {
      const token = await writeToken();
      return fetch(`${h.server.url}/sell/fulfillment/v1/order/${order.externalId}/shipping_fulfillment`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ lineItems: [{ lineItemId: LINE_A, quantity: 1 }], shippingCarrierCode: 'USPS', trackingNumber: 'DUPE0001' }),
      });
    };
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${h.server.url}/sell/fulfillment/v1/order/${order.externalId}/shipping_fulfillment/DUPE0001`);
    expect(await created.json()).toEqual({});
    const twice = await create();
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as { errors: { errorId: number }[] }).errors[0]?.errorId).toBe(34500);
    expect((await h.state()).fulfillments).toMatchObject({ created: 1, duplicates: 1 });
  });

  it('refuses a token without the sell.fulfillment scope with 403 errorId 1100', async () => {
    const order = await h.plant();
    const token = await writeToken('https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly');
    const response = await fetch(`${h.server.url}/sell/fulfillment/v1/order/${order.externalId}/shipping_fulfillment`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lineItems: [{ lineItemId: LINE_A, quantity: 1 }], shippingCarrierCode: 'USPS', trackingNumber: 'SCOPE001' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { errorId: number }[] }).errors[0]?.errorId).toBe(1100);
  });

  it('answers getShippingFulfillments and getOrder as the OpenAPI contract defines them', async (context) => {
    const spec = loadSpec();
    if (!spec) return context.skip();
    const order = await h.plant();
    await h.push(order, { lines: [{ externalId: LINE_A, quantity: 1 }] });
    expect(violations(spec, 'ShippingFulfillmentPagedCollection', await fulfillmentsOnEbay(order))).toEqual([]);
    const one = await h.get(`/sell/fulfillment/v1/order/${order.externalId}/shipping_fulfillment/9400111899223197428490`);
    expect(violations(spec, 'ShippingFulfillment', one.body)).toEqual([]);
    expect(violations(spec, 'Order', await orderOnEbay(order))).toEqual([]);
  });
});

describe('eBay carrier codes and tracking numbers', () => {
  it.each([
    ['USPS', 'USPS'], ['usps', 'USPS'], ['stamps_com', 'USPS'], ['UPS', 'UPS'], ['ups', 'UPS'], ['FedEx', 'FedEx'], ['FEDEX', 'FedEx'],
    ['fedex', 'FedEx'], ['DHL', 'DHL'], ['dhl_express', 'DHL'], ['Deutsche Post', 'DeutschePost'], ['Hermes', 'Hermes'],
    ['Royal Mail', 'Royal Mail'], [' PostNL ', 'PostNL'],
  ])('%s → %s', (ours, ebays) => {
    expect(toEbayCarrierCode(ours)).toBe(ebays);
  });

  it('keeps only letters and digits, and compares in any case', () => {
    expect(toEbayTrackingNumber('1Z 999-AA1 0123')).toBe('1Z999AA10123');
    expect(sameTracking('1z999aa10123', '1Z 999-AA1 0123')).toBe(true);
    expect(sameTracking(undefined, 'X')).toBe(false);
  });
});

function fulfilledLines() {
  return [
    { lineItemId: LINE_A, sku: 'TEE-BLK-M', title: 'Logo Tee Black M', quantity: 2, lineItemCost: { value: '50.00', currency: 'USD' }, discountedLineItemCost: { value: '45.00', currency: 'USD' }, taxes: [{ amount: { value: '3.71', currency: 'USD' } }], lineItemFulfillmentStatus: 'FULFILLED' },
    { lineItemId: LINE_B, sku: 'MUG-12OZ', title: 'Mug 12oz', quantity: 3, lineItemCost: { value: '39.00', currency: 'USD' }, taxes: [{ amount: { value: '3.00', currency: 'USD' } }], lineItemFulfillmentStatus: 'FULFILLED' },
  ];
}

async function writeToken(scope = 'https://api.ebay.com/oauth/api_scope/sell.fulfillment'): Promise<string> {
  const basic = Buffer.from(`${MOCK_CREDENTIALS.clientId}:${MOCK_CREDENTIALS.clientSecret}`).toString('base64');
  const response = await fetch(`${h.server.url}/identity/v1/oauth2/token`, {
    method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: MOCK_CREDENTIALS.refreshToken, scope }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
