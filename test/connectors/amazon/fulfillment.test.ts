// pushFulfillment for Amazon over real HTTP against the mock, on a fake clock the mock shares
// (MockOptions.clock): confirmShipment (v0) after a look-up of the order's packages (getOrder
// v2026-01-01, includedData=PACKAGES), partial shipments, a resend after a crash, Amazon's
// refusals, the order fulfilled on the next pull, and confirmShipment's usage plan.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { amazonChannel } from '../../../connectors/amazon/index.js';
import { sameTracking, toAmazonCarrier } from '../../../connectors/amazon/carriers.js';
import { accessTokenFor } from '../../../connectors/amazon/client.js';
import { toChannelOrder } from '../../../connectors/amazon/mapping.js';
import type { ConnectorContext, DeliveryOutcome, Order, ShipmentToConfirm, UpdatedCursor } from '../../../src/connector-kit/index.js';
import type { AmazonSettings } from '../../../connectors/amazon/settings.js';
import { pricedOrder, withStatus } from './fixtures.js';
import { pullAll, startHarness, type Harness } from './helpers.js';
import { specPresent, violations } from './spec.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ITEM_A = '12345678901234'; // 2 × TEE-BLK-M in the fixture
const ITEM_B = '12345678901235'; // 1 × MUG-12OZ
const TRACKING = '1Z999AA10123456784';

let h: Harness;
let ctx: ConnectorContext<AmazonSettings>;
let planted = 0;
beforeEach(async () => {
  h = await startHarness({ orders: 3 });
  ctx = h.ctx(); // one context, as the runtime keeps one per channel: the buckets live with it
});
afterEach(async () => { await h.mock.close(); });

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Plants an order on the mock (the fixture: 2 × ITEM_A, 1 × ITEM_B, merchant-fulfilled, UNSHIPPED) and answers it normalized. */
async function plant(raw: Raw = pricedOrder()): Promise<Order> {
  const order = { ...raw, orderId: `113-0000000-${String(++planted).padStart(7, '0')}`, createdTime: iso(h.clock.now() - 7_200_000), lastUpdatedTime: iso(h.clock.now() - 3_600_000) };
  await h.post('/__mock/orders', { orders: [order] });
  const mapped = toChannelOrder(order);
  if (!('order' in mapped)) throw new Error(mapped.rejected.reason);
  return { ...mapped.order, channel: 'amazon-test' };
}

function push(order: Order, shipment: Partial<ShipmentToConfirm> = {}): Promise<DeliveryOutcome> {
  const full: ShipmentToConfirm = { id: 101, carrier: 'UPS', service: 'Ground', trackingNumber: TRACKING, trackingUrl: null, lines: [], ...shipment };
  return amazonChannel.pushFulfillment!(ctx, { order, shipment: full, idempotencyKey: `shipment-${full.id}`, attempt: 1 });
}

/** The order as getOrder shows it with FULFILLMENT and PACKAGES. */
async function onAmazon(order: Order): Promise<Raw> {
  const response = await fetch(`${h.mock.url}/orders/2026-01-01/orders/${order.externalId}?includedData=FULFILLMENT,PACKAGES`, {
    headers: { 'x-amz-access-token': await accessTokenFor(ctx) },
  });
  return ((await response.json()) as { order: Raw }).order;
}

const confirmations = async () => (await h.state()).shipmentConfirmation as { requests: number; throttled: number; confirmed: number; duplicates: number; rejected: number };
const quantities = (order: Raw) => order.orderItems.map((item: Raw) => [item.orderItemId, item.fulfillment.quantityFulfilled, item.fulfillment.quantityUnfulfilled]);

