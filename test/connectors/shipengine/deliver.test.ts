import { afterEach, describe, expect, it } from 'vitest';
import { buildDelivery, buildOrder } from './fixtures.js';
import { startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.mock.close(); });

const cancelled = () => buildOrder({ fulfillmentStatus: 'cancelled', financialStatus: 'voided' });

describe('shipengine deliver: buy a label', () => {
  it('buys one label: carrier/service from settings, ship_to from the order, ship_from from settings, our reference kept', async () => {
    h = await startHarness({ packageWeight: { value: 40, unit: 'ounce' } });
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    const state = await h.state();
    expect(state.records).toBe(1);
    const label = state.labels[0]!;
    expect(label.external_shipment_id).toBe('shop:5512345678901');
    expect(label).toMatchObject({ carrier_id: 'se-1000001', service_code: 'usps_priority_mail', packages: [{ weight: { value: 40, unit: 'ounce' } }] });
    expect(outcome).toEqual({
      status: 'ok', externalRef: label.label_id,
      shipment: {
        carrier: 'stamps_com', service: 'usps_priority_mail', trackingNumber: label.tracking_number, trackingUrl: null,
        labelUrl: `${h.mock.url}/v1/downloads/labels/${label.label_id}.pdf`,
        cost: { amount: 758 + 2 * 37, currency: 'USD' }, // 40 oz = 3 started pounds
      },
    });
    const shipment = await (await fetch(`${h.mock.url}/v1/shipments/${label.shipment_id}`, { headers: { 'api-key': 'TEST_ordersync_demo_key' } })).json() as Record<string, any>;
    expect(shipment.ship_to).toMatchObject({ name: 'Ada Lovelace', address_line1: '12 Main St', address_line2: 'Apt 4', city_locality: 'Springfield', state_province: 'IL', postal_code: '62701', country_code: 'US', phone: '2175550100' });
    expect(shipment.ship_from).toMatchObject({ name: 'Ordersync Demo Warehouse', city_locality: 'Austin', state_province: 'TX', address_residential_indicator: 'no' });
  });

  it('a crash between "label bought" and "marked done" never buys two: same delivery twice → one label, same ref', async () => {
    h = await startHarness();
    const delivery = buildDelivery(buildOrder());
    const first = await h.deliver(delivery);
    const second = await h.deliver(delivery);
    const state = await h.state();
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
    expect(state.duplicateAttempts).toBe(0);
    expect(second).toEqual(first);
    expect(state.received).toMatchObject({ createLabel: 1, labelByExternalId: 2 });
  });

  it('injected 500, timeout and 429 (Retry-After) are retried and end with one label', async () => {
    h = await startHarness();
    await h.faults({ next: ['500', 'timeout', 429], retryAfterSeconds: 9, timeoutHoldMs: 1_000 });
    const outcomes = await h.deliverUntilSettled(buildDelivery(buildOrder()));
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'retry', 'ok']);
    expect(outcomes[2]).toMatchObject({ retryAfterMs: 9_000, reason: expect.stringContaining('You have exceeded the rate limit') });
    expect(await h.state()).toMatchObject({ records: 1, duplicates: 0 });
  });

  it('a purchase whose answer was lost (malformed body) is found by reference, not bought again', async () => {
    h = await startHarness();
    await h.faults({ next: [404, 'malformed'] }); // the lookup's 404 is real here; the purchase answer breaks
    const outcomes = await h.deliverUntilSettled(buildDelivery(buildOrder()));
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'ok']);
    expect(await h.state()).toMatchObject({ records: 1, duplicates: 0, duplicateAttempts: 0 });
  });

  it('another run bought it between our lookup and our purchase: 409 → use that label', async () => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    await h.faults({ next: [404] }); // our lookup misses it, the purchase meets the unique reference
    const second = await h.deliver(buildDelivery(buildOrder()));
    expect(second).toEqual(first);
    expect(await h.state()).toMatchObject({ records: 1, duplicates: 0, duplicateAttempts: 1 });
  });

  it('refuses channel-fulfilled, unpaid and address-less orders without buying', async () => {
    h = await startHarness();
    expect(await h.deliver(buildDelivery(buildOrder({ fulfilledBy: 'channel' })))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('fulfilled by the channel') });
    expect(await h.deliver(buildDelivery(buildOrder({ financialStatus: 'pending' })))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is pending') });
    expect(await h.deliver(buildDelivery(buildOrder({ financialStatus: 'voided' })))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is voided') });
    expect(await h.deliver(buildDelivery(buildOrder({ shippingAddress: null })))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('no complete shipping address') });
    expect((await h.state()).records).toBe(0);
  });

  it('a carrier the account does not have is rejected with ShipEngine\'s own message', async () => {
    h = await startHarness({ carrierId: 'se-999' });
    expect(await h.deliver(buildDelivery(buildOrder()))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('carrier_id se-999 was not found') });
  });

  it('plain http to a non-loopback host (127.0.0.2 counts as remote for the client) is refused before any request, as a rejected outcome', async () => {
    h = await startHarness({ url: 'http://127.0.0.2:9' });
    expect(await h.deliver(buildDelivery(buildOrder()))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is not https') });
  });

  it('a bad API key is unauthorized', async () => {
    h = await startHarness({ apiKey: 'TEST_wrong' });
    expect((await h.deliver(buildDelivery(buildOrder()))).status).toBe('unauthorized');
  });
});

