// Parcels a WMS reports: matched to ledger orders, recorded once with their lines, one event and
// one delivery each to the channel's fulfillment queue; unknown orders quarantined; a page and
// its cursor commit together or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger, type ReportedShipment } from '../../src/ledger/index.js';
import { makeOrder } from '../support/orders.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const twoLines = makeOrder({
  lines: [
    { externalId: 'l1', sku: 'TEE-BLK-M', title: 'Logo Tee', quantity: 2, unitPrice: eur(1995), tax: eur(0), discount: eur(0) },
    { externalId: 'l2', sku: 'MUG-12OZ', title: 'Mug', quantity: 1, unitPrice: eur(1800), tax: eur(0), discount: eur(0) },
  ],
});

function parcel(trackingNumber: string, lines: ReportedShipment['lines'], overrides: Partial<ReportedShipment> = {}): ReportedShipment {
  return {
    reference: 'shop:1001', order: { channel: 'shop', externalId: '1001' }, externalId: `s-${trackingNumber}`, carrier: 'USPS', service: 'Priority',
    trackingNumber, trackingUrl: `https://t/${trackingNumber}`, shippedAt: '2026-11-02T09:00:00.000Z', lines, raw: { id: trackingNumber },
    confirmOn: 'channel:shop', ...overrides,
  };
}
const tee = { sku: 'TEE-BLK-M', lineExternalId: null, quantity: 2 };
const mug = { sku: 'MUG-12OZ', lineExternalId: null, quantity: 1 };

describe('ledger: shipments a WMS reports', () => {
  let ledger: Ledger;
  const page = (shipments: ReportedShipment[], cursor: unknown = { at: 1 }) => ledger.shipments.commitPage({ source: 'wms', shipments, rejected: [], cursor });
  beforeEach(() => {
    ledger = openLedger(':memory:');
    ledger.orders.commitPage({ channel: 'shop', rejected: [], checkpoint: null, orders: [{ order: twoLines, targets: ['wms'], moneyDifference: 0 }] });
  });
  afterEach(() => ledger.close());

  it('two parcels of a two-line order: two shipments, two events, two deliveries carrying their own lines', () => {
    const result = page([parcel('T1', [tee]), parcel('T2', [mug])], { readUntil: 'x' });
    expect(result).toEqual({ recorded: 2, known: 0, quarantined: 0, deliveries: 2 });
    expect(ledger.queries.eventsSince(0)).toEqual({ 'order.created': 1, 'shipment.created': 2 });
    expect(ledger.shipments.readCursor('wms')).toEqual({ readUntil: 'x' });
    // One at a time per order (events stay in order): settle the first to get the second.
    const first = ledger.deliveries.claimDue('channel:shop', 5);
    ledger.deliveries.settle(first[0]!.id, { status: 'done', externalRef: 'F1' });
    const claimed = [...first, ...ledger.deliveries.claimDue('channel:shop', 5)];
    expect(claimed.map((d) => [d.event.type, d.shipment?.trackingNumber, d.shipment?.lines])).toEqual([
      ['shipment.created', 'T1', [{ externalId: 'l1', quantity: 2 }]],
      ['shipment.created', 'T2', [{ externalId: 'l2', quantity: 1 }]],
    ]);
    expect(claimed[0]?.shipment).toMatchObject({ carrier: 'USPS', service: 'Priority', trackingUrl: 'https://t/T1' });
  });

  it('a re-pull of the same parcels adds nothing', () => {
    page([parcel('T1', [tee]), parcel('T2', [mug])]);
    const again = page([parcel('T1', [tee]), parcel('T2', [mug])], { at: 2 });
    expect(again).toEqual({ recorded: 0, known: 2, quarantined: 0, deliveries: 0 });
    expect(ledger.queries.eventsSince(0)['shipment.created']).toBe(2);
    expect(ledger.deliveries.counts()['channel:shop']?.pending).toBe(2);
    expect(ledger.shipments.readCursor('wms')).toEqual({ at: 2 });
  });

  it('a parcel for an order the ledger does not know goes to quarantine with the reason, once; the page goes on', () => {
    const stranger = parcel('T9', [tee], { reference: 'shop:4040', order: { channel: 'shop', externalId: '4040' } });
    const foreign = parcel('T8', [tee], { reference: 'PORTAL-77', order: null });
    const result = page([stranger, foreign, parcel('T1', [tee])]);
    expect(result).toEqual({ recorded: 1, known: 0, quarantined: 2, deliveries: 1 });
    const quarantined = ledger.queries.quarantinedSince(0);
    expect(quarantined.map((q) => [q.channel, q.externalId])).toEqual([['target:wms', 'shop:4040'], ['target:wms', 'PORTAL-77']]);
    expect(quarantined[0]?.reason).toBe('shipment s-T9 (USPS T9) for shop:4040: the ledger has no such order');
    expect(quarantined[1]?.reason).toContain('not a reference ordersync made');
    expect(page([stranger]).quarantined).toBe(0); // its next tracking update is not quarantined again
    expect(ledger.queries.quarantinedSince(0)).toHaveLength(2);
  });

  it('a parcel that does not fit the order (unknown SKU, more than ordered) is quarantined, not recorded', () => {
    const result = page([parcel('T1', [{ sku: 'HAT', lineExternalId: null, quantity: 1 }]), parcel('T2', [{ ...tee, quantity: 3 }])]);
    expect(result).toMatchObject({ recorded: 0, quarantined: 2 });
    expect(ledger.queries.quarantinedSince(0).map((q) => q.reason)).toEqual([
      'shipment s-T1 (USPS T1) for shop:1001: SKU HAT is not on the order',
      'shipment s-T2 (USPS T2) for shop:1001: 3 × TEE-BLK-M shipped, but only 2 left to ship on the order',
    ]);
  });

  it('a channel that takes no tracking back: the shipment and its event are recorded, no delivery', () => {
    expect(page([parcel('T1', [tee], { confirmOn: null })])).toEqual({ recorded: 1, known: 0, quarantined: 0, deliveries: 0 });
    expect(ledger.deliveries.counts()['channel:shop']).toBeUndefined();
  });

  it('a page and its cursor commit together or not at all', () => {
    page([parcel('T1', [tee])], { at: 1 });
    // A cursor that cannot be stored (a BigInt) fails the transaction after the shipments were written.
    expect(() => page([parcel('T2', [mug])], { at: BigInt(2) })).toThrow();
    expect(ledger.shipments.readCursor('wms')).toEqual({ at: 1 });
    expect(ledger.queries.eventsSince(0)['shipment.created']).toBe(1);
    expect(ledger.deliveries.counts()['channel:shop']?.pending).toBe(1);
  });
});
