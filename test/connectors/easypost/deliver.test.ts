import { afterEach, describe, expect, it } from 'vitest';
import { buildDelivery, buildOrder } from './fixtures.js';
import { startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.mock.close(); });

const cancelled = () => buildOrder({ fulfillmentStatus: 'cancelled', financialStatus: 'voided' });
const refOf = (o: { status: string; externalRef?: string | null }) => (o.status === 'ok' ? o.externalRef ?? null : null);

describe('easypost deliver: buy a label', () => {
  it('creates a shipment with our reference and buys the configured carrier+service rate', async () => {
    h = await startHarness({ parcel: { weightOz: 40, length: 9, width: 6, height: 2 } });
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    const state = await h.state();
    expect(state).toMatchObject({ records: 1, labels: 1, duplicates: 0 });
    const shipment = state.shipments[0]!;
    expect(shipment.reference).toBe('shop:5512345678901');
    expect(shipment.to_address).toMatchObject({ name: 'Ada Lovelace', street1: '12 Main St', street2: 'Apt 4', city: 'Springfield', state: 'IL', zip: '62701', country: 'US', email: 'ada@example.com' });
    expect(shipment.from_address).toMatchObject({ name: 'Ordersync Demo Warehouse', city: 'San Francisco' });
    expect(shipment.parcel).toMatchObject({ weight: 40, length: 9, width: 6, height: 2 });
    expect(shipment.selected_rate).toMatchObject({ carrier: 'USPS', service: 'Priority', rate: '8.32', currency: 'USD' });
    expect(outcome).toEqual({
      status: 'ok', externalRef: shipment.id,
      shipment: {
        carrier: 'USPS', service: 'Priority', trackingNumber: shipment.tracking_code, trackingUrl: `${h.mock.url}/track/${shipment.tracking_code}`,
        labelUrl: `${h.mock.url}/files/postage_label/${shipment.id}.png`, cost: { amount: 832, currency: 'USD' },
      },
    });
  });

  it('a crash between "label bought" and "marked done" never buys two: same delivery twice → one label, same ref', async () => {
    h = await startHarness();
    const delivery = buildDelivery(buildOrder());
    const first = await h.deliver(delivery);
    const second = await h.deliver(delivery);
    expect(second).toEqual(first);
    expect(await h.state()).toMatchObject({ records: 1, labels: 1, duplicates: 0, duplicateAttempts: 0, received: { create: 1, buy: 1, list: 2 } });
  });

  it('a crash between create and buy: the unbought shipment is found and bought, not created again', async () => {
    h = await startHarness();
    h.api.loseNextAnswer('create'); // the shipment is created, the answer never arrives
    const outcomes = await h.deliverUntilSettled(buildDelivery(buildOrder()));
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'ok']);
    expect(await h.state()).toMatchObject({ records: 1, labels: 1, duplicates: 0 });
  });

  it('a buy whose answer was lost is found bought on the next attempt', async () => {
    h = await startHarness();
    h.api.loseNextAnswer('buy'); // the label is bought, the answer never arrives
    const outcomes = await h.deliverUntilSettled(buildDelivery(buildOrder()));
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'ok']);
    expect(await h.state()).toMatchObject({ records: 1, labels: 1, duplicates: 0, duplicateAttempts: 0 });
  });

  it('SHIPMENT.POSTAGE.EXISTS on buy (a concurrent run bought it first): that label is used, not a second one', async () => {
    h = await startHarness();
    h.api.raceNextBuy();
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    const state = await h.state();
    expect(state).toMatchObject({ records: 1, labels: 1, duplicates: 0, duplicateAttempts: 1 });
    expect(outcome).toMatchObject({ status: 'ok', externalRef: state.shipments[0]!.id, shipment: { trackingNumber: state.shipments[0]!.tracking_code } });
  });

  it('injected 500, timeout and 429 are retried and end with one label', async () => {
    h = await startHarness();
    await h.faults({ next: ['500', 'timeout', 429], timeoutHoldMs: 1_000 });
    const outcomes = await h.deliverUntilSettled(buildDelivery(buildOrder()));
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'retry', 'ok']);
    expect(outcomes[2]).toMatchObject({ status: 'retry', reason: expect.stringContaining('429') });
    expect((outcomes[2] as { retryAfterMs?: number }).retryAfterMs).toBeUndefined(); // EasyPost documents no wait header
    expect(await h.state()).toMatchObject({ records: 1, labels: 1, duplicates: 0 });
  });

  it('no rate for the configured carrier/service is rejected, listing what is offered', async () => {
    h = await startHarness({ carrier: 'FedEx', service: 'FEDEX_GROUND' });
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('offered: USPS GroundAdvantage, USPS Priority') });
    expect((await h.state()).labels).toBe(0);
  });

  it('EasyPost validation errors become a readable reason', async () => {
    h = await startHarness();
    const base = buildOrder();
    // city present for our mapping, but the from address lacks it: EasyPost's 422 field errors come back
    h.ctx.settings.fromAddress.city = '';
    const outcome = await h.deliver(buildDelivery(base));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('PARAMETER.REQUIRED: Missing required parameter. (shipment.from_address.city: is required)') });
  });

  it('plain http to a non-loopback host (127.0.0.2 counts as remote for the client) is refused before any request, as a rejected outcome', async () => {
    h = await startHarness({ url: 'http://127.0.0.2:9' });
    expect(await h.deliver(buildDelivery(buildOrder()))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is not https') });
  });

  it('refuses channel-fulfilled and unpaid orders; a bad key is unauthorized', async () => {
    h = await startHarness();
    expect(await h.deliver(buildDelivery(buildOrder({ fulfilledBy: 'channel' })))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('fulfilled by the channel') });
    expect(await h.deliver(buildDelivery(buildOrder({ financialStatus: 'pending' })))).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is pending') });
    expect((await h.state()).records).toBe(0);
    await h.mock.close();
    h = await startHarness({ apiKey: 'EZTKwrong' });
    expect((await h.deliver(buildDelivery(buildOrder()))).status).toBe('unauthorized');
  });

  it('the lookup pages back with before_id and finds an older shipment of ours', async () => {
    h = await startHarness({}, { indexPerSecond: 1_000_000 });
    const mine = await h.deliver(buildDelivery(buildOrder()));
    for (let i = 0; i < 105; i++) await h.deliver(buildDelivery(buildOrder({ externalId: `other-${i}` })));
    const again = await h.deliver(buildDelivery(buildOrder()));
    expect(again).toEqual(mine);
    const state = await h.state();
    expect(state).toMatchObject({ labels: 106, duplicates: 0 });
  }, 30_000);

  it('gives up with "needs manual action" rather than risk a second label when the lookup is too long', async () => {
    h = await startHarness({ lookupMaxPages: 1 }, { indexPerSecond: 1_000_000 });
    await h.deliver(buildDelivery(buildOrder()));
    for (let i = 0; i < 100; i++) await h.deliver(buildDelivery(buildOrder({ externalId: `o-${i}` })));
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: could not rule out/) });
    expect((await h.state()).duplicates).toBe(0);
  }, 30_000);
});

