// pushFulfillment for WooCommerce over real HTTP against the mock, the fake clock shared through
// MockOptions.clock: a customer note with the tracking link, `completed` once everything shipped,
// partial parcels, resends after a crash, the Shipment Tracking extension, refusals, and the pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ConnectorContext, type DeliveryOutcome, type Order, type OrderPage, type ShipmentToConfirm, type UpdatedCursor } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { woocommerceChannel } from '../../../connectors/woocommerce/index.js';
import { toChannelOrder } from '../../../connectors/woocommerce/mapping.js';
import { createWooMock, MOCK_CREDENTIALS } from '../../../connectors/woocommerce/mock.js';
import { WooSettings } from '../../../connectors/woocommerce/settings.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TEE = '315'; // 2 × Logo Tee
const MUG = '316'; // 1 × Mug
const POST_NOTE = 'POST /wp-json/wc/v3/orders/:id/notes';
const PUT_ORDER = 'PUT /wp-json/wc/v3/orders/:id';

function fakeClock(start = Math.floor(Date.now() / 1000) * 1000) {
  let t = start;
  return { now: () => t, sleep: async (ms: number) => { t += ms; await new Promise((resolve) => setImmediate(resolve)); }, advance: (ms: number) => { t += ms; } };
}

let clock: ReturnType<typeof fakeClock>;
let server: RunningMock;
let planted = 0;
const auth = 'Basic ' + Buffer.from(`${MOCK_CREDENTIALS.consumerKey}:${MOCK_CREDENTIALS.consumerSecret}`).toString('base64');

beforeEach(async () => {
  clock = fakeClock();
  server = await startMock(createWooMock({ seed: 2, orders: 3, clock }), { port: 0, seed: 2 });
});
afterEach(async () => { await server.close(); });

