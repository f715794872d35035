import { afterEach, describe, expect, it } from 'vitest';
import { buildDelivery, buildOrder } from './fixtures.js';
import { startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.mock.close(); });

describe('shipbob deliver: create', () => {
  it('creates one ShipBob order with our reference, the lines as products and exact prices', async () => {
    h = await startHarness();
    const outcome = await h.deliver(buildDelivery(buildOrder({
      lines: [
        { externalId: 'l1', sku: 'TEE-BLK-M', title: 'Logo Tee Black M', quantity: 2, unitPrice: { amount: 1999, currency: 'USD' }, tax: { amount: 0, currency: 'USD' }, discount: { amount: 0, currency: 'USD' } },
        { externalId: 'l2', sku: 'MUG-12OZ', title: 'Mug 12oz', quantity: 1, unitPrice: { amount: 3902, currency: 'USD' }, tax: { amount: 0, currency: 'USD' }, discount: { amount: 0, currency: 'USD' } },
      ],
    })));
    const state = await h.state();
    expect(state.records).toBe(1);
    const order = state.orders[0] as Record<string, any>;
    expect(outcome).toEqual({ status: 'ok', externalRef: String(order.id) });
    expect(order.reference_id).toBe('shop:5512345678901');
    expect(order.order_number).toBe('#1042');
    expect(order.type).toBe('DTC');
    expect(order.shipping_method).toBe('Standard');
    expect(order.products.map((p: any) => [p.reference_id, p.quantity, p.unit_price])).toEqual([['TEE-BLK-M', 2, 19.99], ['MUG-12OZ', 1, 39.02]]);
    expect(order.financials).toEqual({ total_price: 94 });
    expect(order.recipient).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', address: { address1: '12 Main St', city: 'Springfield', state: 'IL', country: 'US', zip_code: '62701' } });
  });

  it('a replay after a crash (same delivery twice) keeps one order: 422 → look up → same id', async () => {
    h = await startHarness();
    const delivery = buildDelivery(buildOrder());
    const first = await h.deliver(delivery);
    const second = await h.deliver(delivery);
    const state = await h.state();
    expect(second).toEqual(first);
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
    expect(state.duplicateAttempts).toBe(1);
    expect(state.received).toMatchObject({ create: 2, list: 1 });
  });

  it('injected 500, timeout and 429 are retried and end with exactly one order', async () => {
    h = await startHarness();
    await h.faults({ next: ['500', 'timeout', 429], retryAfterSeconds: 7, timeoutHoldMs: 1_000 });
    const outcomes = await h.deliverUntilSettled(buildDelivery(buildOrder()));
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'retry', 'ok']);
    expect(outcomes[2]).toMatchObject({ status: 'retry', retryAfterMs: 7_000 });
    const state = await h.state();
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
  });

  it('a reply lost after ShipBob stored the order (malformed body) is recovered without a second order', async () => {
    h = await startHarness();
    await h.faults({ next: ['malformed'] });
    const outcomes = await h.deliverUntilSettled(buildDelivery(buildOrder()));
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'ok']);
    const state = await h.state();
    expect(state).toMatchObject({ records: 1, duplicates: 0, duplicateAttempts: 1 });
    expect(outcomes[1]).toEqual({ status: 'ok', externalRef: String((state.orders[0] as { id: number }).id) });
  });

  it('refuses orders that must not reach the WMS and sends nothing', async () => {
    h = await startHarness();
    const fba = await h.deliver(buildDelivery(buildOrder({ fulfilledBy: 'channel' })));
    const unpaid = await h.deliver(buildDelivery(buildOrder({ financialStatus: 'pending' })));
    const refunded = await h.deliver(buildDelivery(buildOrder({ financialStatus: 'refunded' })));
    expect(fba).toMatchObject({ status: 'rejected', reason: expect.stringContaining('fulfilled by the channel') });
    expect(unpaid).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is pending') });
    expect(refunded).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is refunded') });
    expect((await h.state()).records).toBe(0);
  });

  it('a partially refunded order still ships', async () => {
    h = await startHarness();
    expect((await h.deliver(buildDelivery(buildOrder({ financialStatus: 'partially_refunded' })))).status).toBe('ok');
  });

  it('an order already in ShipBob that becomes unpaid needs manual action', async () => {
    h = await startHarness();
    const outcome = await h.deliver(buildDelivery(buildOrder({ financialStatus: 'voided' }), 'order.updated', '100123'));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: .*already ShipBob order 100123/) });
  });

  it('rejects a line without SKU and an order without address, saying what to fix', async () => {
    h = await startHarness();
    const base = buildOrder();
    const noSku = await h.deliver(buildDelivery(buildOrder({ lines: [{ ...base.lines[0]!, sku: null }] })));
    const noAddress = await h.deliver(buildDelivery(buildOrder({ shippingAddress: null })));
    expect(noSku).toMatchObject({ status: 'rejected', reason: expect.stringContaining('l1 have no SKU') });
    expect(noAddress).toMatchObject({ status: 'rejected', reason: expect.stringContaining('no complete shipping address') });
    expect((await h.state()).records).toBe(0);
  });

  it('plain http to a non-loopback host (127.0.0.2 counts as remote for the client) is refused before any request, as a rejected outcome', async () => {
    h = await startHarness({ url: 'http://127.0.0.2:9' });
    expect(await h.deliver(buildDelivery(buildOrder()))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is not https') });
  });

  it('a bad token is unauthorized', async () => {
    h = await startHarness({ token: 'wrong-token' });
    expect((await h.deliver(buildDelivery(buildOrder()))).status).toBe('unauthorized');
  });

  it('a wrong channel id is unauthorized (403)', async () => {
    h = await startHarness({ channelId: '1' });
    expect((await h.deliver(buildDelivery(buildOrder()))).status).toBe('unauthorized');
  });
});