describe('easypost deliver: updates and cancellation', () => {
  it('an update with nothing relevant changed is ok with the same label; a new address needs manual action', async () => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    const same = await h.deliver(buildDelivery(buildOrder({ tags: ['gift'] }), 'order.updated', refOf(first)));
    expect(same).toEqual(first);
    const base = buildOrder();
    const moved = await h.deliver(buildDelivery(buildOrder({ shippingAddress: { ...base.shippingAddress!, postalCode: '10001', city: 'New York' } }), 'order.updated', refOf(first)));
    expect(moved).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: label already bought .*city, zip/) });
    expect((await h.state()).labels).toBe(1);
  });

  it('refunds an unused label; a replay is ok without a second refund', async () => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    const delivery = buildDelivery(cancelled(), 'order.cancelled', refOf(first));
    expect(await h.deliver(delivery)).toEqual({ status: 'ok', externalRef: refOf(first) });
    expect(await h.deliver(delivery)).toEqual({ status: 'ok', externalRef: refOf(first) });
    const state = await h.state();
    expect(state.shipments[0]!.refund_status).toBe('submitted');
    expect(state.received.refund).toBe(1);
  });

  it('finds the shipment by reference when the ledger has no id', async () => {
    h = await startHarness();
    await h.deliver(buildDelivery(buildOrder()));
    expect((await h.deliver(buildDelivery(cancelled(), 'order.cancelled', null))).status).toBe('ok');
    expect((await h.state()).refunds).toBe(1);
  });

  it.each(['in_transit', 'out_for_delivery', 'delivered'])('a label already %s needs manual action', async (status) => {
    h = await startHarness();
    const first = await h.deliver(buildDelivery(buildOrder()));
    h.api.setTrackingStatus('shop:5512345678901', status);
    const outcome = await h.deliver(buildDelivery(cancelled(), 'order.cancelled', refOf(first)));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: label .* is already used/) });
    expect((await h.state()).refunds).toBe(0);
  });

  it('nothing to refund when nothing was bought', async () => {
    h = await startHarness();
    expect(await h.deliver(buildDelivery(cancelled(), 'order.cancelled', null))).toEqual({ status: 'ok', externalRef: null });
  });
});