describe('Amazon pushFulfillment', () => {
  test('confirms a whole order: every unshipped item in one package, referenced by the shipment id', async () => {
    const order = await plant();
    expect(await push(order)).toEqual({ status: 'ok', externalRef: '101' });
    const shipped = await onAmazon(order);
    expect(shipped.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(quantities(shipped)).toEqual([[ITEM_A, 2, 0], [ITEM_B, 1, 0]]);
    expect(shipped.packages).toEqual([{
      packageReferenceId: '101', createdTime: new Date(h.clock.now()).toISOString(), packageStatus: { status: 'SHIPPED' },
      carrier: 'UPS', shipTime: new Date(h.clock.now()).toISOString(), shippingService: 'Ground', trackingNumber: TRACKING,
      packageItems: [{ orderItemId: ITEM_A, quantity: 2 }, { orderItemId: ITEM_B, quantity: 1 }],
    }]);
    expect(Date.parse(shipped.lastUpdatedTime)).toBeGreaterThan(h.clock.now() - 1_000);
    if (specPresent) expect(violations('Order', shipped)).toEqual([]);
    expect(await confirmations()).toMatchObject({ requests: 1, confirmed: 1, duplicates: 0, rejected: 0 });
  });

  test('carries a partial shipment item by item, then the rest', async () => {
    const order = await plant();
    expect(await push(order, { id: 1, trackingNumber: 'PARCEL-1', lines: [{ externalId: ITEM_A, quantity: 1 }] })).toEqual({ status: 'ok', externalRef: '1' });
    let seen = await onAmazon(order);
    expect(seen.fulfillment.fulfillmentStatus).toBe('PARTIALLY_SHIPPED');
    expect(quantities(seen)).toEqual([[ITEM_A, 1, 1], [ITEM_B, 0, 1]]);

    expect(await push(order, { id: 2, trackingNumber: 'PARCEL-2', lines: [{ externalId: ITEM_A, quantity: 1 }] })).toEqual({ status: 'ok', externalRef: '2' });
    // No lines: every item still unshipped, which is ITEM_B alone.
    expect(await push(order, { id: 3, trackingNumber: 'PARCEL-3' })).toEqual({ status: 'ok', externalRef: '3' });
    seen = await onAmazon(order);
    expect(seen.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(seen.packages.map((p: Raw) => [p.packageReferenceId, p.trackingNumber, p.packageItems])).toEqual([
      ['1', 'PARCEL-1', [{ orderItemId: ITEM_A, quantity: 1 }]],
      ['2', 'PARCEL-2', [{ orderItemId: ITEM_A, quantity: 1 }]],
      ['3', 'PARCEL-3', [{ orderItemId: ITEM_B, quantity: 1 }]],
    ]);
    // Nothing is left: a fourth parcel without lines is refused before any confirmation.
    expect(await push(order, { id: 4, trackingNumber: 'PARCEL-4' })).toEqual({ status: 'rejected', reason: expect.stringMatching(/already fulfilled \(SHIPPED\): no item is left to ship/) });
    expect(await confirmations()).toMatchObject({ requests: 3, confirmed: 3, duplicates: 0 });
  });

  test('a resend after a crash confirms nothing twice and answers the same package reference', async () => {
    const order = await plant();
    const first = await push(order, { lines: [{ externalId: ITEM_A, quantity: 1 }] });
    expect(await push(order, { lines: [{ externalId: ITEM_A, quantity: 1 }] })).toEqual(first);
    // The tracking number as another system prints it is the same parcel.
    expect(await push(order, { trackingNumber: '1Z 999 AA1 0123 4567 84', lines: [{ externalId: ITEM_A, quantity: 1 }] })).toEqual(first);
    expect(await confirmations()).toMatchObject({ requests: 1, confirmed: 1, duplicates: 0 });
    expect(quantities(await onAmazon(order))).toEqual([[ITEM_A, 1, 1], [ITEM_B, 0, 1]]);
  });

  test('maps Amazon\'s refusals to rejected with a clear reason', async () => {
    const order = await plant();
    const reasonOf = async (outcome: Promise<DeliveryOutcome>) => {
      const settled = await outcome;
      expect(settled.status).toBe('rejected');
      return (settled as { reason: string }).reason;
    };
    expect(await reasonOf(push(order, { lines: [{ externalId: '99999999999999', quantity: 1 }] })))
      .toBe(`Amazon rejected the shipment confirmation for order ${order.externalId}: InvalidInput: OrderItemId is invalid, please obtain the value through the getOrderItems API or Manage Orders page`);
    expect(await reasonOf(push(order, { lines: [{ externalId: ITEM_A, quantity: 3 }] }))).toMatch(/Quantity 3 for OrderItemId 12345678901234 exceeds the 2 unit\(s\) left to ship/);
    expect(await reasonOf(push({ ...order, externalId: '113-9999999-9999999' }))).toMatch(/Amazon does not know order 113-9999999-9999999: NotFound/);

    const shipped = await plant(withStatus('SHIPPED'));
    expect(await reasonOf(push(shipped, { lines: [{ externalId: ITEM_B, quantity: 1 }] }))).toMatch(/order already fulfilled/);
    const pending = await plant(withStatus('PENDING'));
    expect(await reasonOf(push(pending))).toMatch(/not in a shippable state \(PENDING\)/);
    const cancelled = await plant(withStatus('CANCELLED'));
    expect(await reasonOf(push(cancelled))).toMatch(/not in a shippable state \(CANCELLED\)/);
    expect(await confirmations()).toMatchObject({ confirmed: 0, duplicates: 0, rejected: 5 });
  });

  test('refuses an FBA order without asking Amazon: Amazon ships it', async () => {
    const fba = pricedOrder();
    fba.fulfillment.fulfilledBy = 'AMAZON';
    const order = await plant(fba);
    expect(order.fulfilledBy).toBe('channel');
    expect(await push(order)).toEqual({ status: 'rejected', reason: expect.stringMatching(/fulfilled by Amazon \(FBA\)/) });
    const state = await h.state();
    expect(state.operations.getOrder.requests).toBe(0);
    expect(state.shipmentConfirmation.requests).toBe(0);
  });

  test('a carrier Amazon does not list goes as Other with its name', async () => {
    const order = await plant();
    expect(await push(order, { carrier: 'PostNL', service: null })).toMatchObject({ status: 'ok' });
    expect((await onAmazon(order)).packages[0]).toMatchObject({ carrier: 'PostNL', trackingNumber: TRACKING });
  });

  test('a later pull shows the order partly shipped, then shipped', async () => {
    const order = await plant();
    const statusIn = (pages: Awaited<ReturnType<typeof pullAll>>) => pages.flatMap((p) => p.orders).filter((o) => o.externalId === order.externalId).map((o) => o.fulfillmentStatus);
    const first = await pullAll(ctx, { since: new Date(h.clock.now() - 86_400_000) });
    expect(statusIn(first)).toEqual(['unfulfilled']);

    await push(order, { id: 1, trackingNumber: 'PARCEL-1', lines: [{ externalId: ITEM_A, quantity: 2 }] });
    h.clock.advance(180_000); // searchOrders answers for instants at least 2 minutes old
    const second = await pullAll(ctx, { checkpoint: first.at(-1)!.checkpoint as UpdatedCursor });
    expect(statusIn(second)).toEqual(['partial']);

    await push(order, { id: 2, trackingNumber: 'PARCEL-2' });
    h.clock.advance(180_000);
    const third = await pullAll(ctx, { checkpoint: second.at(-1)!.checkpoint as UpdatedCursor });
    expect(statusIn(third)).toEqual(['fulfilled']);
  });
});

describe('confirmShipment usage plan (2/s, burst 10)', () => {
  test('paces itself on its bucket: after the burst of 10 it waits 500 ms per call and is never throttled', async () => {
    const orders = [];
    for (let i = 0; i < 12; i++) orders.push(await plant());
    for (const order of orders) expect(await push(order)).toMatchObject({ status: 'ok' });
    expect(h.clock.slept).toEqual([500, 500]);
    expect(await confirmations()).toMatchObject({ requests: 12, throttled: 0, confirmed: 12 });
    expect((await h.state()).throttled).toBe(0);
  });

  test('a 429 QuotaExceeded is a retry after one refill, and the retry confirms once', async () => {
    const [a, b] = [await plant(), await plant()];
    await push(a); // token minted
    await h.post('/__mock/faults', { next: ['none', 429] }); // getOrder passes, confirmShipment is throttled
    expect(await push(b)).toEqual({ status: 'retry', reason: expect.stringMatching(/429/), retryAfterMs: 500 });
    expect(await push(b)).toEqual({ status: 'ok', externalRef: '101' });
    expect(await confirmations()).toMatchObject({ confirmed: 2, duplicates: 0 });
  });

  test('configured slower by Amazon: one 429, then paced at the rate Amazon reports', async () => {
    h.api.setConfirmShipmentPlan({ rate: 0.5, burst: 1 });
    const [a, b, c] = [await plant(), await plant(), await plant()];
    expect(await push(a)).toMatchObject({ status: 'ok' }); // answered with x-amzn-RateLimit-Limit: 0.5
    const throttled = await push(b);
    expect(throttled).toEqual({ status: 'retry', reason: expect.any(String), retryAfterMs: 2_000 });
    h.clock.advance(2_000); // the push engine waits retryAfterMs
    expect(await push(b)).toMatchObject({ status: 'ok' });
    expect(await push(c)).toMatchObject({ status: 'ok' });
    expect(h.clock.slept).toEqual([2_000]);
    expect(await confirmations()).toMatchObject({ throttled: 1, confirmed: 3, duplicates: 0 });
  });
});

describe('Amazon carrier codes', () => {
  test.each([
    ['UPS', { carrierCode: 'UPS' }], ['ups', { carrierCode: 'UPS' }], ['USPS', { carrierCode: 'USPS' }], ['stamps_com', { carrierCode: 'USPS' }],
    ['fedex', { carrierCode: 'FedEx' }], ['FEDEX', { carrierCode: 'FedEx' }], ['DHL', { carrierCode: 'DHL' }], ['dhl_express', { carrierCode: 'DHL' }],
    ['royal_mail', { carrierCode: 'Royal Mail' }], ['Deutsche Post', { carrierCode: 'Deutsche Post' }], ['canada post', { carrierCode: 'Canada Post' }],
    ['PostNL', { carrierCode: 'Other', carrierName: 'PostNL' }],
  ])('%s → %o', (ours, amazons) => {
    expect(toAmazonCarrier(ours)).toEqual(amazons);
  });

  test('tracking numbers compare without spaces or hyphens, in any case', () => {
    expect(sameTracking('1z999aa10123456784', '1Z 999-AA1 0123 4567 84')).toBe(true);
    expect(sameTracking(undefined, TRACKING)).toBe(false);
  });
});
