import { afterEach, describe, expect, it } from 'vitest';
import { odooTarget } from '../../../connectors/odoo/index.js';
import { buildOrder, deliveryOf, line } from './fixtures.js';
import { startOdoo, type OdooHarness } from './harness.js';

let h: OdooHarness;
afterEach(async () => { await h.running.close(); });

const deliver = (d: Parameters<typeof odooTarget.deliver>[1]) => odooTarget.deliver(h.ctx, d);

describe('odoo target over JSON-2', () => {
  it('creates a quotation with its lines, the partner found by email', async () => {
    h = await startOdoo();
    const outcome = await deliver(deliveryOf(buildOrder()));
    const state = await h.state();
    expect(outcome).toEqual({ status: 'ok', externalRef: String(state.orders[0].id) });
    expect(state.records).toBe(1);
    expect(state.orders[0]).toMatchObject({
      state: 'draft', client_order_ref: 'shop:1001', partner_id: 7, date_order: '2025-03-14 14:22:31',
      lines: [
        { default_code: 'TEE-BLK-M', product_uom_qty: 2, price_unit: 19.95, discount: 0 },
        { default_code: 'MUG-12OZ', product_uom_qty: 1, price_unit: 18, discount: 0 },
      ],
    });
    expect(state.received['json2 sale.order.create']).toBe(1);
    expect(state.received['json2 res.partner.create']).toBeUndefined();
  });

  it('a line without a SKU is refused, or booked on the charge product when one is configured', async () => {
    h = await startOdoo();
    const order = buildOrder({ lines: [line('MUG-12OZ', 1, 1800), line(null, 1, 300, { title: 'Gift wrap', externalId: 'gift' })] });
    const refused = await deliver(deliveryOf(order));
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.stringContaining('line "Gift wrap" has no SKU') });
    await h.running.close();
    h = await startOdoo({ chargeProductCode: 'CHARGE' });
    expect(await deliver(deliveryOf(order))).toMatchObject({ status: 'ok' });
    expect((await h.state()).orders[0].lines).toEqual([
      expect.objectContaining({ default_code: 'MUG-12OZ', product_uom_qty: 1 }),
      expect.objectContaining({ default_code: 'CHARGE', name: 'Gift wrap', product_uom_qty: 1, price_unit: 3 }),
    ]);
  });

  it('creates the partner for a new email, with its country', async () => {
    h = await startOdoo();
    const order = buildOrder({ customer: { email: 'grace@example.org', name: 'Grace Hopper', phone: '+1 555 0100' } });
    await deliver(deliveryOf(order));
    const partners = h.mock.store.table('res.partner');
    const grace = partners.find((p) => p.email === 'grace@example.org');
    expect(grace).toMatchObject({ name: 'Grace Hopper', phone: '+1 555 0100', city: 'London', zip: 'SW1Y 4JH', country_id: 25 });
    expect((await h.state()).orders[0].partner_id).toBe(grace?.id);
  });

  it('finds a guest without email again by the order reference (no second partner)', async () => {
    h = await startOdoo();
    const order = buildOrder({ customer: { email: null, name: 'Guest Buyer', phone: null } });
    await deliver(deliveryOf(order));
    await deliver(deliveryOf({ ...order, lines: [line('TEE-BLK-M', 3, 1995)] }, 'order.updated', 2, null));
    const guests = h.mock.store.table('res.partner').filter((p) => p.name === 'Guest Buyer');
    expect(guests).toHaveLength(1);
    expect(guests[0]?.ref).toBe('shop:1001');
  });

  it('redelivering the same delivery (crash before the ledger update) makes no second order', async () => {
    h = await startOdoo();
    const d = deliveryOf(buildOrder());
    const first = await deliver(d);
    const second = await deliver(d);
    const state = await h.state();
    expect(second).toEqual(first);
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
    expect(state.received['json2 sale.order.create']).toBe(1);
    expect(state.received['json2 sale.order.write']).toBeUndefined(); // unchanged lines are not rewritten
  });

  it('rewrites the lines of a quotation on update', async () => {
    h = await startOdoo();
    const order = buildOrder();
    const created = await deliver(deliveryOf(order));
    const changed = buildOrder({ lines: [line('TEE-BLK-M', 5, 1995), line('CAP-NAVY', 1, 2450, { discount: { amount: 245, currency: 'EUR' } })] });
    const updated = await deliver(deliveryOf(changed, 'order.updated', 2, created.status === 'ok' ? created.externalRef : null));
    const state = await h.state();
    expect(updated).toEqual(created);
    expect(state.records).toBe(1);
    expect(state.orders[0].lines).toEqual([
      { default_code: 'TEE-BLK-M', name: 'Item TEE-BLK-M', product_uom_qty: 5, price_unit: 19.95, discount: 0 },
      { default_code: 'CAP-NAVY', name: 'Item CAP-NAVY', product_uom_qty: 1, price_unit: 24.5, discount: 10 },
    ]);
  });

  it('confirms new orders when asked, and finishes a confirm lost in a crash', async () => {
    h = await startOdoo({ confirm: true });
    await deliver(deliveryOf(buildOrder()));
    expect((await h.state()).orders[0].state).toBe('sale');
    // A second order whose confirm never happened: its replay confirms it.
    const other = buildOrder({ externalId: '1002' });
    h.ctx.settings.confirm = false;
    await deliver(deliveryOf(other, 'order.created', 3));
    h.ctx.settings.confirm = true;
    await deliver(deliveryOf(other, 'order.created', 3));
    const orders = (await h.state()).orders;
    expect(orders.map((o: { state: string }) => o.state)).toEqual(['sale', 'sale']);
  });

  it('answers "needs manual action" when the lines of a confirmed order change, ok when they do not', async () => {
    h = await startOdoo({ confirm: true });
    await deliver(deliveryOf(buildOrder()));
    const same = await deliver(deliveryOf({ ...buildOrder(), financialStatus: 'refunded' }, 'order.updated', 2));
    expect(same.status).toBe('ok');
    const changed = await deliver(deliveryOf(buildOrder({ lines: [line('TEE-BLK-M', 1, 1995)] }), 'order.updated', 3));
    expect(changed.status).toBe('rejected');
    expect(changed.status === 'rejected' && changed.reason).toMatch(/^needs manual action: S00001 is a confirmed sales order/);
    expect((await h.state()).orders[0].lines).toHaveLength(2);
  });

  it('cancels a confirmed order (without the cancel wizard) and is idempotent', async () => {
    h = await startOdoo({ confirm: true });
    const created = await deliver(deliveryOf(buildOrder()));
    const cancelled = buildOrder({ fulfillmentStatus: 'cancelled', financialStatus: 'voided' });
    const first = await deliver(deliveryOf(cancelled, 'order.cancelled', 2));
    const again = await deliver(deliveryOf(cancelled, 'order.cancelled', 2));
    const state = await h.state();
    expect(first).toEqual(created);
    expect(again).toEqual(created);
    expect(state.orders[0].state).toBe('cancel');
    expect(state.received['json2 sale.order.action_cancel']).toBe(1);
  });

  it('a cancellation of an order Odoo never received creates nothing', async () => {
    h = await startOdoo();
    const outcome = await deliver(deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled'));
    expect(outcome).toEqual({ status: 'ok', externalRef: null });
    expect((await h.state()).records).toBe(0);
  });

  it('an update for an order cancelled in Odoo needs manual action', async () => {
    h = await startOdoo();
    await deliver(deliveryOf(buildOrder()));
    await deliver(deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 2));
    const outcome = await deliver(deliveryOf(buildOrder(), 'order.updated', 3));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: S00001 is cancelled in Odoo/) });
  });

  it('rejects an order with an SKU Odoo does not know, naming it, and creates nothing', async () => {
    h = await startOdoo();
    const outcome = await deliver(deliveryOf(buildOrder({ lines: [line('TEE-BLK-M', 1, 1995), line('NOPE-1', 1, 500)] })));
    expect(outcome).toEqual({ status: 'rejected', reason: 'needs manual action: no Odoo product has Internal Reference (default_code) "NOPE-1"' });
    const state = await h.state();
    expect(state.records).toBe(0);
    expect(state.partners).toBe(h.mock.store.table('res.partner').length);
  });

  it('adds a shipping line and picks the pricelist of the order currency when configured', async () => {
    h = await startOdoo({ shippingProductCode: 'SHIP', pricelistIds: { EUR: 1, USD: 2 } });
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const order = buildOrder({ currency: 'USD', lines: [line('MUG-12OZ', 1, 1800, { unitPrice: usd(1800), tax: usd(0), discount: usd(0) })] });
    await deliver(deliveryOf({ ...order, shippingTotal: usd(490), subtotal: usd(1800), taxTotal: usd(0), discountTotal: usd(0), total: usd(2290) }));
    const [created] = (await h.state()).orders;
    expect(created.pricelist_id).toBe(2);
    expect(created.lines).toContainEqual({ default_code: 'SHIP', name: 'Shipping', product_uom_qty: 1, price_unit: 4.9, discount: 0 });
  });

  it('retries a read through a 500 and a timeout within one delivery, and lands exactly one order', async () => {
    h = await startOdoo();
    await h.faults({ next: ['500', 'timeout'], timeoutHoldMs: 2_000 });
    const outcome = await deliver(deliveryOf(buildOrder()));
    expect(outcome).toMatchObject({ status: 'ok' });
    const state = await h.state();
    expect(state).toMatchObject({ faultsInjected: 2, records: 1 });
    expect(state.duplicates).toBe(0);
  });

  it('gives a 429 on a read back to the push queue with its Retry-After, and never retries a write in place', async () => {
    h = await startOdoo();
    // The calls of a new order: find the sale order, the products, the partner; then create.
    await h.faults({ next: [429, 'none', 'none', 'none', '500'], retryAfterSeconds: 7 });
    const d = deliveryOf(buildOrder());
    const outcomes = [await deliver(d), await deliver(d), await deliver(d)];
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'ok']);
    expect(outcomes[0]).toMatchObject({ retryAfterMs: 7_000 });
    const state = await h.state();
    // The 429 on the first read; three reads and a create answered 500; three reads and the create that lands.
    expect(state).toMatchObject({ requests: 1 + 4 + 4, faultsInjected: 2, records: 1 });
    expect(state.duplicates).toBe(0);
  });

  it('maps an invalid API key to unauthorized with Odoo\'s own message', async () => {
    h = await startOdoo({ apiKey: 'expired-key' });
    const outcome = await deliver(deliveryOf(buildOrder()));
    expect(outcome.status).toBe('unauthorized');
    expect(outcome.status === 'unauthorized' && outcome.reason).toMatch(/^Odoo Unauthorized: Invalid apikey — check apiKey/);
  });

  it('maps a 422 UserError (cancelling a locked order) to a rejection that quotes Odoo', async () => {
    h = await startOdoo({ confirm: true });
    h.mock.store.lockConfirmed = true;
    await deliver(deliveryOf(buildOrder()));
    const outcome = await deliver(deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 2));
    expect(outcome).toEqual({ status: 'rejected', reason: 'Odoo UserError: You cannot cancel a locked order. Please unlock it first if you want to cancel it.' });
    expect((await h.state()).orders[0].state).toBe('sale');
  });

  it('verify() proves the key and fails clearly without it', async () => {
    h = await startOdoo();
    await expect(odooTarget.verify!(h.ctx)).resolves.toBeUndefined();
    h.ctx.settings.apiKey = 'wrong';
    await expect(odooTarget.verify!(h.ctx)).rejects.toThrow(/Invalid apikey/);
  });
});

describe('odoo orders recreated by the merchant', () => {
  it('follows the live order when a cancelled one carries the same reference', async () => {
    h = await startOdoo();
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder()));
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 2));
    const [again] = h.mock.store.create('sale.order', [{ partner_id: 7, client_order_ref: 'shop:1001', order_line: [[0, 0, { product_id: 101, product_uom_qty: 2, price_unit: 19.95 }], [0, 0, { product_id: 103, product_uom_qty: 1, price_unit: 18 }]] }]);
    const outcome = await odooTarget.deliver(h.ctx, deliveryOf(buildOrder(), 'order.updated', 3));
    expect(outcome).toEqual({ status: 'ok', externalRef: String(again) });
  });
});
