import { afterEach, describe, expect, it } from 'vitest';
import { erpnextTarget } from '../../../connectors/erpnext/index.js';
import { buildOrder, deliveryOf, line } from './fixtures.js';
import { startErpnext, type ErpnextHarness } from './harness.js';

let h: ErpnextHarness;
afterEach(async () => { await h.running.close(); });

const deliver = (d: Parameters<typeof erpnextTarget.deliver>[1]) => erpnextTarget.deliver(h.ctx, d);

describe('erpnext target', () => {
  it('creates a draft Sales Order for the customer found by email', async () => {
    h = await startErpnext();
    const outcome = await deliver(deliveryOf(buildOrder()));
    const state = await h.state();
    expect(outcome).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00001' });
    expect(state.records).toBe(1);
    expect(state.orders[0]).toEqual({
      name: 'SAL-ORD-2025-00001', docstatus: 0, status: 'Draft', po_no: 'shop:1001', customer: 'Ada Lovelace', currency: 'EUR',
      transaction_date: '2025-03-14', delivery_date: '2025-03-17', discount_amount: 0, taxes: [],
      items: [
        { item_code: 'TEE-BLK-M', qty: 2, rate: 19.95, delivery_date: '2025-03-17' },
        { item_code: 'MUG-12OZ', qty: 1, rate: 18, delivery_date: '2025-03-17' },
      ],
    });
    expect(state.received['POST Customer']).toBeUndefined();
  });

  it('creates a Customer for a new email and submits when asked, with discount and shipping charge', async () => {
    h = await startErpnext({ submit: true, shippingAccount: 'Freight and Forwarding Charges - OS', customerGroup: 'Individual' });
    const order = buildOrder({
      customer: { email: 'grace@example.org', name: 'Grace Hopper', phone: '+1 555 0100' },
      lines: [line('CAP-NAVY', 2, 2450, { discount: { amount: 490, currency: 'EUR' } })],
    });
    const outcome = await deliver(deliveryOf(order));
    const state = await h.state();
    expect(outcome).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00001' });
    expect(state.orders[0]).toMatchObject({
      docstatus: 1, status: 'To Deliver and Bill', customer: 'Grace Hopper', discount_amount: 4.9,
      taxes: [{ charge_type: 'Actual', account_head: 'Freight and Forwarding Charges - OS', description: 'Shipping', tax_amount: 4.9 }],
    });
    expect(h.mock.store.table('Customer').find((c) => c.name === 'Grace Hopper')).toMatchObject({ email_id: 'grace@example.org', mobile_no: '+1 555 0100', customer_group: 'Individual' });
  });

  it('redelivering the same delivery makes no second Sales Order', async () => {
    h = await startErpnext();
    const d = deliveryOf(buildOrder());
    const first = await deliver(d);
    const second = await deliver(d);
    const state = await h.state();
    expect(second).toEqual(first);
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
    expect(state.received['POST Sales Order']).toBe(1);
    expect(state.received['PUT Sales Order/name']).toBeUndefined();
  });

  it('uses the first order when a unique po_no refuses a second insert after a stale read', async () => {
    h = await startErpnext();
    h.mock.store.uniquePoNo = true;
    const d = deliveryOf(buildOrder());
    await deliver(d);
    h.mock.store.staleReads = 1;
    const outcome = await deliver(d);
    const state = await h.state();
    expect(outcome).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00001' });
    expect(state.records).toBe(1);
    expect(state.received['POST Sales Order']).toBe(2);
  });

  it('rewrites the items of a draft on update', async () => {
    h = await startErpnext();
    await deliver(deliveryOf(buildOrder()));
    const outcome = await deliver(deliveryOf(buildOrder({ lines: [line('BAG-TOTE', 3, 1250)] }), 'order.updated', 2, 'SAL-ORD-2025-00001'));
    const state = await h.state();
    expect(outcome).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00001' });
    expect(state.records).toBe(1);
    expect(state.orders[0].items).toEqual([{ item_code: 'BAG-TOTE', qty: 3, rate: 12.5, delivery_date: '2025-03-17' }]);
  });

  it('finishes a submit lost in a crash (draft found, submit on) with one PUT', async () => {
    h = await startErpnext();
    await deliver(deliveryOf(buildOrder()));
    h.ctx.settings.submit = true;
    await deliver(deliveryOf(buildOrder()));
    const state = await h.state();
    expect(state.orders[0]).toMatchObject({ docstatus: 1, status: 'To Deliver and Bill' });
    expect(state.received['PUT Sales Order/name']).toBe(1);
  });

  it('answers "needs manual action" when a submitted order\'s items change, ok when they do not', async () => {
    h = await startErpnext({ submit: true });
    await deliver(deliveryOf(buildOrder()));
    expect((await deliver(deliveryOf({ ...buildOrder(), financialStatus: 'refunded' }, 'order.updated', 2))).status).toBe('ok');
    const changed = await deliver(deliveryOf(buildOrder({ lines: [line('TEE-BLK-M', 1, 1995)] }), 'order.updated', 3));
    expect(changed).toEqual({
      status: 'rejected',
      reason: 'needs manual action: SAL-ORD-2025-00001 is submitted (status "To Deliver and Bill") and its items changed on the channel; cancel and amend it in ERPNext',
    });
  });

  it('cancels a submitted order via frappe.client.cancel, idempotently', async () => {
    h = await startErpnext({ submit: true });
    await deliver(deliveryOf(buildOrder()));
    const cancelled = buildOrder({ fulfillmentStatus: 'cancelled', financialStatus: 'voided' });
    const first = await deliver(deliveryOf(cancelled, 'order.cancelled', 2));
    const again = await deliver(deliveryOf(cancelled, 'order.cancelled', 2));
    const state = await h.state();
    expect(first).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00001' });
    expect(again).toEqual(first);
    expect(state.orders[0]).toMatchObject({ docstatus: 2, status: 'Cancelled' });
    expect(state.received['POST frappe.client.cancel']).toBe(1);
  });

  it('deletes a draft on cancellation (drafts cannot be cancelled) and creates nothing for an unknown order', async () => {
    h = await startErpnext();
    await deliver(deliveryOf(buildOrder()));
    expect(await deliver(deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 2))).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00001' });
    expect((await h.state()).records).toBe(0);
    expect(await deliver(deliveryOf(buildOrder({ externalId: '9', fulfillmentStatus: 'cancelled' }), 'order.cancelled', 3))).toEqual({ status: 'ok', externalRef: null });
    expect((await h.state()).records).toBe(0);
  });

  it('an update for an order cancelled in ERPNext needs manual action', async () => {
    h = await startErpnext({ submit: true });
    await deliver(deliveryOf(buildOrder()));
    await deliver(deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 2));
    const outcome = await deliver(deliveryOf(buildOrder(), 'order.updated', 3));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: SAL-ORD-2025-00001 is cancelled in ERPNext/) });
  });

  it('maps a 417 LinkValidationError (unknown SKU) to a reason decoded from _server_messages', async () => {
    h = await startErpnext();
    const outcome = await deliver(deliveryOf(buildOrder({ lines: [line('TEE-BLK-M', 1, 1995), line('NOPE-1', 1, 500)] })));
    expect(outcome).toEqual({
      status: 'rejected',
      reason: 'ERPNext LinkValidationError: Could not find Row #2: Item Code: NOPE-1 — create the missing record (an Item per SKU) in ERPNext, then retry',
    });
    expect((await h.state()).records).toBe(0);
  });

  it('maps an injected 409 DuplicateEntryError and a 417 with HTML to clear reasons', async () => {
    h = await startErpnext();
    await h.faults({ next: [409] });
    expect(await deliver(deliveryOf(buildOrder()))).toEqual({ status: 'rejected', reason: 'ERPNext DuplicateEntryError: injected failure' });
    await h.faults({ next: [] });
    await deliver(deliveryOf(buildOrder()));
    await h.mock.store.update('Sales Order', 'SAL-ORD-2025-00001', { docstatus: 1 });
    const deletion = await fetch(`${h.running.url}/api/resource/Sales%20Order/SAL-ORD-2025-00001`, { method: 'DELETE', headers: { authorization: 'token erpnext_demo_key:erpnext_demo_secret_0123456789' } });
    expect(deletion.status).toBe(417);
    const { parseFrappeFailure } = await import('../../../connectors/erpnext/errors.js');
    expect(parseFrappeFailure(417, await deletion.text()).messages).toEqual(['Submitted Record cannot be deleted. You must Cancel it first.']);
  });

  it('retries through a 500, a timeout and a 429 (honouring Retry-After), then lands exactly one order', async () => {
    h = await startErpnext();
    await h.faults({ next: ['500', 'timeout', 429], retryAfterSeconds: 12, timeoutHoldMs: 2_000 });
    const d = deliveryOf(buildOrder());
    const outcomes = [await deliver(d), await deliver(d), await deliver(d), await deliver(d)];
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'retry', 'ok']);
    expect(outcomes[2]).toMatchObject({ retryAfterMs: 12_000 });
    const state = await h.state();
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
  });

  it('honours the site rate limiter: 429 with Retry-After to the end of the window', async () => {
    h = await startErpnext();
    h.mock.rateLimit = { limitSeconds: 0.05, windowSeconds: 3_600, costMicros: 30_000 };
    const d = deliveryOf(buildOrder());
    let outcome = await deliver(d);
    for (let i = 0; i < 5 && outcome.status === 'ok'; i++) outcome = await deliver(d);
    expect(outcome.status).toBe('retry');
    expect(outcome.status === 'retry' && outcome.retryAfterMs).toBeGreaterThan(0);
    expect((await h.state()).duplicates).toBe(0);
  });

  it('maps bad credentials to unauthorized', async () => {
    h = await startErpnext({ apiSecret: 'wrong' });
    const outcome = await deliver(deliveryOf(buildOrder()));
    expect(outcome).toEqual({ status: 'unauthorized', reason: 'ERPNext AuthenticationError: Invalid API key or secret — check apiKey and apiSecret' });
  });

  it('verify() proves the key and fails clearly without it', async () => {
    h = await startErpnext();
    await expect(erpnextTarget.verify!(h.ctx)).resolves.toBeUndefined();
    h.ctx.settings.apiKey = 'nope';
    await expect(erpnextTarget.verify!(h.ctx)).rejects.toThrow(/AuthenticationError/);
  });
});