describe('shipbob deliver: update', () => {
  it('ok when nothing the warehouse cares about changed', async () => {
    h = await startHarness();
    const created = await h.deliver(buildDelivery(buildOrder()));
    const ref = created.status === 'ok' ? created.externalRef : null;
    const updated = await h.deliver(buildDelivery(buildOrder({ tags: ['vip'], updatedAt: '2025-03-15T00:00:00.000Z' }), 'order.updated', ref));
    expect(updated).toEqual(created);
    expect((await h.state()).records).toBe(1);
  });

  it('a changed quantity or address needs manual action', async () => {
    h = await startHarness();
    const created = await h.deliver(buildDelivery(buildOrder()));
    const ref = created.status === 'ok' ? created.externalRef : null;
    const base = buildOrder();
    const changed = buildOrder({ lines: [{ ...base.lines[0]!, quantity: 3 }, base.lines[1]!], shippingAddress: { ...base.shippingAddress!, city: 'Chicago' } });
    const outcome = await h.deliver(buildDelivery(changed, 'order.updated', ref));
    expect(outcome).toMatchObject({ status: 'rejected' });
    const reason = (outcome as { reason: string }).reason;
    expect(reason).toMatch(/^needs manual action: /);
    expect(reason).toContain('quantity of TEE-BLK-M (2 → 3)');
    expect(reason).toContain('address city');
  });

  it('an update for an order never sent (it just became paid) creates it', async () => {
    h = await startHarness();
    const outcome = await h.deliver(buildDelivery(buildOrder(), 'order.updated', null));
    expect(outcome.status).toBe('ok');
    expect((await h.state()).records).toBe(1);
  });
});

describe('shipbob deliver: cancel', () => {
  async function created(): Promise<string> {
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    if (outcome.status !== 'ok' || !outcome.externalRef) throw new Error('create failed');
    return outcome.externalRef;
  }
  const cancelled = () => buildOrder({ fulfillmentStatus: 'cancelled', financialStatus: 'voided' });

  it('cancels an order that has not shipped; a replay is ok and sends no second cancel', async () => {
    h = await startHarness();
    const ref = await created();
    const delivery = buildDelivery(cancelled(), 'order.cancelled', ref);
    expect(await h.deliver(delivery)).toEqual({ status: 'ok', externalRef: ref });
    expect(await h.deliver(delivery)).toEqual({ status: 'ok', externalRef: ref });
    const state = await h.state();
    expect((state.orders[0] as { status: string }).status).toBe('Cancelled');
    expect(state.received.cancel).toBe(1);
  });

  it('finds the order by reference when the ledger has no id (crash before it was recorded)', async () => {
    h = await startHarness();
    const ref = await created();
    expect(await h.deliver(buildDelivery(cancelled(), 'order.cancelled', null))).toEqual({ status: 'ok', externalRef: ref });
    expect((await h.state()).cancelled).toBe(1);
  });

  it.each(['Fulfilled', 'PartiallyFulfilled', 'LabeledCreated'] as const)('an order that is %s needs manual action: already shipped', async (status) => {
    h = await startHarness();
    const ref = await created();
    h.api.shipOrder('shop:5512345678901', status);
    const outcome = await h.deliver(buildDelivery(cancelled(), 'order.cancelled', ref));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: already shipped/) });
    expect((await h.state()).received.cancel ?? 0).toBe(0);
  });

  it('nothing to cancel when the order never reached ShipBob', async () => {
    h = await startHarness();
    expect(await h.deliver(buildDelivery(cancelled(), 'order.cancelled', null))).toEqual({ status: 'ok', externalRef: null });
    expect((await h.state()).records).toBe(0);
  });

  it('uses /{id}/cancel on the 2.0 API', async () => {
    h = await startHarness({ apiVersion: '2.0' });
    const ref = await created();
    expect(await h.deliver(buildDelivery(cancelled(), 'order.cancelled', ref))).toEqual({ status: 'ok', externalRef: ref });
    expect((await h.state()).cancelled).toBe(1);
  });
});