const context = (settings: Record<string, unknown> = {}): ConnectorContext<WooSettings> => createContext({
  role: 'channel', name: 'woo-test', clock, timeoutMs: 2_000,
  settings: WooSettings.parse({ url: server.url, ...MOCK_CREDENTIALS, overlapSeconds: 0, ...settings }),
});
const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/wp-json/wc/v3${path}`, { method, headers: { authorization: auth, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Raw };
};
const state = async () => (await (await fetch(`${server.url}/__mock/state`)).json()) as Raw;

/** Plants the documented example order (2 × Logo Tee, 1 × Mug), an hour old, and answers it normalized. */
async function plant(overrides: Raw = {}): Promise<Order> {
  const stamp = new Date(clock.now() - 3_600_000).toISOString().slice(0, 19);
  const raw = {
    id: 900 + ++planted, parent_id: 0, number: String(900 + planted), status: 'processing', currency: 'EUR',
    date_created_gmt: stamp, date_modified_gmt: stamp, discount_total: '0.00', shipping_total: '5.90', total_tax: '0.00', total: '63.80',
    billing: { first_name: 'Jan', last_name: 'Novak', address_1: 'Hlavni 1', city: 'Brno', postcode: '60200', country: 'CZ', email: 'jan@example.com' },
    shipping: { first_name: 'Jan', last_name: 'Novak', address_1: 'Hlavni 1', city: 'Brno', postcode: '60200', country: 'CZ' },
    line_items: [
      { id: Number(TEE), name: 'Logo Tee - M', quantity: 2, subtotal: '39.90', total: '39.90', total_tax: '0.00', sku: 'TEE-BLK-M', price: 19.95 },
      { id: Number(MUG), name: 'Mug', quantity: 1, subtotal: '18.00', total: '18.00', total_tax: '0.00', sku: 'MUG-12OZ', price: 18 },
    ],
    fee_lines: [], refunds: [], meta_data: [], ...overrides,
  };
  await fetch(`${server.url}/__mock/orders`, { method: 'POST', body: JSON.stringify({ orders: [raw] }), headers: { 'content-type': 'application/json' } });
  const mapped = toChannelOrder(raw);
  if (!('order' in mapped)) throw new Error(`fixture does not map: ${mapped.rejected.reason}`);
  return { ...mapped.order, channel: 'woo-test' } as Order;
}

function push(order: Order, shipment: Partial<ShipmentToConfirm> = {}, settings: Record<string, unknown> = {}): Promise<DeliveryOutcome> {
  const full: ShipmentToConfirm = { id: 1, carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784', lines: [], ...shipment };
  return woocommerceChannel.pushFulfillment!(context(settings), { order, shipment: full, idempotencyKey: `shipment-${full.id}`, attempt: 1 });
}

describe('WooCommerce pushFulfillment', () => {
  it('ships a whole order: a customer note with carrier, number and link, then status completed', async () => {
    const order = await plant();
    const outcome = await push(order);
    expect(outcome).toEqual({ status: 'ok', externalRef: expect.stringMatching(/^\d+$/) });
    const notes = (await api('GET', `/orders/${order.externalId}/notes`)).body;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: Number((outcome as { externalRef: string }).externalRef), customer_note: true });
    expect(notes[0].note).toBe('Your order has shipped with UPS (Ground).\nTracking number: 1Z999AA10123456784\nTrack it: https://www.ups.com/track?tracknum=1Z999AA10123456784\nItems: 2 × Logo Tee - M, 1 × Mug');
    const onWoo = (await api('GET', `/orders/${order.externalId}`)).body;
    expect(onWoo.status).toBe('completed');
    expect(onWoo.date_modified_gmt).toBe(new Date(clock.now()).toISOString().slice(0, 19));
    expect((await state()).fulfillment).toMatchObject({ notes: 1, completed: 1, orderUpdates: 1, duplicates: 0, rejected: 0 });
  });

  it('carries a partial parcel line by line, leaving the order processing, then completes it with the rest', async () => {
    const order = await plant();
    const first = await push(order, { id: 1, trackingNumber: 'PART0001', trackingUrl: null, lines: [{ externalId: TEE, quantity: 1 }] });
    expect(first).toMatchObject({ status: 'ok' });
    expect((await api('GET', `/orders/${order.externalId}`)).body.status).toBe('processing');

    const second = await push(order, { id: 2, trackingNumber: 'PART0002', trackingUrl: null, lines: [{ externalId: TEE, quantity: 1 }, { externalId: MUG, quantity: 1 }] });
    expect(second).toMatchObject({ status: 'ok' });
    expect(second).not.toEqual(first);
    expect((await api('GET', `/orders/${order.externalId}`)).body.status).toBe('completed');
    const notes = (await api('GET', `/orders/${order.externalId}/notes`)).body.map((n: Raw) => n.note.split('\n').at(-1));
    expect(notes).toEqual(['Items: 1 × Logo Tee - M, 1 × Mug', 'Items: 1 × Logo Tee - M']); // newest first

    // Nothing is left: a third parcel for "everything open" is refused before any write.
    expect(await push(order, { id: 3, trackingNumber: 'PART0003' })).toEqual({ status: 'rejected', reason: expect.stringMatching(/every line has already shipped/) });
    expect((await state()).fulfillment).toMatchObject({ notes: 2, completed: 1, duplicates: 0 });
  });

  it('a parcel for "everything open" after a partial one ships only what is left', async () => {
    const order = await plant();
    await push(order, { id: 1, trackingNumber: 'PART0001', lines: [{ externalId: TEE, quantity: 1 }] });
    await push(order, { id: 2, trackingNumber: 'REST0001' });
    const notes = (await api('GET', `/orders/${order.externalId}/notes`)).body;
    expect(notes[0].note).toMatch(/Items: 1 × Logo Tee - M, 1 × Mug$/);
    expect((await api('GET', `/orders/${order.externalId}`)).body.status).toBe('completed');
  });

  it('a resend writes nothing twice and answers the same note id', async () => {
    const order = await plant();
    const first = await push(order);
    const again = await push(order);
    expect(again).toEqual(first);
    const after = await state();
    expect(after.fulfillment).toMatchObject({ notes: 1, orderUpdates: 1, duplicates: 0 });
    expect(after.byRoute[POST_NOTE]).toBe(1);
    expect(after.byRoute[PUT_ORDER]).toBe(1);
  });

  it('a note answer lost on the way is a retry, and the retry finds the note and still completes the order', async () => {
    const order = await plant();
    await fetch(`${server.url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ next: ['none', 'none', 'malformed'] }), headers: { 'content-type': 'application/json' } });
    expect(await push(order)).toMatchObject({ status: 'retry' }); // GET order, GET notes, POST note garbled
    expect((await api('GET', `/orders/${order.externalId}`)).body.status).toBe('processing');
    expect(await push(order)).toMatchObject({ status: 'ok' });
    expect((await api('GET', `/orders/${order.externalId}`)).body.status).toBe('completed');
    expect((await state()).fulfillment).toMatchObject({ notes: 1, completed: 1, duplicates: 0 });
  });

  it('maps WooCommerce\'s refusals to rejected with a clear reason', async () => {
    const order = await plant();
    const reasonOf = async (outcome: Promise<DeliveryOutcome>) => {
      const settled = await outcome;
      expect(settled.status).toBe('rejected');
      return (settled as { reason: string }).reason;
    };
    expect(await reasonOf(push({ ...order, externalId: '99999' }))).toMatch(/order 99999: WooCommerce has no such order \(woocommerce_rest_shop_order_invalid_id: HTTP 404 not found from GET .*Invalid ID\.\)/);
    expect(await reasonOf(push(order, { lines: [{ externalId: '999', quantity: 1 }] }))).toMatch(/unknown line item 999/);
    expect(await reasonOf(push(order, { lines: [{ externalId: MUG, quantity: 2 }] }))).toMatch(/line item 316: quantity 2 is more than the 1 left to ship/);
    expect(await reasonOf(push(order, { trackingNumber: '  ' }))).toMatch(/no tracking number/);
    const cancelled = await plant({ status: 'cancelled' });
    expect(await reasonOf(push(cancelled))).toMatch(/is cancelled: nothing to ship/);
    expect((await state()).fulfillment).toMatchObject({ notes: 0, orderUpdates: 0 });
  });

  it('uses the Shipment Tracking extension when configured, once', async () => {
    const order = await plant();
    const settings = { shipmentTracking: true, customerNote: false };
    const outcome = await push(order, {}, settings);
    expect(outcome).toEqual({ status: 'ok', externalRef: expect.stringMatching(/^trk/) });
    expect(await push(order, {}, settings)).toEqual(outcome);
    const response = await fetch(`${server.url}/wp-json/wc-shipment-tracking/v3/orders/${order.externalId}/shipment-trackings`, { headers: { authorization: auth } });
    expect(await response.json()).toEqual([{
      tracking_id: (outcome as { externalRef: string }).externalRef, tracking_provider: 'UPS', tracking_number: '1Z999AA10123456784',
      tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784', date_shipped: new Date(clock.now()).toISOString().slice(0, 10),
    }]);
    expect((await state()).fulfillment).toMatchObject({ trackings: 1, notes: 0, completed: 1, duplicates: 0 });
  });

  it('a later pull shows the order fulfilled (completed)', async () => {
    const order = await plant();
    const pull = async (checkpoint?: UpdatedCursor) => {
      const pages: OrderPage<UpdatedCursor>[] = [];
      for await (const page of woocommerceChannel.pullOrders(context(), { checkpoint, since: checkpoint ? undefined : new Date(clock.now() - 86_400_000) })) pages.push(page);
      return { orders: pages.flatMap((p) => p.orders), checkpoint: pages.at(-1)?.checkpoint };
    };
    const first = await pull();
    expect(first.orders.find((o) => o.externalId === order.externalId)?.fulfillmentStatus).toBe('unfulfilled');
    clock.advance(60_000);
    await push(order);
    clock.advance(1_000);
    const second = await pull(first.checkpoint);
    expect(second.orders.map((o) => [o.externalId, o.fulfillmentStatus])).toEqual([[order.externalId, 'fulfilled']]);
  });
});

describe('the WooCommerce mock\'s order updates', () => {
  it('refuses an unknown status with 400 rest_invalid_param, and an unknown order with 404', async () => {
    const order = await plant();
    const bad = await api('PUT', `/orders/${order.externalId}`, { status: 'shipped' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'rest_invalid_param', message: 'Invalid parameter(s): status', data: { status: 400 } });
    const missing = await api('POST', '/orders/99999/notes', { note: 'x', customer_note: true });
    expect(missing).toEqual({ status: 404, body: { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } } });
  });
});