describe('shipengine deliver: updates after a label', () => {
  it('ok with the same label when nothing relevant changed', async () => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    const base = buildOrder();
    const updated = await h.deliver(buildDelivery(buildOrder({ tags: ['gift'], lines: [{ ...base.lines[0]!, quantity: 5 }] }), 'order.updated', first.status === 'ok' ? first.externalRef : null));
    expect(updated).toEqual(first);
    expect((await h.state()).records).toBe(1);
  });

  it('a changed address needs manual action: label already bought', async () => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    const base = buildOrder();
    const moved = buildOrder({ shippingAddress: { ...base.shippingAddress!, line1: '99 Elm St', postalCode: '62704' } });
    const outcome = await h.deliver(buildDelivery(moved, 'order.updated', first.status === 'ok' ? first.externalRef : null));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: label already bought .*address_line1, postal_code/) });
    expect((await h.state()).records).toBe(1);
  });
});

describe('shipengine deliver: cancellation', () => {
  it('voids an unused label; a replay is ok and does not void twice', async () => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    const ref = first.status === 'ok' ? first.externalRef : null;
    const delivery = buildDelivery(cancelled(), 'order.cancelled', ref);
    expect(await h.deliver(delivery)).toEqual({ status: 'ok', externalRef: ref });
    expect(await h.deliver(delivery)).toEqual({ status: 'ok', externalRef: ref });
    const state = await h.state();
    expect(state.voided).toBe(1);
    expect(state.received.voidLabel).toBe(1);
  });

  it('finds the label by reference when the ledger has no label id', async () => {
    h = await startHarness();
    await h.deliver(buildDelivery(buildOrder()));
    expect((await h.deliver(buildDelivery(cancelled(), 'order.cancelled', null))).status).toBe('ok');
    expect((await h.state()).voided).toBe(1);
  });

  it.each(['in_transit', 'delivered'] as const)('a label the carrier already scanned (%s) needs manual action', async (status) => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    h.api.setTrackingStatus('shop:5512345678901', status);
    const outcome = await h.deliver(buildDelivery(cancelled(), 'order.cancelled', first.status === 'ok' ? first.externalRef : null));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: label .* is already used/) });
    expect((await h.state()).voided).toBe(0);
  });

  it('nothing to void when no label was bought', async () => {
    h = await startHarness();
    expect(await h.deliver(buildDelivery(cancelled(), 'order.cancelled', null))).toEqual({ status: 'ok', externalRef: null });
  });

  it('an update after the label was voided needs manual action (the reference is taken)', async () => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    const ref = first.status === 'ok' ? first.externalRef : null;
    await h.deliver(buildDelivery(cancelled(), 'order.cancelled', ref));
    const outcome = await h.deliver(buildDelivery(buildOrder(), 'order.updated', ref));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('was voided') });
    expect((await h.state()).records).toBe(1);
  });
});