describe('erpnext customers without an email', () => {
  it('finds a guest by name again and falls back to defaultCustomer without any identity', async () => {
    h = await startErpnext({ defaultCustomer: 'Ada Lovelace' });
    const guest = buildOrder({ customer: { email: null, name: 'Guest Buyer', phone: null } });
    await deliver(deliveryOf(guest));
    await deliver(deliveryOf({ ...guest, externalId: '1002' }, 'order.created', 2));
    expect(h.mock.store.table('Customer').filter((c) => c.customer_name === 'Guest Buyer')).toHaveLength(1);
    const anonymous = buildOrder({ externalId: '1003', customer: { email: null, name: null, phone: null }, shippingAddress: null });
    expect(await deliver(deliveryOf(anonymous, 'order.created', 3))).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00003' });
    expect((await h.state()).orders[2].customer).toBe('Ada Lovelace');
  });

  it('a cancellation of a Closed order needs manual action', async () => {
    h = await startErpnext({ submit: true });
    await deliver(deliveryOf(buildOrder()));
    h.mock.store.get('Sales Order', 'SAL-ORD-2025-00001').status = 'Closed';
    const outcome = await deliver(deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 2));
    expect(outcome).toEqual({ status: 'rejected', reason: 'needs manual action: SAL-ORD-2025-00001 is Closed in ERPNext; re-open or return it there before cancelling' });
  });
});

describe('erpnext amended orders', () => {
  it('follows the amended copy after the merchant cancelled and amended the order', async () => {
    h = await startErpnext({ submit: true });
    await deliver(deliveryOf(buildOrder()));
    h.mock.store.cancel('Sales Order', 'SAL-ORD-2025-00001');
    const original = h.mock.store.get('Sales Order', 'SAL-ORD-2025-00001');
    h.mock.store.table('Sales Order').push({ ...original, name: 'SAL-ORD-2025-00001-1', amended_from: original.name, docstatus: 1, status: 'To Deliver and Bill' });
    const outcome = await deliver(deliveryOf(buildOrder(), 'order.updated', 2));
    expect(outcome).toEqual({ status: 'ok', externalRef: 'SAL-ORD-2025-00001-1' });
  });
});
